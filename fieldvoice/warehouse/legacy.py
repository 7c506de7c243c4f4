"""A Warehouse behind the DuckDB-connection calls older callers make (`con.execute(sql, params).df()`,
`.fetchall()`, `.fetchone()`), so that code not yet moved to the interface runs on either warehouse."""

from typing import Any

import pandas as pd

from fieldvoice.warehouse.base import Params, Warehouse

_READS = ("select", "with", "values", "table")


class LegacyConnection:
    def __init__(self, warehouse: Warehouse) -> None:
        self.warehouse = warehouse

    def execute(self, sql: str, params: Params = ()) -> "_Result":
        """Reads run when their result is fetched (as a DataFrame or rows); anything else runs now."""
        if sql.lstrip().lower().startswith(_READS):
            return _Result(self.warehouse, sql, params)
        self.warehouse.execute(sql, params)
        return _Result(self.warehouse, None, params)


class _Result:
    def __init__(self, warehouse: Warehouse, sql: str | None, params: Params) -> None:
        self.warehouse, self.sql, self.params = warehouse, sql, params

    def df(self) -> pd.DataFrame:
        return self.warehouse.query(self._sql(), self.params)

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self.warehouse.rows(self._sql(), self.params)

    def fetchone(self) -> tuple[Any, ...] | None:
        rows = self.fetchall()
        return rows[0] if rows else None

    def _sql(self) -> str:
        if self.sql is None:
            raise TypeError("this statement returns no rows")
        return self.sql
