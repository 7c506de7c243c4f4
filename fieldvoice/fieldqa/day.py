"""One landing day's field-work QA, as the pipeline runs it: flags, the policy decision per interview, the
supervisors' review decisions applied over it, and the scorecards. Plain pandas in, plain frames out."""

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from fieldvoice.fieldqa.config import QaConfig
from fieldvoice.fieldqa.flags import flag_interviews
from fieldvoice.fieldqa.frames import isin, on_distinct
from fieldvoice.fieldqa.policy import build_quality
from fieldvoice.fieldqa.review import AUDIT_COLUMNS, apply_reviews
from fieldvoice.fieldqa.scorecard import collaborator_scorecard, team_summary

REVIEW_AUDIT_SCHEMA: dict[str, str] = {
    "submission_id": "VARCHAR",
    "partition_date": "DATE",
    "decision": "VARCHAR",
    "reviewer": "VARCHAR",
    "decided_at": "TIMESTAMPTZ",
    "source_file": "VARCHAR",
    "source_line": "BIGINT",
    "old_status": "VARCHAR",
    "new_status": "VARCHAR",
    "old_weight": "DOUBLE",
    "new_weight": "DOUBLE",
    "note": "VARCHAR",
}


@dataclass
class DayQa:
    flags: pd.DataFrame  # one row per (interview, flag)
    quality: pd.DataFrame  # one row per interview: weight, status, flags, decided_by
    audit: pd.DataFrame  # one row per review decision applied to this day's interviews
    timings: dict[str, float] = field(default_factory=dict)


def assess_day(
    interviews: pd.DataFrame,
    localities: pd.DataFrame,
    config: QaConfig,
    *,
    partition_date: date,
    history: pd.DataFrame | None = None,
    decisions: pd.DataFrame | None = None,
) -> DayQa:
    """Flags and policy for one day's validated interviews; review decisions (all files, any day) override the
    policy for the interviews of this day they name. Rerunning with the same inputs gives the same frames."""
    timings: dict[str, float] = {}
    flags = flag_interviews(interviews, localities, config, history=history, timings=timings)
    quality = build_quality(interviews, flags, config)
    ours = decisions[isin(decisions["submission_id"], quality["submission_id"])] if decisions is not None else None
    if ours is not None and not ours.empty:
        quality, audit = apply_reviews(quality, ours)
    else:
        audit = pd.DataFrame(columns=list(AUDIT_COLUMNS))
    audit = audit.assign(partition_date=partition_date)[list(REVIEW_AUDIT_SCHEMA)]
    return DayQa(flags=flags, quality=quality, audit=audit, timings=timings)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def scorecards(
    interviews: pd.DataFrame, flags: pd.DataFrame, config: QaConfig, as_of: date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Collaborator scorecards for the day and for its ISO week so far (`interviews`/`flags` cover the week up to
    `as_of`), with the country-team summary of both. Rank 1 = the supervisor looks there first."""
    today = on_distinct(interviews["partition_date"], lambda d: d.astype("string") == as_of.isoformat())
    day_flags = flags[on_distinct(flags["partition_date"], lambda d: d.astype("string") == as_of.isoformat())]
    cards = pd.concat(
        [
            collaborator_scorecard(interviews[today], day_flags, config, period="day"),
            collaborator_scorecard(interviews, flags, config, period="week"),
        ],
        ignore_index=True,
    )
    teams = team_summary(cards, config)
    return cards.assign(partition_date=as_of), teams.assign(partition_date=as_of)
