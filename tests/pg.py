"""Throwaway PostgreSQL databases for tests: each test module gets its own database, dropped afterwards.

The server is the one `scripts/postgres.sh` starts (its defaults: 127.0.0.1:5432, role and password
`fieldvoice`), overridable with FIELDVOICE_PG_*. No server: the tests skip, saying why, unless
FIELDVOICE_REQUIRE_POSTGRES=1 (CI), where they fail.
"""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

from fieldvoice.settings import PostgresSettings

if TYPE_CHECKING:
    from pathlib import Path

    import psycopg

    from fieldvoice.warehouse import Warehouse

SERVER_DEFAULTS = {"FIELDVOICE_PG_HOST": "127.0.0.1", "FIELDVOICE_PG_PASSWORD": "fieldvoice"}


def server_settings() -> PostgresSettings:
    parts = {k: v for k, v in os.environ.items() if k.startswith("FIELDVOICE_PG_") and k != "FIELDVOICE_PG_DSN"}
    return PostgresSettings.from_env(SERVER_DEFAULTS | parts)


def _unavailable(reason: str) -> None:
    if os.environ.get("FIELDVOICE_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL required (FIELDVOICE_REQUIRE_POSTGRES=1) but unavailable: {reason}")
    pytest.skip(f"no PostgreSQL server answers ({reason}); run scripts/postgres.sh")


@contextmanager
def throwaway_database(prefix: str = "fv_test") -> Iterator[PostgresSettings]:
    """A fresh, empty database on the test server (skips or fails when there is none), dropped on exit."""
    import psycopg

    server = server_settings()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(server.conninfo(), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        _unavailable(f"{server.describe()}: {str(error).strip().splitlines()[0]}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield server.for_database(name)
        finally:
            drop_database(admin, name)


def drop_database(admin: "psycopg.Connection", name: str) -> None:
    """Plain DROP first: it stops autovacuum workers itself, which WITH (FORCE) may not do for a non-superuser
    ("must be a member of the role whose process is being terminated"); FORCE then for our own leftovers."""
    import psycopg

    try:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    except psycopg.errors.ObjectInUse:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_env(settings: PostgresSettings) -> dict[str, str]:
    """The environment that points the pipeline (warehouse resource and dbt) at `settings`' database."""
    return {"FIELDVOICE_WAREHOUSE": "postgres", **settings.dbt_env()}


@contextmanager
def open_test_warehouse(
    request: pytest.FixtureRequest, tmp_path: "Path", database_fixture: str
) -> Iterator["Warehouse"]:
    """The warehouse of a test parametrised over ["duckdb", "postgres"]: a DuckDB file under `tmp_path`, or the
    throwaway database the fixture named `database_fixture` provides."""
    from fieldvoice.warehouse import DuckDBWarehouse

    if request.param == "duckdb":
        opened: Warehouse = DuckDBWarehouse.open(tmp_path / "wh.duckdb")
    else:
        from fieldvoice.warehouse.postgres import PostgresWarehouse

        opened = PostgresWarehouse.open(request.getfixturevalue(database_fixture))
    try:
        yield opened
    finally:
        opened.close()
