"""The daily run: yesterday's landing folder, every morning."""

from datetime import timedelta

import dagster as dg

from fieldvoice.landing import day_folder, export_files
from orchestration.jobs import daily_job
from orchestration.resources import FieldvoicePaths


@dg.schedule(
    job=daily_job,
    cron_schedule="0 6 * * *",
    execution_timezone="UTC",
    description="At 06:00 UTC, run the daily pipeline for the previous day's partition.",
)
def daily_schedule(context: dg.ScheduleEvaluationContext, paths: FieldvoicePaths) -> dg.RunRequest | dg.SkipReason:
    day = (context.scheduled_execution_time - timedelta(days=1)).date()
    if not export_files(day_folder(paths.landing, day)):
        return dg.SkipReason(f"no export files in {day_folder(paths.landing, day)}")
    return dg.RunRequest(run_key=f"scheduled:{day.isoformat()}", partition_key=day.isoformat())
