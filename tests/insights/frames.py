"""Build the verbatims and interviews frames the insights stage reads, from a generated landing zone.

A light stand-in for the dbt marts (fct_verbatims, fct_interviews), which these tests cannot run: read each
day with the ingest reader, drop unreadable records, keep the latest version of each submission, type the
few columns the insights need and unpivot verbatim/suggestion of consenting interviews. No PII redaction
(the insights never look at names or numbers).
"""

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pandas as pd

from fieldvoice.contract import COUNTRIES
from fieldvoice.ingest.day import read_day

_KEEP = ["submission_id", "country_code", "locality", "customer_segment", "journey_stage", "nps", "language"]


def frames_from_landing(landing: Path, days: Iterable[date]) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = pd.concat([read_day(landing, day)[0] for day in days], ignore_index=True)
    raw = raw[raw["record_issue"].isna() & raw["country_code"].isin(list(COUNTRIES))]
    raw = raw.sort_values(["submitted_at", "source_file", "source_line"]).drop_duplicates("submission_id", keep="last")
    raw = raw.assign(nps=pd.to_numeric(raw["nps"], errors="coerce"))
    raw.loc[~raw["nps"].between(0, 10), "nps"] = None
    dates = pd.to_datetime(raw["interview_start"].str[:10], errors="coerce")
    raw = raw.assign(
        interview_date=dates.dt.date,
        interview_week=(dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.date,
    )
    raw = raw[raw["interview_date"].notna()]
    interviews = raw[[*_KEEP, "interview_date", "interview_week", "pain_points", "partition_date"]].reset_index(
        drop=True
    )
    consenting = raw[raw["consent"] == "yes"]
    parts = []
    for field in ("verbatim", "suggestion"):
        part = consenting[[*_KEEP, "interview_date", "interview_week", "partition_date", field]].rename(
            columns={field: "text"}
        )
        part = part.assign(text_field=field, verbatim_id=part["submission_id"] + ":" + field)
        parts.append(part)
    verbatims = pd.concat(parts, ignore_index=True)
    verbatims["text"] = verbatims["text"].str.strip()
    verbatims = verbatims[verbatims["text"].notna() & (verbatims["text"] != "")]
    verbatims["nps_category"] = pd.cut(
        verbatims["nps"], [-1, 6, 8, 10], labels=["detractor", "passive", "promoter"]
    ).astype("string")
    return verbatims.reset_index(drop=True), interviews
