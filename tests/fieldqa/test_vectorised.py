"""The vectorised paths give what the per-row code they replaced gave (strftime, safe_cell per cell, a groupby
join, hashed answer rows), and the columns the assets select are all the checks and scorecards read."""

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from fieldvoice.fieldqa import QaConfig, flag_interviews
from fieldvoice.fieldqa.day import assess_day, scorecards
from fieldvoice.fieldqa.flags import QA_COLUMNS
from fieldvoice.fieldqa.frames import on_distinct
from fieldvoice.fieldqa.review import _join_runs, _safe_cells, local_clock, safe_cell
from fieldvoice.fieldqa.scorecard import FLAG_COLUMNS, INTERVIEW_COLUMNS, _pattern
from tests.fieldqa.conftest import DAY, LOCALITIES, RATINGS, PlantedRun

Make = Callable[..., pd.DataFrame]

STAMPS = ["2026-03-29 00:59:59.9", "2026-03-29 01:00", None, "1999-12-31 23:59:30", "1969-12-31 23:59:30"]


@pytest.mark.parametrize("zone", ["UTC", "Africa/Casablanca", "Asia/Amman", "America/St_Johns", "Asia/Kathmandu"])
def test_local_clock_is_strftime(zone: str) -> None:
    """Offsets east and west, half and quarter hours, DST switches, NaT, seconds truncated (also before 1970)."""
    local = pd.Series(pd.to_datetime(STAMPS, utc=True, format="mixed")).astype("datetime64[us, UTC]")
    local = local.dt.tz_convert(zone)
    expected = local.dt.strftime("%Y-%m-%d %H:%M %z").astype("string")
    pd.testing.assert_series_equal(local_clock(local), expected)


def test_safe_cells_is_safe_cell_per_cell() -> None:
    texts = ["=1+1", "ok", None, "-2", "@x", "\tx", "\rx", "'=a", "", "+33 6"]
    columns = [pd.Series(texts, dtype=dtype) for dtype in ("str", "string", object)]
    columns += [pd.Series([1.5, np.nan, -3.0]), pd.Series([None, None], dtype=object), pd.Series(["=a", 3, None])]
    for column in columns:
        assert _safe_cells(column) == [safe_cell(v) for v in column]


def test_join_runs_is_a_groupby_join() -> None:
    flags = pd.DataFrame({"id": ["a", "a", "b", "c", "c", "c"], "flag": ["x", "y", "z", "u", "v", "w"]})
    expected = flags.groupby("id", sort=False)["flag"].agg(" | ".join).tolist()
    assert _join_runs(flags["id"], flags["flag"], " | ") == expected == ["x | y", "z", "u | v | w"]
    assert _join_runs(flags["id"].iloc[:0], flags["flag"].iloc[:0], " ") == []


def test_on_distinct_converts_each_value_once() -> None:
    dates = pd.Series(pd.to_datetime(["2026-11-03", None, "2026-11-02", "2026-11-03"]), index=[7, 3, 5, 1], name="d")

    def day(d: pd.Series) -> pd.Series:
        return pd.to_datetime(d.astype("string")).dt.strftime("%Y-%m-%d")

    pd.testing.assert_series_equal(on_distinct(dates, day), day(dates))
    sizes: list[int] = []
    on_distinct(dates, lambda d: sizes.append(len(d)) or d)
    assert sizes == [3], "two days and one missing value"


def test_answer_patterns_partition_rows_like_hashed_strings() -> None:
    rng = np.random.default_rng(5)
    frame = pd.DataFrame({c: pd.array(rng.integers(0, 3, 400), dtype="Int32") for c in ("nps", "csat", "rating")})
    frame.loc[rng.random(400) < 0.2, "csat"] = pd.NA
    hashed = pd.util.hash_pandas_object(frame.astype("string").fillna("-"), index=False).to_numpy()
    # Equal patterns exactly where the rows' strings are equal: the same groups, whatever the numbers.
    np.testing.assert_array_equal(pd.factorize(_pattern(frame, list(frame.columns)))[0], pd.factorize(hashed)[0])


def test_the_checks_read_only_the_selected_columns(planted_run: PlantedRun, config: QaConfig) -> None:
    """field_quality reads QA_COLUMNS only: the same frames as from every validated column."""
    (first, frame), *_ = planted_run.days.items()
    full = assess_day(frame, planted_run.localities, config, partition_date=first)
    narrow = assess_day(frame[list(QA_COLUMNS)], planted_run.localities, config, partition_date=first)
    pd.testing.assert_frame_equal(narrow.flags, full.flags)
    pd.testing.assert_frame_equal(narrow.quality, full.quality)


def test_the_scorecards_read_only_the_selected_columns(interviews: Make, config: QaConfig) -> None:
    """collaborator_scorecard reads INTERVIEW_COLUMNS and FLAG_COLUMNS only. It skips answer columns it does not
    find, so one collaborator per answer column varies that answer alone: leaving any out changes his card."""
    answers = ("nps", "csat", *RATINGS)
    varied = {c: [(k % 5) + 1 if c == answers[k // 5] else 3 for k in range(5 * len(answers))] for c in answers}
    frame = interviews(5 * len(answers), collaborator_id=[f"EMP-{k // 5}" for k in range(5 * len(answers))], **varied)
    flags = flag_interviews(frame, LOCALITIES, config)
    narrow = scorecards(frame[list(INTERVIEW_COLUMNS)], flags[list(FLAG_COLUMNS)], config, DAY)
    for got, expected in zip(narrow, scorecards(frame, flags, config, DAY), strict=True):
        pd.testing.assert_frame_equal(got, expected)
    assert (narrow[0]["same_scores_share"] == 0.2).all()
