"""Runtime settings, read from the environment in this one place.

Every path defaults to a folder inside the project so that a fresh clone runs with no configuration.
"""

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _path(name: str, default: str) -> Path:
    value = os.environ.get(name) or default
    path = Path(value)
    return path if path.is_absolute() else PROJECT_ROOT / path


@dataclass(frozen=True)
class Settings:
    landing_dir: Path
    duckdb_path: Path
    output_dir: Path
    partitions_start: date
    # Seconds a file must have been left untouched before the sensor treats it as complete.
    settle_seconds: int
    brief_language: str  # fr | en
    brief_count: int  # briefs per run: one per top opportunity

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            landing_dir=_path("FIELDVOICE_LANDING_DIR", "data/landing"),
            duckdb_path=_path("FIELDVOICE_DUCKDB_PATH", "data/warehouse/fieldvoice.duckdb"),
            output_dir=_path("FIELDVOICE_OUTPUT_DIR", "data/outputs"),
            partitions_start=date.fromisoformat(os.environ.get("FIELDVOICE_PARTITIONS_START", "2026-01-01")),
            settle_seconds=int(os.environ.get("FIELDVOICE_SETTLE_SECONDS", "10")),
            brief_language=os.environ.get("FIELDVOICE_BRIEF_LANGUAGE", "en"),
            brief_count=int(os.environ.get("FIELDVOICE_BRIEF_COUNT", "8")),
        )
