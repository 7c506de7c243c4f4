"""Materialise the pipeline in-process for tests: the reference job, then the daily job for each day, offline."""

from datetime import date
from pathlib import Path

import dagster as dg
import pytest

from orchestration.dbt_project import dbt_resource
from orchestration.definitions import defs
from orchestration.resources import FieldvoicePaths, LlmResource, WarehouseResource

LLM_VARIABLES = ("OPENAI_BASE_URL", "OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "FIELDVOICE_EMBEDDINGS_MODEL")


def materialise_days(
    landing: Path, out: Path, warehouse: WarehouseResource, days: list[date], env: dict[str, str]
) -> None:
    """As the demo and the schedule run it; `env` is what dbt reads (its target, the DuckDB path, PG settings)."""
    with pytest.MonkeyPatch.context() as mp:
        for name in LLM_VARIABLES:  # no endpoint: the offline summariser and embedder
            mp.delenv(name, raising=False)
        for name, value in env.items():
            mp.setenv(name, value)
        resources = {
            "warehouse": warehouse,
            "paths": FieldvoicePaths(landing_dir=str(landing), output_dir=str(out)),
            "llm": LlmResource(brief_count=3),
            "dbt": dbt_resource(),
        }
        reference = defs.resolve_job_def("reference_job").asset_layer.selected_asset_keys
        daily = defs.resolve_job_def("daily_job").asset_layer.selected_asset_keys
        assets = [a for a in defs.assets if any(k in reference | daily for k in a.keys)]  # type: ignore[union-attr]
        assert dg.materialize(assets, resources=resources, selection=list(reference)).success
        for day in days:
            result = dg.materialize(assets, resources=resources, partition_key=day.isoformat(), selection=list(daily))
            assert result.success, day
