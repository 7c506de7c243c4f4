"""Resources, configured from the environment in this one place (see fieldvoice.settings and .env.example)."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg

from fieldvoice.settings import PostgresSettings, Settings, warehouse_kind

if TYPE_CHECKING:
    from fieldvoice.insights.contracts import Embedder
    from fieldvoice.llm import LlmClient
    from fieldvoice.llm.settings import LlmSettings
    from fieldvoice.warehouse import Warehouse


def writer_pool() -> str | None:
    """The concurrency pool of the assets that write the warehouse. DuckDB allows one writing process at a time:
    they share `duckdb_writer` (limit 1 in dagster.yaml). PostgreSQL takes concurrent writers of different
    partitions (fieldvoice.warehouse.postgres): no pool, so several days materialise at once."""
    return "duckdb_writer" if warehouse_kind() == "duckdb" else None


def dbt_pool() -> str | None:
    """dbt's pool: on DuckDB the writers' pool; on PostgreSQL its own pool of one, since concurrent `dbt build`s
    rebuild the same views and tables (each run renames `<model>__dbt_tmp` into place), while ingest, validation,
    insights and briefs of other days go on in parallel."""
    return "duckdb_writer" if warehouse_kind() == "duckdb" else "dbt_postgres"


class WarehouseResource(dg.ConfigurableResource):
    """The warehouse of the Python assets (FIELDVOICE_WAREHOUSE): the DuckDB file `duckdb_path`, or PostgreSQL,
    whose connection is read from the environment at run time (FIELDVOICE_PG_DSN or FIELDVOICE_PG_*), so the
    password never enters Dagster config, metadata or logs."""

    backend: str = "duckdb"  # duckdb | postgres
    duckdb_path: str = ""

    @contextmanager
    def connect(self) -> Iterator["Warehouse"]:
        from fieldvoice.warehouse import open_warehouse  # pandas: imported at run time, not at load

        with open_warehouse(self.backend, duckdb_path=self.duckdb_path or None) as warehouse:
            yield warehouse

    def describe(self) -> str:
        """Where the tables are, without secrets (for metadata and logs)."""
        return PostgresSettings.from_env().describe() if self.backend == "postgres" else self.duckdb_path


class FieldvoicePaths(dg.ConfigurableResource):
    """Where exports land and where human-facing outputs (reports, briefs) are written."""

    landing_dir: str
    output_dir: str

    @property
    def landing(self) -> Path:
        return Path(self.landing_dir)

    @property
    def outputs(self) -> Path:
        return Path(self.output_dir)


class LlmResource(dg.ConfigurableResource):
    """The OpenAI-compatible endpoint (OpenAI, Azure, vLLM, Ollama…) read from the environment by
    fieldvoice.llm.settings; none configured means the offline summariser and the offline embedder.
    Secrets never enter Dagster config or metadata: only `describe()` output, which omits them."""

    brief_language: str = "en"
    brief_count: int = 8

    def settings(self) -> "LlmSettings":
        from fieldvoice.llm.settings import LlmSettings

        return LlmSettings.from_env()

    def client(self) -> "LlmClient | None":
        from fieldvoice.llm import make_client

        return make_client(self.settings())

    def embedder(self, warehouse: "Warehouse | None" = None) -> "Embedder | None":
        """An embeddings endpoint for theme discovery when FIELDVOICE_EMBEDDINGS_MODEL and an endpoint are set,
        else None. With `warehouse`, vectors are cached there by content hash (insights.embedding_cache), so an
        unchanged rerun sends no embeddings request."""
        from fieldvoice.llm import EmbeddingCache, OpenAIEmbedder, make_client

        settings = self.settings()
        client = make_client(settings) if settings.embeddings_model else None
        if client is None:
            return None
        cache = EmbeddingCache(warehouse) if warehouse is not None else None
        return OpenAIEmbedder(client, model=settings.embeddings_model, cache=cache)


def build_resources(settings: Settings | None = None) -> dict[str, object]:
    settings = settings or Settings.from_env()
    settings.duckdb_path.parent.mkdir(parents=True, exist_ok=True)
    warehouse = WarehouseResource(backend=settings.warehouse, duckdb_path=str(settings.duckdb_path))
    return {
        "warehouse": warehouse,
        "paths": FieldvoicePaths(landing_dir=str(settings.landing_dir), output_dir=str(settings.output_dir)),
        "llm": LlmResource(brief_language=settings.brief_language, brief_count=settings.brief_count),
    }
