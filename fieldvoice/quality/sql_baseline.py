"""The interview rules as plain DuckDB SQL: the benchmark's baseline, and a cross-check of the GX runner.

Typing and derived columns are written by hand below; the row-level predicates are generated from the same
suite JSON the GX runner reads, so both judge by one rule list. No redaction or language detection here:
compare with the runner's rule stages (`timings`), and report the text stages apart.
"""

from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from fieldvoice import contract as c
from fieldvoice.quality.gx_runner import expectations_at, load_suite
from fieldvoice.quality.tables import ReferenceData

_OFFSET = r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)? ?(Z|[+-][0-9]{2}(:?[0-9]{2})?)"
_NAIVE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?"
_DAY_FIRST = r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?"


def _q(value: Any) -> str:
    return "NULL" if value is None else "'" + str(value).replace("'", "''") + "'"


def _text(col: str) -> str:
    return f'r."{col}"'  # already trimmed, empty -> null, by the `clean` CTE


def _timestamp(col: str) -> str:
    x = _text(col)
    return f"""CASE WHEN regexp_full_match({x}, '{_OFFSET}') THEN TRY_CAST({x} AS TIMESTAMPTZ)
      WHEN regexp_full_match({x}, '[0-9]{{13}}') THEN to_timestamp(CAST({x} AS BIGINT) / 1000)
      WHEN regexp_full_match({x}, '[0-9]{{10}}') THEN to_timestamp(CAST({x} AS BIGINT))
      WHEN regexp_full_match({x}, '{_NAIVE}') THEN timezone(coalesce(k.tz, 'UTC'), TRY_CAST({x} AS TIMESTAMP))
      WHEN regexp_full_match({x}, '{_DAY_FIRST}') THEN timezone(coalesce(k.tz, 'UTC'),
           try_strptime({x}, ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M'])) END"""


def _typed_sql(now: datetime) -> str:
    cols = [
        "r._row",
        "r.partition_date",
        "r.source_file",
        "r.source_line",
        f"{_text('record_issue')} AS record_issue",
        f"{_text('submission_id')} AS submission_id",
        f"upper({_text('collaborator_id')}) AS collaborator_id",
        f"upper({_text('country_code')}) AS country_code",
        f"upper({_text('customer_ref')}) AS customer_ref",
        f"{_text('locality')} AS locality",
        f"{_text('verbatim')} AS verbatim",
        f"{_text('suggestion')} AS suggestion",
    ]
    for col in c.TIMESTAMP_COLUMNS:
        cols += [f"{_timestamp(col)} AS {col}", f"{_text(col)} AS {col}__raw"]
    for col in c.INTEGER_COLUMNS:
        cols += [f"TRY_CAST({_text(col)} AS DOUBLE) AS {col}__num", f"{_text(col)} AS {col}__raw"]
    for col in c.DECIMAL_COLUMNS:
        cols += [f"TRY_CAST({_text(col)} AS DOUBLE) AS {col}", f"{_text(col)} AS {col}__raw"]
    for col in ("customer_segment", "journey_stage"):
        cols.append(f"regexp_replace(lower({_text(col)}), '[ \\t\\n\\r-]+', '_', 'g') AS {col}")
    for col in c.MULTI_SELECT_COLUMNS:
        cols.append(f"nullif(trim(regexp_replace(lower({_text(col)}), '[ \\t\\n\\r,;]+', ' ', 'g')), '') AS {col}")
    yes, no = (
        "('yes','y','oui','o','sim','s','true','1','نعم','waaw')",
        "('no','n','non','não','nao','false','0','لا','déedéet')",
    )
    for col in ("callback_requested", "consent"):
        x = f"lower({_text(col)})"
        cols.append(f"CASE WHEN {x} IN {yes} THEN 'yes' WHEN {x} IN {no} THEN 'no' ELSE {x} END AS {col}")
    derived = ", ".join(
        [f"CASE WHEN {col}__num = round({col}__num) THEN {col}__num END AS {col}" for col in c.INTEGER_COLUMNS]
        + [
            f"CASE WHEN {col}__raw IS NOT NULL AND {col}__num IS DISTINCT FROM round({col}__num) THEN {col}__raw END "
            f"AS {col}__unparsed"
            for col in c.INTEGER_COLUMNS
        ]
        + [
            f"CASE WHEN {col}__raw IS NOT NULL AND {col} IS NULL THEN {col}__raw END AS {col}__unparsed"
            for col in (*c.TIMESTAMP_COLUMNS, *c.DECIMAL_COLUMNS)
        ]
        + [
            "date_diff('second', interview_start, interview_end) / 60.0 AS interview_minutes",
            "date_diff('second', interview_end, submitted_at) / 60.0 AS submission_lag_minutes",
            f"date_diff('second', TIMESTAMPTZ {_q(now.isoformat())}, submitted_at) / 60.0 AS minutes_ahead_of_now",
            "CASE WHEN latitude IS NULL AND longitude IS NULL OR lat_min IS NULL THEN NULL ELSE coalesce("
            "latitude BETWEEN lat_min AND lat_max AND longitude BETWEEN lon_min AND lon_max, false) END "
            "AS coordinates_in_country",
        ]
    )
    boxes = ", ".join(f"({_q(k)}, {_q(v.timezone)}, {', '.join(map(str, v.bbox))})" for k, v in c.COUNTRIES.items())
    trimmed = ", ".join(f'nullif(trim("{col}"), \'\') AS "{col}"' for col in (*c.CANONICAL_COLUMNS, "record_issue"))
    return f"""WITH clean AS (SELECT row_number() OVER () - 1 AS _row, partition_date, source_file, source_line,
        {trimmed} FROM raw_in),
    k AS (SELECT * FROM (VALUES {boxes}) t(code, tz, lat_min, lat_max, lon_min, lon_max)),
    t AS (SELECT {", ".join(cols)}, k.lat_min, k.lat_max, k.lon_min, k.lon_max
          FROM clean r
          LEFT JOIN k ON k.code = upper(trim(r.country_code)))
    SELECT *, {derived} FROM t"""


