"""Materialise the ingest assets on a temporary DuckDB, the way the daily job does."""

from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets.ingest import raw_interviews
from assets.reference import reference_assets
from orchestration.resources import FieldvoicePaths, WarehouseResource
from tests.conftest import KIT_DAY


def _write_reference(landing: Path) -> None:
    ref = landing / "reference"
    ref.mkdir(parents=True)
    (ref / "collaborators.csv").write_text(
        "collaborator_id,function,country_code,home_locality\nEMP-104233,sales,SN,Thiès\n"
    )
    (ref / "targets.csv").write_text(
        "customer_ref,country_code,locality,segment,priority\nCUS-SN-000412,SN,Thiès,prepaid,high\n"
    )
    (ref / "localities.csv").write_text(
        "locality,country_code,locality_type,latitude,longitude\nThiès,SN,urban,14.791,-16.9359\n"
    )


@pytest.fixture
def resources(kit_landing: Path, tmp_path: Path) -> dict[str, object]:
    _write_reference(kit_landing)
    return {
        "warehouse": WarehouseResource(duckdb_path=str(tmp_path / "wh.duckdb")),
        "paths": FieldvoicePaths(landing_dir=str(kit_landing), output_dir=str(tmp_path / "out")),
    }


def test_reference_and_day_materialise_and_rerun_identically(resources: dict, tmp_path: Path) -> None:
    assert dg.materialize(reference_assets, resources=resources).success
    first = dg.materialize([raw_interviews], partition_key=KIT_DAY, resources=resources)
    assert first.success
    metadata = first.asset_materializations_for_node("raw__interviews")[0].metadata
    assert metadata["dagster/row_count"].value == 6 and metadata["files_rejected"].value == 2
    with duckdb.connect(str(tmp_path / "wh.duckdb")) as con:
        before = con.execute("SELECT * FROM raw.interviews ORDER BY submission_id").fetchall()
        assert con.execute("SELECT count(*) FROM raw.localities").fetchone()[0] == 1
    assert dg.materialize([raw_interviews], partition_key=KIT_DAY, resources=resources).success
    with duckdb.connect(str(tmp_path / "wh.duckdb")) as con:
        assert con.execute("SELECT * FROM raw.interviews ORDER BY submission_id").fetchall() == before


def test_a_day_without_files_fails_the_run(resources: dict) -> None:
    result = dg.materialize([raw_interviews], partition_key="2026-11-05", resources=resources, raise_on_error=False)
    assert not result.success
