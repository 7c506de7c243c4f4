"""Materialise everything for the landing days present, in-process, recording runs in DAGSTER_HOME.

`make demo` calls this after generating sample exports; the runs then show up in `dagster dev`.
"""

import argparse
import contextlib
import re
import sys

import dagster as dg

from fieldvoice.settings import PostgresSettings, Settings
from fieldvoice.summary import (
    field_quality_summary,
    ingest_summary,
    insights_summary,
    validation_summary,
    warehouse_summary,
)
from fieldvoice.warehouse import open_warehouse
from orchestration.definitions import defs
from orchestration.recovery import release_dead_runs

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Step-by-step logs and warnings stay in the Dagster UI (and rejected files in the summary below); the
# terminal gets errors and the summary.
_QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


def landing_days(settings: Settings) -> list[str]:
    if not settings.landing_dir.is_dir():
        return []
    return sorted(p.name for p in settings.landing_dir.iterdir() if p.is_dir() and _DAY.match(p.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", nargs="*", help="partitions to run (default: every day folder in the landing zone)")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    days = args.days or landing_days(settings)
    if not days:
        print(f"no day folders in {settings.landing_dir}: run `fieldvoice generate` first", file=sys.stderr)
        return 1
    instance = dg.DagsterInstance.get()
    for run_id in release_dead_runs(instance):  # a killed earlier run would hold the DuckDB pool slot forever
        print(f"run {run_id} had been killed: marked failed, its pool slot freed", flush=True)
    print("reference files ...", flush=True)
    if not defs.resolve_job_def("reference_job").execute_in_process(instance=instance, run_config=_QUIET).success:
        return 1
    failed = []
    logs = settings.output_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    for day in days:
        # dbt's own progress lines go to a log file; the terminal keeps one line per day.
        with (logs / f"daily_job-{day}.log").open("w") as log, contextlib.redirect_stdout(log):
            result = defs.resolve_job_def("daily_job").execute_in_process(
                partition_key=day, instance=instance, raise_on_error=False, run_config=_QUIET
            )
        print(f"day {day}: {'ok' if result.success else 'FAILED'}", flush=True)
        if not result.success:
            failed.append(day)
    with open_warehouse(settings.warehouse, settings.duckdb_path, read_only=True) as wh:
        print("\n".join([*ingest_summary(wh), *validation_summary(wh), *field_quality_summary(wh)]))
        print("\n".join(warehouse_summary(wh)))
        print("\n".join(insights_summary(wh)))
    where = PostgresSettings.from_env().describe() if settings.warehouse == "postgres" else settings.duckdb_path
    print(f"warehouse: {where}")
    print(f"outputs:   {settings.output_dir}")
    print(f"validation reports: {settings.output_dir / 'validation' / 'index.html'}")
    print(
        f"review files for supervisors: {settings.output_dir / 'reviews'} (drop filled ones into "
        f"{settings.landing_dir / 'reviews'})"
    )
    latest = settings.output_dir / "briefs" / "latest.txt"
    print(f"BRIEFS: {latest.read_text().strip() if latest.is_file() else 'not generated'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
