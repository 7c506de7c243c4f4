"""Jobs: the daily pipeline for one landing day, and the reference refresh."""

import dagster as dg

reference_job = dg.define_asset_job(
    "reference_job",
    selection=dg.AssetSelection.groups("ingest") - dg.AssetSelection.assets(["raw", "interviews"]).downstream(),
    description="Reload the roster, targets and localities from the landing zone's reference folder.",
)

daily_job = dg.define_asset_job(
    "daily_job",
    selection=dg.AssetSelection.assets(["raw", "interviews"]).downstream(),
    description="Everything that one landing day feeds: ingest, validation, warehouse models, insights, briefs.",
)
