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

# What a supervisor's review decision changes: the day's QA tables and everything built on them.
FIELD_QUALITY = dg.AssetSelection.assets(["fieldqa", "interview_quality"])
review_job = dg.define_asset_job(
    "review_job",
    selection=FIELD_QUALITY.downstream() | dg.AssetSelection.assets(["fieldqa", "interview_flags"]),
    description="Re-apply supervisors' review decisions to a day: its QA tables, then the marts, insights and "
    "briefs built on them (ingest and validation are not rerun).",
)
