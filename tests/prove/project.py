"""A throw-away fieldvoice project for the "prove it" tests: generated landing zone, its own DAGSTER_HOME,
warehouse and outputs, and the environment that points the code location at them.

Jobs run in a subprocess (`tests.prove.runner`, the way `orchestration.demo` runs them), so that the code
location reads this environment at import, and so that a test can kill a run mid-step.
"""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:
    from tests.fakes.openai_server import FakeOpenAI
    from tests.prove.plant import Planted

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 19)
REFERENCE = [{"job": "reference_job"}]
DAILY = [{"job": "daily_job", "partition": DAY.isoformat()}]
SECRET = "sk-prove-7f3c9e1d5b2a4c6e8f0a1b3d5c7e9f2a-never-log-me"  # the LLM key of the clean run
# Variables of the developer's shell that must not leak into a test project (an LLM endpoint, another warehouse).
_DROP = ("OPENAI_", "AZURE_OPENAI_", "FIELDVOICE_", "FIELDQA_", "DAGSTER_")
# Written at run time, not derived from the data: they differ between two clean runs by design.
VOLATILE_COLUMNS = {
    "ingested_at",  # first time a file was ingested
    "version_key",  # a hash over ingested_at
    "quarantined_at",  # when validation ran
    "created_at",  # LLM cache entries
}


@dataclass
class Project:
    root: Path
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def landing(self) -> Path:
        return self.root / "landing"

    @property
    def home(self) -> Path:
        return self.root / "dagster_home"

    @property
    def warehouse(self) -> Path:
        return self.root / "warehouse.duckdb"

    @property
    def outputs(self) -> Path:
        return self.root / "outputs"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(_DROP)}
        env.update(
            DAGSTER_HOME=str(self.home),
            PYTHONPATH=str(ROOT),
            PATH=os.pathsep.join([str(ROOT / ".venv-dbt" / "bin"), env.get("PATH", "")]),
            DBT_SEND_ANONYMOUS_USAGE_STATS="false",
            DO_NOT_TRACK="1",
            FIELDVOICE_LANDING_DIR=str(self.landing),
            FIELDVOICE_DUCKDB_PATH=str(self.warehouse),
            FIELDVOICE_OUTPUT_DIR=str(self.outputs),
            FIELDVOICE_BRIEF_COUNT="2",
        )
        return {**env, **self.extra_env, **extra}

    def clone(self, root: Path, with_outputs: bool = False) -> "Project":
        """The same landing zone and warehouse in a new folder, with a fresh Dagster instance."""
        other = Project(root, dict(self.extra_env))
        make_home(other.home)
        shutil.copytree(self.landing, other.landing)
        shutil.copy(self.warehouse, other.warehouse)
        if with_outputs:
            shutil.copytree(self.outputs, other.outputs)
        return other


@dataclass
class CleanRun:
    """The run the fault and security tests share (tests/prove/conftest.py)."""

    project: Project
    planted: "Planted"
    fake: "FakeOpenAI"
    results: list[dict]
    after_reference: Path  # a copy of the warehouse once the reference job had run: the day not yet ingested


def make_home(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "dagster_home" / "dagster.yaml", home / "dagster.yaml")


def new_project(root: Path, interviews: int = 250, seed: int = 5, **extra_env: str) -> Project:
    from fieldvoice.generator import generate

    project = Project(root, dict(extra_env))
    make_home(project.home)
    project.logs.mkdir(parents=True)
    generate(project.landing, start=DAY, days=1, interviews_per_day=interviews, seed=seed, defect_rate=0.05)
    return project


def start_jobs(project: Project, plan: list[dict[str, Any]], name: str, **env: str) -> subprocess.Popen:
    """The runner in its own process group (a kill takes its dbt child too); output in logs/<name>.log."""
    project.logs.mkdir(parents=True, exist_ok=True)
    log = (project.logs / f"{name}.log").open("w")
    return subprocess.Popen(
        [sys.executable, "-m", "tests.prove.runner", str(project.logs / f"{name}.json"), json.dumps(plan)],
        cwd=ROOT,
        env=project.env(**env),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def results(project: Project, name: str) -> list[dict[str, Any]]:
    path = project.logs / f"{name}.json"
    return json.loads(path.read_text()) if path.is_file() else []


def run_jobs(project: Project, plan: list[dict[str, Any]], name: str, timeout: float = 600, **env: str) -> list[dict]:
    process = start_jobs(project, plan, name, **env)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        raise AssertionError(f"{name} did not finish in {timeout} s; see {project.logs / name}.log") from None
    done = results(project, name)
    assert len(done) == len(plan), f"{name}: runner stopped early; see {project.logs / name}.log"
    return done


def kill_group(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(30)


def wait_until(predicate: Any, timeout: float, what: str, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def _normal(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 9)  # parallel float sums may differ in the last bits
    if isinstance(value, list):
        return tuple(_normal(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _normal(v)) for k, v in value.items()))
    return value


def warehouse_columns(con: duckdb.DuckDBPyConnection, schemas: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """(schema, table, column, data type) of every table and view of the schemas, in table then column order."""
    return con.execute(
        "SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns "
        "WHERE list_contains(?, table_schema) ORDER BY table_schema, table_name, ordinal_position",
        [list(schemas)],
    ).fetchall()


def snapshot(warehouse: Path, schemas: tuple[str, ...]) -> dict[str, list[tuple]]:
    """Every table and view of the schemas: sorted rows without the volatile columns."""
    tables: dict[str, list[tuple]] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        listed: dict[tuple[str, str], list[str]] = {}
        for schema, name, column, _ in warehouse_columns(con, schemas):
            columns = listed.setdefault((schema, name), [])
            if column not in VOLATILE_COLUMNS:
                columns.append(column)
        for (schema, name), columns in listed.items():
            select = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'SELECT {select} FROM "{schema}"."{name}"').fetchall()
            tables[f"{schema}.{name}"] = sorted((tuple(_normal(v) for v in row) for row in rows), key=repr)
    return tables


def differences(expected: dict[str, list[tuple]], actual: dict[str, list[tuple]]) -> list[str]:
    """Human-readable differences: missing tables, row counts, first differing rows."""
    problems = [f"{t}: missing" for t in expected.keys() - actual.keys()]
    problems += [f"{t}: unexpected table" for t in actual.keys() - expected.keys()]
    for table in sorted(expected.keys() & actual.keys()):
        want, got = expected[table], actual[table]
        if want != got:
            extra = [r for r in got if r not in want][:2]
            lost = [r for r in want if r not in got][:2]
            problems.append(f"{table}: {len(want)} rows expected, {len(got)} found; lost {lost}, extra {extra}")
    return problems
