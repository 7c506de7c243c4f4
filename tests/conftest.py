"""Shared fixtures: the product side's contract kit and throw-away landing zones and warehouses."""

import os
import shutil
from pathlib import Path

import duckdb
import pytest

os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONTRACT_KIT = PROJECT_ROOT.parent / "shared" / "contract-kit"
KIT_DAY = "2026-11-02"


@pytest.fixture(scope="session")
def contract_kit() -> Path:
    assert CONTRACT_KIT.is_dir(), f"the product side's contract kit is expected at {CONTRACT_KIT}"
    return CONTRACT_KIT


@pytest.fixture
def kit_landing(tmp_path: Path, contract_kit: Path) -> Path:
    """A landing zone whose one day folder holds every contract-kit export, good and bad."""
    day = tmp_path / "landing" / KIT_DAY
    day.mkdir(parents=True)
    for path in contract_kit.iterdir():
        if path.suffix in (".csv", ".jsonl") and not path.name.startswith("expected"):
            shutil.copy(path, day / path.name)
    return tmp_path / "landing"


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    yield connection
    connection.close()
