"""Run Dagster jobs of the code location in this process, the way `orchestration.demo` does, and write what
happened as JSON: the fault tests start it as a subprocess so that they can kill it mid-step.

    python -m tests.prove.runner OUT.json '[{"job": "daily_job", "partition": "2026-11-19"}, ...]'

Each entry: `job`, optional `partition`, `select` (asset keys as "a/b") or `groups` (asset groups) to run a
subset, and `env` (variables set before that run: the LLM resource reads its settings at run time). The instance
is DAGSTER_HOME's, and the project's paths come from the FIELDVOICE_* variables, as in production.
"""

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import dagster as dg

_QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


def _plain(value: Any) -> Any:
    """A metadata value as JSON: its payload when it has a simple one, else its text."""
    inner = getattr(value, "value", value)
    if isinstance(inner, str | int | float | bool) or inner is None:
        return inner
    if isinstance(inner, dict | list):
        return json.loads(json.dumps(inner, default=str))
    return str(inner)


def run(entry: dict[str, Any], instance: dg.DagsterInstance) -> dict[str, Any]:
    from orchestration.definitions import defs

    os.environ.update(entry.get("env", {}))
    job = defs.resolve_job_def(entry["job"])
    selection = [dg.AssetKey(key.split("/")) for key in entry.get("select", [])]
    if entry.get("groups"):
        graph = defs.resolve_asset_graph()
        keys = job.asset_layer.selected_asset_keys
        selection += [k for k in keys if graph.get(k).group_name in entry["groups"]]
    started = time.perf_counter()
    result = job.execute_in_process(
        partition_key=entry.get("partition"),
        instance=instance,
        raise_on_error=False,
        run_config=_QUIET,
        asset_selection=selection or None,
    )
    materialised: dict[str, dict[str, Any]] = {}
    checks: dict[str, bool] = {}
    for event in result.all_events:
        if event.is_step_materialization:
            mat = event.materialization
            materialised[mat.asset_key.to_user_string()] = {k: _plain(v) for k, v in mat.metadata.items()}
        elif event.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.asset_check_evaluation_data
            checks[f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"] = evaluation.passed
    return {
        **{k: entry.get(k) for k in ("job", "partition", "select", "groups")},
        "success": result.success,
        "run_id": result.run_id,
        "seconds": round(time.perf_counter() - started, 2),
        "materialized": materialised,
        "checks": checks,
        "failures": [str(e.message) for e in result.all_events if e.is_step_failure or e.is_run_failure],
    }


def main(argv: list[str]) -> int:
    out, plan = Path(argv[0]), json.loads(argv[1])
    from orchestration.recovery import release_dead_runs

    instance = dg.DagsterInstance.get()
    release_dead_runs(instance)  # as orchestration.demo does: a killed run must not block the rerun
    results = []
    for entry in plan:
        results.append(run(entry, instance))
        out.write_text(json.dumps(results, indent=1, default=str))  # after each run: a killed runner leaves a trace
    return 0 if all(r["success"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
