"""fieldvoice end to end, measured against a hand-written DuckDB-only script in the same run.

    .venv/bin/python benchmarks/e2e.py                       # every part (the backfill takes a while)
    .venv/bin/python benchmarks/e2e.py --parts day llm       # some parts; the others keep their last figures

Parts:
- `code_location`: loading the Dagster code location in a fresh interpreter (median of 3).
- `day`: one generated day of 15,000 interviews through `python -m orchestration.demo` (reference_job, then
  daily_job, each in its own process as Dagster's run launcher runs them) next to `benchmarks/duckdb_only.py`
  on the same files (ingest, row checks, headline aggregates); wall time of each process, Dagster's step
  times, the ratio (goal <= 3x) and the peak RSS of each process tree.
- `llm`: the day's insights and briefs again with the LLM pointed at the fake OpenAI-compatible server
  (tests/fakes), then once more: HTTP calls per run and on the rerun.
- `backfill`: 8 days of 125,000 interviews (1,000,000) through `orchestration.demo`: wall time (goal <= 10
  min) and the peak memory of the whole process tree, dbt and worker processes included (goal <= 2 GB): RSS
  summed over the processes (the goal's measure: pages shared by forked workers count in each), and PSS
  (shared pages divided between their processes), with the processes at the RSS peak.

Results go to benchmarks/results/e2e.json and e2e.md, with the machine they ran on.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.run import RESULTS, bench_code_location, machine  # noqa: E402

DAY = date(2026, 11, 2)
PAGE = os.sysconf("SC_PAGE_SIZE")


class TreeMemory:
    """Peak resident memory of a process and all its descendants, sampled every 0.2 s from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_bytes, self.peak_single_bytes = pid, 0, 0
        self.peak_single_label, self.peak_single_at = "", 0.0  # the biggest process: its command line, and when
        # RSS counts a page in every process that maps it, so forked workers count their parent's pages again;
        # PSS divides shared pages between the processes that share them (the tree's real footprint).
        self.peak_pss_bytes, self.peak_breakdown = 0, []  # the processes at the RSS peak: (label, RSS MB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            children: dict[int, list[int]] = {}
            rss: dict[int, int] = {}
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    rss[int(entry.name)] = int((entry / "statm").read_text().split()[1]) * PAGE
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(int(fields[1]), []).append(int(entry.name))
            tree, todo = [], [self.pid]
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo += children.get(pid, [])
            total = sum(rss.get(p, 0) for p in tree)
            if total > self.peak_bytes:
                self.peak_bytes = total
                self.peak_breakdown = sorted(
                    ((_process_label(p), round(rss.get(p, 0) / 2**20)) for p in tree), key=lambda item: -item[1]
                )
            self.peak_pss_bytes = max(self.peak_pss_bytes, sum(_pss(p) for p in tree))
            biggest = max(tree, key=lambda p: rss.get(p, 0))
            if rss.get(biggest, 0) > self.peak_single_bytes:
                self.peak_single_bytes, self.peak_single_label = rss[biggest], _process_label(biggest)
                self.peak_single_at = time.time()

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        return {
            "peak_rss_tree_mb": round(self.peak_bytes / 2**20),
            "peak_pss_tree_mb": round(self.peak_pss_bytes / 2**20),
            "peak_rss_tree_processes": [f"{label}: {mb} MB" for label, mb in self.peak_breakdown],
            "peak_rss_one_process_mb": round(self.peak_single_bytes / 2**20),
            "peak_rss_one_process": self.peak_single_label,
            "peak_rss_one_process_at": self.peak_single_at,
        }


