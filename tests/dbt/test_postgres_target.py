"""dbt's `postgres` target against the DuckDB build, on the same generated data.

Generated exports go through the real ingest, validation and field-work QA assets into a DuckDB file; the
tables the dbt sources name are then copied into a throwaway PostgreSQL database with COPY. PostgreSQL is
built as days arrive: day 1's rows, a run; day 2's rows (a re-export among them), an incremental run over the
partition window. DuckDB builds both days at once. Every model, unit test and data test must pass on both, and
every staging, intermediate and mart table must hold the same rows (incremental on PostgreSQL == full on
DuckDB).
"""

import json
import os
import re
import subprocess
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
import duckdb
import psycopg
import pytest
import yaml
from psycopg import sql

from orchestration.dbt_project import dbt_executable
from tests.pg import throwaway_database

if TYPE_CHECKING:
    from fieldvoice.settings import PostgresSettings

ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT = ROOT / "dbt_project"
DAYS = [date(2026, 11, 19), date(2026, 11, 20)]
COMPARED_SCHEMAS = ("staging", "intermediate", "marts", "reference")
# DuckDB's information_schema type names -> PostgreSQL column types (the validated.* / fieldqa.* tables).
PG_TYPES = {
    "VARCHAR": "text",
    "INTEGER": "integer",
    "BIGINT": "bigint",
    "DOUBLE": "double precision",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP WITH TIME ZONE": "timestamptz",
}

pytestmark = pytest.mark.slow

Table = tuple[str, str]  # (schema, name)


def dbt_sources() -> dict[Table, dg.AssetKey]:
    """The tables dbt reads, from the project's source definitions, with the Dagster asset writing each."""
    found = {}
    for path in (DBT_PROJECT / "models").rglob("*.yml"):
        for source in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("sources", []):
            for table in source["tables"]:
                key = dg.AssetKey(table["meta"]["dagster"]["asset_key"])
                found[(source.get("schema", source["name"]), table["name"])] = key
    return found


def pg_type(duckdb_type: str) -> str:
    if match := re.fullmatch(r"DECIMAL\((\d+),(\d+)\)", duckdb_type):
        return f"numeric({match[1]},{match[2]})"
    return PG_TYPES[duckdb_type]  # an unmapped type fails here, loudly


@pytest.fixture(scope="module")
def sources_duckdb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two generated landing days through the assets that write dbt's sources (and their upstream)."""
    from fieldvoice.generator import generate
    from fieldvoice.settings import Settings
    from orchestration.definitions import defs
    from orchestration.resources import build_resources

    root = tmp_path_factory.mktemp("pg_target")
    generate(root / "landing", start=DAYS[0], days=len(DAYS), interviews_per_day=300, seed=11, defect_rate=0.05)
    graph = defs.resolve_asset_graph()
    wanted = dg.AssetSelection.assets(*dbt_sources().values()).upstream().resolve(graph)
    assets = [a for a in defs.assets if set(a.keys) & wanted]  # type: ignore[union-attr]
    keys = {key for a in assets for key in a.keys}  # multi-assets run whole
    partitioned = {k for k in keys if graph.get(k).partitions_def is not None}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FIELDVOICE_WAREHOUSE", "duckdb")
        mp.setenv("FIELDVOICE_DUCKDB_PATH", str(root / "sources.duckdb"))
        mp.setenv("FIELDVOICE_LANDING_DIR", str(root / "landing"))
        mp.setenv("FIELDVOICE_OUTPUT_DIR", str(root / "out"))
        resources = build_resources(Settings.from_env())
        assert dg.materialize(assets, resources=resources, selection=list(keys - partitioned)).success
        for day in DAYS:
            result = dg.materialize(
                assets, resources=resources, partition_key=day.isoformat(), selection=list(partitioned)
            )
            assert result.success, day
    return root / "sources.duckdb"


