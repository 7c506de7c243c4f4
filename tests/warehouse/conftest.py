"""One suite, both warehouses: every test taking `warehouse` runs on DuckDB and on PostgreSQL.

PostgreSQL tests share one throwaway database per session; each test writes under a schema of its own.
"""

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldvoice.settings import PostgresSettings
from fieldvoice.warehouse import Warehouse
from tests.pg import open_test_warehouse, throwaway_database


@pytest.fixture(scope="session")
def pg_database() -> Iterator[PostgresSettings]:
    with throwaway_database("fv_test_warehouse") as settings:
        yield settings


@pytest.fixture
def schema() -> str:
    return f"t_{uuid.uuid4().hex[:8]}"


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Warehouse]:
    with open_test_warehouse(request, tmp_path, "pg_database") as opened:
        yield opened
