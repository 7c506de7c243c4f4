"""The whole daily pipeline through Dagster on PostgreSQL (FIELDVOICE_WAREHOUSE=postgres: the Python assets
through the warehouse interface, dbt with `--target postgres`), two partitions, in a throwaway database; and
the same generated data materialised on DuckDB gives identical marts and insights.

PostgreSQL unavailable: skipped, or failed when FIELDVOICE_REQUIRE_POSTGRES=1 (CI)."""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from fieldvoice.warehouse import Warehouse
from orchestration.resources import WarehouseResource
from tests.conftest import PROJECT_ROOT
from tests.orchestration.pipeline import materialise_days
from tests.pg import pg_env, throwaway_database

DAYS = [date(2026, 11, 19), date(2026, 11, 20)]
pytestmark = pytest.mark.slow


@dataclass
class Run:
    root: Path
    warehouse: WarehouseResource
    env: dict[str, str]

    def open(self) -> AbstractContextManager[Warehouse]:
        return self.warehouse.connect()


@pytest.fixture(scope="module")
def landing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from fieldvoice.generator import generate

    root = tmp_path_factory.mktemp("landing")
    generate(root, start=DAYS[0], days=len(DAYS), interviews_per_day=600, seed=3, defect_rate=0.05)
    return root


def _materialise(landing: Path, root: Path, warehouse: WarehouseResource, env: dict[str, str]) -> Run:
    """The reference job, then the daily job for each day, as the demo and the schedule run them."""
    materialise_days(landing, root / "out", warehouse, DAYS, env)
    return Run(root, warehouse, env)


@pytest.fixture(scope="module")
def postgres_run(landing: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    with throwaway_database("fv_test_pipeline") as settings:
        env = pg_env(settings)
        with pytest.MonkeyPatch.context() as mp:  # the resource reads the connection at run time
            for name, value in env.items():
                mp.setenv(name, value)
            run = _materialise(landing, tmp_path_factory.mktemp("pg"), WarehouseResource(backend="postgres"), env)
            yield run


@pytest.fixture(scope="module")
def duckdb_run(landing: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("duck")
    database = str(root / "wh.duckdb")
    env = {"FIELDVOICE_WAREHOUSE": "duckdb", "FIELDVOICE_DUCKDB_PATH": database}
    return _materialise(landing, root, WarehouseResource(backend="duckdb", duckdb_path=database), env)


def test_every_partition_accounts_for_every_row(postgres_run: Run) -> None:
    with postgres_run.open() as wh:
        assert wh.dialect == "postgres"
        for day in DAYS:
            raw, valid, quarantined = (
                wh.scalar(f"SELECT count(*) FROM {t}.interviews WHERE partition_date = ?", [day])
                for t in ("raw", "validated", "quarantine")
            )
            assert raw > 0 and raw == valid + quarantined
        assert wh.scalar("SELECT count(*) FROM marts.fct_interviews") > 0  # dbt built the marts in PostgreSQL


def test_insights_briefs_and_llm_cache_are_in_postgres(postgres_run: Run) -> None:
    with postgres_run.open() as wh:
        days = {r[0] for r in wh.rows("SELECT DISTINCT partition_date FROM insights.opportunities")}
        assert days == set(DAYS)
        assert wh.scalar("SELECT count(*) FROM insights.theme_assignments") > 0
        assert wh.table_exists("insights.llm_cache")
    site = postgres_run.root / "out" / "briefs" / DAYS[-1].isoformat()
    assert len(sorted((site / "briefs").glob("*.md"))) == 3


def _plain(value: Any) -> Any:
    """Decimal (DuckDB's DECIMAL) and float (PostgreSQL's numeric) as the same float; shares computed as double
    on one engine and numeric on the other may differ in the last bit, so 12 significant digits."""
    return float(f"{float(value):.12g}") if isinstance(value, Decimal | float) else value


def mart_figures(wh: Warehouse, as_of: date) -> dict[str, list[tuple[Any, ...]]]:
    queries = {
        "nps_by_country": "SELECT country_code, n_interviews, n_promoters, n_passives, n_detractors, nps, "
        "nps_ci_low, nps_ci_high, csat_mean, ces_mean FROM marts.agg_scores_by_country ORDER BY country_code",
        "coverage": "SELECT * FROM marts.fct_programme_coverage ORDER BY coverage_date",
        "top_themes": "SELECT theme_id, sum(mentions) AS mentions FROM insights.journey_map WHERE partition_date = ? "
        "GROUP BY theme_id ORDER BY mentions DESC, theme_id",
        "opportunities": "SELECT rank, theme_id FROM insights.opportunities WHERE partition_date = ? ORDER BY rank",
    }
    return {
        name: [tuple(_plain(v) for v in row) for row in wh.rows(sql, [as_of] if "?" in sql else [])]
        for name, sql in queries.items()
    }


def test_duckdb_and_postgres_give_identical_figures(postgres_run: Run, duckdb_run: Run) -> None:
    with duckdb_run.open() as duck, postgres_run.open() as pg:
        expected, actual = mart_figures(duck, DAYS[-1]), mart_figures(pg, DAYS[-1])
    assert all(expected.values()), "a figure is empty on DuckDB: the comparison would prove nothing"
    for name in expected:
        assert actual[name] == expected[name], name


_RERUN = """
import sys
import dagster as dg
from orchestration.definitions import defs
from orchestration.resources import build_resources

day, key = sys.argv[1], dg.AssetKey(["raw", "interviews"])
assets = [a for a in defs.assets if key in a.keys]
result = dg.materialize(assets, resources=build_resources(), partition_key=day, selection=[key])
sys.exit(0 if result.success else 1)
"""


def test_days_rerun_concurrently_without_lock_errors_and_identically(postgres_run: Run, landing: Path) -> None:
    """Both days' ingest re-materialised at once, each in its own process (as Dagster runs are), configured from
    the environment alone (FIELDVOICE_WAREHOUSE=postgres, FIELDVOICE_PG_*). In-process threads would not do:
    the validation stage (GX) is not thread-safe."""
    query = "SELECT * FROM raw.interviews ORDER BY partition_date, source_file, source_line"
    with postgres_run.open() as wh:
        before = wh.query(query)
    env = {
        **os.environ,
        **postgres_run.env,
        "FIELDVOICE_LANDING_DIR": str(landing),
        "FIELDVOICE_OUTPUT_DIR": str(postgres_run.root / "rerun"),
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _RERUN, day.isoformat()], env=env, cwd=PROJECT_ROOT, stderr=subprocess.PIPE
        )
        for day in DAYS
    ]
    errors = [run.communicate(timeout=300)[1].decode()[-3000:] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    with postgres_run.open() as wh:
        after = wh.query(query)
    assert len(after) == len(before) and after.equals(before)
