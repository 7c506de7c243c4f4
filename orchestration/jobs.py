"""Jobs: the reference refresh, and the daily pipeline for one landing day."""

import dagster as dg

REFERENCE = dg.AssetSelection.assets(*(["raw", name] for name in ("collaborators", "targets", "localities")))
INTERVIEWS = dg.AssetSelection.assets(["raw", "interviews"])
# The reference tables and their validation; the dbt models built on them are partitioned and run daily.
REFERENCE_ONLY = (REFERENCE.downstream() - INTERVIEWS.downstream()) & dg.AssetSelection.groups("ingest", "validation")

reference_job = dg.define_asset_job(
    "reference_job",
    selection=REFERENCE_ONLY,
    description="Reload and validate the roster, targets and localities from the landing zone's reference folder.",
)

daily_job = dg.define_asset_job(
    "daily_job",
    selection=dg.AssetSelection.all() - REFERENCE_ONLY,
    description="Everything one landing day feeds: ingest, validation, warehouse models, insights, briefs.",
)
