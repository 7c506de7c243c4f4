"""Schema and row rules of the interviews suite, as data (GX 1.x expectation configurations), and the
thresholds of every rule (day rules: `rules_day.py`).

`build_suites` turns these into `expectations/*.json`; at run time only the JSON files are read, so a rule
changed by editing JSON works without code. Each expectation's `meta` carries:
- `level`: "schema" (blocking: nothing is validated), "row" (the failing rows are quarantined), "day"
  (a warning about the whole partition; rows are kept);
- `reason`: the short code written into the quarantine `reasons` and the check metadata;
- `kind` (row level only): "invalid", or "duplicate" for the re-export rule.
Expectations run on the *prepared* frame (`fieldvoice.quality.prepare`): normalised canonical columns plus
derived columns, listed with their meaning in the suite's `meta.derived_columns`.
"""

from typing import Any

from fieldvoice import contract as c

Rule = dict[str, Any]

# Thresholds, named so a reviewer finds them in one place (and in the JSON kwargs).
INTERVIEW_MINUTES = (2, 180)  # shorter is a fake, longer than 3 h is suspicious (contract)
SUBMIT_SLACK_MINUTES = 15  # device clocks drift: an end a little after the upload is tolerated
MAX_SUBMIT_DELAY_MINUTES = 30 * 24 * 60  # older than 30 days before upload: a device clock reset (1970)
FUTURE_SKEW_MINUTES = 5
VERBATIM_MAX_CHARS = 5_000
SUGGESTION_MAX_CHARS = 2_000
NPS_MEAN_BAND = (3.0, 9.5)
PLAUSIBLE_HOURS = (6, 22)  # interviews start between 06:00 and 22:59 local time
MEMBERSHIP_MOSTLY = 0.95  # roster / locality / targets membership: "should" in the contract -> day level
NON_NULL_MIN = {
    "interview_start": 0.9,
    "interview_end": 0.9,
    "customer_segment": 0.9,
    "products": 0.8,
    "ces": 0.7,
    "latitude": 0.5,
    "longitude": 0.5,
    "verbatim": 0.5,
}
VOLUME_RULE = {"window_days": 14, "min_history_days": 3, "min_mean_rows": 20, "min_ratio": 0.3, "max_ratio": 3.0}
LINEAGE_REQUIRED = ("partition_date", "source_file", "source_line")
# Derived membership column -> (column looked up, name of the reference lookup in ReferenceData.lookups()).
MEMBERSHIP = {
    "collaborator_in_roster": ("collaborator_id", "roster_collaborator_ids"),
    "locality_known": ("country_locality", "known_country_localities"),
    "customer_in_targets": ("customer_ref", "target_customer_refs"),
}

DERIVED_COLUMNS = {
    "<column>__unparsed": "the raw text of a value that could not be parsed to its type, else null",
    "interview_minutes": "interview_end - interview_start, in minutes",
    "submission_lag_minutes": "submitted_at - interview_end, in minutes",
    "minutes_ahead_of_now": "submitted_at - now (the run's clock), in minutes",
    "coordinates_in_country": "latitude/longitude inside contract.COUNTRIES[country_code].bbox (null: no coordinates)",
    "country_locality": "country_code|locality, accents and case folded, to look up in raw.localities",
    "interview_start_local_hour": "hour of interview_start in the country's time zone (contract timezone)",
    "collaborator_in_roster": "collaborator_id found in the validated roster (raw.collaborators)",
    "locality_known": "country_locality found in the validated localities (raw.localities)",
    "customer_in_targets": "customer_ref found in the validated targets (raw.targets); null for walk-ins",
}


def rule(kind: str, level: str, reason: str, **kwargs: Any) -> Rule:
    meta: dict[str, Any] = {"level": level, "reason": reason}
    if level == "row":
        meta["kind"] = "duplicate" if reason == "superseded_reexport" else "invalid"
    for key in ("note", "accepted_formats", "requires", "shows"):
        if key in kwargs:
            meta[key] = kwargs.pop(key)
    # GX's own severity mirrors the level for anyone reading results with GX tools.
    severity = "critical" if level == "schema" else "warning"
    return {"type": kind, "kwargs": kwargs, "meta": meta, "severity": severity}


def membership_rule(column: str, reason: str) -> Rule:
    """Day-level lookup in a reference table, through a derived boolean column (see MEMBERSHIP).

    A GX `$PARAMETER` value set of 10,000 roster ids made GX re-serialise the list for every metric (6 s for
    15,000 rows); a boolean computed with pandas `isin` costs milliseconds. `shows` names the column whose
    values the failure samples display instead of `False`.
    """
    source, lookup = MEMBERSHIP[column]
    return rule(
        "expect_column_values_to_be_in_set",
        "day",
        reason,
        column=column,
        value_set=[True],
        mostly=MEMBERSHIP_MOSTLY,
        requires=lookup,
        shows=source,
    )


def _multi_select_regex(codes: tuple[str, ...]) -> str:
    alternatives = "|".join(codes)
    return rf"^(?:{alternatives})(?: (?:{alternatives}))*$"


