"""fieldvoice benchmark: each stage next to a plain baseline, in the same run, on the same generated data.

    make benchmark                      # 15,000-interview day (+ the larger runs each stage names)
    python benchmarks/run.py --quick    # smaller sizes, for a smoke run

Results go to benchmarks/results/latest.json and latest.md, with the machine they ran on.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"


def timed(fn: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    """Median wall time of `repeat` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def bench_code_location() -> dict[str, object]:
    code = "import time; t = time.perf_counter(); import orchestration.definitions; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout)
        for _ in range(3)
    ]
    return {"code_location_load_s": round(statistics.median(runs), 2), "goal_s": 3.0}


def bench_ingest(work: Path, per_day: int) -> dict[str, object]:
    import duckdb

    from benchmarks.baselines import plain_duckdb_ingest
    from fieldvoice.generator import generate
    from fieldvoice.ingest.day import ingest_day
    from fieldvoice.landing import day_folder, export_files

    landing = work / "landing"
    day = date(2026, 11, 2)
    generate(landing, start=day, days=1, interviews_per_day=per_day, seed=11)
    files = export_files(day_folder(landing, day))

    def ours() -> int:
        with duckdb.connect(str(work / "bench.duckdb")) as con:
            return ingest_day(con, landing, day, datetime.now(UTC)).rows_loaded

    ours_s, rows = timed(ours)
    base_s, base_rows = timed(lambda: plain_duckdb_ingest(files))
    return {
        "interviews": per_day,
        "files": len(files),
        "rows_loaded": rows,
        "baseline_rows": base_rows,
        "fieldvoice_s": round(ours_s, 3),
        "plain_duckdb_s": round(base_s, 3),
        "ratio": round(ours_s / base_s, 2),
        "goal_ratio": 2.0,
    }


def bench_validation(sizes: tuple[int, ...]) -> dict[str, object]:
    from fieldvoice.quality.benchmark import benchmark_validation

    return {f"n={row['rows']}": row for row in benchmark_validation(sizes)}


def bench_dbt(sizes: tuple[int, ...]) -> dict[str, object]:
    import runpy

    bench = runpy.run_path(str(ROOT / "dbt_project" / "scripts" / "bench_dbt.py"))["bench"]
    return {f"n={n}": bench(n, max(1, n // 15000)) for n in sizes}


def bench_themes(sizes: tuple[int, ...]) -> dict[str, object]:
    from fieldvoice.insights.benchmark import benchmark_themes

    return {f"n={n}": benchmark_themes(n, trace_memory=True, full=n <= 15000) for n in sizes}


def bench_fieldqa(sizes: tuple[int, ...]) -> dict[str, object]:
    from fieldvoice.fieldqa.benchmark import benchmark_fieldqa

    return {f"n={n}": benchmark_fieldqa(n) for n in sizes}


STAGES: dict[str, Callable[[Path, argparse.Namespace], dict[str, object]]] = {
    "code_location": lambda work, args: bench_code_location(),
    "ingest": lambda work, args: bench_ingest(work, args.per_day),
    "validation": lambda work, args: bench_validation((args.per_day, *args.large)),
    "dbt": lambda work, args: bench_dbt((args.per_day, *args.large)),
    "themes": lambda work, args: bench_themes((args.per_day, *args.themes_large)),
    "fieldqa": lambda work, args: bench_fieldqa((args.per_day, *args.large)),
}


def to_markdown(results: dict[str, object]) -> str:
    lines = ["# fieldvoice benchmark", "", f"Machine: `{json.dumps(results['machine'])}`", ""]
    for stage, figures in results["stages"].items():
        lines += [f"## {stage}", "", "| measure | value |", "|---|---|"]
        lines += [f"| {key} | {value} |" for key, value in figures.items()]
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stages", nargs="*", default=list(STAGES), choices=list(STAGES))
    parser.add_argument("--per-day", type=int, default=15000)
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    args = parser.parse_args()
    args.large, args.themes_large = (1_000_000,), (200_000,)
    if args.quick:
        args.per_day, args.large, args.themes_large = 2000, (), ()
    results: dict[str, object] = {"machine": machine(), "stages": {}}
    with tempfile.TemporaryDirectory(prefix="fieldvoice-bench-") as tmp:
        for stage in args.stages:
            work = Path(tmp) / stage
            work.mkdir()
            print(f"[{stage}] ...", flush=True)
            results["stages"][stage] = STAGES[stage](work, args)
            print(f"[{stage}] {json.dumps(results['stages'][stage])}", flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "quick" if args.quick else "latest"
    (RESULTS / f"{name}.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / f"{name}.md").write_text(to_markdown(results) + "\n")
    print(f"results: {RESULTS / f'{name}.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
