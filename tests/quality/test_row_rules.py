"""Every row-level expectation of expectations/interviews.json is violated by one fixture row and caught.

One partition holds a valid row per mutation (validated once: GX costs ~1 s per run), so each parametrised
case checks its own row. A rule added to the suite without a mutation here fails `test_every_row_rule_is_covered`.
"""

import json

import pandas as pd
import pytest

from fieldvoice.contract import CANONICAL_COLUMNS, RATING_COLUMNS, REQUIRED_COLUMNS
from fieldvoice.quality import validate_interviews
from fieldvoice.quality.gx_runner import expectations_at, load_suite

ROW_RULES = expectations_at(load_suite("interviews"), "row")
_TS = {"submitted_at": "yesterday", "interview_start": "32/13/2026 25:00", "interview_end": "soon"}


def _set(**values: str | None):
    return lambda row: row.update(values)


MUTATIONS = {
    **{("required_value_missing", col): _set(**{col: None}) for col in REQUIRED_COLUMNS},
    ("unreadable_record", "record_issue"): _set(record_issue="unterminated quoted field"),
    **{("unparseable_timestamp", f"{col}__unparsed"): _set(**{col: bad}) for col, bad in _TS.items()},
    **{
        ("unparseable_integer", f"{col}__unparsed"): _set(**{col: "ten"})
        for col in ("nps", "csat", "ces", *RATING_COLUMNS)
    },
    ("unparseable_decimal", "latitude__unparsed"): _set(latitude="north"),
    ("unparseable_decimal", "longitude__unparsed"): _set(longitude="1,2,3"),
    ("score_out_of_range", "nps"): _set(nps="11"),
    ("score_out_of_range", "csat"): _set(csat="0"),
    ("score_out_of_range", "ces"): _set(ces="8"),
    **{("score_out_of_range", col): _set(**{col: "6"}) for col in RATING_COLUMNS},
    ("unknown_country", "country_code"): _set(country_code="FR"),
    ("unknown_segment", "customer_segment"): _set(customer_segment="gold"),
    ("unknown_journey_stage", "journey_stage"): _set(journey_stage="onboarding"),
    ("invalid_yes_no", "callback_requested"): _set(callback_requested="maybe"),
    ("invalid_yes_no", "consent"): _set(consent="later"),
    ("unknown_product", "products"): _set(products="mobile_voice satellite"),
    ("unknown_pain_point", "pain_points"): _set(pain_points="slow_data bad_vibes"),
    ("bad_collaborator_id", "collaborator_id"): _set(collaborator_id="EMP-12"),
    ("bad_customer_ref", "customer_ref"): _set(customer_ref="CUS-1"),
    ("end_before_start", "interview_minutes"): _set(interview_end="2026-11-02T10:00:00+00:00"),
    ("implausible_submission_lag", "submission_lag_minutes"): _set(
        submitted_at="2026-11-02T09:00:00+00:00", interview_start="2026-11-02T08:00:00+00:00"
    ),
    ("timestamp_in_future", "minutes_ahead_of_now"): _set(submitted_at="2026-11-04T10:00:00+00:00"),
    ("implausible_duration", "interview_minutes"): _set(interview_end="2026-11-02T10:13:00+00:00"),
    ("coordinates_outside_country", "coordinates_in_country"): _set(latitude="48.85", longitude="2.35"),
    ("text_too_long", "verbatim"): _set(verbatim="x" * 5001),
    ("text_too_long", "suggestion"): _set(suggestion="y" * 2001),
}
DUPLICATE_KEY = ("superseded_reexport", "submission_id")


def _key(config: dict) -> tuple[str, str]:
    kwargs = config["kwargs"]
    column = kwargs.get("column") or f"{kwargs['column_A']},{kwargs['column_B']}"
    return config["meta"]["reason"], column


@pytest.fixture(scope="module")
def defects(copies, reference, make_raw, now):
    """Row i breaks rule i; the last two rows are an interview exported twice (the second copy wins)."""
    keys = [_key(e) for e in ROW_RULES if _key(e) != DUPLICATE_KEY]
    rows = copies(len(keys) + 3)
    for key, row in zip(keys, rows, strict=False):
        MUTATIONS[key](row)
    older, newer = rows[-2], rows[-1]
    newer["submission_id"] = older["submission_id"]
    newer["submitted_at"] = "2026-11-02T21:00:00+00:00"  # later upload than older's 20:01
    raw = make_raw(rows)
    result = validate_interviews(raw, reference, now=now)
    return raw, keys, result


def test_every_row_rule_is_covered():
    missing = [_key(e) for e in ROW_RULES if _key(e) not in MUTATIONS and _key(e) != DUPLICATE_KEY]
    assert not missing, f"row rules without a violating fixture: {missing}"


@pytest.mark.parametrize("key", [_key(e) for e in ROW_RULES], ids=lambda k: f"{k[0]}:{k[1]}")
def test_row_rule_is_caught(defects, key):
    raw, keys, result = defects
    outcome = next(o for o in result.checks["row"].outcomes if (o.reason, o.column) == key)
    assert outcome.success is False
    if key == DUPLICATE_KEY:
        line = int(raw["source_line"].iloc[-2])
        kind = "duplicate"
    else:
        line = int(raw["source_line"].iloc[keys.index(key)])
        kind = "invalid"
    row = result.quarantine[result.quarantine["source_line"] == line]
    assert len(row) == 1, f"the violating row (line {line}) is quarantined once"
    assert row["kind"].iat[0] == kind
    reasons = json.loads(row["reasons"].iat[0])
    assert any((r["rule"], r["column"]) == key for r in reasons)


def test_invariant_raw_equals_validated_plus_quarantined(defects):
    raw, _, result = defects
    assert len(raw) == len(result.validated) + len(result.quarantine)
    assert result.counts["quarantined_duplicate"] == 1
    # The valid spare row and the winning re-export are validated; nothing else is.
    assert set(result.validated["source_line"]) == {int(raw["source_line"].iloc[-3]), int(raw["source_line"].iloc[-1])}
    lines = pd.concat([result.validated["source_line"], result.quarantine["source_line"]])
    assert sorted(lines) == sorted(raw["source_line"])


def test_required_unparseable_score_is_one_reason(defects):
    raw, keys, result = defects
    line = int(raw["source_line"].iloc[keys.index(("unparseable_integer", "nps__unparsed"))])
    row = result.quarantine[result.quarantine["source_line"] == line]
    assert row["reason_codes"].iat[0] == "unparseable_integer"


def test_validated_types(defects):
    _, _, result = defects
    v = result.validated
    assert str(v["submitted_at"].dtype) == "datetime64[us, UTC]"
    assert str(v["nps"].dtype) == "Int64" and v["latitude"].dtype == "float64"
    assert str(v["consent"].dtype) == "boolean" and str(v["callback_requested"].dtype) == "boolean"
    assert "language" not in v.columns and {"language_recorded", "language_detected"} <= set(v.columns)
    assert set(CANONICAL_COLUMNS) - {"language"} <= set(v.columns)
