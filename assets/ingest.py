"""Daily ingest of the field exports of one landing day folder into `raw.interviews`."""

from datetime import UTC, date, datetime

import dagster as dg

from assets.metadata import markdown_table
from fieldvoice.settings import warehouse_kind
from orchestration.partitions import daily_partitions
from orchestration.resources import FieldvoicePaths, WarehouseResource, writer_pool


@dg.asset(
    key=["raw", "interviews"],
    group_name="ingest",
    partitions_def=daily_partitions,
    description=(
        "Every export file of a landing day folder, in any dialect (canonical CSV, KoboToolbox, ODK Central, "
        "JSON Lines, XLSX), mapped to canonical text columns with lineage (file, line, hash). Bad files are "
        "recorded in raw.ingest_errors and never stop the others; a rerun replaces the day atomically."
    ),
    kinds={warehouse_kind(), "python"},
    owners=["team:data"],
    tags={"layer": "raw"},
    pool=writer_pool(),
)
def raw_interviews(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, paths: FieldvoicePaths
) -> dg.MaterializeResult:
    from fieldvoice.ingest.day import DayIngestFailed, ingest_day  # pandas: imported at run time, not at load

    day = date.fromisoformat(context.partition_key)
    with warehouse.connect() as wh:
        try:
            report = ingest_day(wh, paths.landing, day, datetime.now(UTC))
        except DayIngestFailed as error:
            raise dg.Failure(str(error)) from error
        by_country = wh.query(
            "SELECT country_code, count(*) AS interviews FROM raw.interviews WHERE partition_date = ? "
            "GROUP BY country_code ORDER BY interviews DESC, country_code",
            [day],
        )
    files = [
        {
            "file": f.source_file,
            "dialect": f.dialect,
            "rows": f.rows,
            "unreadable": f.unreadable_rows,
            "error": str(f.error) if f.error else "",
        }
        for f in report.files
    ]
    for rejected in report.rejected:
        context.log.warning(f"rejected {rejected.source_file}: {rejected.error}")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": report.rows_loaded,
            "files_read": len(report.files),
            "files_rejected": len(report.rejected),
            "unreadable_records": report.unreadable_rows,
            "files": markdown_table(files, limit=50),
            "interviews_by_country": markdown_table(by_country, limit=20),
        }
    )
