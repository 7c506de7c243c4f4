"""Faults: runs killed mid-ingest and mid-dbt then rerun, two runs of one day at once, and an LLM endpoint that
is down, slow, rate-limiting or sending garbage. Every case ends with the tables of a clean run.

The clean run (tests/prove/conftest.py) and the faulty ones run the same generated day; tables are compared in
full except for the columns that record when something ran (project.VOLATILE_COLUMNS).
"""

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from tests.fakes.openai_server import FakeOpenAI, error, garbage, slow, unused_url
from tests.prove.project import (
    DAILY,
    DAY,
    CleanRun,
    Project,
    differences,
    kill_group,
    make_home,
    results,
    run_jobs,
    snapshot,
    start_jobs,
    wait_until,
)

pytestmark = pytest.mark.slow

COMPARED = ("raw", "validated", "quarantine", "fieldqa", "staging", "intermediate", "marts", "insights")
# Rewrites the day's raw, validated and quarantined rows, without dbt: cheap, and contends for the same pool.
INGEST_AND_VALIDATE = [{**DAILY[0], "groups": ["ingest", "validation"]}]
DBT_SCHEMAS = {"reference", "staging", "intermediate", "marts"}
Reached = Callable[[dg.DagsterInstance, str], bool]  # has this run reached the point where it is killed?


def _instance(project: Project) -> dg.DagsterInstance:
    return dg.DagsterInstance.from_config(str(project.home))


def _daily_run(instance: dg.DagsterInstance, exclude: set[str]) -> dg.DagsterRun | None:
    runs = [r for r in instance.get_runs(filters=dg.RunsFilter(job_name="daily_job")) if r.run_id not in exclude]
    return runs[0] if runs else None


def _kill_when(project: Project, plan: list[dict], name: str, reached: Reached) -> str:
    """Start the runner, SIGKILL its whole process group (dbt included) once `reached(instance, run_id)`;
    returns the killed run's id."""
    instance = _instance(project)
    before = {r.run_id for r in instance.get_runs()}
    process = start_jobs(project, plan, name)
    try:

        def at_point() -> str | None:
            assert process.poll() is None, f"{name} ended before the kill point; see {project.logs / name}.log"
            run = _daily_run(instance, before)
            return run.run_id if run and reached(instance, run.run_id) else None

        run_id = wait_until(at_point, timeout=300, what=f"{name} to reach its kill point")
    finally:
        kill_group(process)
    assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.STARTED  # killed, not finished
    return run_id


def _step_started(step: str) -> Reached:
    def reached(instance: dg.DagsterInstance, run_id: str) -> bool:
        return any(e.step_key == step for e in instance.all_logs(run_id, of_type=dg.DagsterEventType.STEP_START))

    return reached


def _dbt_model_built(instance: dg.DagsterInstance, run_id: str) -> bool:
    events = instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION)
    return any(e.asset_materialization.asset_key.path[0] in DBT_SCHEMAS for e in events if e.asset_materialization)


def _count(warehouse: Path, table: str, day: str | None = None) -> int:
    """Rows of a table (of one partition), 0 when the table does not exist yet."""
    schema, name = table.split(".")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", [schema, name]
        ).fetchall()[0][0]
        if not exists:
            return 0
        where = f" WHERE partition_date = '{day}'" if day else ""
        return con.execute(f"SELECT count(*) FROM {table}{where}").fetchall()[0][0]


@pytest.fixture(scope="module")
def expected(clean_run: CleanRun) -> dict[str, list[tuple]]:
    tables = snapshot(clean_run.project.warehouse, COMPARED)
    assert len(tables["raw.interviews"]) > 200 and tables["marts.fct_interviews"]
    return tables


def _fresh(clean_run: CleanRun, root: Path) -> Project:
    """The clean run's landing zone, settings and reference tables, before the day's run; a new instance."""
    project = Project(root, dict(clean_run.project.extra_env))
    make_home(project.home)
    shutil.copytree(clean_run.project.landing, project.landing)
    shutil.copy(clean_run.after_reference, project.warehouse)
    return project


