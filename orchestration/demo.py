"""Materialise everything for the landing days present, recording runs in DAGSTER_HOME.

`make demo` calls this after generating sample exports; the runs then show up in `dagster dev`.

Each run gets its own process, as Dagster's run launcher gives it in production: a day's peak memory is that
day's alone. (One process for a whole backfill stacked what earlier days had left in it: 3.3 GB at day 8's
field QA in the 1,000,000-interview benchmark.) The parent only launches runs and prints the summary, so it
stays small and never imports Dagster.
"""

import argparse
import re
import subprocess
import sys
import warnings
from pathlib import Path

from fieldvoice.settings import PostgresSettings, Settings

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Step-by-step logs and warnings stay in the Dagster UI (and rejected files in the summary below); the
# terminal gets errors and the summary.
_QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


def landing_days(settings: Settings) -> list[str]:
    if not settings.landing_dir.is_dir():
        return []
    return sorted(p.name for p in settings.landing_dir.iterdir() if p.is_dir() and _DAY.match(p.name))


def run_job(job: str, partition: str | None) -> bool:
    """Execute one job (one partition) in this process, on DAGSTER_HOME's instance."""
    import dagster as dg

    from orchestration.definitions import defs
    from orchestration.recovery import release_dead_runs

    # daily_job mixes dbt's single-run backfill policy with per-day assets; Dagster says so on every resolve and
    # backfills the job one day per run, as this launcher runs it anyway.
    warnings.filterwarnings("ignore", message=".*varying BackfillPolicies", category=UserWarning)
    instance = dg.DagsterInstance.get()
    # A run killed earlier (by hand, or the out-of-memory killer) would hold the DuckDB pool slot forever.
    for run_id in release_dead_runs(instance):
        print(f"run {run_id} had been killed: marked failed, its pool slot freed", file=sys.stderr, flush=True)
    result = defs.resolve_job_def(job).execute_in_process(
        partition_key=partition, instance=instance, raise_on_error=False, run_config=_QUIET
    )
    return result.success


def launch(job: str, partition: str | None = None, log: Path | None = None) -> bool:
    """Run a job in a child process (`--run`); its stdout (dbt's progress lines) goes to `log` when given."""
    command = [sys.executable, "-m", "orchestration.demo", "--run", job]
    command += ["--partition", partition] if partition else []
    if log is None:
        return subprocess.run(command, check=False).returncode == 0
    with log.open("w") as out:
        return subprocess.run(command, stdout=out, check=False).returncode == 0


def summary(settings: Settings) -> list[str]:
    from fieldvoice.summary import (
        field_quality_summary,
        ingest_summary,
        insights_summary,
        validation_summary,
        warehouse_summary,
    )
    from fieldvoice.warehouse import open_warehouse

    with open_warehouse(settings.warehouse, settings.duckdb_path, read_only=True) as wh:
        lines = [*ingest_summary(wh), *validation_summary(wh), *field_quality_summary(wh)]
        lines += [*warehouse_summary(wh), *insights_summary(wh)]
    where = PostgresSettings.from_env().describe() if settings.warehouse == "postgres" else settings.duckdb_path
    latest = settings.output_dir / "briefs" / "latest.txt"
    return [
        *lines,
        f"warehouse: {where}",
        f"outputs:   {settings.output_dir}",
        f"validation reports: {settings.output_dir / 'validation' / 'index.html'}",
        f"review files for supervisors: {settings.output_dir / 'reviews'} (drop filled ones into "
        f"{settings.landing_dir / 'reviews'})",
        f"BRIEFS: {latest.read_text().strip() if latest.is_file() else 'not generated'}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", nargs="*", help="partitions to run (default: every day folder in the landing zone)")
    parser.add_argument("--run", metavar="JOB", help=argparse.SUPPRESS)  # a child: run this job here
    parser.add_argument("--partition", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        return 0 if run_job(args.run, args.partition) else 1
    settings = Settings.from_env()
    days = args.days or landing_days(settings)
    if not days:
        print(f"no day folders in {settings.landing_dir}: run `fieldvoice generate` first", file=sys.stderr)
        return 1
    print("reference files ...", flush=True)
    if not launch("reference_job"):
        return 1
    logs = settings.output_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    failed = []
    for day in days:
        ok = launch("daily_job", day, logs / f"daily_job-{day}.log")
        print(f"day {day}: {'ok' if ok else 'FAILED'}", flush=True)
        if not ok:
            failed.append(day)
    print("\n".join(summary(settings)))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
