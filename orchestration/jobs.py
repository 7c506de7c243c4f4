"""Jobs: the reference refresh, and the daily pipeline for one landing day."""

import dagster as dg

REFERENCE = dg.AssetSelection.assets(*(["raw", name] for name in ("collaborators", "targets", "localities")))
INTERVIEWS = dg.AssetSelection.assets(["raw", "interviews"])

reference_job = dg.define_asset_job(
    "reference_job",
    selection=REFERENCE.downstream() - INTERVIEWS.downstream(),
    description="Reload and validate the roster, targets and localities from the landing zone's reference folder.",
)

daily_job = dg.define_asset_job(
    "daily_job",
    selection=dg.AssetSelection.all() - (REFERENCE.downstream() - INTERVIEWS.downstream()),
    description="Everything one landing day feeds: ingest, validation, warehouse models, insights, briefs.",
)
