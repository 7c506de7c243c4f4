"""Release what a killed run left behind on the local instance, so that the next run does not wait forever.

A run killed hard (SIGKILL, out of memory, a reboot) stays STARTED and keeps its `duckdb_writer` pool slot:
every later DuckDB-writing step then logs "blocked by limit for pool duckdb_writer" and never starts. Dagster
frees slots only for finished runs (or from the UI's "free concurrency slots"), and the default run launcher
cannot tell that a run worker died. On a local instance (SQLite storage, one machine) a run whose recorded
process is gone is dead: mark it failed and free its slots.
"""

import os
from pathlib import Path

import dagster as dg
from dagster._core.storage.runs import SqliteRunStorage

_ALIVE = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.CANCELING]


def _run_pid(instance: dg.DagsterInstance, run_id: str) -> int | None:
    """The process that executes the run: the first engine event naming a pid (in-process or launched run)."""
    for record in instance.all_logs(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT):
        data = record.dagster_event.engine_event_data if record.dagster_event else None
        pid = data.metadata.get("pid") if data else None
        if pid is not None:
            return int(str(getattr(pid, "value", pid)))
    return None


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    # A zombie (dead, not yet reaped by its parent) holds nothing: count it as gone.
    return not (stat.is_file() and stat.read_text().rsplit(")", 1)[-1].split()[0] == "Z")


def release_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Fail the unfinished runs whose process no longer exists and free their pool slots; returns their ids.

    Only on SQLite storage: with a shared (PostgreSQL) instance a pid names a process on some other machine."""
    if not isinstance(instance.run_storage, SqliteRunStorage):
        return []
    released = []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=_ALIVE)):
        pid = _run_pid(instance, run.run_id)
        if pid is None or _process_exists(pid):
            continue
        instance.report_run_failed(run, f"run process {pid} is gone (killed?): marked failed, pool slots freed")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        released.append(run.run_id)
    return released


if __name__ == "__main__":  # `python -m orchestration.recovery`: the same for DAGSTER_HOME's instance, on demand
    for run_id in release_dead_runs(dg.DagsterInstance.get()):
        print(f"run {run_id}: its process is gone; marked failed, pool slots freed")
