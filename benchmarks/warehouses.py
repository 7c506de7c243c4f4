"""The daily pipeline on DuckDB (serial: one writer) and on PostgreSQL with 1 and N concurrent partitions,
side by side in one run, on the same generated days, with where the time goes.

    python benchmarks/warehouses.py --days 4 --per-day 25000              # moderate
    python benchmarks/warehouses.py --days 8 --per-day 125000             # 1,000,000 interviews

Each partition runs the daily job's assets through Dagster, in its own process, in three steps as the pools
order them: (A) ingest, validation, field-work QA; (B) `dbt build` for the day, one at a time on both
warehouses (dbt rebuilds the same relations: pool of one); (C) insights and briefs. DuckDB takes one writing
process: its partitions run one after another. Reported per configuration: wall time, the sum over partitions
of each asset's step time (and its time in each partition: what grows with the history), the dbt queue
wait, and the time spent in warehouse calls (reads, bulk loads) within those steps.

PostgreSQL: FIELDVOICE_PG_* (default: the server of scripts/postgres.sh); each configuration gets a throwaway
database, dropped afterwards.
"""

import argparse
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
START = date(2026, 11, 2)
SERVER_DEFAULTS = {"FIELDVOICE_PG_HOST": "127.0.0.1", "FIELDVOICE_PG_PASSWORD": "fieldvoice"}  # scripts/postgres.sh


def bench_warehouses(
    work: Path, per_day: int, days: int, concurrency: tuple[int, ...] = (1, 4), pg_options: str = ""
) -> dict[str, Any]:
    """The stage for benchmarks/run.py: {configuration: figures}. `pg_options` (e.g. "-c enable_nestloop=off")
    goes to dbt's PostgreSQL sessions as PGOPTIONS: a diagnostic for planner problems in the models."""
    from fieldvoice.generator import generate

    landing = work / "landing"
    clock = time.perf_counter()
    generate(landing, start=START, days=days, interviews_per_day=per_day, seed=11)
    results: dict[str, Any] = {"interviews": per_day * days, "days": days, "generate_s": _s(clock)}
    if pg_options:
        results["dbt_pg_options"] = pg_options
    results["duckdb_serial"] = _run_config(work / "duckdb", landing, days, {"FIELDVOICE_WAREHOUSE": "duckdb"}, 1)
    _progress("duckdb_serial", results["duckdb_serial"])
    for n in concurrency:
        with _throwaway_database() as env:
            env = {**env, "PGOPTIONS": pg_options} if pg_options else env
            results[f"postgres_{n}"] = _run_config(work / f"postgres_{n}", landing, days, env, n)
        _progress(f"postgres_{n}", results[f"postgres_{n}"])
    return results


def _progress(name: str, figures: dict[str, Any]) -> None:
    print(f"[warehouses] {name}: {json.dumps(figures)}", file=sys.stderr, flush=True)


