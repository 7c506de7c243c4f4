"""`flag_interviews`: every configured check over one batch of validated interviews, as one long table.

One row per (interview, flag): the interview's ids, the flag, a reason a supervisor can read, the observed value
and the threshold it was compared with. Interviews without any flag do not appear (see `policy.build_quality`
for the table with one row per interview).
"""

import datetime as dt
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from fieldvoice.contract import RATING_COLUMNS
from fieldvoice.fieldqa import rules_group as g
from fieldvoice.fieldqa import rules_row as r
from fieldvoice.fieldqa.config import FLAGS, FlagRule, QaConfig
from fieldvoice.fieldqa.frames import isin, on_distinct
from fieldvoice.fieldqa.neardup import near_duplicates

FLAGS_SCHEMA: dict[str, str] = {
    "submission_id": "VARCHAR",
    "collaborator_id": "VARCHAR",
    "country_code": "VARCHAR",
    "partition_date": "DATE",
    "flag": "VARCHAR",
    "reason": "VARCHAR",
    "observed": "DOUBLE",
    "threshold": "DOUBLE",
}
_NEEDED = (
    "submission_id",
    "collaborator_id",
    "country_code",
    "partition_date",
    "locality",
    "interview_start",
    "interview_end",
    "latitude",
    "longitude",
    "customer_ref",
    "device_id",
    "verbatim",
    "nps",
    "csat",
)
# What the checks read of validated.interviews: field_quality selects these only (SELECT * also converts ~20
# unused text columns, twice the query time).
QA_COLUMNS = (*_NEEDED, *RATING_COLUMNS)
# What the cross-day checks (near-duplicate texts, targets interviewed again) read of earlier days: up to 14
# days of history, so the other columns would be most of field QA's memory at scale.
HISTORY_COLUMNS = (
    "submission_id", "partition_date", "country_code", "collaborator_id", "device_id", "customer_ref",
    "interview_start", "verbatim",
)  # fmt: skip
Check = Callable[[pd.DataFrame, FlagRule], r.Hits]


def _dates(series: pd.Series) -> pd.Series:
    return on_distinct(series, lambda d: pd.to_datetime(d.astype("string"), errors="coerce").dt.date.astype("object"))


def _prepared(frame: pd.DataFrame, needed: tuple[str, ...] = _NEEDED) -> pd.DataFrame:
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise ValueError(f"interviews lack column(s) {', '.join(missing)} (expected validated.interviews rows)")
    out = frame.reset_index(drop=True)
    return out.assign(partition_date=_dates(out["partition_date"]))


def bounded_history(history: pd.DataFrame | None, current: pd.DataFrame, days: int) -> pd.DataFrame:
    """Earlier days only, at most `days` before the batch's first day, without rows re-sent in this batch.
    `history` needs HISTORY_COLUMNS only."""
    if history is None or history.empty or days <= 0:
        return current.iloc[:0]
    past = _prepared(history, HISTORY_COLUMNS)
    first = min((d for d in pd.unique(current["partition_date"]) if isinstance(d, dt.date)), default=None)
    if first is None:
        return current.iloc[:0]
    days_back = on_distinct(
        past["partition_date"],
        lambda days: pd.Series([(first - d).days if isinstance(d, dt.date) else -1 for d in days], dtype="int64"),
    )
    keep = days_back.between(1, days).to_numpy() & ~isin(past["submission_id"], current["submission_id"])
    # The usual case keeps every row (the caller read just those days): no filtered copy beside the caller's frame.
    return past if keep.all() else past[keep]


def flag_interviews(
    interviews: pd.DataFrame,
    localities: pd.DataFrame,
    config: QaConfig,
    history: pd.DataFrame | None = None,
    timings: dict[str, float] | None = None,
) -> pd.DataFrame:
    """Run every enabled check; returns the long flags table (FLAGS_SCHEMA), current interviews only.

    `history` = earlier days' validated interviews; only the last `config.history_days` before the batch are
    used (near-duplicate verbatims and twice-interviewed targets across days). `timings`, when given, receives
    seconds per check.
    """
    current = _prepared(interviews)
    past = bounded_history(history, current, config.history_days)
    both = pd.concat([current, past[current.columns.intersection(past.columns)]], ignore_index=True)
    del past  # `both` holds its rows now
    n = len(current)
    checks: dict[str, Callable[[FlagRule], r.Hits]] = {
        "duration_short": lambda rule: r.duration_short(current, rule),
        "duration_long": lambda rule: r.duration_long(current, rule),
        "gps_far": lambda rule: r.gps_far(current, rule, localities),
        "straight_lining": lambda rule: r.straight_lining(current, rule),
        "score_contradiction": lambda rule: r.score_contradiction(current, rule),
        "near_duplicate_text": lambda rule: near_duplicates(both, rule, n),
        "overlap": lambda rule: g.overlap(current, rule),
        "burst_collaborator": lambda rule: g.burst(current, rule, "collaborator_id"),
        "burst_device": lambda rule: g.burst(current, rule, "device_id"),
        "shared_device": lambda rule: g.shared_device(current, rule),
        "target_twice": lambda rule: g.target_twice(both, rule, n),
        "odd_hours": lambda rule: r.odd_hours(current, rule),
    }
    assert set(checks) == set(FLAGS)
    found: list[tuple[str, float, r.Hits]] = []
    for flag in FLAGS:
        rule = config.rule(flag)
        if rule is None or n == 0:
            continue
        began = time.perf_counter()
        hits = checks[flag](rule)
        if timings is not None:
            timings[flag] = time.perf_counter() - began
        if len(hits.rows):
            found.append((flag, rule.threshold, hits))
    return _typed(_long(current, found) if found else pd.DataFrame(columns=list(FLAGS_SCHEMA)))


def _long(current: pd.DataFrame, found: list[tuple[str, float, r.Hits]]) -> pd.DataFrame:
    """One row per hit, check after check; the interviews' ids are taken once, not every column per check."""
    sizes = [len(hits.rows) for _, _, hits in found]
    ids = current[["submission_id", "collaborator_id", "country_code", "partition_date"]]
    return ids.iloc[np.concatenate([hits.rows for _, _, hits in found])].assign(
        flag=np.repeat([flag for flag, _, _ in found], sizes),
        reason=[reason for _, _, hits in found for reason in hits.reasons],
        observed=np.concatenate([hits.observed.astype(float) for _, _, hits in found]),
        threshold=np.repeat([threshold for _, threshold, _ in found], sizes),
    )


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    types = {"VARCHAR": "string", "DOUBLE": "float64", "DATE": "object"}
    out = pd.DataFrame({c: frame[c].astype(types[t]) for c, t in FLAGS_SCHEMA.items()})
    order = {flag: i for i, flag in enumerate(FLAGS)}
    out = out.assign(_order=out["flag"].map(order).astype("int64"))
    out = out.sort_values(["country_code", "collaborator_id", "submission_id", "_order"], kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)


def flagged_ids(flags: pd.DataFrame, policies: tuple[str, ...], config: QaConfig) -> set[str]:
    """Submission ids carrying at least one flag whose policy is in `policies` (e.g. ("exclude", "downweight"))."""
    acting = [f for f, rule in config.flags.items() if rule.policy in policies]
    return set(flags.loc[flags["flag"].isin(acting), "submission_id"].astype(str))
