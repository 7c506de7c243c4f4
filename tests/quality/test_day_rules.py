"""Every day-level rule (GX expectations and the custom volume rule) is violated by a fixture partition."""

from datetime import date

import pandas as pd
import pytest

from fieldvoice.quality import ReferenceData, validate_interviews
from fieldvoice.quality.gx_runner import expectations_at, load_suite
from fieldvoice.quality.rules import NON_NULL_MIN

SUITE = load_suite("interviews")
DAY_RULES = expectations_at(SUITE, "day")
CUSTOM = SUITE["meta"]["fieldvoice"]["custom_expectations"]


@pytest.fixture(scope="module")
def bad_day(copies, make_raw, now):
    """Unknown roster/locality/customer, bad numbers, NPS all 0, optional columns empty, 02:00 interviews."""
    rows = copies(40)
    for row in rows:
        row.update(
            nps="0",
            customer_msisdn="0886123456",
            collaborator_id="EMP-999999",
            locality="Atlantis",
            customer_ref="CUS-LR-999999",
            interview_start=None,
            interview_end=None,
            customer_segment=None,
            products=None,
            ces=None,
            latitude=None,
            longitude=None,
            verbatim=None,
        )
    night = copies(40)
    for row in night:
        row.update(interview_start="2026-11-02T02:00:00+00:00", interview_end="2026-11-02T02:20:00+00:00")
    reference = ReferenceData(frozenset({"EMP-220871"}), frozenset({"LR|monrovia"}), frozenset({"CUS-LR-001207"}))
    return (
        validate_interviews(make_raw(rows), reference, now=now),
        validate_interviews(make_raw(night), reference, now=now),
    )


def _outcome(result, reason, column=None):
    return next(
        o for o in result.checks["day"].outcomes if o.reason == reason and (column is None or o.column == column)
    )


@pytest.mark.parametrize(
    "reason,column",
    [(e["meta"]["reason"], e["kwargs"].get("column")) for e in DAY_RULES if e["meta"]["reason"] != "empty_partition"],
)
def test_day_rule_is_caught(bad_day, reason, column):
    result = bad_day[1] if reason == "odd_interview_hours" else bad_day[0]
    outcome = _outcome(result, reason, column)
    assert outcome.success is False, outcome
    # Day rules warn: no row is quarantined for them.
    assert len(result.quarantine) == 0 and len(result.validated) == 40


def test_null_share_rules_cover_the_configured_columns(bad_day):
    failing = {o.column for o in bad_day[0].checks["day"].failing if o.reason == "too_many_nulls"}
    assert failing == set(NON_NULL_MIN)


def test_membership_failure_shows_the_unknown_value(bad_day):
    outcome = _outcome(bad_day[0], "collaborator_not_in_roster")
    assert outcome.observed_value == [{"value": "EMP-999999", "count": 40}]
    assert outcome.sample[0]["value"] == "EMP-999999"


def test_empty_partition_warns(make_raw, copies, reference, now):
    empty = make_raw(copies(1)).iloc[:0]
    result = validate_interviews(empty, reference, now=now)
    assert _outcome(result, "empty_partition").success is False
    assert len(result.validated) == len(result.quarantine) == 0


def test_volume_rule_warns_when_a_country_goes_silent(copies, make_raw, reference, now):
    assert [c["type"] for c in CUSTOM] == ["expect_country_volume_near_trailing_average"]
    history = pd.DataFrame(
        [
            {"partition_date": date(2026, 10, d), "country_code": cc, "rows": n}
            for d in range(20, 32)
            for cc, n in (("SN", 900), ("LR", 3))
        ]
    )
    result = validate_interviews(make_raw(copies(3)), reference, now=now, history=history)
    outcome = _outcome(result, "country_volume_anomaly")
    assert outcome.success is False
    assert outcome.observed_value == [{"country_code": "SN", "rows": 0, "trailing_mean": 900.0, "ratio": 0.0}]
    assert result.volume.to_dict("records")[0]["rows"] == 3


def test_volume_rule_is_skipped_without_history(copies, make_raw, reference, now):
    result = validate_interviews(make_raw(copies(2)), reference, now=now)
    assert _outcome(result, "country_volume_anomaly").success is None
    assert result.checks["day"].success


def test_an_empty_day_is_compared_with_history(copies, make_raw, reference, now):
    history = pd.DataFrame(
        [{"partition_date": date(2026, 10, d), "country_code": "SN", "rows": 900} for d in range(25, 32)]
    )
    empty = make_raw(copies(1)).iloc[:0]
    result = validate_interviews(empty, reference, now=now, history=history, partition_date=date(2026, 11, 2))
    assert _outcome(result, "country_volume_anomaly").success is False
    assert result.partition == "2026-11-02"
