"""Watch the landing zone: run a day's pipeline when its folder gets new or changed files."""

import hashlib
import json

import dagster as dg

from fieldvoice.landing import folder_state, reviews_folder, scan_landing, settled_changes
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
    states = {s.name: s for s in scan_landing(paths.landing, Settings.from_env().settle_seconds)}
    ready, waiting = settled_changes(states.items(), seen)
    valid_days = set(daily_partitions.get_partition_keys())
    requests, skipped = [], [f"{name} (still being written)" for name in waiting]
    for name in ready:
        run_key = f"{name}:{states[name].fingerprint}"
        if name == "reference":
            requests.append(dg.RunRequest(run_key=run_key, job_name=reference_job.name))
        elif name in valid_days:
            requests.append(dg.RunRequest(run_key=run_key, partition_key=name, job_name=daily_job.name))
        else:
            skipped.append(f"{name} (outside the partition range)")
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
    files = {str(p.relative_to(paths.landing)): p for p in review_files_in(reviews_folder(paths.landing))}
    states = ((name, folder_state(path.parent, [path], settle)) for name, path in files.items())
    ready, waiting = settled_changes(states, seen)
    valid_days = set(daily_partitions.get_partition_keys())
    days: set[str] = set()
    for name in ready:
        found = review_days(files[name])
        if not found:
            context.log.warning(f"{name}: no decided day found (partition_date column or file name)")
        days |= found & valid_days
    if waiting:
        context.log.info("waiting on: " + ", ".join(waiting))
    fingerprint = hashlib.sha256(json.dumps(seen, sort_keys=True).encode()).hexdigest()[:16]
    requests = [
        dg.RunRequest(run_key=f"review:{day}:{fingerprint}", partition_key=day, job_name=review_job.name)
        for day in sorted(days)
    ]
    return dg.SensorResult(run_requests=requests, cursor=json.dumps(seen, sort_keys=True))
