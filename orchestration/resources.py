"""Resources, configured from the environment in this one place (see fieldvoice.settings and .env.example)."""

from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
from dagster_duckdb import DuckDBResource

from fieldvoice.settings import Settings

if TYPE_CHECKING:
    from fieldvoice.insights.contracts import Embedder
    from fieldvoice.llm import LlmClient
    from fieldvoice.llm.settings import LlmSettings


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

    def embedder(self) -> "Embedder | None":
        """An embeddings endpoint for theme discovery when FIELDVOICE_EMBEDDINGS_MODEL is set, else None."""
        settings = self.settings()
        client = self.client() if settings.embeddings_model else None
        if client is None:
            return None
        from fieldvoice.llm import OpenAIEmbedder

        return OpenAIEmbedder(client, model=settings.embeddings_model)


def build_resources(settings: Settings | None = None) -> dict[str, object]:
    settings = settings or Settings.from_env()
    settings.duckdb_path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "duckdb": DuckDBResource(database=str(settings.duckdb_path)),
        "paths": FieldvoicePaths(landing_dir=str(settings.landing_dir), output_dir=str(settings.output_dir)),
        "llm": LlmResource(brief_language=settings.brief_language, brief_count=settings.brief_count),
    }
