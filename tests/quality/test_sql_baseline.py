"""The plain-SQL baseline judges a synthetic partition exactly like the GX runner (same rows quarantined)."""

import duckdb

from fieldvoice.quality import validate_interviews
from fieldvoice.quality.sql_baseline import run_sql_baseline
from fieldvoice.quality.synthetic import synthetic_raw, synthetic_reference


def test_sql_baseline_matches_runner(now):
    raw = synthetic_raw(3_000, seed=3, defect_rate=0.1)
    reference = synthetic_reference(raw)
    result = validate_interviews(raw, reference, now=now)
    with duckdb.connect() as con:
        sql = run_sql_baseline(con, raw, reference, now=now)
    assert sql["validated"] == len(result.validated)
    assert sql["duplicates"] == result.counts["quarantined_duplicate"]
    quarantined_lines = set(raw["source_line"].iloc[sql["quarantined_rows"]])
    assert quarantined_lines == set(result.quarantine["source_line"])
    assert len(raw) == len(result.validated) + len(result.quarantine)
