"""`BriefFigures`: the mart figures the briefs site charts, filled by the caller from the marts."""

from dataclasses import dataclass, field
from datetime import date

import pandas as pd


@dataclass(frozen=True)
class NpsRow:
    key: str  # a country code or a journey stage code
    n: int
    nps: float
    ci_low: float | None = None
    ci_high: float | None = None


@dataclass(frozen=True)
class TrendRow:
    theme_id: str
    week_start: str  # ISO date of the week's Monday
    mentions: int
    theme_name: str | None = None


@dataclass(frozen=True)
class BriefFigures:
    as_of: date  # the last day of data behind every count in the briefs
    taxonomy_version: str
    nps_by_country: tuple[NpsRow, ...] = ()
    nps_by_stage: tuple[NpsRow, ...] = ()
    theme_trends: tuple[TrendRow, ...] = ()
    interviews: int | None = None  # interviews behind the figures, printed in the limitations
    excluded_by_qa: int | None = None  # interviews field-work QA left out (rushed/fabricated), printed there too
    extra_datasets: tuple[str, ...] = field(default=())  # other anonymised tables offered to teams, by name

    @classmethod
    def from_frames(
        cls,
        *,
        as_of: date,
        taxonomy_version: str,
        nps_by_country: pd.DataFrame | None = None,
        nps_by_stage: pd.DataFrame | None = None,
        theme_trends: pd.DataFrame | None = None,
        interviews: int | None = None,
        excluded_by_qa: int | None = None,
    ) -> "BriefFigures":
        """From mart frames: (country_code | journey_stage, n, nps, ci_low, ci_high) and
        (theme_id, week_start, mentions[, theme_name])."""
        return cls(
            as_of=as_of,
            taxonomy_version=taxonomy_version,
            nps_by_country=_nps_rows(nps_by_country, "country_code"),
            nps_by_stage=_nps_rows(nps_by_stage, "journey_stage"),
            theme_trends=_trend_rows(theme_trends),
            interviews=interviews,
            excluded_by_qa=excluded_by_qa,
        )


def _optional(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def _nps_rows(frame: pd.DataFrame | None, key: str) -> tuple[NpsRow, ...]:
    if frame is None or frame.empty:
        return ()
    return tuple(
        NpsRow(str(r[key]), int(r["n"]), float(r["nps"]), _optional(r.get("ci_low")), _optional(r.get("ci_high")))
        for r in frame.to_dict("records")
    )


def _trend_rows(frame: pd.DataFrame | None) -> tuple[TrendRow, ...]:
    if frame is None or frame.empty:
        return ()
    rows = []
    for r in frame.to_dict("records"):
        week = r["week_start"]
        week = week.date().isoformat() if hasattr(week, "date") else str(week)[:10]
        name = r.get("theme_name")
        rows.append(TrendRow(str(r["theme_id"]), week, int(r["mentions"]), None if pd.isna(name) else str(name)))
    return tuple(rows)
