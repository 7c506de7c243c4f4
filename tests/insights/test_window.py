"""The window's theme assignments joined in the warehouse from the match cache equal assign_cached's, on DuckDB
and on PostgreSQL: same rows, order and types, matched_text cut at the same characters (emoji, Arabic,
combining accents before the span); only texts no other day matched are matched; the analysis fed them gives
the same tables."""

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

from fieldvoice.insights import ASSIGNMENT_COLUMNS, ThemeMatcher, analyse, load_taxonomy, match_cache
from fieldvoice.insights.assign import ANALYSED_COLUMNS, assign_cached, prepare_verbatims
from fieldvoice.insights.window import match_new_texts, read_window, window_assignments
from fieldvoice.settings import PostgresSettings
from fieldvoice.warehouse import Warehouse, infer_schema
from tests.insights.conftest import START
from tests.insights.frames import frames_from_landing
from tests.pg import open_test_warehouse, throwaway_database

DAY_1, DAY_2 = START, START + timedelta(days=1)
# Characters Python counts one by one but that are several bytes (or UTF-16 units) long, before a match.
TRICKY = ["📶😡 réseau coupé tout le temps, pas de réseau", "🙏🙏 الشبكة ضعيفة", "e\u0301te\u0301 : pas de réseau"]


@pytest.fixture(scope="module")
def pg_database() -> Iterator[PostgresSettings]:
    with throwaway_database("fv_test_window") as settings:
        yield settings


@pytest.fixture(scope="module")
def marts(landing: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    verbatims, interviews = frames_from_landing(landing, [DAY_1, DAY_2])
    first = verbatims[verbatims["interview_date"] == DAY_1].head(len(TRICKY))
    extra = first.assign(text=TRICKY, verbatim_id=[f"zz-{i}:verbatim" for i in range(len(TRICKY))])
    return pd.concat([verbatims, extra], ignore_index=True), interviews


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path, marts) -> Iterator[Warehouse]:
    verbatims, interviews = marts
    with open_test_warehouse(request, tmp_path, "pg_database") as wh:
        for table in ("marts.fct_verbatims", "marts.fct_interviews", match_cache.CACHE_TABLE):
            wh.execute(f"DROP TABLE IF EXISTS {table}")
        for name, frame in (("fct_verbatims", verbatims), ("fct_interviews", interviews)):
            dates = {c: "DATE" for c in ("interview_date", "interview_week", "partition_date")}
            wh.replace_table(f"marts.{name}", frame, infer_schema(frame, None) | dates)
        yield wh


def _run_day(wh: Warehouse, as_of: date):
    taxonomy = load_taxonomy()
    fresh = match_new_texts(wh, as_of, ThemeMatcher(taxonomy))
    wh.replace_partitions(
        {match_cache.CACHE_TABLE: (fresh.assign(partition_date=as_of), match_cache.CACHE_SCHEMA)}, as_of
    )
    return window_assignments(wh, as_of, taxonomy, fresh)


def _cache(wh: Warehouse, rows: pd.DataFrame, day: date) -> None:
    wh.replace_partitions({match_cache.CACHE_TABLE: (rows, match_cache.CACHE_SCHEMA)}, day)


def _in_python(wh: Warehouse, as_of: date) -> pd.DataFrame:
    verbatims, _ = read_window(wh, as_of)
    return assign_cached(prepare_verbatims(verbatims), ThemeMatcher(load_taxonomy())).assignments


def test_joined_assignments_equal_the_python_ones(warehouse: Warehouse) -> None:
    assigned = _run_day(warehouse, DAY_1)
    expected = _in_python(warehouse, DAY_1)
    pd.testing.assert_frame_equal(assigned.assignments, expected)
    tricky = assigned.assignments[assigned.assignments["verbatim_id"].str.startswith("zz-")]
    assert sorted(tricky["matched_text"]) == ["pas de réseau", "pas de réseau", "الشبكة ضعيفة"]
    assert assigned.distinct_texts == assigned.fresh["text_hash"].nunique() > 0  # day 1: every text is new


def test_a_day_matches_only_texts_no_other_day_matched_and_a_rerun_the_same(warehouse: Warehouse) -> None:
    first = _run_day(warehouse, DAY_1)
    second = _run_day(warehouse, DAY_2)
    day_2_texts = set(
        warehouse.query("SELECT md5(text) AS h FROM marts.fct_verbatims WHERE interview_date = ?", [DAY_2])["h"]
    )
    assert set(second.fresh["text_hash"]) == day_2_texts - set(first.fresh["text_hash"])
    pd.testing.assert_frame_equal(second.assignments, _in_python(warehouse, DAY_2))
    again = _run_day(warehouse, DAY_2)  # its own rows do not count: the same texts are matched, to the same rows
    pd.testing.assert_frame_equal(again.fresh, second.fresh)
    pd.testing.assert_frame_equal(again.assignments, second.assignments)


def test_rows_of_another_taxonomy_or_a_later_duplicate_are_not_used(warehouse: Warehouse) -> None:
    assigned = _run_day(warehouse, DAY_2)
    hits = warehouse.query(f"SELECT * FROM {match_cache.CACHE_TABLE} WHERE theme_id IS NOT NULL")
    # The same texts claimed with other hits, by a later day's run and under another taxonomy: used, either
    # would add or change rows.
    claims = hits.assign(theme_id="network_coverage", score=0.01)
    later, earlier = DAY_2 + timedelta(days=1), START - timedelta(days=1)
    _cache(warehouse, claims.assign(partition_date=later), later)
    _cache(warehouse, claims.assign(taxonomy_hash="0" * 16, partition_date=earlier), earlier)
    again = window_assignments(warehouse, DAY_2, load_taxonomy(), assigned.fresh)
    pd.testing.assert_frame_equal(again.assignments, assigned.assignments)


def test_the_analysis_fed_the_joined_assignments_gives_the_same_tables(warehouse: Warehouse) -> None:
    assigned = _run_day(warehouse, DAY_2)
    verbatims, interviews = read_window(warehouse, DAY_2)
    joined = analyse(verbatims, interviews, DAY_2, assigned=assigned)
    plain = analyse(verbatims, interviews, DAY_2)
    for name, table in plain.tables().items():
        pd.testing.assert_frame_equal(joined.tables()[name], table, obj=name)
    assert joined.opportunity_list == plain.opportunity_list
    assert list(verbatims.columns) == list(ANALYSED_COLUMNS)


def test_a_day_with_nothing_in_its_window_gives_empty_tables(warehouse: Warehouse) -> None:
    quiet = START - timedelta(days=40)
    assigned = _run_day(warehouse, quiet)
    assert assigned.fresh.empty and assigned.distinct_texts == 0
    assert list(assigned.assignments.columns) == list(ASSIGNMENT_COLUMNS) and assigned.assignments.empty
    result = analyse(*read_window(warehouse, quiet), quiet, assigned=assigned)
    assert result.assignments.empty and result.theme_summary.empty
