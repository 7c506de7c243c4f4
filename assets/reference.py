"""Reference files of the landing zone (roster, targets, localities), one raw table each."""

from datetime import UTC, datetime

import dagster as dg

from assets.metadata import markdown_table
from fieldvoice.contract import REFERENCE_FILES
from fieldvoice.settings import warehouse_kind
from orchestration.resources import FieldvoicePaths, WarehouseResource, writer_pool

_DESCRIPTIONS = {
    "collaborators": "Roster of the employees who interview customers (landing `reference/collaborators.csv`).",
    "targets": "Planned list of targeted customers (landing `reference/targets.csv`).",
    "localities": "Cities and villages of the programme with coordinates (landing `reference/localities.csv`).",
}


def _reference_asset(name: str) -> dg.AssetsDefinition:
    @dg.asset(
        key=["raw", name],
        group_name="ingest",
        description=_DESCRIPTIONS[name],
        kinds={warehouse_kind(), "csv"},
        owners=["team:data"],
        tags={"layer": "raw"},
        pool=writer_pool(),  # DuckDB allows one writing process at a time
    )
    def _asset(
        context: dg.AssetExecutionContext, warehouse: WarehouseResource, paths: FieldvoicePaths
    ) -> dg.MaterializeResult:
        from fieldvoice.ingest.readers import FileRejected  # pandas: imported at run time, not at load
        from fieldvoice.ingest.reference import ingest_reference

        with warehouse.connect() as wh:
            try:
                report = ingest_reference(wh, paths.landing, name, datetime.now(UTC))
            except FileRejected as error:
                raise dg.Failure(f"reference/{name}.csv rejected: {error}") from error
            preview = wh.query(f"SELECT * FROM raw.{name} ORDER BY source_line LIMIT 10")
        # Customer references identify people: the UI's metadata shows the other columns only.
        preview = preview.drop(columns=["file_sha256", "ingested_at", "customer_ref"], errors="ignore")
        context.log.info(f"{name}: {report.rows} rows from {report.source_file}")
        return dg.MaterializeResult(
            metadata={
                "dagster/row_count": report.rows,
                "source_file": report.source_file,
                "file_sha256": report.sha256,
                "preview": markdown_table(preview),
            }
        )

    return _asset


reference_assets = [_reference_asset(name) for name in REFERENCE_FILES]
