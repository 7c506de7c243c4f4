"""The one Definitions object of the fieldvoice code location (`dagster dev -w workspace.yaml`)."""

import dagster as dg

from assets.briefs import hackathon_briefs
from assets.dbt import warehouse_dbt_assets
from assets.fieldqa import field_quality_assets
from assets.ingest import raw_interviews
from assets.insights import theme_insights
from assets.reference import reference_assets
from assets.validation import reference_validation_assets, validate_interviews
from fieldvoice.memory import arrow_gives_memory_back
from orchestration.dbt_project import dbt_resource
from orchestration.jobs import daily_job, reference_job, review_job
from orchestration.resources import build_resources
from orchestration.schedules import daily_schedule
from orchestration.sensors import landing_sensor, review_sensor

arrow_gives_memory_back()  # every process that loads the code location runs steps with its pandas frames

defs = dg.Definitions(
    assets=[
        *reference_assets,
        raw_interviews,
        *reference_validation_assets,
        validate_interviews,
        *field_quality_assets,
        warehouse_dbt_assets,
        theme_insights,
        hackathon_briefs,
    ],
    jobs=[daily_job, reference_job, review_job],
    schedules=[daily_schedule],
    sensors=[landing_sensor, review_sensor],
    resources={**build_resources(), "dbt": dbt_resource()},
    # One process per run, steps in turn: runs launched by `dagster dev` (UI, schedule, sensor) otherwise get the
    # multiprocess executor, whose parallel steps fail on DuckDB's file lock and pay ~10-25 s of start-up each.
    executor=dg.in_process_executor,
)
