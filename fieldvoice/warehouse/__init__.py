"""Where the Python stages store their tables: DuckDB (the default) or PostgreSQL (FIELDVOICE_WAREHOUSE=postgres).

Everything a stage writes for a partition is replaced inside one transaction, so a rerun gives the same tables
and a crash mid-write leaves the previous version in place. Stages get a `Warehouse` (see base.py) from
`open_warehouse()` or the Dagster `warehouse` resource; in-memory computation (ingest normalisation, validation
rules) stays on an in-memory DuckDB whatever the warehouse.

The module-level `replace_partitions` / `replace_table` / `table_exists` also accept a DuckDB connection or a
`LegacyConnection`, for callers not yet moved to the interface.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from fieldvoice.settings import PostgresSettings, Settings
from fieldvoice.warehouse.base import TableSchema, Warehouse, infer_schema
from fieldvoice.warehouse.duck import DuckDBWarehouse
from fieldvoice.warehouse.legacy import LegacyConnection

__all__ = [
    "DuckDBWarehouse",
    "LegacyConnection",
    "TableSchema",
    "Warehouse",
    "as_warehouse",
    "infer_schema",
    "open_warehouse",
    "replace_partitions",
    "replace_table",
    "table_exists",
]


# What the module-level helpers accept: the interface, or a connection of a caller not yet moved to it.
Target = Warehouse | LegacyConnection | duckdb.DuckDBPyConnection


@contextmanager
def open_warehouse(
    kind: str | None = None,
    duckdb_path: Path | str | None = None,
    postgres: PostgresSettings | None = None,
    read_only: bool = False,
) -> Iterator[Warehouse]:
    """A connection to the configured warehouse (FIELDVOICE_WAREHOUSE and its settings unless given), closed
    on exit. `read_only` applies to DuckDB (readers beside a writing process use their own connections)."""
    kind = kind or Settings.from_env().warehouse
    warehouse: Warehouse
    if kind == "postgres":
        from fieldvoice.warehouse.postgres import PostgresWarehouse  # psycopg only when used

        warehouse = PostgresWarehouse.open(postgres)
    elif kind == "duckdb":
        settings = Settings.from_env()
        path = duckdb_path or settings.duckdb_path
        warehouse = DuckDBWarehouse.open(path, read_only=read_only, memory_limit=settings.duckdb_memory_limit)
    else:
        raise ValueError(f"unknown warehouse {kind!r} (duckdb | postgres)")
    try:
        yield warehouse
    finally:
        warehouse.close()


def as_warehouse(target: "Target") -> Warehouse:
    """A Warehouse as is or unwrapped; a DuckDB connection wrapped (left open: the caller owns it)."""
    if isinstance(target, duckdb.DuckDBPyConnection):
        return DuckDBWarehouse(target)
    if isinstance(target, LegacyConnection):
        return target.warehouse
    return target


def replace_partitions(
    target: "Target",
    frames: Mapping[str, tuple[pd.DataFrame, TableSchema]],
    partition_date: date,
) -> None:
    as_warehouse(target).replace_partitions(frames, partition_date)


def replace_table(target: "Target", table: str, frame: pd.DataFrame, schema: TableSchema) -> None:
    as_warehouse(target).replace_table(table, frame, schema)


def table_exists(target: "Target", table: str) -> bool:
    return as_warehouse(target).table_exists(table)
