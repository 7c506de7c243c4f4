"""The product side's contract kit: every dialect must yield exactly the canonical records it lists."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from fieldvoice.contract import INTEGER_COLUMNS, MULTI_SELECT_COLUMNS, TIMESTAMP_COLUMNS
from fieldvoice.ingest.day import ingest_day
from tests.conftest import KIT_DAY


def _as_record(row: dict) -> dict:
    """Read raw text the way expected.jsonl is written: instants, lists, numbers, nulls."""
    record = {}
    for column, value in row.items():
        if value is None:
            record[column] = [] if column in MULTI_SELECT_COLUMNS else None
        elif column in MULTI_SELECT_COLUMNS:
            record[column] = value.split()
        elif column in INTEGER_COLUMNS:
            record[column] = int(value)
        elif column in ("latitude", "longitude"):
            record[column] = float(value)
        elif column in TIMESTAMP_COLUMNS:
            record[column] = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
        else:
            record[column] = value
    return record


def _expected(contract_kit: Path) -> dict[str, dict]:
    records = {}
    for line in (contract_kit / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for column in TIMESTAMP_COLUMNS:
            record[column] = datetime.fromisoformat(record[column].replace("Z", "+00:00")).astimezone(UTC)
        for column in MULTI_SELECT_COLUMNS:
            record[column] = record[column] or []
        records[record["submission_id"]] = record
    return records


@pytest.fixture
def ingested(kit_landing: Path, con: duckdb.DuckDBPyConnection):
    report = ingest_day(con, kit_landing, date.fromisoformat(KIT_DAY), datetime(2026, 11, 3, tzinfo=UTC))
    return report, con


def test_every_expected_record_is_yielded_exactly(ingested, contract_kit: Path) -> None:
    _, con = ingested
    expected = _expected(contract_kit)
    frame = con.execute("SELECT * FROM raw.interviews").df()
    assert sorted(frame["submission_id"]) == sorted(expected)
    for row in frame.to_dict("records"):
        want = expected[row["submission_id"]]
        got = _as_record({k: (None if v is None or v != v else v) for k, v in row.items() if k in want})
        assert Path(row["source_file"]).name == want.pop("file")
        want.pop("file", None)
        assert got == {k: v for k, v in want.items()}, row["source_file"]


def test_bad_files_fail_as_files_with_the_expected_errors(ingested, contract_kit: Path) -> None:
    report, con = ingested
    errors = {Path(f.source_file).name: f.error for f in report.rejected}
    for line in (contract_kit / "expected_errors.jsonl").read_text().splitlines():
        want = json.loads(line)
        error = errors.pop(want["file"])
        assert error is not None and error.reason == want["error"]
        if "column" in want:
            assert error.column == want["column"] and want["column"] in str(error)
    assert not errors, f"unexpected rejections: {errors}"
    table = con.execute("SELECT source_file, error FROM raw.ingest_errors WHERE level = 'file'").fetchall()
    assert {Path(f).name for f, _ in table} == {"bad_missing_submission_id.csv", "bad_empty.csv"}


def test_dialects_are_recognised(ingested) -> None:
    report, _ = ingested
    dialects = {Path(f.source_file).name: f.dialect for f in report.files if not f.error}
    assert dialects["canonical_tn_cp1252.csv"] == "csv;cp1252"
    assert dialects["canonical_ci_bom.csv"] == "csv,utf-8-sig"
    assert dialects["kobo_sn.csv"].startswith("csv;")
    assert dialects["bw.jsonl"].startswith("jsonl")


def test_kobo_hxl_row_is_not_an_interview_and_lines_point_at_the_source(ingested) -> None:
    _, con = ingested
    lines = dict(con.execute("SELECT submission_id, source_line FROM raw.interviews").fetchall())
    assert lines["3f1c2a4e-0b7d-4c1e-9a55-7d2e8f0a1b01"] == 3  # header on 1, HXL row on 2
    assert lines["3f1c2a4e-0b7d-4c1e-9a55-7d2e8f0a1b02"] == 4


def test_extra_columns_are_kept_in_raw(ingested) -> None:
    _, con = ingested
    extras = con.execute("SELECT extra_columns FROM raw.interviews WHERE source_file LIKE '%odk_lr.csv'").fetchone()[0]
    kept = json.loads(extras)
    assert kept["ReviewState"] == "approved" and "location-Altitude" in kept
