"""The DuckDB warehouse: one file, one writing process at a time (Dagster's `duckdb_writer` pool of 1)."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from fieldvoice.warehouse.base import TABLE_EXISTS_SQL, Params, TableSchema, check_frame, split_table

_CHUNK_VECTORS = 50  # x 2,048 rows (DuckDB's vector size) per fetched slice


class DuckDBWarehouse:
    dialect = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection, owned: bool = False, memory_limit: str | None = None) -> None:
        self.con = con
        self._owned = owned  # opened here, so closed here; a caller's connection stays open
        self.memory_limit = memory_limit  # as configured; None: DuckDB's default

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False, memory_limit: str | None = None) -> "DuckDBWarehouse":
        """`memory_limit`: DuckDB's cap on its own memory (e.g. "1GB"; None: DuckDB's default, 80% of RAM).
        DuckDB keeps what a query used for the connection's lifetime, up to the cap, in the same process as the
        step's pandas frames; past it, a query spills to `<file>.tmp` instead."""
        if not read_only:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        config = {"memory_limit": memory_limit} if memory_limit else {}
        return cls(duckdb.connect(str(path), read_only=read_only, config=config), owned=True, memory_limit=memory_limit)

    def query(self, sql: str, params: Params = ()) -> pd.DataFrame:
        """The result as a frame, fetched in slices of ~100,000 rows: `.df()` of a whole large result peaks at
        about six times the frame's size (1.1 GB for half a million verbatims), the slices at about four."""
        result = self.con.execute(sql, list(params))
        parts = [result.fetch_df_chunk(_CHUNK_VECTORS)]
        while len(parts[-1]):
            parts.append(result.fetch_df_chunk(_CHUNK_VECTORS))
        if len(parts) <= 2:
            return parts[0]
        frame = pd.concat(parts[:-1], ignore_index=True)
        # A slice whose text column is all NULL comes back as object, the others as str: keep str, as one fetch.
        for i, dtype in enumerate(frame.dtypes):
            texts = any(isinstance(part.dtypes.iloc[i], pd.StringDtype) for part in parts[:-1])
            if texts and pd.api.types.is_object_dtype(dtype):
                frame.isetitem(i, frame.iloc[:, i].astype("str"))
        return frame

    def rows(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.con.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def execute(self, sql: str, params: Params = ()) -> None:
        self.con.execute(sql, list(params))

    def table_exists(self, table: str) -> bool:
        return bool(self.scalar(TABLE_EXISTS_SQL, split_table(table)))

    def ensure_table(self, table: str, schema: TableSchema, primary_key: str | None = None) -> None:
        schema_name, _ = split_table(table)
        self.con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema_name}")
        columns = [f'"{name}" {dtype}' for name, dtype in schema.items()]
        if primary_key:
            columns.append(f'PRIMARY KEY ("{primary_key}")')
        self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(columns)})")

    def replace_partitions(self, frames: Mapping[str, tuple[pd.DataFrame, TableSchema]], partition_date: date) -> None:
        for table, (frame, schema) in frames.items():
            check_frame(table, frame, schema)
            self.ensure_table(table, schema)
        with self._transaction():
            for table, (frame, schema) in frames.items():
                self.con.execute(f"DELETE FROM {table} WHERE partition_date = ?", [partition_date])
                self._insert(table, frame, schema)

    def replace_table(self, table: str, frame: pd.DataFrame, schema: TableSchema) -> None:
        check_frame(table, frame, schema)
        self.ensure_table(table, schema)
        with self._transaction():
            self.con.execute(f"DELETE FROM {table}")
            self._insert(table, frame, schema)

    def release_memory(self) -> None:
        """Evict DuckDB's cached blocks: it keeps them up to its memory limit, and a step's Python phase then runs
        on top of them (day 8 of the 1,000,000 backfill: the theme step's RSS fell by 0.39 GB). DuckDB has no
        command for it, so its limit is lowered to a floor and put back."""
        try:
            with suppress(duckdb.Error):  # blocks still pinned (an open result): keep them, it is only a saving
                self.con.execute("SET memory_limit = '32MB'")
        finally:  # the limit as configured (read back, it comes rounded: 1GB reads "953.6 MiB")
            self.con.execute(f"SET memory_limit = '{self.memory_limit}'" if self.memory_limit else "RESET memory_limit")

    def close(self) -> None:
        if self._owned:
            self.con.close()

    def _insert(self, table: str, frame: pd.DataFrame, schema: TableSchema) -> None:
        """Bulk append: DuckDB scans the registered DataFrame (Arrow-backed columns zero-copy)."""
        if frame.empty:
            return
        self.con.register("_fieldvoice_frame", frame)
        try:
            columns = ", ".join(f'"{c}"' for c in schema)
            casts = ", ".join(f'CAST("{c}" AS {t})' for c, t in schema.items())
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {casts} FROM _fieldvoice_frame")
        finally:
            # After a failed statement the transaction is aborted and refuses even this; its rollback drops the
            # registration, and the original error is the one to raise.
            with suppress(duckdb.Error):
                self.con.unregister("_fieldvoice_frame")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")
