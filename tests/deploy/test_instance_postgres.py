"""deploy/dagster.yaml as Dagster loads it: a real DagsterInstance on a throwaway PostgreSQL database.

The instance records a finished run (with its event log), a queued run, the daily schedule's state and tick,
and the landing sensor's cursor from a real evaluation; it is disposed, as a container restart would, and a
new instance from the same file must find them all, with nothing written to local SQLite files.
"""

import shutil
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.definitions.sensor_definition import SensorType
from dagster._core.remote_origin import (
    GrpcServerCodeLocationOrigin,
    RemoteInstigatorOrigin,
    RemoteJobOrigin,
    RemoteRepositoryOrigin,
)
from dagster._core.scheduler.instigation import (
    InstigatorState,
    InstigatorStatus,
    InstigatorType,
    ScheduleInstigatorData,
    SensorInstigatorData,
    TickData,
    TickStatus,
)

from orchestration.resources import FieldvoicePaths
from orchestration.schedules import daily_schedule
from orchestration.sensors import landing_sensor
from tests.pg import throwaway_database

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
DAY = (date.today() - timedelta(days=2)).isoformat()  # inside the daily partitions
# The code location as deploy/workspace.yaml names it: instigator state is keyed by this origin.
REPOSITORY = RemoteRepositoryOrigin(
    GrpcServerCodeLocationOrigin(host="code-location", port=4000, location_name="fieldvoice"), "__repository__"
)


@dg.op
def probe() -> int:
    return 1


@dg.job
def probe_job() -> None:
    probe()


@pytest.fixture
def dagster_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """DAGSTER_HOME holding deploy/dagster.yaml, its DAGSTER_PG_* pointing at a throwaway database."""
    with throwaway_database("fv_dagster") as pg:
        password = pg.password.get_secret_value() if pg.password else ""
        env = {"HOST": pg.host, "PORT": str(pg.port), "USER": pg.user, "PASSWORD": password, "DB": pg.database}
        for name, value in env.items():
            monkeypatch.setenv(f"DAGSTER_PG_{name}", value)
        home = tmp_path / "dagster_home"
        home.mkdir()
        shutil.copy(DEPLOY / "dagster.yaml", home / "dagster.yaml")
        yield home


def _origin(name: str) -> RemoteInstigatorOrigin:
    return RemoteInstigatorOrigin(REPOSITORY, name)


def _landing_sensor_cursor(instance: dg.DagsterInstance, landing: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Evaluates the real landing sensor over a landing zone with one settled day folder."""
    (landing / DAY).mkdir(parents=True)
    (landing / DAY / "export.csv").write_text("submission_id,nps\nabc,9\n", encoding="utf-8")
    monkeypatch.setenv("FIELDVOICE_SETTLE_SECONDS", "0")
    paths = FieldvoicePaths(landing_dir=str(landing), output_dir=str(landing.parent / "out"))
    result = landing_sensor(dg.build_sensor_context(instance=instance, resources={"paths": paths}))
    assert [r.partition_key for r in result.run_requests] == [DAY]
    assert DAY in result.cursor
    return result.cursor


def test_runs_schedules_and_sensor_cursors_survive_a_restart(
    dagster_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = time.time()
    schedule, sensor = _origin(daily_schedule.name), _origin(landing_sensor.name)
    instance = dg.DagsterInstance.from_config(str(dagster_home))
    try:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        assert type(instance.event_log_storage).__name__ == "PostgresEventLogStorage"
        assert type(instance.schedule_storage).__name__ == "PostgresScheduleStorage"
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
        finished = probe_job.execute_in_process(instance=instance).run_id
        # what a sensor's request becomes: a run waiting in the queue for the daemon
        queued = instance.create_run_for_job(
            job_def=probe_job,
            status=dg.DagsterRunStatus.QUEUED,
            tags={"dagster/partition": DAY},
            remote_job_origin=RemoteJobOrigin(REPOSITORY, probe_job.name),
        ).run_id
        instance.add_instigator_state(
            InstigatorState(
                schedule,
                InstigatorType.SCHEDULE,
                InstigatorStatus.RUNNING,
                ScheduleInstigatorData(daily_schedule.cron_schedule, start_timestamp=now),
            )
        )
        instance.create_tick(
            TickData(
                instigator_origin_id=schedule.get_id(),
                instigator_name=schedule.instigator_name,
                instigator_type=InstigatorType.SCHEDULE,
                status=TickStatus.SKIPPED,
                timestamp=now,
                skip_reason="no export files",
                selector_id=schedule.get_selector().get_id(),
            )
        )
        cursor = _landing_sensor_cursor(instance, tmp_path / "landing", monkeypatch)
        instance.add_instigator_state(
            InstigatorState(
                sensor,
                InstigatorType.SENSOR,
                InstigatorStatus.RUNNING,
                SensorInstigatorData(
                    last_tick_timestamp=now,
                    min_interval=landing_sensor.minimum_interval_seconds,
                    cursor=cursor,
                    sensor_type=SensorType.STANDARD,
                ),
            )
        )
    finally:
        instance.dispose()

    reopened = dg.DagsterInstance.from_config(str(dagster_home))
    try:
        run = reopened.get_run_by_id(finished)
        assert run is not None and run.status == dg.DagsterRunStatus.SUCCESS
        events = {e.event_log_entry.dagster_event_type for e in reopened.get_records_for_run(finished).records}
        assert {dg.DagsterEventType.RUN_START, dg.DagsterEventType.RUN_SUCCESS} <= events
        waiting = reopened.get_run_by_id(queued)
        assert waiting is not None and waiting.status == dg.DagsterRunStatus.QUEUED
        assert waiting.tags["dagster/partition"] == DAY
        stored = reopened.get_instigator_state(schedule.get_id(), schedule.get_selector().get_id())
        assert stored is not None and stored.status == InstigatorStatus.RUNNING
        assert stored.instigator_data.cron_schedule == "0 6 * * *"
        ticks = reopened.get_ticks(schedule.get_id(), schedule.get_selector().get_id())
        assert [t.status for t in ticks] == [TickStatus.SKIPPED]
        stored = reopened.get_instigator_state(sensor.get_id(), sensor.get_selector().get_id())
        assert stored is not None and stored.instigator_data.cursor == cursor
        # the limits the daemon will apply come from the same file
        config = reopened.get_concurrency_config()
        assert config.run_queue_config.max_concurrent_runs == 4
        assert config.pool_config.default_pool_limit == 1
        assert reopened.run_retries_enabled and not reopened.telemetry_enabled
    finally:
        reopened.dispose()
    assert not [p for p in dagster_home.rglob("*") if p.suffix in (".db", ".sqlite")]