def read_sources(path: Path) -> dict[Table, tuple[list[tuple[str, str]], list[tuple]]]:
    """Columns (name, DuckDB type) and rows of every dbt source table, read at once: DuckDB's file lock would
    keep the DuckDB dbt build out while it is open."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = {}
        for schema, name in dbt_sources():
            columns = con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
                [schema, name],
            ).fetchall()
            assert columns, f"{schema}.{name} was not written"
            tables[(schema, name)] = (columns, con.execute(f'SELECT * FROM "{schema}"."{name}"').fetchall())
    return tables


def copy_into_postgres(conninfo: str, tables: dict, keep) -> int:
    """Creates the tables if needed and COPYs the rows `keep(columns, row)` accepts; returns the row count."""
    copied = 0
    with psycopg.connect(conninfo) as pg:
        for (schema, name), (columns, rows) in tables.items():
            relation = sql.Identifier(schema, name)
            pg.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
            definition = sql.SQL(", ").join(
                sql.SQL("{} {}").format(sql.Identifier(column), sql.SQL(pg_type(kind))) for column, kind in columns
            )
            pg.execute(sql.SQL("CREATE TABLE IF NOT EXISTS {} ({})").format(relation, definition))
            names = [column for column, _ in columns]
            with pg.cursor().copy(sql.SQL("COPY {} FROM STDIN").format(relation)) as copy:
                for row in rows:
                    if keep(names, row):
                        copy.write_row(row)
                        copied += 1
    return copied


def run_dbt(
    target: str, work: Path, env: dict[str, str], window: tuple[date, date] | None = None, *options: str
) -> subprocess.Popen:
    command = [
        dbt_executable(),
        "build",
        *options,
        "--target",
        target,
        "--project-dir",
        str(DBT_PROJECT),
        "--profiles-dir",
        str(DBT_PROJECT),
        "--target-path",
        str(work / "target"),
        "--log-path",
        str(work / "logs"),
    ]
    if window:
        command += ["--vars", json.dumps({"min_date": window[0].isoformat(), "max_date": window[1].isoformat()})]
    env = {**os.environ, **env, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DO_NOT_TRACK": "1"}
    with (work / f"{target}.out").open("a") as log:  # the child keeps its own handle
        return subprocess.Popen(command, cwd=DBT_PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT)


def finish(process: subprocess.Popen, work: Path, target: str) -> list[dict]:
    """Waits for a build; returns its run_results (a failed build fails the test with dbt's output)."""
    code = process.wait(timeout=300)
    assert code == 0, f"dbt build --target {target} failed:\n{(work / f'{target}.out').read_text()[-8000:]}"
    return json.loads((work / "target" / "run_results.json").read_text())["results"]


@pytest.fixture(scope="module")
def pg_database() -> Iterator["PostgresSettings"]:
    """Asked for first, so that a missing server skips (or fails, in CI) before the pipeline runs."""
    with throwaway_database("fv_dbt_pg") as pg:
        yield pg


def landed_on(day: date):
    """A row filter: the rows of the landing day `day`; tables without partition_date land with the first day."""

    def keep(names: list[str], row: tuple) -> bool:
        if "partition_date" not in names:
            return day == DAYS[0]
        return row[names.index("partition_date")] == day

    return keep


@pytest.fixture(scope="module")
def builds(pg_database: "PostgresSettings", sources_duckdb: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    tables = read_sources(sources_duckdb)
    duck_work, pg_work = tmp_path_factory.mktemp("dbt_duckdb"), tmp_path_factory.mktemp("dbt_postgres")
    # DuckDB builds both days at once, alongside the two PostgreSQL runs.
    duck = run_dbt("duckdb", duck_work, {"FIELDVOICE_DUCKDB_PATH": str(sources_duckdb)})
    pg_env, conninfo = pg_database.dbt_env(), pg_database.conninfo()
    # One window over both days, as a single-run backfill passes it: unchanged --vars let the second run reuse the
    # first one's parse (new vars force a full one). Day 1 only creates the tables; day 2 runs every model (the
    # incremental ones incrementally), unit test and data test.
    window = (DAYS[0], DAYS[-1] + timedelta(days=1))
    try:
        assert copy_into_postgres(conninfo, tables, landed_on(DAYS[0])) > 0
        first = run_dbt("postgres", pg_work, pg_env, window, "--resource-type", "model", "--resource-type", "seed")
        created = finish(first, pg_work, "postgres")
        assert copy_into_postgres(conninfo, tables, landed_on(DAYS[1])) > 0
        results = finish(run_dbt("postgres", pg_work, pg_env, window), pg_work, "postgres")
        on_duckdb = finish(duck, duck_work, "duckdb")
    finally:
        if duck.poll() is None:  # a PostgreSQL step failed first: leave no build behind
            duck.kill()
            duck.wait()
    return {
        "postgres_day1": created,
        "postgres": results,
        "duckdb": on_duckdb,
        "conninfo": conninfo,
        "duckdb_path": sources_duckdb,
    }


def test_every_model_unit_test_and_data_test_passes_on_postgres(builds: dict) -> None:
    results = builds["postgres"]
    failed = [
        (r["unique_id"], r["status"], r.get("message")) for r in results if r["status"] not in ("success", "pass")
    ]
    assert not failed
    kinds = {r["unique_id"].split(".")[0] for r in results}
    assert {"model", "unit_test", "test", "seed"} <= kinds
    # the very nodes the DuckDB build ran and passed; day 1 created every model
    on_duckdb = {r["unique_id"] for r in builds["duckdb"] if r["status"] in ("success", "pass")}
    assert on_duckdb == {r["unique_id"] for r in builds["duckdb"]} == {r["unique_id"] for r in results}
    created = {r["unique_id"] for r in builds["postgres_day1"] if r["status"] == "success"}
    assert created == {u for u in on_duckdb if u.split(".")[0] in ("model", "seed")}


def _normalise(value: object) -> object:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, datetime):
        return value.timestamp()  # both engines return aware timestamps; compare the instant
    return value


def _relations(columns_sql: str, fetch) -> dict[Table, list[str]]:
    found: dict[Table, list[str]] = {}
    for schema, name, column in fetch(columns_sql):
        found.setdefault((schema, name), []).append(column)
    return found


def test_incremental_postgres_equals_full_duckdb_table_by_table(builds: dict) -> None:
    columns_sql = (
        "SELECT table_schema, table_name, column_name FROM information_schema.columns "
        f"WHERE table_schema IN ({', '.join(repr(s) for s in COMPARED_SCHEMAS)}) "
        "ORDER BY table_schema, table_name, ordinal_position"
    )
    with duckdb.connect(str(builds["duckdb_path"]), read_only=True) as duck, psycopg.connect(builds["conninfo"]) as pg:
        duck_relations = _relations(columns_sql, lambda q: duck.execute(q).fetchall())
        pg_relations = _relations(columns_sql, lambda q: pg.execute(q).fetchall())
        assert pg_relations == duck_relations  # same tables and views, same columns in the same order
        assert ("marts", "fct_interviews") in duck_relations and ("marts", "agg_scores_by_country") in duck_relations
        differing = []
        for (schema, name), columns in duck_relations.items():
            query = f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)} FROM "{schema}"."{name}"'
            on_duckdb = sorted((tuple(map(_normalise, row)) for row in duck.execute(query).fetchall()), key=repr)
            on_postgres = sorted((tuple(map(_normalise, row)) for row in pg.execute(query).fetchall()), key=repr)
            if on_duckdb != on_postgres:
                differing.append((f"{schema}.{name}", len(on_duckdb), len(on_postgres)))
        assert not differing
        # not vacuous: both days are in, and a re-export on day 2 superseded a day-1 version
        assert duck.execute("SELECT count(DISTINCT partition_date) FROM marts.fct_interviews").fetchall() == [(2,)]
        assert pg.execute("SELECT max(version_count) FROM marts.fct_interviews").fetchall()[0][0] > 1


