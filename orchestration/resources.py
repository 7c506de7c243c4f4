"""Resources, configured from the environment in this one place (see fieldvoice.settings and .env.example)."""

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from fieldvoice.settings import Settings


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


def build_resources(settings: Settings | None = None) -> dict[str, object]:
    settings = settings or Settings.from_env()
    settings.duckdb_path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "duckdb": DuckDBResource(database=str(settings.duckdb_path)),
        "paths": FieldvoicePaths(landing_dir=str(settings.landing_dir), output_dir=str(settings.output_dir)),
    }
