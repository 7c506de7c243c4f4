"""Per-country programme facts the generator needs beyond contract.COUNTRIES: size, mood, tools, money.

Weights follow roughly the square root of the population (big countries run bigger programmes, but not
proportionally). Tool mixes follow what field teams actually use: French-locale spreadsheets (`;`, cp1252) in
North and West Africa, KoboToolbox with NGO-trained teams, ODK Central in Liberia, Sierra Leone and DR Congo.
"""

from dataclasses import dataclass

from fieldvoice.contract import COUNTRIES

# Export dialects, in the order of the spec.
DIALECTS = ("csv_cp1252", "csv_bom", "kobo", "odk", "jsonl", "xlsx")


@dataclass(frozen=True)
class Money:
    labels: dict[str, tuple[str, ...]]  # language -> ways the currency is written
    small: tuple[int, ...]  # bundle, top-up, fee sized amounts
    big: tuple[int, ...]  # transfer, bill sized amounts


@dataclass(frozen=True)
class Profile:
    weight: float
    satisfaction: float  # mean of the latent satisfaction (0..1)
    languages: dict[str, float]  # language actually spoken in the verbatim -> share
    tools: dict[str, float]  # dialect -> share of the country's field teams
    money: tuple[Money, ...]
    mm_brand: str


_XOF_SMALL = (100, 200, 300, 500, 1000, 1500, 2000, 2500, 3000, 5000, 10000)
_XOF_BIG = (2000, 5000, 10000, 15000, 20000, 25000, 30000, 50000, 75000, 100000, 150000, 200000, 500000)
_CFA = Money(
    {"fr": ("FCFA", "F CFA", "francs", "FCFA"), "en": ("CFA", "FCFA"), "pt": ("FCFA", "francos CFA")},
    _XOF_SMALL,
    _XOF_BIG,
)
_USD = Money({"fr": ("dollars", "$"), "en": ("US dollars", "USD")}, (1, 2, 3, 5, 10), (20, 50, 100, 200, 500))

