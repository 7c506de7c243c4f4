"""Each flag on a minimal fixture: one that triggers it (with its reason, observed value and threshold), one
that does not. Fixtures start from honest interviews (see conftest.make_interviews) and change one thing."""

from collections.abc import Callable

import pandas as pd
import pytest

from fieldvoice.fieldqa import FLAGS, FLAGS_SCHEMA, QaConfig, flag_interviews
from tests.fieldqa.conftest import DAY, LOCALITIES, RATINGS

Make = Callable[..., pd.DataFrame]
T0 = pd.Timestamp(f"{DAY}T10:00:00Z")


def _flags(frame: pd.DataFrame, config: QaConfig, flag: str, history: pd.DataFrame | None = None) -> pd.DataFrame:
    out = flag_interviews(frame, LOCALITIES, config, history=history)
    assert list(out.columns) == list(FLAGS_SCHEMA)
    return out[out["flag"] == flag]


def _at(minutes: list[float]) -> list[pd.Timestamp]:
    return [T0 + pd.Timedelta(minutes=m) for m in minutes]


def test_honest_interviews_raise_no_flag(interviews: Make, config: QaConfig) -> None:
    assert flag_interviews(interviews(5), LOCALITIES, config).empty


def test_duration_short_and_long(interviews: Make, config: QaConfig) -> None:
    frame = interviews(3, interview_end=[T0 + pd.Timedelta(minutes=m) for m in (3, 4, 150)])
    short = _flags(frame, config, "duration_short")
    assert short["submission_id"].tolist() == [frame["submission_id"][0]]  # 4 min is not below 4 min
    assert short["observed"].iloc[0] == pytest.approx(3.0) and short["threshold"].iloc[0] == 4
    assert short["reason"].iloc[0] == "interview lasted 3.0 min (< 4 min)"
    long = _flags(frame, config, "duration_long")
    assert long["submission_id"].tolist() == [frame["submission_id"][2]]


def test_gps_far_from_the_declared_locality(interviews: Make, config: QaConfig) -> None:
    # Thiès is ~55 km from Dakar; the locality name is matched accent- and case-insensitively.
    thies = (14.79, -16.94)
    frame = interviews(3, locality=["Dakar", " thies", "Dakar"], latitude=[thies[0]] * 2 + [None], longitude=thies[1])
    far = _flags(frame, config, "gps_far")
    assert far["submission_id"].tolist() == [frame["submission_id"][0]]  # no fix: nothing to judge
    assert 50 < far["observed"].iloc[0] < 60 and "from Dakar" in far["reason"].iloc[0]


def test_straight_lining_needs_every_rating_equal(interviews: Make, config: QaConfig) -> None:
    same = {column: 4 for column in RATINGS}
    frame = interviews(3, **same)
    frame.loc[1, "rating_shop"] = 5
    frame.loc[2, "rating_shop"] = pd.NA  # five equal answers and one not applicable: not enough to judge
    hits = _flags(frame, config, "straight_lining")
    assert hits["submission_id"].tolist() == [frame["submission_id"][0]]
    assert hits["reason"].iloc[0] == "all 6 ratings = 4"


def test_score_contradiction(interviews: Make, config: QaConfig) -> None:
    low = {column: 1 for column in RATINGS}
    frame = interviews(2, nps=[10, 2], csat=[5, 1], **low)
    hits = _flags(frame, config, "score_contradiction")
    assert hits["submission_id"].tolist() == [frame["submission_id"][0]]  # 10/10 but every rating 1
    assert hits["observed"].iloc[0] == pytest.approx(4.0)


def test_overlapping_interviews_of_one_collaborator(interviews: Make, config: QaConfig) -> None:
    frame = interviews(
        4,
        collaborator_id=["EMP-111111"] * 3 + ["EMP-222222"],
        interview_start=_at([0, 10, 30, 0]),
        interview_end=_at([15, 25, 45, 15]),
    )
    hits = _flags(frame, config, "overlap")
    assert set(hits["submission_id"]) == set(frame["submission_id"][:2])  # 10:30 follows 10:25: no overlap
    assert (hits["observed"] == 5).all()


