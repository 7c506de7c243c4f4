"""One suite, both warehouses: every test taking `warehouse` runs on DuckDB and on PostgreSQL.

PostgreSQL tests share one throwaway database per session; each test writes under a schema of its own.
"""

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldvoice.settings import PostgresSettings
from fieldvoice.warehouse import DuckDBWarehouse, Warehouse
from tests.pg import throwaway_database


@pytest.fixture(scope="session")
def pg_database() -> Iterator[PostgresSettings]:
    with throwaway_database("fv_test_warehouse") as settings:
        yield settings


@pytest.fixture
def schema() -> str:
    return f"t_{uuid.uuid4().hex[:8]}"


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Warehouse]:
    if request.param == "duckdb":
        opened: Warehouse = DuckDBWarehouse.open(tmp_path / "wh.duckdb")
    else:
        from fieldvoice.warehouse.postgres import PostgresWarehouse

        opened = PostgresWarehouse.open(request.getfixturevalue("pg_database"))
    yield opened
    opened.close()