def schema_rules(columns: tuple[str, ...]) -> list[Rule]:
    return [rule("expect_column_to_exist", "schema", "missing_column", column=col) for col in columns]


def interview_rules() -> list[Rule]:
    rules = schema_rules((*c.CANONICAL_COLUMNS, *LINEAGE_REQUIRED))
    rules += [
        rule("expect_column_values_to_not_be_null", "row", "required_value_missing", column=col)
        for col in c.REQUIRED_COLUMNS
    ]
    rules.append(
        rule(
            "expect_column_values_to_be_unique",
            "row",
            "superseded_reexport",
            column="submission_id",
            note="Within a partition the latest submitted_at wins (ties: later source_file, then source_line); "
            "only the superseded rows are quarantined.",
        )
    )
    rules.append(rule("expect_column_values_to_be_null", "row", "unreadable_record", column="record_issue"))
    timestamp_note = [
        "ISO-8601 with offset or Z (T or space, optional fraction, offset +HH:MM, +HHMM or +HH)",
        "ISO-8601 without offset, read in the country's time zone",
        "DD/MM/YYYY HH:MM[:SS], read in the country's time zone",
        "Unix epoch seconds (10 digits) or milliseconds (13 digits)",
    ]
    for col in c.TIMESTAMP_COLUMNS:
        rules.append(
            rule(
                "expect_column_values_to_be_null",
                "row",
                "unparseable_timestamp",
                column=f"{col}__unparsed",
                accepted_formats=timestamp_note,
            )
        )
    for col in c.INTEGER_COLUMNS:
        rules.append(rule("expect_column_values_to_be_null", "row", "unparseable_integer", column=f"{col}__unparsed"))
    for col in c.DECIMAL_COLUMNS:
        rules.append(rule("expect_column_values_to_be_null", "row", "unparseable_decimal", column=f"{col}__unparsed"))
    ranges = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)} | {col: (1, 5) for col in c.RATING_COLUMNS}
    for col, (low, high) in ranges.items():
        rules.append(
            rule(
                "expect_column_values_to_be_between",
                "row",
                "score_out_of_range",
                column=col,
                min_value=low,
                max_value=high,
            )
        )
    enums = {
        "country_code": ("unknown_country", tuple(c.COUNTRIES)),
        "customer_segment": ("unknown_segment", c.SEGMENTS),
        "journey_stage": ("unknown_journey_stage", c.JOURNEY_STAGES),
        "callback_requested": ("invalid_yes_no", c.YES_NO),
        "consent": ("invalid_yes_no", c.YES_NO),
    }
    for col, (reason, values) in enums.items():
        rules.append(rule("expect_column_values_to_be_in_set", "row", reason, column=col, value_set=list(values)))
    rules += [
        rule(
            "expect_column_values_to_match_regex",
            "row",
            "unknown_product",
            column="products",
            regex=_multi_select_regex(c.PRODUCTS),
        ),
        rule(
            "expect_column_values_to_match_regex",
            "row",
            "unknown_pain_point",
            column="pain_points",
            regex=_multi_select_regex(c.PAIN_POINTS),
        ),
        rule(
            "expect_column_values_to_match_regex",
            "row",
            "bad_collaborator_id",
            column="collaborator_id",
            regex=c.COLLABORATOR_ID_PATTERN,
        ),
        rule(
            "expect_column_values_to_match_regex",
            "row",
            "bad_customer_ref",
            column="customer_ref",
            regex=c.CUSTOMER_REF_PATTERN,
        ),
        rule(
            "expect_column_values_to_be_between",
            "row",
            "end_before_start",
            column="interview_minutes",
            min_value=0,
            note="interview_end >= interview_start, on the derived duration (GX's column-pair expectation reads "
            "tz-aware datetimes through a pandas API that pandas 4 removes)",
        ),
        rule(
            "expect_column_values_to_be_between",
            "row",
            "implausible_submission_lag",
            column="submission_lag_minutes",
            min_value=-SUBMIT_SLACK_MINUTES,
            max_value=MAX_SUBMIT_DELAY_MINUTES,
        ),
        rule(
            "expect_column_values_to_be_between",
            "row",
            "timestamp_in_future",
            column="minutes_ahead_of_now",
            max_value=FUTURE_SKEW_MINUTES,
        ),
        rule(
            "expect_column_values_to_be_between",
            "row",
            "implausible_duration",
            column="interview_minutes",
            min_value=INTERVIEW_MINUTES[0],
            max_value=INTERVIEW_MINUTES[1],
        ),
        rule(
            "expect_column_values_to_be_in_set",
            "row",
            "coordinates_outside_country",
            column="coordinates_in_country",
            value_set=[True],
        ),
        rule(
            "expect_column_value_lengths_to_be_between",
            "row",
            "text_too_long",
            column="verbatim",
            max_value=VERBATIM_MAX_CHARS,
        ),
        rule(
            "expect_column_value_lengths_to_be_between",
            "row",
            "text_too_long",
            column="suggestion",
            max_value=SUGGESTION_MAX_CHARS,
        ),
    ]
    return rules
