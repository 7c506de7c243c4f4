"""Warehouse writes with one writer per table and atomic replacement of a partition or a whole table.

Everything a stage writes for a partition is replaced inside one transaction, so a rerun gives the same
tables and a crash mid-write leaves the previous version in place.
"""

from collections.abc import Mapping
from datetime import date

import duckdb
import pandas as pd

# Tables are created from these DDL column lists the first time a stage writes them.
TableSchema = Mapping[str, str]


def ensure_table(con: duckdb.DuckDBPyConnection, table: str, schema: TableSchema) -> None:
    schema_name = table.split(".")[0]
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema_name}")
    columns = ", ".join(f'"{name}" {dtype}' for name, dtype in schema.items())
    con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")


def replace_partitions(
    con: duckdb.DuckDBPyConnection,
    frames: Mapping[str, tuple[pd.DataFrame, TableSchema]],
    partition_date: date,
) -> None:
    """Atomically replace one partition's rows in several tables (all or nothing)."""
    for table, (_, schema) in frames.items():
        ensure_table(con, table, schema)
    con.execute("BEGIN TRANSACTION")
    try:
        for table, (frame, schema) in frames.items():
            con.execute(f"DELETE FROM {table} WHERE partition_date = ?", [partition_date])
            _insert(con, table, frame, schema)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def replace_table(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, schema: TableSchema) -> None:
    """Atomically replace a whole (unpartitioned) table, e.g. a reference table."""
    ensure_table(con, table, schema)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {table}")
        _insert(con, table, frame, schema)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, schema: TableSchema) -> None:
    if frame.empty:
        return
    missing = [c for c in schema if c not in frame.columns]
    if missing:
        raise ValueError(f"{table}: frame lacks columns {missing}")
    con.register("_fieldvoice_frame", frame)
    try:
        columns = ", ".join(f'"{c}"' for c in schema)
        casts = ", ".join(f'CAST("{c}" AS {t})' for c, t in schema.items())
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {casts} FROM _fieldvoice_frame")
    finally:
        con.unregister("_fieldvoice_frame")


def table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    schema_name, name = table.split(".")
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
        [schema_name, name],
    ).fetchone()
    return bool(row and row[0])


_DUCKDB_TYPES = {"b": "BOOLEAN", "i": "BIGINT", "u": "BIGINT", "f": "DOUBLE", "M": "TIMESTAMPTZ"}


def infer_schema(frame: pd.DataFrame, partition_column: str | None = "partition_date") -> dict[str, str]:
    """DDL types for an analysis frame (insights tables): numbers, booleans, timestamps, the rest as text."""
    schema = {}
    for column, dtype in frame.dtypes.items():
        kind = getattr(dtype, "kind", "O")
        schema[str(column)] = "DATE" if column == partition_column else _DUCKDB_TYPES.get(kind, "VARCHAR")
    return schema
