"""The PostgreSQL warehouse (psycopg 3): COPY both ways, one transaction per replacement, and locks that let
several partitions load at once.

- Writes: the frame is cast to the table schema by an in-memory DuckDB (the same CASTs as the DuckDB
  warehouse, so both hold the same values), written as CSV by Arrow and streamed with `COPY ... FROM STDIN`.
- Reads: `COPY (query) TO STDOUT` parsed by Arrow's CSV reader with types from the query's description:
  far faster than building Python objects row by row, and the same dtypes as DuckDB's `.df()`.
- Concurrency: DDL runs in its own short transaction under one advisory lock (concurrent `CREATE ... IF NOT
  EXISTS` otherwise fails with catalog unique violations or "tuple concurrently updated"); a replacement holds
  an advisory lock on (table, partition), so two writers of the *same* partition queue instead of both
  inserting, while different partitions proceed in parallel.
- Statistics: each load ends with ANALYZE of the tables it wrote (see `_analyze`).
"""

import io
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import duckdb
import pandas as pd
import psycopg
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from psycopg.types.numeric import FloatLoader

from fieldvoice.settings import PostgresSettings
from fieldvoice.warehouse.base import TABLE_EXISTS_SQL, Params, TableSchema, check_frame, split_table

_PG_TYPES = {"VARCHAR": "text", "DOUBLE": "double precision", "TIMESTAMPTZ": "timestamptz", "JSON": "json"}
_DDL_LOCK = 7_146_201_113  # any fixed bigint: the advisory lock serialising fieldvoice's DDL
_WHOLE_TABLE = 0  # second advisory-lock key of an unpartitioned replacement (a partition uses its ordinal)
_BATCH_ROWS = 50_000  # rows per CSV chunk streamed to COPY: bounds memory on large partitions

# Result columns by type OID (pg_type): what Arrow parses them as; anything else is read as text.
_ARROW_TYPES = {
    16: pa.bool_(),
    20: pa.int64(),
    21: pa.int16(),
    23: pa.int32(),
    700: pa.float64(),
    701: pa.float64(),
    1700: pa.float64(),  # numeric: DuckDB's .df() gives DECIMAL as float64 too
    1082: pa.date32(),
    1114: pa.timestamp("us"),
    1184: pa.timestamp("us", tz="UTC"),
}
_PANDAS_TYPES = {
    pa.bool_(): pd.BooleanDtype(),
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
}


def to_pyformat(sql: str) -> str:
    """`?` placeholders -> psycopg's `%s`, and literal `%` -> `%%`, leaving quoted text and names alone."""
    out, quote = [], ""
    for ch in sql:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


def pg_type(ddl: str) -> str:
    return _PG_TYPES.get(ddl.upper(), ddl)


class PostgresWarehouse:
    dialect = "postgres"

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn
        # numeric (sum(), round(), dbt's averages) as float, as DuckDB returns its aggregates
        conn.adapters.register_loader("numeric", FloatLoader)

    @classmethod
    def open(cls, settings: PostgresSettings | None = None) -> "PostgresWarehouse":
        settings = settings or PostgresSettings.from_env()
        conn = psycopg.connect(
            settings.conninfo(),
            autocommit=True,  # every write below opens its own explicit transaction
            application_name="fieldvoice",
            connect_timeout=10,
            options="-c TimeZone=UTC -c DateStyle=ISO,YMD",
        )
        return cls(conn)

    def query(self, sql: str, params: Params = ()) -> pd.DataFrame:
        statement = to_pyformat(sql.strip().rstrip(";"))
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT * FROM ({statement}) AS _q LIMIT 0", params)
            columns = [(d.name, d.type_code) for d in cur.description or []]
            with cur.copy(f"COPY ({statement}) TO STDOUT (FORMAT csv)", params) as copy:
                data = b"".join(bytes(block) for block in copy)
        return _frame_from_csv(data, columns)

    def rows(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(to_pyformat(sql), params).fetchall()

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.conn.execute(to_pyformat(sql), params).fetchone()
        return row[0] if row else None

    def execute(self, sql: str, params: Params = ()) -> None:
        self.conn.execute(to_pyformat(sql), params)

    def table_exists(self, table: str) -> bool:
        return bool(self.scalar(TABLE_EXISTS_SQL, split_table(table)))

    def ensure_table(self, table: str, schema: TableSchema, primary_key: str | None = None) -> None:
        if self.table_exists(table):  # the common case takes no lock
            return
        schema_name, name = split_table(table)
        columns = [f'"{column}" {pg_type(dtype)}' for column, dtype in schema.items()]
        if primary_key:
            columns.append(f'PRIMARY KEY ("{primary_key}")')
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [_DDL_LOCK])
            self.conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema_name}")
            self.conn.execute(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(columns)})")
            if "partition_date" in schema:  # partition deletes and reads stay index lookups as history grows
                self.conn.execute(f"CREATE INDEX IF NOT EXISTS {name}__partition_date ON {table} (partition_date)")

    def replace_partitions(self, frames: Mapping[str, tuple[pd.DataFrame, TableSchema]], partition_date: date) -> None:
        for table, (frame, schema) in frames.items():
            check_frame(table, frame, schema)
            self.ensure_table(table, schema)
        with self.conn.transaction(), self.conn.cursor() as cur:
            for table in sorted(frames):  # one lock order for every writer: no deadlock between them
                cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s), %s)", [table, partition_date.toordinal()])
            for table, (frame, schema) in frames.items():
                cur.execute(f"DELETE FROM {table} WHERE partition_date = %s", [partition_date])
                _copy_in(cur, table, frame, schema)
        self._analyze(sorted(frames))

    def replace_table(self, table: str, frame: pd.DataFrame, schema: TableSchema) -> None:
        check_frame(table, frame, schema)
        self.ensure_table(table, schema)
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s), %s)", [table, _WHOLE_TABLE])
            cur.execute(f"DELETE FROM {table}")
            _copy_in(cur, table, frame, schema)
        self._analyze([table])

    def _analyze(self, tables: list[str]) -> None:
        """Fresh planner statistics for the tables just loaded, after the commit. The next reader (often dbt,
        seconds later) is planned from them, and autovacuum analyzes later: in the 1,000,000-interview benchmark
        `fct_interviews` was planned 13 s before autovacuum analyzed the 124,000 QA rows just loaded and ran 28+
        minutes; planned after, the same query hash-joins. ANALYZE samples at most 30,000 rows."""
        for table in tables:
            self.conn.execute(f"ANALYZE {table}")

    def release_memory(self) -> None:
        """Nothing to give back: PostgreSQL's memory is the server's, not this process's."""

    def close(self) -> None:
        self.conn.close()


