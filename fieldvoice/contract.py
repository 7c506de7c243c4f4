"""The field export contract (../shared/field-export-format.md) as data: canonical columns, enums, countries.

One place for these facts; the generator, the readers, the validation suites and the tests all import them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    dial_code: str  # E.164 country calling code, without "+"
    timezone: str  # IANA zone of the capital (used for plausible-hours checks)
    languages: tuple[str, ...]  # ISO 639-1, most spoken first
    # Plausible bounding box (lat_min, lat_max, lon_min, lon_max), a little generous at the borders.
    bbox: tuple[float, float, float, float]


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country("TN", "Tunisia", "216", "Africa/Tunis", ("ar", "fr"), (30.0, 37.8, 7.3, 11.8)),
        Country("SN", "Senegal", "221", "Africa/Dakar", ("fr", "wo"), (12.2, 16.8, -17.7, -11.2)),
        Country("CI", "Côte d'Ivoire", "225", "Africa/Abidjan", ("fr",), (4.2, 10.9, -8.7, -2.4)),
        Country("CM", "Cameroon", "237", "Africa/Douala", ("fr", "en"), (1.5, 13.2, 8.3, 16.3)),
        Country("EG", "Egypt", "20", "Africa/Cairo", ("ar", "en"), (21.9, 31.8, 24.6, 37.0)),
        Country("JO", "Jordan", "962", "Asia/Amman", ("ar", "en"), (29.1, 33.5, 34.8, 39.4)),
        Country("MA", "Morocco", "212", "Africa/Casablanca", ("ar", "fr"), (27.5, 36.0, -13.3, -0.9)),
        Country("ML", "Mali", "223", "Africa/Bamako", ("fr",), (10.1, 25.1, -12.3, 4.3)),
        Country("BF", "Burkina Faso", "226", "Africa/Ouagadougou", ("fr",), (9.3, 15.1, -5.6, 2.5)),
        Country("GN", "Guinea", "224", "Africa/Conakry", ("fr",), (7.1, 12.7, -15.1, -7.6)),
        Country("CD", "DR Congo", "243", "Africa/Kinshasa", ("fr",), (-13.5, 5.4, 12.1, 31.4)),
        Country("MG", "Madagascar", "261", "Indian/Antananarivo", ("fr", "mg"), (-25.7, -11.9, 43.1, 50.6)),
        Country("BW", "Botswana", "267", "Africa/Gaborone", ("en",), (-27.0, -17.7, 19.9, 29.4)),
        Country("LR", "Liberia", "231", "Africa/Monrovia", ("en",), (4.3, 8.6, -11.6, -7.3)),
        Country("SL", "Sierra Leone", "232", "Africa/Freetown", ("en",), (6.8, 10.1, -13.4, -10.2)),
        Country("GW", "Guinea-Bissau", "245", "Africa/Bissau", ("pt",), (10.8, 12.8, -16.8, -13.6)),
        Country("CF", "Central African Republic", "236", "Africa/Bangui", ("fr",), (2.2, 11.1, 14.4, 27.5)),
    )
}

SEGMENTS = ("prepaid", "postpaid", "business", "mobile_money_only")
PRODUCTS = ("mobile_voice", "mobile_data", "home_internet", "mobile_money", "tv")
JOURNEY_STAGES = (
    "discover",
    "buy_activate",
    "use_network",
    "recharge_bundles",
    "mobile_money",
    "billing",
    "get_help",
    "leave",
)
PAIN_POINTS = (
    "network_coverage",
    "call_drops",
    "slow_data",
    "bundle_expiry",
    "price",
    "topup_failure",
    "mm_transaction_failed",
    "mm_fees",
    "mm_agent_cash",
    "sim_registration",
    "care_wait",
    "care_unresolved",
    "shop_queue",
    "billing_error",
    "fraud_scam",
    "other",
)
YES_NO = ("yes", "no")
RATING_COLUMNS = (
    "rating_network",
    "rating_data",
    "rating_price",
    "rating_mobile_money",
    "rating_customer_care",
    "rating_shop",
)
PII_COLUMNS = ("customer_name", "customer_msisdn")
FREE_TEXT_COLUMNS = ("verbatim", "suggestion")
MULTI_SELECT_COLUMNS = ("products", "pain_points")
TIMESTAMP_COLUMNS = ("submitted_at", "interview_start", "interview_end")
INTEGER_COLUMNS = ("nps", "csat", "ces", *RATING_COLUMNS)
DECIMAL_COLUMNS = ("latitude", "longitude")

# Canonical interview columns, in export order.
CANONICAL_COLUMNS: tuple[str, ...] = (
    "submission_id",
    "submitted_at",
    "interview_start",
    "interview_end",
    "collaborator_id",
    "country_code",
    "locality",
    "latitude",
    "longitude",
    "customer_ref",
    "customer_name",
    "customer_msisdn",
    "customer_segment",
    "products",
    "journey_stage",
    "nps",
    "csat",
    "ces",
    *RATING_COLUMNS,
    "pain_points",
    "verbatim",
    "suggestion",
    "language",
    "callback_requested",
    "consent",
    "app_version",
    "device_id",
)

# A file without one of these cannot yield usable interviews: it fails as a whole, naming the column.
# Everything else is optional and becomes null when absent.
REQUIRED_COLUMNS: tuple[str, ...] = (
    "submission_id",
    "submitted_at",
    "collaborator_id",
    "country_code",
    "locality",
    "journey_stage",
    "nps",
    "csat",
    "consent",
)

COLLABORATOR_ID_PATTERN = r"^EMP-\d{6}$"
CUSTOMER_REF_PATTERN = r"^CUS-[A-Z]{2}-\d{6}$"

# Reference files of the landing zone: file name -> required columns.
REFERENCE_FILES: dict[str, tuple[str, ...]] = {
    "collaborators": ("collaborator_id", "function", "country_code", "home_locality"),
    "targets": ("customer_ref", "country_code", "locality", "segment", "priority"),
    "localities": ("locality", "country_code", "locality_type", "latitude", "longitude"),
}
LOCALITY_TYPES = ("urban", "peri_urban", "rural")