def _violated(config: dict[str, Any]) -> str | None:
    kind, kw = config["type"], config["kwargs"]
    col = f'"{kw.get("column")}"'
    if kind == "expect_column_values_to_not_be_null":
        return f"{col} IS NULL"
    if kind == "expect_column_values_to_be_null":
        return f"{col} IS NOT NULL"
    if kind == "expect_column_values_to_be_between":
        low, high = kw.get("min_value"), kw.get("max_value")
        parts = ([f"{col} < {low}"] if low is not None else []) + ([f"{col} > {high}"] if high is not None else [])
        return " OR ".join(parts)
    if kind == "expect_column_values_to_be_in_set":
        values = ", ".join("true" if v is True else _q(v) for v in kw["value_set"])
        return f"{col} NOT IN ({values})"
    if kind == "expect_column_values_to_match_regex":
        return f"NOT regexp_matches({col}, {_q(kw['regex'])})"
    if kind == "expect_column_pair_values_a_to_be_greater_than_b":
        return f'"{kw["column_A"]}" < "{kw["column_B"]}"'
    if kind == "expect_column_value_lengths_to_be_between":
        return f"length({col}) > {kw['max_value']}"
    return None  # uniqueness: the window below


def run_sql_baseline(
    con: duckdb.DuckDBPyConnection, raw: pd.DataFrame | str, reference: ReferenceData, *, now: datetime
) -> dict[str, Any]:
    """Row rules + de-duplication + the day aggregates; returns counts and the quarantined raw positions.

    `raw`: a DataFrame, or the name of a DuckDB table/view (the fair baseline: raw.interviews lives there).
    """
    rules = expectations_at(load_suite("interviews"), "row")
    checks = [(r["meta"]["reason"], _violated(r)) for r in rules]
    flags = ", ".join(f"CASE WHEN coalesce({sql}, false) THEN {_q(reason)} END" for reason, sql in checks if sql)
    if isinstance(raw, str):
        con.execute(f"CREATE OR REPLACE TEMP VIEW raw_in AS SELECT * FROM {raw}")
    else:
        con.register("raw_in", raw)
    try:
        con.execute(f"""CREATE OR REPLACE TEMP TABLE checked AS
            WITH typed AS ({_typed_sql(now)}),
            ranked AS (SELECT *, CASE WHEN submission_id IS NULL THEN 1 ELSE row_number() OVER (
                PARTITION BY partition_date, submission_id
                ORDER BY submitted_at DESC NULLS LAST, source_file DESC, source_line DESC) END AS rn FROM typed)
            SELECT *, list_filter([{flags}, CASE WHEN rn > 1 THEN 'superseded_reexport' END], lambda x: x IS NOT NULL)
                AS reasons FROM ranked""")
        for name, ids in reference.lookups().items():
            con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT unnest(?::VARCHAR[]) AS v", [sorted(ids)])
        counts = con.execute("""SELECT count(*) FILTER (len(reasons) = 0), count(*) FILTER (len(reasons) > 0),
            count(*) FILTER (list_contains(reasons, 'superseded_reexport')) FROM checked""").fetchone()
        day = (
            con.execute("""SELECT avg(nps), avg((verbatim IS NOT NULL)::INT),
            avg((collaborator_id IN (SELECT v FROM roster_collaborator_ids))::INT)
            FROM checked WHERE len(reasons) = 0""").fetchone()
            if "roster_collaborator_ids" in reference.lookups()
            else ()
        )
        positions = [row[0] for row in con.execute("SELECT _row FROM checked WHERE len(reasons) > 0").fetchall()]
    finally:
        if isinstance(raw, str):
            con.execute("DROP VIEW raw_in")
        else:
            con.unregister("raw_in")
    return {
        "validated": counts[0],
        "quarantined": counts[1],
        "duplicates": counts[2],
        "day": day,
        "quarantined_rows": positions,
    }