def test_headline_figures_match_to_the_cent(builds: dict) -> None:
    """NPS with its interval and mean CSAT per country, and the coverage curve: the figures people read."""
    queries = [
        "SELECT country_code, n_interviews, nps, nps_ci_low, nps_ci_high, csat_mean "
        "FROM marts.agg_scores_by_country ORDER BY country_code",
        "SELECT coverage_date, n_interviews_cumulative, targets_share_cumulative, countries_share_cumulative "
        "FROM marts.fct_programme_coverage ORDER BY coverage_date",
    ]
    with duckdb.connect(str(builds["duckdb_path"]), read_only=True) as duck, psycopg.connect(builds["conninfo"]) as pg:
        for query in queries:
            on_duckdb, on_postgres = duck.execute(query).fetchall(), pg.execute(query).fetchall()
            assert on_duckdb and on_postgres == on_duckdb, query


def test_incremental_tables_refresh_their_statistics_before_pruning(builds: dict) -> None:
    # The prune post-hooks are planned from statistics the run's own insert made stale; stale ones led
    # PostgreSQL into a nested loop over the whole history (macros/incremental_interviews.sql).
    pruned = {
        "fct_interviews", "fct_verbatims", "fct_callbacks", "int_verbatims", "int_pain_points_exploded",
        "int_interview_scores_unpivoted",
    }  # fmt: skip
    with psycopg.connect(builds["conninfo"]) as pg:
        rows = pg.execute("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL").fetchall()
    assert pruned <= {name for (name,) in rows}