def _run_config(work: Path, landing: Path, days: int, env: dict[str, str], concurrency: int) -> dict[str, Any]:
    work.mkdir(parents=True)
    env = {
        **os.environ,
        **env,
        "FIELDVOICE_DUCKDB_PATH": str(work / "wh.duckdb"),
        "FIELDVOICE_LANDING_DIR": str(landing),
        "FIELDVOICE_OUTPUT_DIR": str(work / "out"),
        "FIELDVOICE_PARTITIONS_START": START.isoformat(),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DO_NOT_TRACK": "1",
    }
    reference = _worker(["reference"], env)
    clock = time.perf_counter()
    partitions = [(START + timedelta(days=i)).isoformat() for i in range(days)]
    with ThreadPoolExecutor(concurrency) as pool:  # each thread drives one worker process at a time
        runs = list(pool.map(lambda day: _worker(["partition", day, str(work / "dbt.lock")], env), partitions))
    wall = _s(clock)
    steps: dict[str, float] = defaultdict(float)
    io: dict[str, float] = defaultdict(float)
    for run in runs:
        for name, seconds in run["steps"].items():
            steps[name] += seconds
        for name, seconds in run["warehouse_io"].items():
            io[name] += seconds
    return {
        "concurrent_partitions": concurrency,
        "wall_s": wall,
        "interviews_per_s": round(sum(r["rows"] for r in runs) / wall),
        "reference_s": reference["wall_s"],
        "partition_wall_s": [r["wall_s"] for r in runs],
        "dbt_queue_wait_s": round(sum(r["dbt_wait_s"] for r in runs), 1),
        # process start, imports (Dagster, GX, sklearn) and Dagster's own bookkeeping, outside any step
        "outside_steps_s": round(sum(r["wall_s"] - r["dbt_wait_s"] for r in runs) - sum(steps.values()), 1),
        "steps_s": {k: round(v, 1) for k, v in sorted(steps.items(), key=lambda kv: -kv[1])},
        # how each step grows with the history: its time in each partition, in day order
        "steps_by_partition_s": {k: [round(r["steps"].get(k, 0.0), 1) for r in runs] for k in steps},
        "warehouse_io_s": {k: round(v, 1) for k, v in sorted(io.items(), key=lambda kv: -kv[1])},
    }