def _copy_in(cur: psycopg.Cursor, table: str, frame: pd.DataFrame, schema: TableSchema) -> None:
    if frame.empty:
        return
    columns = ", ".join(f'"{c}"' for c in schema)
    with cur.copy(f"COPY {table} ({columns}) FROM STDIN (FORMAT csv)") as copy:
        for chunk in csv_chunks(frame, schema):
            copy.write(chunk)


def csv_chunks(frame: pd.DataFrame, schema: TableSchema) -> Iterator[bytes]:
    """The frame cast to the schema (by DuckDB, as the DuckDB warehouse casts) as CSV for COPY: an unquoted
    empty field is NULL, `""` an empty string; quotes, newlines, tabs and backslashes need no escaping."""
    options = pacsv.WriteOptions(include_header=False, quoting_style="needed")
    with duckdb.connect() as con:
        con.register("_fieldvoice_frame", frame)
        casts = ", ".join(f'CAST("{c}" AS {t}) AS "{c}"' for c, t in schema.items())
        reader = con.sql(f"SELECT {casts} FROM _fieldvoice_frame").to_arrow_reader(batch_size=_BATCH_ROWS)
        for batch in reader:
            buffer = io.BytesIO()
            pacsv.write_csv(_without_nul(batch), buffer, options)
            yield buffer.getvalue()


def _without_nul(batch: pa.RecordBatch) -> pa.RecordBatch:
    """PostgreSQL text cannot hold U+0000 (DuckDB's can): drop it rather than fail the whole load."""
    arrays = [
        pc.replace_substring(a, "\x00", "") if pa.types.is_string(a.type) or pa.types.is_large_string(a.type) else a
        for a in batch.columns
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=batch.schema)


def _frame_from_csv(data: bytes, columns: list[tuple[str, int]]) -> pd.DataFrame:
    keys = [f"c{i}" for i in range(len(columns))]  # result names may repeat; Arrow's must not
    types = {k: _ARROW_TYPES.get(oid, pa.string()) for k, (_, oid) in zip(keys, columns, strict=True)}
    if data:
        table = pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(column_names=keys),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=types,
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=False,
                true_values=["t"],
                false_values=["f"],
            ),
        )
    else:
        table = pa.schema(list(types.items())).empty_table()
    for i, key in enumerate(keys):  # DATE -> datetime64, as DuckDB's .df() returns it
        if pa.types.is_date32(types[key]):
            table = table.set_column(i, key, pc.cast(table.column(i), pa.timestamp("us")))
    frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get)
    for key in keys:  # DuckDB: numpy dtypes unless NULLs need the nullable ones; no text -> object
        column = frame[key]
        if types[key] in _PANDAS_TYPES and not column.isna().any():
            frame[key] = column.astype(column.dtype.numpy_dtype)
        elif types[key] == pa.string() and column.isna().all():
            frame[key] = column.astype(object).where(column.notna(), None)
    frame.columns = [name for name, _ in columns]
    return frame
