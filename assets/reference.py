"""Reference files of the landing zone (roster, targets, localities), one raw table each."""

from datetime import UTC, datetime

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.metadata import markdown_table
from fieldvoice.contract import REFERENCE_FILES
from orchestration.resources import FieldvoicePaths

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
        kinds={"duckdb", "csv"},
        owners=["team:data"],
        tags={"layer": "raw"},
    )
    def _asset(
        context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: FieldvoicePaths
    ) -> dg.MaterializeResult:
        from fieldvoice.ingest.readers import FileRejected  # pandas: imported at run time, not at load
        from fieldvoice.ingest.reference import ingest_reference

        with duckdb.get_connection() as con:
            try:
                report = ingest_reference(con, paths.landing, name, datetime.now(UTC))
            except FileRejected as error:
                raise dg.Failure(f"reference/{name}.csv rejected: {error}") from error
            preview = con.execute(f"SELECT * EXCLUDE (file_sha256, ingested_at) FROM raw.{name} LIMIT 10").df()
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