def _worker(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise RuntimeError(f"worker {args} failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


@contextmanager
def _throwaway_database() -> Iterator[dict[str, str]]:
    """The environment of a fresh database on the benchmark server, dropped on exit."""
    import psycopg

    from fieldvoice.settings import PostgresSettings

    parts = {k: v for k, v in os.environ.items() if k.startswith("FIELDVOICE_PG_") and k != "FIELDVOICE_PG_DSN"}
    server = PostgresSettings.from_env(SERVER_DEFAULTS | parts)
    name = f"fv_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server.conninfo(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {"FIELDVOICE_WAREHOUSE": "postgres", **server.for_database(name).dbt_env()}
    finally:
        with psycopg.connect(server.conninfo(), autocommit=True) as admin:
            try:  # a plain DROP stops autovacuum workers itself, which FORCE may not do for a non-superuser
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            except psycopg.Error as error:
                print(f"[warehouses] could not drop {name}: {error}", file=sys.stderr)


# --- worker side: one Dagster materialisation per phase, timed per step and per warehouse call -----------------


def _timed_warehouses(io: dict[str, float]) -> None:
    """Wrap every warehouse the assets open so its calls are timed (reads, bulk loads, the rest)."""
    import fieldvoice.warehouse as warehouse_module

    opened = warehouse_module.open_warehouse
    groups = {"query": "read", "rows": "read", "scalar": "read", "replace_partitions": "load", "replace_table": "load"}

    class Timed:
        def __init__(self, inner: Any) -> None:
            self._inner = inner

        def __getattr__(self, name: str) -> Any:
            attr = getattr(self._inner, name)
            if not callable(attr) or name not in groups:
                return attr

            def call(*args: Any, **kwargs: Any) -> Any:
                clock = time.perf_counter()
                try:
                    return attr(*args, **kwargs)
                finally:
                    io[groups[name]] += time.perf_counter() - clock

            return call

    @contextmanager
    def timed_open(*args: Any, **kwargs: Any) -> Any:
        with opened(*args, **kwargs) as inner:
            yield Timed(inner)

    warehouse_module.open_warehouse = timed_open  # type: ignore[assignment]


def _phases() -> tuple[Any, list[list[Any]]]:
    """The daily job's assets split around dbt: (A) its upstream, (B) dbt, (C) the rest (insights, briefs)."""
    import dagster as dg

    from assets.dbt import warehouse_dbt_assets
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    daily = set(defs.resolve_job_def("daily_job").asset_layer.selected_asset_keys)
    dbt_keys = set(warehouse_dbt_assets.keys) & daily
    upstream = dg.AssetSelection.assets(*dbt_keys).upstream().required_multi_asset_neighbors()
    first = (upstream.resolve(graph) & daily) - dbt_keys
    return defs, [sorted(first), sorted(dbt_keys), sorted(daily - first - dbt_keys)]


def _materialise(defs: Any, keys: list[Any], partition: str | None, steps: dict[str, float]) -> None:
    import dagster as dg

    from orchestration.dbt_project import dbt_resource
    from orchestration.resources import build_resources

    assets = [a for a in defs.assets if any(k in keys for k in a.keys)]
    result = dg.materialize(
        assets,
        resources={**build_resources(), "dbt": dbt_resource()},
        partition_key=partition,
        selection=keys,
        raise_on_error=False,
    )
    for event in result.get_step_success_events():
        steps[event.step_key] += event.event_specific_data.duration_ms / 1000
    if not result.success:
        failures = [e.message for e in result.all_events if e.is_failure]
        raise RuntimeError(f"{partition}: materialisation failed: {failures[:3]}")


def worker(argv: list[str]) -> dict[str, Any]:
    clock = time.perf_counter()
    steps: dict[str, float] = defaultdict(float)
    io: dict[str, float] = defaultdict(float)
    _timed_warehouses(io)
    defs, (first, dbt_keys, rest) = _phases()
    if argv[0] == "reference":
        _materialise(defs, sorted(defs.resolve_job_def("reference_job").asset_layer.selected_asset_keys), None, steps)
        return {"wall_s": _s(clock)}
    partition, lock = argv[1], argv[2]
    _materialise(defs, first, partition, steps)
    waited = time.perf_counter()
    with open(lock, "w") as handle:  # dbt's pool of one
        fcntl.flock(handle, fcntl.LOCK_EX)
        wait = time.perf_counter() - waited
        _materialise(defs, dbt_keys, partition, steps)
    _materialise(defs, rest, partition, steps)
    from fieldvoice.warehouse import open_warehouse

    with open_warehouse() as wh:
        day = date.fromisoformat(partition)
        rows = int(wh.scalar("SELECT count(*) FROM raw.interviews WHERE partition_date = ?", [day]))
    return {"wall_s": _s(clock), "dbt_wait_s": wait, "steps": steps, "warehouse_io": io, "rows": rows}


def _s(clock: float) -> float:
    return round(time.perf_counter() - clock, 1)


def to_markdown(results: dict[str, Any]) -> str:
    configs = [k for k, v in results.items() if isinstance(v, dict)]
    pg_options = results.get("dbt_pg_options")
    options = f" (dbt on PostgreSQL with PGOPTIONS={pg_options!r})" if pg_options else ""
    lines = [
        f"{results['interviews']:,} interviews over {results['days']} days{options}",
        "",
        "| measure | " + " | ".join(configs) + " |",
        "|---|" + "---|" * len(configs),
    ]
    for key in ("wall_s", "interviews_per_s", "reference_s", "dbt_queue_wait_s", "outside_steps_s"):
        lines.append(f"| {key} | " + " | ".join(str(results[c][key]) for c in configs) + " |")
    for group in ("steps_s", "warehouse_io_s"):
        first = results[configs[0]][group]
        for name in sorted({n for c in configs for n in results[c][group]}, key=lambda n: -first.get(n, 0)):
            cells = " | ".join(str(results[c][group].get(name, "")) for c in configs)
            lines.append(f"| {group[:-2]}: {name} | {cells} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-day", type=int, default=25_000)
    parser.add_argument("--days", type=int, default=4)
    parser.add_argument("--concurrency", type=int, nargs="*", default=[1, 4], help="PostgreSQL partitions at once")
    parser.add_argument("--pg-options", default="", help='PGOPTIONS for dbt on PostgreSQL, e.g. "-c work_mem=64MB"')
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fieldvoice-warehouses-") as tmp:
        results = bench_warehouses(Path(tmp), args.per_day, args.days, tuple(args.concurrency), args.pg_options)
    print(json.dumps(results, indent=2))
    print(to_markdown(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        print(json.dumps(worker(sys.argv[2:])))
        raise SystemExit(0)
    raise SystemExit(main())
