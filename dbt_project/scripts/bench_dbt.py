"""Times `dbt build` on synthetic validated.* data, as Dagster runs it (a partition window in --vars).

    python dbt_project/scripts/bench_dbt.py --interviews 15000 --days 1       # one 15,000-interview day
    python dbt_project/scripts/bench_dbt.py --interviews 1000000 --days 67    # 1M history, then one more day

From Python (e.g. the project's benchmark script):

    import runpy
    bench = runpy.run_path("dbt_project/scripts/bench_dbt.py")["bench"]
    print(bench(15_000, days=1))

With one day, it times the first build of that day. With more, it builds the history but the last day with
--full-refresh, then lands the last day (≈ n/days interviews plus re-exports of the day before) and times
the incremental build of that day alone: the daily run of a warehouse in production.
"""

import argparse
import importlib.util
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

DBT_PROJECT = Path(__file__).resolve().parent.parent
# The project's dbt environment (.venv-dbt, see the Makefile), else a dbt beside this interpreter or on PATH.
DBT = next(
    (
        Path(c)
        for c in (
            os.environ.get("FIELDVOICE_DBT_EXECUTABLE", ""),
            Path(__file__).resolve().parents[2] / ".venv-dbt" / "bin" / "dbt",
            Path(sys.executable).with_name("dbt"),
        )
        if c and Path(c).is_file()
    ),
    Path(shutil.which("dbt") or "dbt"),
)


def _synth():
    spec = importlib.util.spec_from_file_location("synth_validated", Path(__file__).with_name("synth_validated.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_dbt(db: Path, workdir: Path, args: list[str], window: tuple[date, date]) -> dict[str, float]:
    """Runs dbt; returns the wall time, dbt's own run time (without start-up and parsing) and the CPU time of
    the dbt process (user + system, all threads), which a busy machine inflates much less than wall time."""
    command = [
        str(DBT), *args, "--project-dir", str(DBT_PROJECT), "--profiles-dir", str(DBT_PROJECT),
        "--target-path", str(workdir / "target"), "--log-path", str(workdir / "logs"),
        "--vars", json.dumps({"min_date": window[0].isoformat(), "max_date": window[1].isoformat()}),
    ]  # fmt: skip
    env = {**os.environ, "FIELDVOICE_DUCKDB_PATH": str(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=DBT_PROJECT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    if result.returncode != 0:
        raise RuntimeError(f"dbt {' '.join(args)} failed:\n{result.stdout[-4000:]}")
    dbt_time = re.search(r"Finished running .* \(([\d.]+)s\)", result.stdout)
    return {
        "wall_s": round(wall, 1),
        "dbt_s": float(dbt_time.group(1)) if dbt_time else float("nan"),
        "cpu_s": round(cpu, 1),
    }


def bench(n_interviews: int, days: int = 1, workdir: Path | None = None, start: date = date(2026, 3, 1)) -> dict:
    workdir = Path(workdir or tempfile.mkdtemp(prefix="fieldvoice-dbt-bench-"))
    db = workdir / "bench.duckdb"
    db.unlink(missing_ok=True)
    counts = _synth().synthesize(db, n_interviews, days, start)
    last = start + timedelta(days=days - 1)
    report: dict = {"interviews": n_interviews, "days": days, "validated_rows": counts["interviews"]}
    if days == 1:
        report["build"] = run_dbt(db, workdir, ["build"], (start, start + timedelta(days=1)))
        return report

    import duckdb  # the venv's; only needed to hold the last day back

    with duckdb.connect(str(db)) as con:
        con.execute(
            f"create table validated.held as select * from validated.interviews where partition_date = '{last}'"
        )
        con.execute(f"delete from validated.interviews where partition_date = '{last}'")
    report["history_full_build"] = run_dbt(db, workdir, ["build", "--full-refresh"], (start, last))
    with duckdb.connect(str(db)) as con:
        report["day_rows"] = con.execute("select count(*) from validated.held").fetchone()[0]
        con.execute("insert into validated.interviews select * from validated.held; drop table validated.held")
    report["incremental_day_build"] = run_dbt(db, workdir, ["build"], (last, last + timedelta(days=1)))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=15_000)
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    print(json.dumps(bench(args.interviews, args.days, args.workdir), indent=2))


if __name__ == "__main__":
    main()
