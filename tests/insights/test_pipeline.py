"""End to end on generated data: the planted scam wave, the planted e-SIM topic, tables, formulas."""

import json

import numpy as np
import pandas as pd
import pytest

from fieldvoice.insights import (
    ASSIGNMENT_COLUMNS,
    EMERGING_COLUMNS,
    TABLE_NAMES,
    Opportunity,
    journey_matrix,
    load_taxonomy,
    opportunities_from_frame,
    to_markdown_preview,
)
from fieldvoice.insights.stats import STAT_COLUMNS, SUMMARY_GRAIN
from tests.insights.conftest import AS_OF, ESIM_PREFIX, Analysed


def test_scam_wave_is_emerging_in_the_right_countries(analysed: Analysed) -> None:
    emerging = analysed.result.emerging
    fraud = emerging[emerging["theme_id"] == "fraud_scam"]
    assert fraud.loc[fraud["scope"] == "theme", "emerging"].item()
    flagged = set(fraud.loc[(fraud["scope"] == "country_theme") & fraud["emerging"], "country_code"])
    assert flagged == set(analysed.emerging_countries)
    # nothing else is confirmed as emerging in the countries without the wave
    others = emerging[(emerging["scope"] == "country_theme") & emerging["emerging"]]
    assert set(others["theme_id"]) == {"fraud_scam"}


def test_scam_wave_ranks_in_the_top_three(analysed: Analysed) -> None:
    top = analysed.result.opportunity_list[:3]
    assert "fraud_scam" in [o.theme_id for o in top]
    scam = next(o for o in top if o.theme_id == "fraud_scam")
    assert scam.growth > 1 and scam.growth_p_value is not None and scam.growth_p_value < 0.001
    assert {c for c, _ in scam.countries[:2]} == set(analysed.emerging_countries)
    assert scam.nps_impact < 0 and scam.pain_points[0][0] == "fraud_scam"
    assert len(scam.evidence_verbatim_ids) == 5


def test_opportunities_are_pain_themes_scored_by_the_documented_formula(analysed: Analysed) -> None:
    result = analysed.result
    frame, catalogue = result.opportunities, result.themes.set_index("theme_id")
    assert (catalogue.loc[frame["theme_id"], "polarity"] == "pain").all()
    assert frame["rank"].tolist() == list(range(1, len(frame) + 1))
    assert frame["score"].is_monotonic_decreasing
    np.testing.assert_allclose(frame["score"], frame["reach"] * frame["severity"] * frame["growth"], atol=1e-6)
    severity = 0.5 * np.clip(frame["nps_gap"] / 100, 0, 1) + 0.5 * frame["detractor_share"]
    np.testing.assert_allclose(frame["severity"], severity, atol=1e-4)
    assert (frame["growth"] >= 1).all() and (frame["growth"] <= 10).all()
    assert all(isinstance(o, Opportunity) for o in result.opportunity_list)


def test_nps_impact_matches_a_direct_computation(analysed: Analysed) -> None:
    base = analysed.interviews.drop_duplicates("submission_id")
    base = base[base["nps"].between(0, 10)]
    mentioners = set(analysed.result.assignments.query("theme_id == 'network_coverage'")["submission_id"])

    def nps(scores: pd.Series) -> float:
        return 100 * ((scores >= 9).mean() - (scores <= 6).mean())

    expected = nps(base["nps"]) - nps(base.loc[~base["submission_id"].isin(mentioners), "nps"])
    row = analysed.result.opportunities.set_index("theme_id").loc["network_coverage"]
    assert row["nps_impact"] == pytest.approx(expected, abs=0.01)
    assert row["nps_impact"] < 0  # complaining about coverage drags NPS down