def test_killed_mid_ingest_then_mid_dbt_then_two_runs_at_once(
    clean_run: CleanRun, expected: dict[str, list[tuple]], tmp_path: Path
) -> None:
    project = _fresh(clean_run, tmp_path)
    raw_rows = len(expected["raw.interviews"])

    # 1. Killed while ingesting the day (the first time its files are seen): the partition is all or nothing.
    ingest_run = _kill_when(project, DAILY, "kill-ingest", _step_started("raw__interviews"))
    loaded = _count(project.warehouse, "raw.interviews", DAY.isoformat())
    assert loaded in (0, raw_rows)
    slots = _instance(project).event_log_storage.get_concurrency_info("duckdb_writer").claimed_slots
    assert [s.run_id for s in slots] == [ingest_run]  # the dead run still holds the DuckDB writer slot

    # 2. Rerun, killed once dbt has committed its first models (the rest not yet built).
    dbt_run = _kill_when(project, DAILY, "kill-dbt", _dbt_model_built)
    instance = _instance(project)
    assert instance.get_run_by_id(ingest_run).status == dg.DagsterRunStatus.FAILURE  # released by the rerun
    assert _count(project.warehouse, "validated.interviews") > 0

    # 3. Two runs of the day at once (the whole day, and its ingest + validation again): one waits for the
    # DuckDB writer pool at each step; both finish.
    both = [start_jobs(project, plan, f"concurrent-{i}") for i, plan in enumerate((DAILY, INGEST_AND_VALIDATE))]
    try:
        for process in both:
            process.wait(600)
    finally:
        for process in both:
            kill_group(process)
    outcomes = [results(project, f"concurrent-{i}") for i in range(len(both))]
    assert all(len(o) == 1 and o[0]["success"] for o in outcomes), [o and o[0]["failures"] for o in outcomes]
    assert instance.get_run_by_id(dbt_run).status == dg.DagsterRunStatus.FAILURE
    blocked = [
        e
        for o in outcomes
        for e in instance.all_logs(o[0]["run_id"], of_type=dg.DagsterEventType.ENGINE_EVENT)
        if "blocked by limit for pool" in (e.message or "")
    ]
    assert blocked, "two runs at once should have queued on the duckdb_writer pool"

    # The warehouse opens (WAL replayed after the kills) and holds exactly the clean run's rows.
    assert differences(expected, snapshot(project.warehouse, COMPARED)) == []


FAULTS = {
    # mode: (fake behaviour or None for "nothing listens", extra env, expected fallback outcome)
    "down": (None, {}, "connection_error"),
    "slow": (slow(30), {"FIELDVOICE_LLM_TIMEOUT": "1"}, "timeout"),
    "rate_limited": (error(429, retry_after="1"), {"FIELDVOICE_LLM_RETRY_MAX_DELAY": "5"}, "rate_limited"),
    "garbage": (garbage(), {}, "invalid_json"),
}


def test_llm_endpoint_faults_fall_back_offline(clean_run: CleanRun, tmp_path: Path) -> None:
    project = clean_run.project.clone(tmp_path)
    fakes: dict[str, FakeOpenAI] = {}
    plan = []
    try:
        for mode, (behaviour, env, _) in FAULTS.items():
            url = unused_url()
            if behaviour is not None:
                fakes[mode] = fake = FakeOpenAI().start()
                fake.default = fake.embeddings_fault = behaviour
                url = fake.url
            env = {
                "OPENAI_BASE_URL": url,
                "FIELDVOICE_LLM_MODEL": "fault-model",  # not the clean run's: its cached answers must not serve
                "FIELDVOICE_EMBEDDINGS_MODEL": "fault-embedding",  # discovery embeds through the endpoint too
                "FIELDVOICE_LLM_MAX_RETRIES": "1",
                "FIELDVOICE_LLM_RETRY_BASE_DELAY": "0.05",
                "FIELDVOICE_LLM_TIMEOUT": "5",
                **env,
            }
            plan.append({**DAILY[0], "groups": ["insights", "briefs"], "env": env})
        started = time.perf_counter()
        outcomes = run_jobs(project, plan, "llm-faults")
        elapsed = time.perf_counter() - started
    finally:
        for fake in fakes.values():
            fake.close()

    for (mode, (_, _, outcome)), result in zip(FAULTS.items(), outcomes, strict=True):
        assert result["success"], (mode, result["failures"])
        briefs = result["materialized"]["briefs/hackathon_briefs"]
        assert briefs["briefs"] == 2 and briefs["fallbacks"] == 2, (mode, briefs)
        assert briefs["generated_by"] == "offline: 2", (mode, briefs)
        assert outcome in briefs["fallback_reasons"] or "skipped" in briefs["fallback_reasons"], (mode, briefs)
        assert outcome in briefs["llm_outcomes"], (mode, briefs)
        embedder = result["materialized"]["insights/discovered_themes"]["embedder"]
        assert embedder.endswith("(fallback)"), (mode, embedder)
    # Every fake saw the client try (and retry) rather than give up silently; Retry-After was honoured.
    assert all(fake.chat_calls >= 2 and fake.embedding_calls >= 1 for fake in fakes.values())
    chat = [r.at for r in fakes["rate_limited"].requests if r.kind == "chat"]
    assert chat[1] - chat[0] >= 0.9, "the client retried before the server's Retry-After: 1"
    assert elapsed < 180
    site = (project.outputs / "briefs" / DAY.isoformat() / "index.html").read_text(encoding="utf-8")
    assert "LLM call failed" in site or "generated offline" in site