@pytest.mark.parametrize(("flag", "column"), [("burst_collaborator", "collaborator_id"), ("burst_device", "device_id")])
def test_bursts_per_hour(interviews: Make, config: QaConfig, flag: str, column: str) -> None:
    limit = int(config.flags[flag].threshold)
    n = limit + 2
    starts = [k * (58 // limit) for k in range(limit + 1)] + [300]  # limit + 1 starts within 58 min, one later
    frame = interviews(n, interview_start=_at(starts), interview_end=_at([s + 8 for s in starts]), **{column: "X-1"})
    hits = _flags(frame, config, flag)
    assert set(hits["submission_id"]) == set(frame["submission_id"][: limit + 1])
    assert (hits["observed"] == limit + 1).all() and "within 60 min" in hits["reason"].iloc[0]
    spread = interviews(n, interview_start=_at([k * 16 for k in range(n)]), **{column: "X-1"})  # 4 an hour
    assert _flags(spread, config, flag).empty


def test_one_device_for_many_collaborators(interviews: Make, config: QaConfig) -> None:
    limit = int(config.flags["shared_device"].threshold)
    frame = interviews(limit + 2, device_id=["tab-SN-0001"] * (limit + 1) + ["tab-SN-0002"])
    hits = _flags(frame, config, "shared_device")
    assert len(hits) == limit + 1 and (hits["observed"] == limit + 1).all()
    assert _flags(interviews(limit, device_id="tab-SN-0001"), config, "shared_device").empty


def test_target_interviewed_twice_today_and_across_days(interviews: Make, config: QaConfig) -> None:
    frame = interviews(3, customer_ref=["CUS-SN-000001", "CUS-SN-000001", None], interview_start=_at([0, 60, 0]))
    hits = _flags(frame, config, "target_twice")
    assert hits["submission_id"].tolist() == [frame["submission_id"][1]]  # the repeat, not the first visit
    three_days_ago = T0 - pd.Timedelta(days=3)
    history = interviews(
        1,
        customer_ref="CUS-SN-000777",
        partition_date=DAY - pd.Timedelta(days=3),
        interview_start=three_days_ago,
        interview_end=three_days_ago + pd.Timedelta(minutes=15),
    )
    history["submission_id"] = "old-interview"
    today = interviews(1, customer_ref="CUS-SN-000777")
    assert "old-interview" in _flags(today, config, "target_twice", history)["reason"].iloc[0]
    too_old = history.assign(partition_date=DAY - pd.Timedelta(days=config.history_days + 1))
    assert _flags(today, config, "target_twice", too_old).empty, "history is bounded to history_days"


def test_odd_hours_in_the_country_time_zone(interviews: Make, config: QaConfig) -> None:
    # 21:30 UTC is 22:30 in Tunis (UTC+1) but 21:30 in Dakar (UTC+0).
    late = pd.Timestamp(f"{DAY}T21:30:00Z")
    frame = interviews(
        2,
        country_code=["TN", "SN"],
        locality=["Tunis", "Dakar"],
        latitude=[36.80, 14.70],
        longitude=[10.18, -17.45],
        interview_start=late,
        interview_end=late + pd.Timedelta(minutes=15),
    )
    hits = _flags(frame, config, "odd_hours")
    assert hits["submission_id"].tolist() == [frame["submission_id"][0]]
    assert hits["reason"].iloc[0].startswith("started 22:30 local time (Africa/Tunis)")


def test_every_flag_has_a_rule_and_a_test() -> None:
    tested = {
        "duration_short", "duration_long", "gps_far", "straight_lining", "score_contradiction", "overlap",
        "burst_collaborator", "burst_device", "shared_device", "target_twice", "odd_hours",
        "near_duplicate_text",  # test_neardup.py
    }  # fmt: skip
    assert tested == set(FLAGS)


def test_disabled_flag_is_not_run(interviews: Make, config: QaConfig) -> None:
    rules = dict(config.flags)
    rules["duration_short"] = type(rules["duration_short"])(4, "exclude", enabled=False)
    quiet = QaConfig(rules, scorecard=config.scorecard)
    frame = interviews(1, interview_end=T0 + pd.Timedelta(minutes=1))
    assert flag_interviews(frame, LOCALITIES, quiet).empty
