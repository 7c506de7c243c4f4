"""Runtime settings, read from the environment in this one place.

Every path defaults to a folder inside the project so that a fresh clone runs with no configuration.
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from pydantic import SecretStr

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _path(name: str, default: str) -> Path:
    value = os.environ.get(name) or default
    path = Path(value)
    return path if path.is_absolute() else PROJECT_ROOT / path


@dataclass(frozen=True)
class Settings:
    landing_dir: Path
    duckdb_path: Path
    output_dir: Path
    partitions_start: date
    # Seconds a file must have been left untouched before the sensor treats it as complete.
    settle_seconds: int
    brief_language: str  # fr | en
    brief_count: int  # briefs per run: one per top opportunity
    warehouse: str = "duckdb"  # duckdb | postgres (FIELDVOICE_WAREHOUSE); PostgreSQL: see PostgresSettings
    # DuckDB's own memory in the pipeline's processes (its default, 80% of RAM, kept 0.9 GB after one window
    # query of a 1,000,000-interview backfill, beside the step's frames); "" = DuckDB's default.
    duckdb_memory_limit: str = "1GB"

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            landing_dir=_path("FIELDVOICE_LANDING_DIR", "data/landing"),
            duckdb_path=_path("FIELDVOICE_DUCKDB_PATH", "data/warehouse/fieldvoice.duckdb"),
            output_dir=_path("FIELDVOICE_OUTPUT_DIR", "data/outputs"),
            partitions_start=date.fromisoformat(os.environ.get("FIELDVOICE_PARTITIONS_START", "2026-01-01")),
            settle_seconds=int(os.environ.get("FIELDVOICE_SETTLE_SECONDS", "10")),
            brief_language=os.environ.get("FIELDVOICE_BRIEF_LANGUAGE", "en"),
            brief_count=int(os.environ.get("FIELDVOICE_BRIEF_COUNT", "8")),
            warehouse=warehouse_kind(),
            duckdb_memory_limit=os.environ.get("FIELDVOICE_DUCKDB_MEMORY_LIMIT", "1GB").strip(),
        )


WAREHOUSES = ("duckdb", "postgres")


def warehouse_kind(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    kind = (env.get("FIELDVOICE_WAREHOUSE") or "duckdb").strip().lower()
    if kind not in WAREHOUSES:
        raise ValueError(f"FIELDVOICE_WAREHOUSE must be one of {', '.join(WAREHOUSES)}, got {kind!r}")
    return kind


@dataclass(frozen=True)
class PostgresSettings:
    """The PostgreSQL warehouse: FIELDVOICE_PG_DSN, or the FIELDVOICE_PG_HOST/PORT/USER/PASSWORD/DATABASE
    parts that dbt's `postgres` output reads too (a DSN's parts are handed to dbt by `dbt_env`).

    The password is a SecretStr: it never reaches Dagster config, metadata or logs (`describe` omits it)."""

    host: str = "localhost"
    port: int = 5432
    user: str = "fieldvoice"
    database: str = "fieldvoice"
    password: SecretStr | None = None
    dsn: SecretStr | None = None  # wins over the parts when set

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "PostgresSettings":
        env = os.environ if environ is None else environ
        dsn = (env.get("FIELDVOICE_PG_DSN") or "").strip()
        if dsn:
            from psycopg.conninfo import conninfo_to_dict

            parts = {k: str(v) for k, v in conninfo_to_dict(dsn).items() if v is not None}
            return cls(
                host=parts.get("host", cls.host),
                port=int(parts.get("port", cls.port)),
                user=parts.get("user", cls.user),
                database=parts.get("dbname", cls.database),
                password=_secret(parts.get("password")),
                dsn=SecretStr(dsn),
            )
        return cls(
            host=env.get("FIELDVOICE_PG_HOST") or cls.host,
            port=int(env.get("FIELDVOICE_PG_PORT") or cls.port),
            user=env.get("FIELDVOICE_PG_USER") or cls.user,
            database=env.get("FIELDVOICE_PG_DATABASE") or cls.database,
            password=_secret(env.get("FIELDVOICE_PG_PASSWORD")),
        )

    def conninfo(self) -> str:
        """The libpq connection string, password included: pass it to psycopg, never print it."""
        from psycopg.conninfo import make_conninfo

        if self.dsn is not None:
            return self.dsn.get_secret_value()
        password = self.password.get_secret_value() if self.password else None
        return make_conninfo(
            host=self.host,
            port=self.port,
            user=self.user,
            dbname=self.database,
            **({"password": password} if password else {}),
        )

    def for_database(self, database: str) -> "PostgresSettings":
        """The same server and role, another database (tests use throwaway ones)."""
        return replace(self, database=database, dsn=None)

    def describe(self) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}"

    def dbt_env(self) -> dict[str, str]:
        """The variables dbt's `postgres` output reads (profiles.yml), for the dbt subprocess."""
        return {
            "FIELDVOICE_PG_HOST": self.host,
            "FIELDVOICE_PG_PORT": str(self.port),
            "FIELDVOICE_PG_USER": self.user,
            "FIELDVOICE_PG_PASSWORD": self.password.get_secret_value() if self.password else "",
            "FIELDVOICE_PG_DATABASE": self.database,
        }


def _secret(value: str | None) -> SecretStr | None:
    return SecretStr(value) if value else None
