"""Watch the landing zone: run a day's pipeline when its folder gets new or changed files."""

import hashlib
import json

import dagster as dg

from fieldvoice.landing import folder_state, reviews_folder, scan_landing
from fieldvoice.settings import Settings
from orchestration.jobs import daily_job, reference_job, review_job
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


@dg.sensor(
    jobs=[review_job],
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description=(
        "Watches <landing>/reviews/ for review files supervisors filled in (accept | reject). For each new or "
        "changed file, requests review_job for the days it decides: their decisions override the QA policy, "
        "are audited in fieldqa.review_audit, and flow into the marts, insights and briefs."
    ),
)
def review_sensor(context: dg.SensorEvaluationContext, paths: FieldvoicePaths) -> dg.SensorResult:
    from fieldvoice.fieldqa.review import review_days, review_files_in  # pandas: at tick time, not at load

    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    settle = Settings.from_env().settle_seconds
    valid_days = set(daily_partitions.get_partition_keys())
    days: set[str] = set()
    waiting = []
    for path in review_files_in(reviews_folder(paths.landing)):
        name = str(path.relative_to(paths.landing))
        state = folder_state(path.parent, [path], settle)
        if seen.get(name) == state.fingerprint:
            continue
        if not state.settled:
            waiting.append(name)
            continue
        found = review_days(path)
        if not found:
            context.log.warning(f"{name}: no decided day found (partition_date column or file name)")
        days |= found & valid_days
        seen[name] = state.fingerprint
    if waiting:
        context.log.info("waiting on: " + ", ".join(waiting))
    fingerprint = hashlib.sha256(json.dumps(seen, sort_keys=True).encode()).hexdigest()[:16]
    requests = [
        dg.RunRequest(run_key=f"review:{day}:{fingerprint}", partition_key=day, job_name=review_job.name)
        for day in sorted(days)
    ]
    return dg.SensorResult(run_requests=requests, cursor=json.dumps(seen, sort_keys=True))