PROFILES: dict[str, Profile] = {
    "TN": Profile(
        3.5,
        0.60,
        {"ar": 0.6, "fr": 0.4},
        {"csv_cp1252": 0.45, "kobo": 0.25, "jsonl": 0.22, "xlsx": 0.08},
        (
            Money(
                {"fr": ("dinars", "DT", "dinars"), "ar": ("دينار", "د.ت", "دينار"), "en": ("dinars", "TND")},
                (1, 2, 3, 5, 7, 10, 15, 20, 25, 30),
                (20, 50, 100, 150, 200, 300, 500, 1000),
            ),
        ),
        "Orange Money",
    ),
    "MA": Profile(
        6.1,
        0.62,
        {"ar": 0.6, "fr": 0.4},
        {"csv_cp1252": 0.35, "kobo": 0.35, "jsonl": 0.3},
        (
            Money(
                {"fr": ("dirhams", "DH", "dh"), "ar": ("درهم", "درهم", "ريال"), "en": ("dirhams", "MAD")},
                (5, 10, 20, 30, 50, 100),
                (100, 200, 300, 500, 1000, 2000, 5000),
            ),
        ),
        "Orange Money",
    ),
    "EG": Profile(
        10.5,
        0.58,
        {"ar": 0.85, "en": 0.15},
        {"jsonl": 0.54, "odk": 0.4, "xlsx": 0.06},
        (
            Money(
                {"ar": ("جنيه", "جنيه", "ج.م"), "en": ("pounds", "EGP", "LE")},
                (5, 10, 20, 25, 50, 100, 150, 200),
                (200, 500, 1000, 1500, 2000, 3000, 5000, 10000),
            ),
        ),
        "Orange Cash",
    ),
    "JO": Profile(
        3.3,
        0.63,
        {"ar": 0.8, "en": 0.2},
        {"jsonl": 0.5, "csv_bom": 0.3, "odk": 0.2},
        (
            Money(
                {"ar": ("دينار", "دينار", "ليرة"), "en": ("JD", "dinars")},
                (1, 2, 3, 5, 7, 10, 15),
                (20, 50, 100, 150, 200, 300, 500),
            ),
        ),
        "Orange Money",
    ),
    "SN": Profile(4.1, 0.61, {"fr": 1.0}, {"kobo": 0.5, "csv_bom": 0.3, "jsonl": 0.2}, (_CFA,), "Orange Money"),
    "CI": Profile(5.3, 0.62, {"fr": 1.0}, {"csv_bom": 0.45, "kobo": 0.25, "jsonl": 0.3}, (_CFA,), "Orange Money"),
    "CM": Profile(
        5.3,
        0.57,
        {"fr": 0.75, "en": 0.25},
        {"odk": 0.35, "csv_bom": 0.37, "jsonl": 0.22, "xlsx": 0.06},
        (_CFA,),
        "Orange Money",
    ),
    "ML": Profile(4.7, 0.59, {"fr": 1.0}, {"kobo": 0.6, "csv_cp1252": 0.4}, (_CFA,), "Orange Money"),
    "BF": Profile(4.7, 0.60, {"fr": 1.0}, {"kobo": 0.5, "csv_cp1252": 0.3, "csv_bom": 0.2}, (_CFA,), "Orange Money"),
    "GN": Profile(
        3.6,
        0.56,
        {"fr": 1.0},
        {"csv_cp1252": 0.44, "kobo": 0.44, "xlsx": 0.12},
        (
            Money(
                {"fr": ("GNF", "francs guinéens", "francs")},
                (1000, 2000, 5000, 10000, 20000, 50000),
                (50000, 100000, 200000, 500000, 1000000, 2000000),
            ),
        ),
        "Orange Money",
    ),
    "CD": Profile(
        10.0,
        0.54,
        {"fr": 1.0},
        {"odk": 0.5, "csv_bom": 0.3, "jsonl": 0.2},
        (
            Money(
                {"fr": ("FC", "francs congolais", "francs")},
                (500, 1000, 2000, 5000, 10000),
                (10000, 20000, 50000, 100000, 200000, 500000),
            ),
            _USD,
        ),
        "Orange Money",
    ),
    "MG": Profile(
        5.4,
        0.60,
        {"fr": 1.0},
        {"csv_cp1252": 0.4, "csv_bom": 0.3, "jsonl": 0.3},
        (
            Money(
                {"fr": ("ariary", "Ar", "ariary")},
                (500, 1000, 2000, 3000, 5000, 10000),
                (10000, 20000, 50000, 100000, 200000, 500000),
            ),
        ),
        "Orange Money",
    ),
    "BW": Profile(
        1.6,
        0.66,
        {"en": 1.0},
        {"jsonl": 0.62, "odk": 0.23, "xlsx": 0.15},
        (Money({"en": ("pula", "BWP", "pula")}, (5, 10, 20, 30, 50, 100), (100, 200, 500, 1000, 2000, 5000)),),
        "Orange Money",
    ),
    "LR": Profile(
        2.2,
        0.58,
        {"en": 1.0},
        {"odk": 0.7, "jsonl": 0.3},
        (
            Money({"en": ("LD", "Liberian dollars")}, (50, 100, 200, 250, 500, 1000), (1000, 2000, 5000, 10000)),
            _USD,
        ),
        "Orange Money",
    ),
    "SL": Profile(
        2.8,
        0.57,
        {"en": 1.0},
        {"odk": 0.64, "csv_bom": 0.24, "xlsx": 0.12},
        (Money({"en": ("leones", "NLe", "leones")}, (5, 10, 15, 20, 50, 100), (100, 200, 500, 1000, 2000)),),
        "Orange Money",
    ),
    "GW": Profile(1.4, 0.60, {"pt": 1.0}, {"kobo": 0.6, "csv_bom": 0.4}, (_CFA,), "Orange Money"),
    "CF": Profile(2.2, 0.55, {"fr": 1.0}, {"kobo": 0.5, "csv_cp1252": 0.3, "odk": 0.2}, (_CFA,), "Orange Money"),
}

assert set(PROFILES) == set(COUNTRIES), "every programme country needs a generator profile"

APP_VERSIONS = ("2.3.9", "2.4.0", "2.4.1", "2.4.2")
APP_VERSION_WEIGHTS = (0.08, 0.22, 0.55, 0.15)
