"""Day ingest: bad files never stop good ones, reruns are idempotent, every record is accounted for."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from fieldvoice.contract import CANONICAL_COLUMNS
from fieldvoice.ingest.day import DayIngestFailed, ingest_day
from fieldvoice.landing import export_files

DAY = date(2026, 11, 2)
NOW = datetime(2026, 11, 3, 6, tzinfo=UTC)


def _row(n: int, **overrides: object) -> dict[str, object]:
    row = {c: "" for c in CANONICAL_COLUMNS}
    row |= {
        "submission_id": f"00000000-0000-4000-8000-{n:012d}",
        "submitted_at": "2026-11-02T18:00:00+01:00",
        "collaborator_id": "EMP-100001",
        "country_code": "TN",
        "locality": "Sfax",
        "journey_stage": "use_network",
        "nps": "7",
        "csat": "4",
        "consent": "yes",
        "verbatim": f"réseau faible numéro {n}",
    }
    return row | {k: str(v) for k, v in overrides.items()}


def _write_csv(path: Path, rows: list[dict], sep: str = ",", encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_csv(path, sep=sep, index=False, encoding=encoding)


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    return tmp_path / "landing"


def _ingest(con: duckdb.DuckDBPyConnection, landing: Path, now: datetime = NOW):
    return ingest_day(con, landing, DAY, now)


def test_one_broken_file_among_good_ones(con, landing: Path) -> None:
    folder = landing / DAY.isoformat()
    _write_csv(folder / "a.csv", [_row(1), _row(2)])
    _write_csv(folder / "b.csv", [_row(3)], sep=";", encoding="cp1252")
    (folder / "broken.csv").write_bytes(b"\x00\x01\x02binary junk\x00" * 20)
    report = _ingest(con, landing)
    assert report.rows_loaded == 3
    assert [Path(f.source_file).name for f in report.rejected] == ["broken.csv"]
    assert "binary" in str(report.rejected[0].error)


def test_rerun_is_idempotent_and_keeps_first_ingestion_time(con, landing: Path) -> None:
    _write_csv(landing / DAY.isoformat() / "a.csv", [_row(i) for i in range(50)])
    _ingest(con, landing)
    first = con.execute("SELECT * FROM raw.interviews ORDER BY source_line").df()
    _ingest(con, landing, now=datetime(2026, 11, 4, tzinfo=UTC))
    second = con.execute("SELECT * FROM raw.interviews ORDER BY source_line").df()
    pd.testing.assert_frame_equal(first, second)
    assert con.execute("SELECT count(*) FROM raw.ingest_files").fetchone()[0] == 1


def test_rerun_after_a_late_upload_replaces_the_partition(con, landing: Path) -> None:
    folder = landing / DAY.isoformat()
    _write_csv(folder / "a.csv", [_row(1)])
    _ingest(con, landing)
    _write_csv(folder / "late.csv", [_row(2), _row(3)])
    _ingest(con, landing)
    assert con.execute("SELECT count(*) FROM raw.interviews").fetchone()[0] == 3


def test_other_partitions_are_untouched(con, landing: Path) -> None:
    _write_csv(landing / DAY.isoformat() / "a.csv", [_row(1)])
    _write_csv(landing / "2026-11-03" / "a.csv", [_row(2), _row(3)])
    _ingest(con, landing)
    ingest_day(con, landing, date(2026, 11, 3), NOW)
    _ingest(con, landing)
    counts = dict(con.execute("SELECT partition_date, count(*) FROM raw.interviews GROUP BY 1").fetchall())
    assert counts == {DAY: 1, date(2026, 11, 3): 2}


def test_a_day_where_every_file_fails_raises_naming_them(con, landing: Path) -> None:
    folder = landing / DAY.isoformat()
    folder.mkdir(parents=True)
    (folder / "empty.csv").write_bytes(b"")
    _write_csv(folder / "no_id.csv", [{k: v for k, v in _row(1).items() if k != "submission_id"}])
    with pytest.raises(DayIngestFailed, match=r"empty\.csv.*no_id\.csv.*submission_id"):
        _ingest(con, landing)
    assert con.execute("SELECT count(*) FROM raw.ingest_errors").fetchone()[0] == 2


def test_an_empty_day_folder_fails(con, landing: Path) -> None:
    (landing / DAY.isoformat()).mkdir(parents=True)
    with pytest.raises(DayIngestFailed, match="no export files"):
        _ingest(con, landing)


def test_unreadable_records_are_kept_with_their_issue(con, landing: Path) -> None:
    folder = landing / DAY.isoformat()
    folder.mkdir(parents=True)
    good = json.dumps(_row(1))
    (folder / "day.jsonl").write_text(f"{good}\n{{not json\n{json.dumps(_row(2))}\n", encoding="utf-8")
    _write_csv(folder / "cut.csv", [_row(3), _row(4)])
    with (folder / "cut.csv").open("a", encoding="utf-8") as handle:
        handle.write('00000000-0000-4000-8000-000000000005,2026-11-02T18:00:00+01:00,EMP-1,"open quote')
    report = _ingest(con, landing)
    assert report.rows_loaded == 6 and report.unreadable_rows == 2
    issues = con.execute(
        "SELECT source_file, source_line, record_issue FROM raw.interviews WHERE record_issue IS NOT NULL "
        "ORDER BY source_file"
    ).fetchall()
    assert issues[0][0].endswith("cut.csv") and issues[0][1] == 4 and "unreadable record" in issues[0][2]
    assert issues[1][0].endswith("day.jsonl") and issues[1][1] == 2 and "not JSON" in issues[1][2]
    errors = con.execute("SELECT count(*) FROM raw.ingest_errors WHERE level = 'record'").fetchone()[0]
    assert errors == 2


def test_files_still_being_written_and_markers_are_skipped(landing: Path) -> None:
    folder = landing / DAY.isoformat()
    folder.mkdir(parents=True)
    for name in ("a.csv", "b.csv.part", ".hidden.csv", "~$lock.xlsx", "upload.tmp", ".done"):
        (folder / name).write_text("x")
    assert [p.name for p in export_files(folder)] == ["a.csv"]


def _workbook(path: Path, sheets: dict[str, list[dict]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, rows in sheets.items():
            pd.DataFrame(rows).to_excel(writer, sheet_name=name, index=False)


def test_a_workbook_notes_sheet_is_ignored_and_reported(con, landing: Path) -> None:
    notes = [{"note": "exported by the Sfax team"}]
    _workbook(landing / DAY.isoformat() / "day.xlsx", {"Interviews": [_row(1), _row(2)], "Notes": notes})
    report = _ingest(con, landing)
    assert report.rows_loaded == 2 and not report.rejected
    assert list(report.files[0].ignored_sheets) == ["xlsx:Notes"]
    ((level, error, detail),) = con.execute("SELECT level, error, detail FROM raw.ingest_errors").fetchall()
    assert (level, error) == ("sheet", "sheet ignored")
    assert detail.startswith("xlsx:Notes: missing required column: no column maps to submission_id")


def test_a_workbook_without_an_interview_sheet_is_rejected(con, landing: Path) -> None:
    no_consent = [{k: v for k, v in _row(1).items() if k != "consent"}]
    _workbook(landing / DAY.isoformat() / "day.xlsx", {"Interviews": no_consent, "Notes": [{"note": "x"}]})
    with pytest.raises(DayIngestFailed, match="missing required column: no column maps to consent"):
        _ingest(con, landing)
    assert con.execute("SELECT level, column_name FROM raw.ingest_errors").fetchall() == [("file", "consent")]