def _pss(pid: int) -> int:
    """Proportional set size in bytes (0 when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _process_label(pid: int) -> str:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return "?"
    return " ".join([Path(argv[0]).name, *argv[1:4]])[:120]


def project_env(work: Path, **extra: str) -> dict[str, str]:
    """A throw-away project: landing, warehouse, outputs and Dagster instance under `work`; no LLM."""
    home = work / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "AZURE_OPENAI_", "FIELDVOICE_"))}
    env |= {
        "DAGSTER_HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "PATH": os.pathsep.join([str(ROOT / ".venv-dbt" / "bin"), env.get("PATH", "")]),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DO_NOT_TRACK": "1",
        "FIELDVOICE_LANDING_DIR": str(work / "landing"),
        "FIELDVOICE_DUCKDB_PATH": str(work / "warehouse.duckdb"),
        "FIELDVOICE_OUTPUT_DIR": str(work / "outputs"),
    }
    return env | extra


def timed_process(command: list[str], env: dict[str, str], log: Path) -> dict[str, Any]:
    """Run a command to completion: wall seconds, exit code and the peak RSS of its process tree."""
    started = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        memory = TreeMemory(process.pid)
        code = process.wait()
    figures = {"wall_s": round(time.perf_counter() - started, 2), "exit_code": code, **memory.stop()}
    if code:
        figures["log_tail"] = log.read_text(errors="replace")[-2000:]
    return figures


def run_records(home: Path) -> list[dict[str, Any]]:
    """Each run of the instance, oldest first: job, partition, status, seconds and seconds per step."""
    import dagster as dg

    instance = dg.DagsterInstance.from_config(str(home))
    runs = []
    for record in reversed(instance.get_run_records()):
        run = record.dagster_run
        stats = instance.get_run_step_stats(run.run_id)
        steps = {s.step_key: round((s.end_time or 0) - (s.start_time or 0), 2) for s in stats}
        runs.append(
            {
                "job": run.job_name,
                "partition": run.tags.get("dagster/partition"),
                "status": run.status.value,
                "seconds": round((record.end_time or 0) - (record.start_time or 0), 2),
                "steps_s": dict(sorted(steps.items(), key=lambda kv: -kv[1])),
                "step_spans": {s.step_key: (s.start_time or 0, s.end_time or 0) for s in stats},
            }
        )
    return runs


def generate(landing: Path, start: date, days: int, per_day: int) -> float:
    from fieldvoice.generator import generate as write

    started = time.perf_counter()
    write(landing, start=start, days=days, interviews_per_day=per_day, seed=11)
    return round(time.perf_counter() - started, 1)


def bench_day(work: Path, per_day: int) -> dict[str, Any]:
    env = project_env(work)
    generated_s = generate(work / "landing", DAY, 1, per_day)
    pipeline = timed_process([sys.executable, "-m", "orchestration.demo"], env, work / "demo.log")
    runs = run_records(work / "dagster_home")
    baseline_db = work / "duckdb_only.duckdb"
    baseline = timed_process(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "duckdb_only.py"),
            str(work / "landing"),
            DAY.isoformat(),
            str(baseline_db),
        ],
        env,
        work / "duckdb_only.log",
    )
    baseline["counts"] = json.loads((work / "duckdb_only.log").read_text().strip().splitlines()[-1])
    daily = next(r for r in runs if r["job"] == "daily_job")
    reference = next(r for r in runs if r["job"] == "reference_job")
    steps = daily["steps_s"]
    comparable = sum(v for k, v in steps.items() if k in ("raw__interviews", "validate_interviews"))
    with_marts = comparable + steps.get("warehouse_dbt_assets", 0)
    counts = baseline["counts"]
    return {
        "interviews": per_day,
        "generate_s": generated_s,
        "fieldvoice_process": pipeline,
        "fieldvoice_runs_s": {"reference_job": reference["seconds"], "daily_job": daily["seconds"]},
        "daily_steps_s": steps,
        "duckdb_only_process": baseline,
        "ratio_process": round(pipeline["wall_s"] / baseline["wall_s"], 1),
        "ratio_runs": round((reference["seconds"] + daily["seconds"]) / counts["total_s"], 1),
        "ratio_ingest_and_checks": round(comparable / (counts["ingest_s"] + counts["checks_s"]), 1),
        "ratio_ingest_checks_and_marts": round(with_marts / counts["total_s"], 1),
        "goal_ratio": 3.0,
    }


def bench_llm(work: Path) -> dict[str, Any]:
    """Insights + briefs of the `day` part's warehouse with the fake LLM: first run, then the rerun."""
    from tests.fakes.openai_server import FakeOpenAI

    fake = FakeOpenAI().start()
    figures: dict[str, Any] = {}
    try:
        env = project_env(
            work,
            OPENAI_BASE_URL=fake.url,
            OPENAI_API_KEY="sk-benchmark",
            FIELDVOICE_LLM_MODEL="fake",
            FIELDVOICE_EMBEDDINGS_MODEL="fake-embedding",
        )
        plan = json.dumps([{"job": "daily_job", "partition": DAY.isoformat(), "groups": ["insights", "briefs"]}])
        for name in ("first_run", "rerun"):
            fake.reset()
            out = work / f"llm-{name}.json"
            process = timed_process(
                [sys.executable, "-m", "tests.prove.runner", str(out), plan], env, work / f"llm-{name}.log"
            )
            briefs = json.loads(out.read_text())[0]["materialized"].get("briefs/hackathon_briefs", {})
            figures[name] = {
                "wall_s": process["wall_s"],
                "chat_requests": fake.chat_calls,
                "embedding_requests": fake.embedding_calls,
                "brief_llm_calls": briefs.get("llm_calls"),
                "brief_cache_hits": briefs.get("llm_cache_hits"),
            }
    finally:
        fake.close()
    return figures


