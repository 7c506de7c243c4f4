"""Generated landing zones shared by the generator tests (generated once per session: generation is the slow part)."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from fieldvoice.generator import GenerationReport, generate
from tests.generator.readback import read_landing

START = date(2026, 3, 1)


@dataclass
class Run:
    landing: Path
    report: GenerationReport
    rows: pd.DataFrame  # every export row read back, canonical columns as text, plus _file/_dialect/_folder


def _run(tmp_path_factory: pytest.TempPathFactory, name: str, **kwargs: Any) -> Run:
    landing = tmp_path_factory.mktemp(name)
    report = generate(landing, **kwargs)
    return Run(landing, report, read_landing(landing))


@pytest.fixture(scope="session")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """Six days without defects; the emerging issue runs over the last four."""
    return _run(tmp_path_factory, "clean", start=START, days=6, interviews_per_day=750, seed=11, defect_rate=0.0)


@pytest.fixture(scope="session")
def defect_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """Three days with a high defect rate, so that every kind shows up many times."""
    return _run(tmp_path_factory, "defects", start=START, days=3, interviews_per_day=450, seed=5, defect_rate=0.3)
