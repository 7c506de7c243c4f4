"""What both warehouse implementations share: the interface, table schemas and a few portable helpers.

SQL handed to a `Warehouse` is written once for both engines: `?` placeholders (PostgreSQL gets `%s`),
no DuckDB-only syntax (`GROUP BY ALL`, `EXCLUDE`, `QUALIFY`, `list_contains`, `INSERT OR REPLACE`).
"""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol, runtime_checkable

import pandas as pd

# Column -> DDL type, in DuckDB spelling (VARCHAR, INTEGER, BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMPTZ, JSON);
# each implementation maps it to its own.
TableSchema = Mapping[str, str]
Params = Sequence[object]


@runtime_checkable
class Warehouse(Protocol):
    """Storage for the Python stages (ingest, validation, insights, briefs, QA). dbt writes the marts itself."""

    dialect: str  # duckdb | postgres

    def query(self, sql: str, params: Params = ()) -> pd.DataFrame:
        """A result as a DataFrame with DuckDB's dtypes (Int32/Int64, boolean, datetime64, float64, str)."""
        ...

    def rows(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]: ...

    def scalar(self, sql: str, params: Params = ()) -> Any: ...

    def execute(self, sql: str, params: Params = ()) -> None:
        """One statement in its own transaction."""
        ...

    def table_exists(self, table: str) -> bool: ...

    def ensure_table(self, table: str, schema: TableSchema, primary_key: str | None = None) -> None: ...

    def replace_partitions(self, frames: Mapping[str, tuple[pd.DataFrame, TableSchema]], partition_date: date) -> None:
        """Replace one partition's rows in several tables in one transaction (all or nothing)."""
        ...

    def replace_table(self, table: str, frame: pd.DataFrame, schema: TableSchema) -> None:
        """Replace a whole (unpartitioned) table in one transaction."""
        ...

    def release_memory(self) -> None:
        """Give back what the engine keeps in this process after its queries (before a long Python phase)."""
        ...

    def close(self) -> None: ...


def split_table(table: str) -> tuple[str, str]:
    schema_name, _, name = table.partition(".")
    if not name or not schema_name.isidentifier() or not name.isidentifier():
        raise ValueError(f"table names are schema.name identifiers, got {table!r}")
    return schema_name, name


def check_frame(table: str, frame: pd.DataFrame, schema: TableSchema) -> None:
    missing = [c for c in schema if c not in frame.columns]
    if missing:
        raise ValueError(f"{table}: frame lacks columns {missing}")


TABLE_EXISTS_SQL = "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?"

_TYPES_BY_KIND = {"b": "BOOLEAN", "i": "BIGINT", "u": "BIGINT", "f": "DOUBLE", "M": "TIMESTAMPTZ"}


def infer_schema(frame: pd.DataFrame, partition_column: str | None = "partition_date") -> dict[str, str]:
    """DDL types for an analysis frame (insights tables): numbers, booleans, timestamps, the rest as text."""
    schema = {}
    for column, dtype in frame.dtypes.items():
        kind = getattr(dtype, "kind", "O")
        schema[str(column)] = "DATE" if column == partition_column else _TYPES_BY_KIND.get(kind, "VARCHAR")
    return schema