def bench_backfill(work: Path, days: int, per_day: int) -> dict[str, Any]:
    env = project_env(work)
    generated_s = generate(work / "landing", DAY - timedelta(days=days - 1), days, per_day)
    process = timed_process([sys.executable, "-m", "orchestration.demo"], env, work / "demo.log")
    runs = run_records(work / "dagster_home")
    slowest: dict[str, float] = {}
    for run in runs:
        for step, seconds in run["steps_s"].items():
            slowest[step] = round(slowest.get(step, 0) + seconds, 1)
    at = process.pop("peak_rss_one_process_at")
    process["peak_rss_during_steps"] = [
        f"{run['partition']} {step}" for run in runs for step, (a, b) in run["step_spans"].items() if a <= at <= b
    ]
    return {
        "days": days,
        "interviews": days * per_day,
        "generate_s": generated_s,
        "process": process,
        "runs": [{k: r[k] for k in ("job", "partition", "status", "seconds")} for r in runs],
        "seconds_by_step": dict(sorted(slowest.items(), key=lambda kv: -kv[1])),
        "goal_wall_s": 600,
        "goal_peak_rss_mb": 2048,
    }


def summary(results: dict[str, Any]) -> list[str]:
    """The headline rows: measured, goal, met."""
    rows = []
    if "code_location" in results:
        load = results["code_location"]["code_location_load_s"]
        rows.append(("code location load", f"{load} s", "≤ 3 s", load <= 3))
    if "day" in results:
        day = results["day"]
        ours, base = day["fieldvoice_process"]["wall_s"], day["duckdb_only_process"]["wall_s"]
        rows.append(
            (
                "15,000-interview day, end to end vs DuckDB only",
                f"{ours} s vs {base} s ({day['ratio_process']}×)",
                "≤ 3×",
                day["ratio_process"] <= 3,
            )
        )
        rows.append(
            (
                "same day, ingest + row checks only",
                f"{day['ratio_ingest_and_checks']}×",
                "≤ 3×",
                day["ratio_ingest_and_checks"] <= 3,
            )
        )
    if "llm" in results:
        first, again = results["llm"]["first_run"], results["llm"]["rerun"]
        calls = f"{first['chat_requests']} chat + {first['embedding_requests']} embeddings"
        calls += f"; rerun {again['chat_requests']} + {again['embedding_requests']}"
        rows.append(
            ("LLM HTTP requests, insights + briefs of the day", calls, "rerun: 0 chat", again["chat_requests"] == 0)
        )
    if "backfill" in results:
        fill = results["backfill"]
        wall, peak = fill["process"]["wall_s"], fill["process"]["peak_rss_tree_mb"]
        rows.append(
            (f"backfill, {fill['interviews']:,} interviews ({fill['days']} days)", f"{wall} s", "≤ 600 s", wall <= 600)
        )
        rows.append(("backfill peak RSS, whole process tree", f"{peak} MB", "≤ 2048 MB", peak <= 2048))
        if "peak_pss_tree_mb" in fill["process"]:  # shared pages counted once (forked workers share theirs)
            pss = fill["process"]["peak_pss_tree_mb"]
            rows.append(("backfill peak PSS, whole process tree", f"{pss} MB", "≤ 2048 MB", pss <= 2048))
    lines = ["| measure | measured | goal | met |", "|---|---|---|---|"]
    return lines + [f"| {a} | {b} | {c} | {'yes' if ok else 'no'} |" for a, b, c, ok in rows]


def to_markdown(results: dict[str, Any]) -> str:
    lines = ["# fieldvoice end to end", "", f"Machine: `{json.dumps(results['machine'])}`", "", *summary(results), ""]
    for part in ("code_location", "day", "llm", "backfill"):
        if part in results:
            lines += [f"## {part}", "", "```json", json.dumps(results[part], indent=1), "```", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parts", nargs="*", default=["code_location", "day", "llm", "backfill"])
    parser.add_argument("--per-day", type=int, default=15000)
    parser.add_argument("--backfill-days", type=int, default=8)
    parser.add_argument("--backfill-per-day", type=int, default=125_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (logs, warehouses)")
    args = parser.parse_args()
    path = RESULTS / "e2e.json"
    results: dict[str, Any] = json.loads(path.read_text()) if path.is_file() else {}
    results["machine"] = machine()
    work = args.keep or Path(tempfile.mkdtemp(prefix="fieldvoice-e2e-"))
    try:
        for part in args.parts:
            print(f"[{part}] ...", flush=True)
            if part == "code_location":
                results[part] = bench_code_location()
            elif part == "day":
                results[part] = bench_day(work / "day", args.per_day)
            elif part == "llm":
                assert (work / "day" / "warehouse.duckdb").is_file(), "the llm part reuses the day part's warehouse"
                results[part] = bench_llm(work / "day")
            elif part == "backfill":
                results[part] = bench_backfill(work / "backfill", args.backfill_days, args.backfill_per_day)
            results[part]["when"] = machine()["when"]  # parts may come from different runs
            print(f"[{part}] {json.dumps(results[part])[:2000]}", flush=True)
            RESULTS.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(results, indent=2) + "\n")
            (RESULTS / "e2e.md").write_text(to_markdown(results) + "\n")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"results: {RESULTS / 'e2e.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
