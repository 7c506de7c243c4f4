"""The plain-text run summary `make demo` prints, read back from the warehouse (no Dagster needed)."""

import duckdb

from fieldvoice.warehouse import table_exists


def ingest_summary(con: duckdb.DuckDBPyConnection) -> list[str]:
    if not table_exists(con, "raw.ingest_files"):
        return ["ingest: nothing ingested yet"]
    files, loaded, rejected, rows, unreadable = con.execute(
        "SELECT count(*), count(*) FILTER (status = 'loaded'), count(*) FILTER (status = 'rejected'), "
        "coalesce(sum(rows_loaded), 0), coalesce(sum(unreadable_rows), 0) FROM raw.ingest_files"
    ).fetchone() or (0, 0, 0, 0, 0)
    days = con.execute("SELECT count(DISTINCT partition_date) FROM raw.ingest_files").fetchone()
    lines = [
        f"ingest: {files} files read over {days[0] if days else 0} day(s): {loaded} loaded, {rejected} rejected; "
        f"{rows} rows loaded ({unreadable} unreadable records kept for quarantine)"
    ]
    for source_file, error in con.execute(
        "SELECT source_file, error FROM raw.ingest_files WHERE status = 'rejected' ORDER BY source_file LIMIT 20"
    ).fetchall():
        lines.append(f"  rejected {source_file}: {error}")
    return lines


def validation_summary(con: duckdb.DuckDBPyConnection) -> list[str]:
    if not table_exists(con, "quarantine.interviews"):
        return ["validation: not run yet"]
    raw = con.execute("SELECT count(*) FROM raw.interviews").fetchall()[0][0]
    valid = con.execute("SELECT count(*) FROM validated.interviews").fetchall()[0][0]
    kinds = dict(con.execute("SELECT kind, count(*) FROM quarantine.interviews GROUP BY 1").fetchall())
    lines = [
        f"validation: {raw} raw rows = {valid} validated + {kinds.get('invalid', 0)} quarantined as invalid "
        f"+ {kinds.get('duplicate', 0)} superseded re-exports"
    ]
    reasons = con.execute(
        "SELECT reason, count(*) AS n FROM (SELECT unnest(string_split(reason_codes, ' ')) AS reason "
        "FROM quarantine.interviews) GROUP BY 1 ORDER BY n DESC, reason LIMIT 12"
    ).fetchall()
    lines += [f"  {n:>6}  {reason}" for reason, n in reasons]
    return lines
