"""Raw partitions built from the contract kit's canonical records (what ingest yields), and their lookups."""

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest

from fieldvoice.contract import CANONICAL_COLUMNS
from fieldvoice.quality import ReferenceData

NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)
DAY = date(2026, 11, 2)
KIT = Path(__file__).resolve().parents[3] / "shared" / "contract-kit" / "expected.jsonl"
# Helpers are reached through fixtures (now, make_raw, copies, ...): test modules import nothing from here.


def kit_records() -> list[dict]:
    return [json.loads(line) for line in KIT.read_text(encoding="utf-8").splitlines() if line.strip()]


def raw_row(record: dict, line: int, source_file: str | None = None) -> dict:
    """A canonical record as ingest writes it to raw.interviews: every value as text, lineage added."""
    row: dict = {}
    for col in CANONICAL_COLUMNS:
        value = record.get(col)
        if isinstance(value, list):
            value = " ".join(value) or None
        row[col] = None if value is None else str(value)
    row |= {
        "record_issue": None,
        "extra_columns": "{}",
        "partition_date": DAY,
        "source_file": source_file or record.get("file", "export.csv"),
        "source_line": line,
        "file_sha256": "f" * 64,
        "dialect": "canonical_csv",
        "ingested_at": datetime(2026, 11, 2, 23, tzinfo=UTC),
    }
    return row


def raw_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    return frame.astype({col: "string" for col in (*CANONICAL_COLUMNS, "record_issue", "extra_columns")})


@pytest.fixture(scope="session")
def now() -> datetime:
    return NOW


@pytest.fixture(scope="session")
def make_raw() -> Callable[[list[dict]], pd.DataFrame]:
    return raw_frame


@pytest.fixture(scope="session")
def kit_raw() -> pd.DataFrame:
    return raw_frame([raw_row(r, i + 2) for i, r in enumerate(kit_records())])


@pytest.fixture(scope="session")
def good_record() -> dict:
    """The Liberian record: consent yes, every optional field filled, English text."""
    return next(r for r in kit_records() if r["country_code"] == "LR")


@pytest.fixture(scope="session")
def reference() -> ReferenceData:
    records = kit_records()
    return ReferenceData.from_frames(
        collaborators=pd.DataFrame({"collaborator_id": [r["collaborator_id"] for r in records]}),
        targets=pd.DataFrame({"customer_ref": [r["customer_ref"] for r in records if r["customer_ref"]]}),
        localities=pd.DataFrame(
            {"country_code": [r["country_code"] for r in records], "locality": [r["locality"] for r in records]}
        ),
    )


@pytest.fixture(scope="session")
def copies(good_record: dict) -> Callable[[int], list[dict]]:
    """n valid raw rows (distinct submission ids and lines) to mutate."""

    def make(n: int) -> list[dict]:
        rows = []
        for i in range(n):
            row = raw_row(good_record, i + 2, "day.csv")
            row["submission_id"] = f"00000000-0000-4000-8000-{i:012d}"
            rows.append(row)
        return rows

    return make
