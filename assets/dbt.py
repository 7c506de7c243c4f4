"""The dbt models (staging, intermediate, marts) as Dagster assets of the group "warehouse".

One op runs `dbt build` for the partition window: seeds, models and data tests, the data tests showing up as
asset checks (the unit tests run in tests/dbt, not on every day's data). A backfill runs once for its whole
window (single_run), which the incremental marts handle like one wide partition. Importing this module reads
the pre-built manifest and never parses dbt (see orchestration/dbt_project.py for the command that builds it).
"""

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from fieldvoice.memory import release_freed_memory
from fieldvoice.settings import Settings
from orchestration.dbt_project import (
    dbt_build_args,
    dbt_env,
    dbt_environment,
    dbt_project,
    dbt_target,
    keep_partial_parse,
)
from orchestration.partitions import daily_partitions
from orchestration.resources import dbt_pool


class WarehouseTranslator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return "warehouse"


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    # Source tests (on validated.*) run inside `dbt build` but stay off the validation assets: as checks there
    # they would pull this partitioned dbt step into the unpartitioned reference job.
    dagster_dbt_translator=WarehouseTranslator(),
    pool=dbt_pool(),
)
def warehouse_dbt_assets(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    window = context.partition_time_window
    release_freed_memory()  # this process only waits while dbt works: its peak adds to dbt's
    with dbt_environment(dbt_env(window.start, window.end, Settings.from_env().duckdb_path)):
        invocation = dbt.cli(dbt_build_args(target=dbt_target()), context=context)
    yield from invocation.stream()
    keep_partial_parse(invocation.target_path)
