"""The dbt project as Dagster sees it: one `DbtProject`, the `dbt` resource factory and the run arguments.

The manifest is built ahead, so that loading the code location never parses dbt:

    .venv/bin/dagster-dbt project prepare-and-package --file orchestration/dbt_project.py

(`make manifest`, which `make demo`, `make test` and `make dev` run first). That parses dbt_project/ into
dbt_project/target/manifest.json; rerun it after editing models. Under `dagster dev`, `prepare_if_dev()`
re-parses dbt_project/ at load time to pick up edits.
"""

import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from functools import cached_property
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject
from packaging import version

from fieldvoice.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"


def dbt_executable() -> str:
    """dbt runs out of process from its own environment (`.venv-dbt`, made by the Makefile), so that this
    code location never imports dbt-core; FIELDVOICE_DBT_EXECUTABLE overrides it."""
    candidates = [
        os.environ.get("FIELDVOICE_DBT_EXECUTABLE", ""),
        str(PROJECT_ROOT / ".venv-dbt" / "bin" / "dbt"),
        str(Path(sys.executable).with_name("dbt")),
    ]
    return next((c for c in candidates if c and Path(c).is_file()), shutil.which("dbt") or "dbt")


# dagster-dbt's preparer (prepare-and-package, prepare_if_dev) runs `dbt parse` from PATH: put ours first.
os.environ["PATH"] = os.pathsep.join([str(Path(dbt_executable()).parent), os.environ.get("PATH", "")])

# dbt's partial parsing (the saved parse `make manifest` leaves in dbt_project/target) is only reused when the
# profile renders the same: pin the warehouse path to the absolute one each run passes (dbt_env).
os.environ["FIELDVOICE_DUCKDB_PATH"] = str(Settings.from_env().duckdb_path)
dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()


class OutOfProcessDbtCliResource(DbtCliResource):
    """dbt-core is deliberately not importable in the code location (it runs from `.venv-dbt`), so there is no
    in-process adapter to create; without this, dagster-dbt 0.29 logs a traceback on every run trying."""

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> None:  # type: ignore[override]
        return None

    @cached_property
    def _cli_version(self) -> version.Version:
        """dagster-dbt runs `dbt --version` on every run to learn this: 4 s of dbt start-up, 15% of a day's dbt
        step (benchmarks/e2e.py). The dbt environment's package metadata says the same at once."""
        venv = Path(self.dbt_executable).resolve().parent.parent
        found = sorted(venv.glob("lib/python*/site-packages/dbt_core-*.dist-info"))
        return version.parse(found[-1].name.removesuffix(".dist-info").split("-")[1]) if found else super()._cli_version


def dbt_resource() -> DbtCliResource:
    """The resource registered under the key `dbt`."""
    return OutOfProcessDbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable())


def dbt_env(start: datetime, end: datetime, duckdb_path: Path) -> dict[str, str]:
    """Environment of a run's dbt process: the half-open partition window [min, max) and the warehouse file.

    `end` is exclusive, as in Dagster's time windows (partition 2026-03-01 -> min 2026-03-01, max 2026-03-02).
    Environment variables, not `--vars`: dbt re-parses the whole project when `--vars` change (6 s of a day's
    dbt step), but only the files that read a changed environment variable (macros/partition_window.sql).
    The path is passed resolved: dbt would read a relative path against its own working directory.
    """
    return {
        "FIELDVOICE_DBT_MIN_DATE": start.strftime("%Y-%m-%d"),
        "FIELDVOICE_DBT_MAX_DATE": end.strftime("%Y-%m-%d"),
        "FIELDVOICE_DUCKDB_PATH": str(duckdb_path),
    }


@contextmanager
def dbt_environment(variables: dict[str, str]) -> Iterator[None]:
    """Set `variables` while dbt is started (dagster-dbt hands dbt a copy of os.environ), then restore them.
    Safe: a run executes its steps one at a time in one process (the in-process executor)."""
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


PARTIAL_PARSE = "partial_parse.msgpack"


def keep_partial_parse(run_target: Path) -> bool:
    """Make a run's saved parse the project's, so that the next run starts from it; True if it was replaced.

    dagster-dbt starts every run from dbt_project/target's saved parse, which `make manifest` wrote with the
    profile rendered then. dbt drops a saved parse whose profile differs (another warehouse path, the postgres
    target) and parses the whole project again: 4 s of a 15,000-interview day's 17 s dbt step, on every run.
    The run's own parse is for its profile; kept here, only the first run with a new profile pays. A saved parse
    for another profile is merely ignored by dbt, so concurrent runs replacing it in turn stay correct."""
    fresh = run_target / PARTIAL_PARSE
    saved = DBT_PROJECT_DIR / os.environ.get("DBT_TARGET_PATH", "target") / PARTIAL_PARSE
    staging = saved.with_name(f".{PARTIAL_PARSE}.{os.getpid()}")
    try:
        if not fresh.is_file() or (saved.is_file() and saved.read_bytes() == fresh.read_bytes()):
            return False
        shutil.copyfile(fresh, staging)
        os.replace(staging, saved)  # atomic: a run starting now copies either the old parse or this one
    except OSError:  # e.g. a read-only project folder in an image: a speed-up, never a reason to fail a run
        with suppress(OSError):
            staging.unlink()
        return False
    return True


def dbt_build_args(target: str | None = None) -> list[str]:
    """`target`: a profiles.yml output; None is the profile's default (duckdb).

    Unit tests check the models' SQL on fixed inputs, not the day's data: they run in the test suite
    (tests/dbt), not in every daily run, where they were the slowest nodes (about half of dbt's node time)."""
    return ["build", "--exclude-resource-type", "unit_test", *(["--target", target] if target else [])]


def dbt_target() -> str | None:
    """`postgres` when FIELDVOICE_WAREHOUSE=postgres. A FIELDVOICE_PG_DSN is split into the FIELDVOICE_PG_* parts
    profiles.yml reads, in this process's environment, which the dbt subprocess inherits (never its arguments)."""
    from fieldvoice.settings import PostgresSettings, warehouse_kind

    if warehouse_kind() != "postgres":
        return None
    if os.environ.get("FIELDVOICE_PG_DSN"):
        os.environ.update(PostgresSettings.from_env().dbt_env())
    return "postgres"
