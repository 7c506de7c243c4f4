"""The statistics on small hand-built frames: NPS impact sign, the emerging test, BH, the preview."""

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from fieldvoice.insights import to_markdown_preview
from fieldvoice.insights.benchmark import benchmark_themes
from fieldvoice.insights.emerging import EmergingConfig, _test, benjamini_hochberg, emerging_themes
from fieldvoice.insights.stats import theme_stats

AS_OF = date(2026, 11, 20)


def _base(nps: list[int], days_ago: list[int] | None = None) -> pd.DataFrame:
    days_ago = days_ago or [0] * len(nps)
    return pd.DataFrame(
        {
            "submission_id": [f"s{i:03d}" for i in range(len(nps))],
            "country_code": ["SN"] * len(nps),
            "journey_stage": ["use_network"] * len(nps),
            "nps": pd.array(nps, dtype="float64"),
            "interview_date": [AS_OF - timedelta(days=d) for d in days_ago],
            "has_text": True,
        }
    )


def test_nps_impact_sign_and_value() -> None:
    # 4 promoters, 4 detractors overall -> NPS 0; the theme's 3 mentioners are detractors.
    base = _base([10, 10, 9, 9, 0, 3, 5, 6])
    mentions = pd.DataFrame({"submission_id": ["s004", "s005", "s006"], "theme_id": "t"})
    row = theme_stats(base, mentions, ()).iloc[0]
    assert row["nps_all"] == 0 and row["nps_mentioners"] == -100
    assert row["nps_without"] == pytest.approx(100 * (4 - 1) / 5)  # 60
    assert row["nps_impact"] == pytest.approx(-60)  # negative: the theme drags NPS down
    r = 3 / 8
    assert row["nps_impact"] == pytest.approx(r * (row["nps_mentioners"] - row["nps_without"]))
    assert row["share"] == pytest.approx(3 / 8) and row["detractor_share"] == 1


def test_two_proportion_and_fisher() -> None:
    z, p, name = _test(60, 1000, 20, 1000)
    assert name == "z" and z > 4 and p < 1e-5
    z, p, name = _test(4, 100, 0, 200)  # expected counts < 5: Fisher's exact test
    assert name == "fisher" and p == pytest.approx(0.0121, abs=5e-4)
    assert _test(3, 0, 1, 10)[2] == "none"
    assert _test(0, 10, 0, 10)[1] == 1.0


def test_benjamini_hochberg() -> None:
    p = pd.Series([0.01, 0.04, 0.03, np.nan, 0.5])
    q = benjamini_hochberg(p)
    # sorted p 0.01, 0.03, 0.04, 0.5 (m = 4) -> p.m/rank 0.04, 0.06, 0.0533, 0.5 -> running minimum from the top
    assert q.tolist()[:3] == pytest.approx([0.04, 0.16 / 3, 0.16 / 3]) and np.isnan(q[3]) and q[4] == 0.5


def test_emerging_windows_and_flags() -> None:
    # 20 interviews a day for 17 days; theme mentioned by 1 a day before, 6 a day in the last 3 days.
    nps, days, mentioned = [], [], []
    for day in range(17):
        for k in range(20):
            nps.append(5)
            days.append(day)
            if k < (6 if day < 3 else 1):
                mentioned.append(len(nps) - 1)
    base = _base(nps, days)
    mentions = pd.DataFrame({"submission_id": base["submission_id"].iloc[mentioned], "theme_id": "t"})
    table = emerging_themes(base, mentions, AS_OF, {"t": ("T", False)}, EmergingConfig())
    row = table[table["scope"] == "theme"].iloc[0]
    assert (row["recent_mentions"], row["recent_n"], row["trailing_mentions"], row["trailing_n"]) == (18, 60, 14, 280)
    assert row["recent_start"] == AS_OF - timedelta(days=2) and row["trailing_end"] == AS_OF - timedelta(days=3)
    assert row["emerging"] and row["rate_ratio"] > 5
    assert table[table["scope"] == "country_theme"]["emerging"].all()


def test_markdown_preview() -> None:
    frame = pd.DataFrame({"a": [1.23456, np.nan], "b": ["x|y", "long " * 30], "c": [date(2026, 1, 2), None]})
    text = to_markdown_preview(frame, max_rows=1, max_chars=20)
    assert text.splitlines()[0] == "| a | b | c |"
    assert "1.235" in text and "x\\|y" in text and "2026-01-02" in text and "(1 of 2 rows)" in text


def test_benchmark_returns_figures() -> None:
    figures = benchmark_themes(300)
    assert figures["verbatims"] == 300 and figures["assign_s"] > 0 and figures["peak_rss_mb"] > 0
    assert 0.3 < figures["share_with_theme"] <= 1
