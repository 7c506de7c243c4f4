"""Ingest one landing-zone day folder into `raw.interviews`, replacing that partition atomically.

Every file is read on its own: a bad file is recorded (file, line, reason) in `raw.ingest_errors` and
`raw.ingest_files` and never stops the others. Only a day where every file fails raises.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from fieldvoice.ingest.frames import RAW_INTERVIEW_SCHEMA, canonical_frame, normalise
from fieldvoice.ingest.readers import FileRejected, read_export
from fieldvoice.landing import day_folder, export_files
from fieldvoice.warehouse import Warehouse, as_warehouse

INGEST_FILES_SCHEMA = {
    "partition_date": "DATE",
    "source_file": "VARCHAR",
    "file_sha256": "VARCHAR",
    "size_bytes": "BIGINT",
    "dialect": "VARCHAR",
    "status": "VARCHAR",  # loaded | rejected
    "rows_loaded": "INTEGER",
    "unreadable_rows": "INTEGER",
    "error": "VARCHAR",
    "ingested_at": "TIMESTAMPTZ",
}
INGEST_ERRORS_SCHEMA = {
    "partition_date": "DATE",
    "source_file": "VARCHAR",
    # file (the file was rejected) | sheet (a workbook sheet without interviews, ignored) | record (one record
    # kept, flagged for quarantine)
    "level": "VARCHAR",
    "line": "INTEGER",
    "column_name": "VARCHAR",
    "error": "VARCHAR",
    "detail": "VARCHAR",
    "ingested_at": "TIMESTAMPTZ",
}


class DayIngestFailed(Exception):
    """Every file of the day folder failed (or there was none): the run must fail loudly."""


@dataclass
class FileResult:
    source_file: str
    sha256: str
    size_bytes: int
    dialect: str = ""
    rows: int = 0
    unreadable_rows: int = 0
    error: FileRejected | None = None
    ignored_sheets: dict[str, FileRejected] = field(default_factory=dict)  # workbook sheet -> why it was skipped


@dataclass
class DayIngestReport:
    partition_date: date
    files: list[FileResult] = field(default_factory=list)

    @property
    def rows_loaded(self) -> int:
        return sum(f.rows for f in self.files)

    @property
    def rejected(self) -> list[FileResult]:
        return [f for f in self.files if f.error]

    @property
    def unreadable_rows(self) -> int:
        return sum(f.unreadable_rows for f in self.files)


def read_day(landing_dir: Path, day: date) -> tuple[pd.DataFrame, DayIngestReport]:
    """Read every export file of a day into one raw frame (lineage filled except `ingested_at`)."""
    report = DayIngestReport(day)
    frames = []
    for path in export_files(day_folder(landing_dir, day)):
        data = path.read_bytes()
        relative = path.relative_to(landing_dir).as_posix()
        result = FileResult(relative, hashlib.sha256(data).hexdigest(), len(data))
        file_frames = []
        try:
            sheets = read_export(path, data)
            for parsed in sheets:
                try:
                    table = canonical_frame(parsed)
                except FileRejected as error:
                    # A workbook may hold other sheets (notes, choice lists): skip and report those; the file
                    # fails only when no sheet holds the interview columns.
                    if len(sheets) == 1 or error.reason != "missing required column":
                        raise
                    result.ignored_sheets[parsed.dialect] = error
                    if len(result.ignored_sheets) == len(sheets):
                        raise next(iter(result.ignored_sheets.values())) from None
                    continue
                n = table.num_rows
                table = table.append_column("dialect", pa.array([parsed.dialect] * n, type=pa.string()))
                table = table.append_column("source_file", pa.array([relative] * n, type=pa.string()))
                file_frames.append(table.append_column("file_sha256", pa.array([result.sha256] * n, type=pa.string())))
                result.dialect = ", ".join(filter(None, [result.dialect, parsed.dialect]))
                result.rows += n
                result.unreadable_rows += len(parsed.issues)
        except FileRejected as error:
            result.error, result.rows, result.unreadable_rows = error, 0, 0
        else:
            frames.extend(file_frames)
        report.files.append(result)
    raw = normalise(pa.concat_tables(frames)) if frames else pd.DataFrame(columns=list(RAW_INTERVIEW_SCHEMA))
    raw["partition_date"] = day
    return raw, report


def ingest_day(
    target: Warehouse | duckdb.DuckDBPyConnection, landing_dir: Path, day: date, now: datetime
) -> DayIngestReport:
    """Load a day folder into raw.interviews (replacing the partition) and record files and errors."""
    warehouse = as_warehouse(target)
    raw, report = read_day(landing_dir, day)
    first_seen = _first_ingested(warehouse, report, now)
    raw["ingested_at"] = raw["file_sha256"].map(first_seen) if len(raw) else []
    files = pd.DataFrame(
        [
            {
                "partition_date": day,
                "source_file": f.source_file,
                "file_sha256": f.sha256,
                "size_bytes": f.size_bytes,
                "dialect": f.dialect or None,
                "status": "rejected" if f.error else "loaded",
                "rows_loaded": f.rows,
                "unreadable_rows": f.unreadable_rows,
                "error": str(f.error) if f.error else None,
                "ingested_at": first_seen[f.sha256],
            }
            for f in report.files
        ],
        columns=list(INGEST_FILES_SCHEMA),
    )
    errors = _error_rows(raw, report, first_seen)
    warehouse.replace_partitions(
        {
            "raw.interviews": (raw, RAW_INTERVIEW_SCHEMA),
            "raw.ingest_files": (files, INGEST_FILES_SCHEMA),
            "raw.ingest_errors": (errors, INGEST_ERRORS_SCHEMA),
        },
        day,
    )
    if not report.files:
        raise DayIngestFailed(f"no export files in {day_folder(landing_dir, day)}")
    if len(report.rejected) == len(report.files):
        reasons = "; ".join(f"{f.source_file}: {f.error}" for f in report.files)
        raise DayIngestFailed(f"every file of {day} was rejected — {reasons}")
    return report


def _first_ingested(warehouse: Warehouse, report: DayIngestReport, now: datetime) -> dict[str, datetime]:
    """Keep the first ingestion time of an unchanged file, so that a rerun rewrites identical rows."""
    known: dict[str, datetime] = {}
    if warehouse.table_exists("raw.ingest_files"):
        rows = warehouse.rows(
            "SELECT file_sha256, min(ingested_at) FROM raw.ingest_files WHERE partition_date = ? GROUP BY file_sha256",
            [report.partition_date],
        )
        known = {sha: ts for sha, ts in rows}
    return {f.sha256: known.get(f.sha256, now) for f in report.files}


def _error_rows(raw: pd.DataFrame, report: DayIngestReport, first_seen: dict[str, datetime]) -> pd.DataFrame:
    rows = [
        {
            "source_file": f.source_file,
            "level": "file",
            "line": f.error.line,
            "column_name": f.error.column,
            "error": f.error.reason,
            "detail": f.error.detail,
            "ingested_at": first_seen[f.sha256],
        }
        for f in report.rejected
        if f.error
    ]
    rows += [
        {
            "source_file": f.source_file,
            "level": "sheet",
            "line": None,
            "column_name": None,
            "error": "sheet ignored",
            "detail": f"{sheet}: {error}",
            "ingested_at": first_seen[f.sha256],
        }
        for f in report.files
        if not f.error
        for sheet, error in f.ignored_sheets.items()
    ]
    flagged = raw[raw["record_issue"].notna()] if len(raw) else raw
    for record in flagged.itertuples(index=False):
        kind, _, detail = str(record.record_issue).partition(": ")
        rows.append(
            {
                "source_file": record.source_file,
                "level": "record",
                "line": record.source_line,
                "column_name": None,
                "error": kind,
                "detail": detail,
                "ingested_at": record.ingested_at,
            }
        )
    frame = pd.DataFrame(rows, columns=[c for c in INGEST_ERRORS_SCHEMA if c != "partition_date"])
    frame.insert(0, "partition_date", report.partition_date)
    return frame
