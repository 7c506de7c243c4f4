"""The policy: from flags to one decision per interview (`interview_quality`), and how marts state it.

Flagged interviews are never deleted: they stay in validated.interviews; `interview_quality` tells marts and
insights how much each one counts. Per interview, the strongest policy among its flags wins:
exclude (weight 0) > downweight (the lowest configured weight) > report (weight 1, shown to supervisors).
`escalate_at` distinct downweight flags on one interview exclude it: independent pieces of evidence add up.
A supervisor's review decision overrides all of this (`review.apply_reviews`).
"""

import numpy as np
import pandas as pd

from fieldvoice.fieldqa.config import FLAGS, QaConfig
from fieldvoice.fieldqa.frames import on_distinct

INTERVIEW_QUALITY_SCHEMA: dict[str, str] = {
    "submission_id": "VARCHAR",
    "partition_date": "DATE",
    "country_code": "VARCHAR",
    "weight": "DOUBLE",  # 0 = excluded, 1 = normal
    "status": "VARCHAR",  # ok | excluded | downweighted | reported
    "flags": "VARCHAR",  # space-separated flag names (every flag, whatever its policy), "" when none
    "decided_by": "VARCHAR",  # policy | review
}
STATUSES = ("ok", "excluded", "downweighted", "reported")
_TYPES = {"VARCHAR": "string", "DOUBLE": "float64", "DATE": "object"}


def typed_quality(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({c: frame[c].astype(_TYPES[t]) for c, t in INTERVIEW_QUALITY_SCHEMA.items()})


def build_quality(interviews: pd.DataFrame, flags: pd.DataFrame, config: QaConfig) -> pd.DataFrame:
    """One row per interview of `interviews` (flagged or not): weight, status, flags, decided_by = policy."""
    base = interviews[["submission_id", "partition_date", "country_code"]].drop_duplicates("submission_id")
    base = base.assign(
        partition_date=on_distinct(base["partition_date"], lambda d: pd.to_datetime(d.astype("string")).dt.date)
    )
    base = base.reset_index(drop=True)
    # Interview x flag matrix, then every column at once (a per-interview groupby costs minutes at 10^6 rows).
    row = pd.Index(base["submission_id"]).get_indexer(flags["submission_id"])
    col = pd.Categorical(flags["flag"], categories=FLAGS).codes
    has = np.zeros((len(base), len(FLAGS)), dtype=bool)
    known = (row >= 0) & (col >= 0)
    has[row[known], col[known]] = True
    policy = np.array([config.flags[f].policy if f in config.flags else "report" for f in FLAGS])
    weights = np.array([config.weight_of(f) if f in config.flags else 1.0 for f in FLAGS])
    weight = np.where(has, weights, 1.0).min(axis=1)
    downweights = (has & (policy == "downweight")).sum(axis=1)
    excluded = (has & (policy == "exclude")).any(axis=1)
    excluded |= (config.escalate_at > 0) & (downweights >= config.escalate_at)
    weight[excluded] = 0.0
    # Names per distinct combination of flags (a few dozen), not one string operation per flag and interview.
    combos, combo = np.unique(has @ (1 << np.arange(len(FLAGS))), return_inverse=True)
    names = np.array([" ".join(f for k, f in enumerate(FLAGS) if bits >> k & 1) for bits in combos], dtype=object)
    base["flags"] = pd.array(names[combo], dtype="string")
    base["weight"] = weight
    flagged = has.any(axis=1)
    base["status"] = np.select(
        [weight == 0, weight < 1, flagged], ["excluded", "downweighted", "reported"], default="ok"
    )
    base["decided_by"] = "policy"
    return typed_quality(base)


def quality_summary(quality: pd.DataFrame, by: tuple[str, ...] = ("country_code",)) -> pd.DataFrame:
    """Long counts for marts and insights: per `by` group, status and flag (a flagged interview counts once per
    flag it carries; `flag` = "(any)" counts interviews). Columns: *by, status, flag, interviews, share."""
    keys = list(by)
    totals = quality.groupby(keys, dropna=False).size().rename("total") if keys else None
    rows = quality.assign(flag=quality["flags"].str.split(" "))
    rows = rows.explode("flag")
    rows["flag"] = rows["flag"].fillna("").replace("", "(none)")
    per_flag = rows.groupby([*keys, "status", "flag"], dropna=False).size().rename("interviews").reset_index()
    anyflag = quality.groupby([*keys, "status"], dropna=False).size().rename("interviews").reset_index()
    out = pd.concat([anyflag.assign(flag="(any)"), per_flag], ignore_index=True)
    if totals is not None:
        out = out.merge(totals.reset_index(), on=keys)
        out["share"] = out["interviews"] / out["total"]
        out = out.drop(columns="total")
    else:
        out["share"] = out["interviews"] / max(len(quality), 1)
    return out.sort_values([*keys, "status", "flag"], kind="stable").reset_index(drop=True)


def describe_exclusions(quality: pd.DataFrame) -> str:
    """One sentence for a mart's or a brief's footnote: how many interviews were excluded/downweighted and why."""
    total = len(quality)
    parts = []
    for status, verb in (("excluded", "excluded"), ("downweighted", "downweighted")):
        rows = quality[quality["status"] == status]
        if rows.empty:
            continue
        reasons = rows["flags"].str.split(" ").explode()
        reasons = reasons[reasons.notna() & (reasons != "")]
        by_review = int((rows["decided_by"] == "review").sum())
        top = ", ".join(f"{flag} {count:,}" for flag, count in reasons.value_counts().head(4).items())
        detail = f" ({top}" + (f"; {by_review:,} by supervisor review" if by_review else "") + ")"
        parts.append(f"{len(rows):,} {verb}{detail if top or by_review else ''}")
    reported = int((quality["status"] == "reported").sum())
    if not parts:
        return f"All {total:,} interviews counted; {reported:,} flagged for review only."
    return f"Of {total:,} interviews, " + "; ".join(parts) + f"; {reported:,} flagged for review only."
