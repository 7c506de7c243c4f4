"""Plain baselines the benchmark measures fieldvoice against, in the same run on the same files.

They do the least that the same job needs, with no dialect mapping, lineage or error handling:
reading each file with DuckDB's own readers (pandas only where DuckDB has no reader here: Windows-1252
and XLSX) and inserting it into a table.
"""

from pathlib import Path

import duckdb
import pandas as pd


def plain_duckdb_ingest(files: list[Path]) -> int:
    """Read every file with DuckDB's readers into one table per file; returns the rows read."""
    con = duckdb.connect()
    rows = 0
    for index, path in enumerate(files):
        table = f"t{index}"
        if path.suffix == ".xlsx":
            frame = pd.read_excel(path, dtype=str)
            con.register("frame", frame)
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM frame")
            con.unregister("frame")
        elif path.suffix == ".jsonl":
            con.execute(
                f"CREATE TABLE {table} AS SELECT * FROM read_json_auto(?, format='newline_delimited')", [str(path)]
            )
        else:
            data = path.read_bytes()
            try:
                data.decode("utf-8")
                source = str(path)
            except UnicodeDecodeError:  # DuckDB has no cp1252 reader here: transcode first
                source = str(path.with_suffix(".utf8.csv.tmp"))
                Path(source).write_text(data.decode("cp1252"), encoding="utf-8")
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, all_varchar=true)", [source])
        rows += con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    con.close()
    return rows