def test_esim_complaints_become_a_proposed_theme(analysed: Analysed) -> None:
    discovered = analysed.result.discovered
    esim = discovered[discovered["top_terms"].map(lambda t: "esim" in json.loads(t)[:3])]
    assert len(esim) == 1, discovered[["theme_id", "top_terms"]]
    row = esim.iloc[0]
    assert row["status"] == "proposed" and row["theme_id"].startswith("discovered-")
    members = analysed.result.themes.set_index("theme_id").loc[row["theme_id"]]
    assert members["discovered"]
    assert row["emerging_candidate"]  # all planted in the recent window
    # the cluster is mostly the planted complaints, and holds most of those the taxonomy left unexplained
    members = analysed.result.discovered_members
    mine = set(members.loc[members["theme_id"] == row["theme_id"], "verbatim_id"])
    planted = {v for v in analysed.verbatims["verbatim_id"] if v.startswith(ESIM_PREFIX)}
    strong = set(analysed.result.assignments.query("score >= 0.75")["verbatim_id"])
    assert len(mine & planted) >= 0.6 * len(mine)
    assert len(mine & planted) >= 0.6 * len(planted - strong)
    assert all(v.startswith(ESIM_PREFIX) for v in json.loads(row["representative_verbatim_ids"]))


def test_tables_have_the_documented_columns(analysed: Analysed) -> None:
    tables = analysed.result.tables()
    assert tuple(tables) == TABLE_NAMES
    assert tuple(tables["theme_assignments"].columns) == ASSIGNMENT_COLUMNS
    assert list(tables["theme_summary"].columns) == [
        *SUMMARY_GRAIN, "theme_id", "theme_name", "polarity", *STAT_COLUMNS, "taxonomy_version", "taxonomy_hash"
    ]  # fmt: skip
    assert tuple(tables["emerging_themes"].columns[: len(EMERGING_COLUMNS)]) == EMERGING_COLUMNS
    taxonomy = load_taxonomy()
    for name, table in tables.items():
        assert len(table), name
        assert (table["taxonomy_version"] == taxonomy.version).all(), name
        assert (table["taxonomy_hash"] == taxonomy.content_hash).all(), name
    summary = tables["theme_summary"]
    assert summary["share"].between(0, 1).all() and (summary["mentions"] <= summary["interviews_with_text"]).all()
    journey = tables["journey_map"]
    assert journey.groupby(["journey_stage", "theme_id"]).size().max() == 1
    assert journey.loc[journey["theme_id"] == "fraud_scam", "declared_stage"].any()


def test_assignment_spans_point_into_the_original_text(analysed: Analysed) -> None:
    texts = analysed.verbatims.set_index("verbatim_id")["text"]
    sample = analysed.result.assignments.sample(500, random_state=0)
    for row in sample.itertuples():
        assert texts[row.verbatim_id][row.span_start : row.span_end] == row.matched_text
        assert row.matched_text.strip() == row.matched_text and row.matched_text


def test_metadata(analysed: Analysed) -> None:
    meta = analysed.result.metadata
    assert meta["embedder"].startswith("offline:") and meta["as_of"] == "2026-11-06"
    assert meta["recent_window"] == ["2026-11-04", "2026-11-06"]
    assert set(meta["timings_s"]) >= {"assign", "discover", "emerging", "opportunities", "total"}


def test_nothing_after_as_of_is_analysed(analysed: Analysed) -> None:
    result = analysed.result
    # the generator's future_timestamp defect dates some interviews months ahead (device clock)
    assert result.metadata["interviews_after_as_of_dropped"] > 0
    assert result.theme_summary["interview_week"].max() <= AS_OF
    week = pd.to_datetime(result.theme_summary["interview_week"])
    assert (week.dt.day_of_week == 0).all()  # Monday-based ISO weeks, as the marts


def test_journey_matrix_and_preview(analysed: Analysed) -> None:
    matrix = journey_matrix(analysed.result.journey_map, "share")
    assert matrix.loc["mobile_money", "fraud_scam"] > matrix.loc["use_network", "fraud_scam"]
    assert matrix.loc["use_network", "network_coverage"] > matrix.loc["billing", "network_coverage"]
    text = to_markdown_preview(analysed.result.opportunities, max_rows=5)
    assert text.count("\n") >= 6 and "fraud_scam" in text


def test_opportunities_round_trip_through_the_stored_table(analysed: Analysed) -> None:
    """The briefs stage rebuilds the Opportunity list from insights.opportunities: nothing may be lost."""
    result = analysed.result
    assert opportunities_from_frame(result.opportunities) == result.opportunity_list
