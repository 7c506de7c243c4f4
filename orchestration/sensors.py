"""Watch the landing zone: run a day's pipeline when its folder gets new or changed files."""

import json

import dagster as dg

from fieldvoice.landing import scan_landing
from fieldvoice.settings import Settings
from orchestration.jobs import daily_job, reference_job
from orchestration.partitions import daily_partitions
from orchestration.resources import FieldvoicePaths


@dg.sensor(
    jobs=[daily_job, reference_job],
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description=(
        "Requests a run for each day folder (and the reference folder) whose files are new or changed since "
        "the last tick. Folders with a file modified in the last FIELDVOICE_SETTLE_SECONDS wait a tick."
    ),
)
def landing_sensor(context: dg.SensorEvaluationContext, paths: FieldvoicePaths) -> dg.SensorResult:
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    settle = Settings.from_env().settle_seconds
    valid_days = set(daily_partitions.get_partition_keys())
    requests, skipped = [], []
    for state in scan_landing(paths.landing, settle):
        if seen.get(state.name) == state.fingerprint:
            continue
        if not state.settled:
            skipped.append(f"{state.name} (still being written)")
            continue
        if state.name == "reference":
            requests.append(dg.RunRequest(run_key=f"reference:{state.fingerprint}", job_name=reference_job.name))
        elif state.name in valid_days:
            requests.append(
                dg.RunRequest(
                    run_key=f"{state.name}:{state.fingerprint}", partition_key=state.name, job_name=daily_job.name
                )
            )
        else:
            skipped.append(f"{state.name} (outside the partition range)")
        seen[state.name] = state.fingerprint
    if skipped:
        context.log.info("waiting on: " + ", ".join(skipped))
    return dg.SensorResult(run_requests=requests, cursor=json.dumps(seen, sort_keys=True))
