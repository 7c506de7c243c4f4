"""fieldqa fixtures: minimal hand-made interviews for the unit tests, one generated run with planted bad actors."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from fieldvoice.contract import CANONICAL_COLUMNS
from fieldvoice.fieldqa import QaConfig, load_config
from fieldvoice.generator import GenerationReport, generate
from tests.fieldqa.validated_like import localities, validated_days

DAY = date(2026, 3, 2)
LOCALITIES = pd.DataFrame(
    {
        "locality": ["Dakar", "Thiès", "Tunis"],
        "country_code": ["SN", "SN", "TN"],
        "locality_type": ["urban", "urban", "urban"],
        "latitude": [14.6928, 14.7910, 36.8065],
        "longitude": [-17.4467, -16.9359, 10.1815],
    }
)
RATINGS = tuple(c for c in CANONICAL_COLUMNS if c.startswith("rating_"))


def make_interviews(n: int, **columns: Any) -> pd.DataFrame:
    """n honest interviews in Dakar (distinct people, devices and customers, 15 minutes at 10:00 local, varied
    ratings, no text); any column can be overridden with a scalar or a list of n values."""
    start = pd.Timestamp(f"{DAY}T10:00:00Z")
    data: dict[str, Any] = {
        "submission_id": [f"00000000-0000-4000-8000-{i:012d}" for i in range(n)],
        "collaborator_id": [f"EMP-{100000 + i}" for i in range(n)],
        "country_code": "SN",
        "locality": "Dakar",
        "partition_date": DAY,
        "interview_start": start,
        "interview_end": start + pd.Timedelta(minutes=15),
        "submitted_at": start + pd.Timedelta(minutes=30),
        "latitude": 14.70,
        "longitude": -17.45,
        "customer_ref": [f"CUS-SN-{i:06d}" for i in range(n)],
        "device_id": [f"tab-SN-{i:04d}" for i in range(n)],
        "verbatim": None,
        "nps": 8,
        "csat": 4,
        "consent": True,
    } | {column: [3, 4, 2, 5, 4, 3][k] for k, column in enumerate(RATINGS)}
    data |= columns
    frame = pd.DataFrame({k: (v if isinstance(v, list) else [v] * n) for k, v in data.items()})
    for column in ("interview_start", "interview_end", "submitted_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True).astype("datetime64[us, UTC]")
    for column in ("nps", "csat", *RATINGS):
        frame[column] = frame[column].astype("Int64")
    for column in ("latitude", "longitude"):
        frame[column] = frame[column].astype("float64")
    for column in ("verbatim", "customer_ref", "collaborator_id", "device_id", "locality", "submission_id"):
        frame[column] = frame[column].astype("string")
    return frame


@pytest.fixture(scope="session")
def config() -> QaConfig:
    return load_config()


@pytest.fixture
def interviews() -> Callable[..., pd.DataFrame]:
    return make_interviews


@dataclass
class PlantedRun:
    landing: Path
    report: GenerationReport
    days: dict[date, pd.DataFrame]  # validated-like interviews per day
    localities: pd.DataFrame


@pytest.fixture(scope="session")
def planted_run(tmp_path_factory: pytest.TempPathFactory) -> PlantedRun:
    """Three days of 3,000 interviews (≈2,000 collaborators) with 1 % rushed and 1 % fabricating collaborators."""
    landing = tmp_path_factory.mktemp("fieldqa-landing")
    start = date(2026, 3, 1)
    report = generate(landing, start, 3, 3000, seed=3, defect_rate=0.0, rushed_share=0.01, fabricator_share=0.01)
    days = validated_days(landing, [start + timedelta(days=k) for k in range(3)])
    return PlantedRun(landing, report, days, localities(landing))
