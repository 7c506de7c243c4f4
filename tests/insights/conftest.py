"""Shared data for the insights tests: five generated days with the scam wave in CI and CM, plus planted
e-SIM complaints (a topic absent from the taxonomy) on the last three days; analysed once per session."""

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
import yaml

from fieldvoice.generator import generate
from fieldvoice.insights import InsightResult, analyse
from tests.insights.frames import frames_from_landing

FIXTURES = Path(__file__).parent / "fixtures"
START = date(2026, 11, 2)
DAYS = 5
AS_OF = START + timedelta(days=DAYS - 1)
EMERGING_COUNTRIES = ("CI", "CM")
ESIM_PREFIX = "esim-"


@dataclass
class Analysed:
    verbatims: pd.DataFrame
    interviews: pd.DataFrame
    result: InsightResult
    emerging_countries: tuple[str, ...]


def load_fixture(name: str) -> list[dict]:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


def plant_esim(verbatims: pd.DataFrame, interviews: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add the hand-written e-SIM complaints as detractor interviews of the last three days."""
    countries = ("SN", "CI", "MA", "CM", "EG", "LR")
    texts, people = [], []
    for i, item in enumerate(load_fixture("esim_complaints.yaml")):
        day = AS_OF - timedelta(days=i % 3)
        week = day - timedelta(days=day.weekday())
        common = {
            "submission_id": f"{ESIM_PREFIX}{i:03d}",
            "country_code": countries[i % len(countries)],
            "customer_segment": "postpaid",
            "journey_stage": "buy_activate",
            "nps": i % 6,
            "interview_date": day,
            "interview_week": week,
        }
        people.append(common | {"pain_points": "other", "locality": "Dakar", "language": item["lang"]})
        texts.append(
            common
            | {
                "verbatim_id": f"{ESIM_PREFIX}{i:03d}:verbatim",
                "text_field": "verbatim",
                "text": item["text"],
                "language": item["lang"],
                "locality": "Dakar",
                "nps_category": "detractor",
                "partition_date": day,
            }
        )
    return (
        pd.concat([verbatims, pd.DataFrame(texts)], ignore_index=True),
        pd.concat([interviews, pd.DataFrame(people)], ignore_index=True),
    )


@pytest.fixture(scope="session")
def landing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("insights") / "landing"
    generate(folder, START, DAYS, interviews_per_day=1500, emerging_countries=EMERGING_COUNTRIES)
    return folder


@pytest.fixture(scope="session")
def analysed(landing: Path) -> Analysed:
    verbatims, interviews = frames_from_landing(landing, [START + timedelta(days=i) for i in range(DAYS)])
    verbatims, interviews = plant_esim(verbatims, interviews)
    return Analysed(verbatims, interviews, analyse(verbatims, interviews, AS_OF), EMERGING_COUNTRIES)
