"""Benchmark helper: the GX runner vs the same rules in plain DuckDB SQL, on synthetic partitions.

`benchmark_validation()` returns one dict of timings per size. One-off start-up (GX import, context,
language model) is measured by a warm-up run and reported apart, as a long-running process pays it once.
Sizes up to REPEAT_UP_TO rows run both sides `repeat` times, alternately, and report medians: on a shared
machine one run of either side can be off by 30%.
"""

import statistics
import time
from datetime import UTC, datetime
from typing import Any

import duckdb

from fieldvoice.quality.interviews import validate_interviews
from fieldvoice.quality.sql_baseline import run_sql_baseline
from fieldvoice.quality.synthetic import synthetic_raw, synthetic_reference

RULE_STAGES = ("schema", "prepare", "gx_rows", "quarantine", "gx_day")  # what the SQL baseline also does
NOW = datetime(2026, 11, 3, 12, tzinfo=UTC)
REPEAT_UP_TO = 100_000


def benchmark_validation(
    sizes: tuple[int, ...] = (15_000, 1_000_000), seed: int = 7, repeat: int = 3
) -> list[dict[str, Any]]:
    started = time.perf_counter()
    warm = synthetic_raw(200, seed=seed)
    validate_interviews(warm, synthetic_reference(warm), now=NOW)
    startup = time.perf_counter() - started
    results = []
    for rows in sizes:
        raw = synthetic_raw(rows, seed=seed)
        reference = synthetic_reference(raw)
        con = duckdb.connect()
        # The baseline reads a DuckDB table, as SQL in the warehouse would; the runner gets the DataFrame
        # (reading raw.interviews into pandas is left out of both timings).
        con.execute("CREATE TABLE raw_interviews AS SELECT * FROM raw")
        sql_runs, runner_runs = [], []
        for _ in range(repeat if rows <= REPEAT_UP_TO else 1):
            clock = time.perf_counter()
            sql = run_sql_baseline(con, "raw_interviews", reference, now=NOW)
            sql_runs.append(time.perf_counter() - clock)
            clock = time.perf_counter()
            result = validate_interviews(raw, reference, now=NOW)
            runner_runs.append((time.perf_counter() - clock, result.timings))
        con.close()
        sql_s = statistics.median(sql_runs)
        total_s, timings = sorted(runner_runs, key=lambda run: run[0])[len(runner_runs) // 2]  # the median run
        rules_s = sum(timings.get(stage, 0.0) for stage in RULE_STAGES)
        # Same verdicts: the very rows the SQL quarantines (source_line is unique in synthetic partitions).
        sql_lines = set(raw["source_line"].iloc[sql["quarantined_rows"]])
        results.append(
            {
                "rows": rows,
                "runs": len(sql_runs),
                "startup_s": round(startup, 2),
                "sql_baseline_s": round(sql_s, 2),
                "runner_rules_s": round(rules_s, 2),
                "runner_text_s": round(timings.get("validated", 0.0), 2),
                "runner_total_s": round(total_s, 2),
                "rules_vs_sql": round(rules_s / sql_s, 1),
                "total_vs_sql": round(total_s / sql_s, 1),
                "stages_s": {k: round(v, 2) for k, v in timings.items()},
                "same_verdicts": sql_lines == set(result.quarantine["source_line"]),
                # Redaction and language detection run once per distinct text: synthetic verbatims repeat far
                # more than real ones, so read runner_text_s with this count in mind.
                "distinct_verbatims": int(raw["verbatim"].nunique()),
                "counts": result.counts,
            }
        )
    return results


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(benchmark_validation(tuple(int(a) for a in sys.argv[1:]) or (15_000, 1_000_000)), indent=2))
