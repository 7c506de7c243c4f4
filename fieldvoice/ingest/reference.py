"""Ingest the landing zone's reference files (roster, targets, localities) into `raw.<name>` tables."""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from fieldvoice.contract import REFERENCE_FILES
from fieldvoice.ingest.readers import FileRejected, read_export
from fieldvoice.warehouse import Warehouse, as_warehouse

REFERENCE_LINEAGE = {
    "source_file": "VARCHAR",
    "source_line": "INTEGER",
    "file_sha256": "VARCHAR",
    "ingested_at": "TIMESTAMPTZ",
}


def reference_schema(name: str) -> dict[str, str]:
    return {c: "VARCHAR" for c in REFERENCE_FILES[name]} | REFERENCE_LINEAGE


@dataclass
class ReferenceReport:
    name: str
    source_file: str
    rows: int
    sha256: str


def reference_path(landing_dir: Path, name: str) -> Path:
    return landing_dir / "reference" / f"{name}.csv"


def read_reference(landing_dir: Path, name: str) -> tuple[pd.DataFrame, str]:
    """The reference table as text columns with lineage; raises FileRejected naming the problem."""
    path = reference_path(landing_dir, name)
    if not path.is_file():
        raise FileRejected("missing reference file", detail=str(path))
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    (parsed, *_) = read_export(path, data)
    headers = [h.strip() for h in parsed.headers]
    required = REFERENCE_FILES[name]
    absent = [c for c in required if c not in headers]
    if absent:
        raise FileRejected("missing required column", detail=f"{path.name}: {', '.join(absent)}", column=absent[0])
    frame = pd.DataFrame(parsed.rows, columns=headers, dtype=object)[list(required)]
    frame = frame.apply(lambda s: s.astype("string").str.strip().replace("", pd.NA)).astype(object)
    frame = frame.where(frame.notna(), None)
    frame["source_file"] = path.relative_to(landing_dir).as_posix()
    frame["source_line"] = parsed.lines
    frame["file_sha256"] = sha
    return frame, sha


def ingest_reference(
    target: Warehouse | duckdb.DuckDBPyConnection, landing_dir: Path, name: str, now: datetime
) -> ReferenceReport:
    warehouse = as_warehouse(target)
    frame, sha = read_reference(landing_dir, name)
    previous = None
    table = f"raw.{name}"
    if warehouse.table_exists(table):  # an unchanged file keeps its first ingestion time: reruns rewrite identical rows
        previous = warehouse.scalar(f"SELECT min(ingested_at) FROM {table} WHERE file_sha256 = ?", [sha])
    frame["ingested_at"] = previous or now
    warehouse.replace_table(table, frame, reference_schema(name))
    return ReferenceReport(name, frame["source_file"].iat[0] if len(frame) else "", len(frame), sha)
