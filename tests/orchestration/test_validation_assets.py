"""Validation assets on generated data: the accounting invariant holds, and schema failures block downstream."""

from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from assets.ingest import raw_interviews
from assets.reference import reference_assets
from assets.validation import reference_validation_assets, validate_interviews
from fieldvoice.generator import generate
from fieldvoice.ingest.frames import RAW_INTERVIEW_SCHEMA
from orchestration.resources import FieldvoicePaths, WarehouseResource

DAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def landing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("landing")
    generate(root, start=DAY, days=1, interviews_per_day=400, seed=5, defect_rate=0.15)
    return root


def _resources(landing: Path, tmp_path: Path) -> dict[str, object]:
    return {
        "warehouse": WarehouseResource(duckdb_path=str(tmp_path / "wh.duckdb")),
        "paths": FieldvoicePaths(landing_dir=str(landing), output_dir=str(tmp_path / "out")),
    }


def _checks(result: dg.ExecuteInProcessResult) -> dict[str, dg.AssetCheckEvaluation]:
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def test_every_raw_row_is_validated_or_quarantined(landing: Path, tmp_path: Path) -> None:
    resources = _resources(landing, tmp_path)
    assert dg.materialize([*reference_assets, *reference_validation_assets], resources=resources).success
    result = dg.materialize(
        [raw_interviews, validate_interviews],
        partition_key=DAY.isoformat(),
        resources=resources,
        selection=[raw_interviews, validate_interviews],
    )
    assert result.success
    checks = _checks(result)
    assert checks["interviews_schema"].passed and checks["interviews_row_accounting"].passed
    assert not checks["interviews_rows"].passed  # defects at 15 % are caught, and only warn
    with duckdb.connect(str(tmp_path / "wh.duckdb")) as con:
        raw, valid, quarantined = (
            con.execute(f"SELECT count(*) FROM {t}.interviews").fetchall()[0][0]
            for t in ("raw", "validated", "quarantine")
        )
        assert raw == valid + quarantined and quarantined > 0
    assert (tmp_path / "out" / "validation" / "index.html").is_file()


def test_a_schema_failure_blocks_downstream(tmp_path: Path, landing: Path) -> None:
    resources = _resources(landing, tmp_path)
    dg.materialize([*reference_assets, *reference_validation_assets], resources=resources)
    with duckdb.connect(str(tmp_path / "wh.duckdb")) as con:  # raw.interviews drifted: `csat` went missing
        con.execute("CREATE SCHEMA IF NOT EXISTS raw")
        columns = {c: t for c, t in RAW_INTERVIEW_SCHEMA.items() if c != "csat"}
        con.execute(f"CREATE TABLE raw.interviews ({', '.join(f'{c} {t}' for c, t in columns.items())})")
        con.execute(
            "INSERT INTO raw.interviews (submission_id, country_code, partition_date, source_file, source_line) "
            "VALUES ('11111111-1111-4111-8111-111111111111', 'TN', DATE '2026-11-20', 'x.csv', 2)"
        )

    @dg.asset(deps=[dg.AssetKey(["validated", "interviews"])], partitions_def=validate_interviews.partitions_def)
    def downstream_probe() -> None:
        raise AssertionError("must not run after a blocking check failed")

    result = dg.materialize(
        [validate_interviews, downstream_probe],
        partition_key=DAY.isoformat(),
        resources=resources,
        raise_on_error=False,
    )
    checks = _checks(result)
    assert not checks["interviews_schema"].passed
    assert checks["interviews_schema"].severity == dg.AssetCheckSeverity.ERROR
    assert "downstream_probe" not in {e.step_key for e in result.get_step_success_events()}
    with duckdb.connect(str(tmp_path / "wh.duckdb")) as con:
        assert con.execute("SELECT count(*) FROM quarantine.interviews").fetchall()[0][0] == 1
