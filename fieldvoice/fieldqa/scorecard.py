"""Collaborator scorecards for supervisors: volume, share flagged by reason, answer-pattern anomalies, and one
suspicion score to rank by; country-team summaries; a pseudonymised copy for readers outside the data team.

suspicion = (sum over flags of weight x share of the collaborator's interviews carrying it
             + anomaly points: nps_flat, same_scores, short_texts) x n / (n + volume_prior)
The volume factor keeps one odd interview from topping the ranking: evidence repeated over many interviews
is what separates a fabricator from an unlucky day.
"""

import hashlib
import hmac
import os

import numpy as np
import pandas as pd

from fieldvoice.contract import RATING_COLUMNS
from fieldvoice.fieldqa.config import FLAGS, QaConfig
from fieldvoice.fieldqa.frames import on_distinct

ANOMALIES = ("nps_flat", "same_scores", "short_texts")
# What the scorecards read of validated.interviews and fieldqa.interview_flags (the asset selects only these).
INTERVIEW_COLUMNS = ("submission_id", "collaborator_id", "country_code", "partition_date", "verbatim", "nps", "csat",
                     *RATING_COLUMNS)  # fmt: skip
FLAG_COLUMNS = ("submission_id", "flag", "partition_date")


def _period(dates: pd.Series, period: str) -> pd.Series:
    stamps = pd.to_datetime(dates.astype("string"))
    if period == "day":
        return stamps.dt.strftime("%Y-%m-%d")
    if period == "week":
        iso = stamps.dt.isocalendar()
        return iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    raise ValueError(f"period must be 'day' or 'week', not {period!r}")


def _pattern(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """One integer per distinct combination of the rows' values in `columns` (missing is a value of its own):
    factorised codes folded pairwise, no string conversion of every cell."""
    pattern = np.zeros(len(frame), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(frame[column])
        pattern = pd.factorize(pattern * (len(uniques) + 1) + codes + 1)[0]  # stays < len(frame): no overflow
    return pattern


def collaborator_scorecard(
    interviews: pd.DataFrame, flags: pd.DataFrame, config: QaConfig, period: str = "day"
) -> pd.DataFrame:
    """One row per (collaborator, country, period), ranked by suspicion (rank 1 = look here first)."""
    card = config.scorecard
    frame = interviews.assign(period=on_distinct(interviews["partition_date"], lambda d: _period(d, period)))
    frame = frame.reset_index(drop=True)
    keys = ["collaborator_id", "country_code", "period"]
    frame["text_len"] = frame["verbatim"].astype("string").str.len().astype("float64")
    # One answer pattern per interview, to spot a collaborator who gives everybody the same scores.
    answers = [c for c in ("nps", "csat", *RATING_COLUMNS) if c in frame.columns]
    frame["answers"] = _pattern(frame, answers)
    frame["nps_f"] = frame["nps"].astype("Float64").astype(float)
    grouped = frame.groupby(keys, dropna=False, sort=False)
    out = grouped.agg(interviews=("submission_id", "nunique"), text_len_median=("text_len", "median"))
    out["nps_std"] = grouped["nps_f"].std(ddof=0)
    modal = frame.groupby([*keys, "answers"], dropna=False).size().groupby(level=keys, dropna=False).max()
    out["same_scores_share"] = modal / grouped.size()
    out = out.reset_index()
    peers = frame.groupby(["country_code", "period"])["text_len"].median().rename("peer_text_len").reset_index()
    out = out.merge(peers, on=["country_code", "period"], how="left")
    out["text_len_ratio"] = out["text_len_median"] / out["peer_text_len"]

    tagged = (
        flags[["submission_id", "flag"]].drop_duplicates().merge(frame[["submission_id", *keys]], on="submission_id")
    )
    counts = tagged.groupby([*keys, "flag"]).size().unstack("flag", fill_value=0)
    counts = counts.reindex(columns=list(FLAGS), fill_value=0)
    flagged = tagged.groupby(keys)["submission_id"].nunique().rename("flagged_interviews")
    out = out.merge(counts.add_prefix("n_"), left_on=keys, right_index=True, how="left")
    out = out.merge(flagged, left_on=keys, right_index=True, how="left").fillna({"flagged_interviews": 0})
    n = out["interviews"].astype(float)
    score = pd.Series(0.0, index=out.index)
    for flag in FLAGS:
        share = out[f"n_{flag}"].fillna(0) / n
        out[f"share_{flag}"] = share
        score += card.weights.get(flag, 0.0) * share
    out["flagged_share"] = out["flagged_interviews"] / n
    judged = n >= card.min_interviews
    anomaly = {
        "nps_flat": judged & (out["nps_std"] <= card.nps_std_max),
        "same_scores": judged & (out["same_scores_share"] >= card.same_scores_share),
        "short_texts": judged & (out["text_len_ratio"] <= card.text_length_ratio),
    }
    for name, hit in anomaly.items():
        score += card.anomaly_weights.get(name, 0.0) * hit.fillna(False).astype(float)
    names = pd.Series("", index=out.index)
    for name in ANOMALIES:
        names = names.mask(anomaly[name].fillna(False).to_numpy(bool), names + " " + name)
    out["anomalies"] = names.str.lstrip(" ")
    out["suspicion"] = (score * n / (n + card.volume_prior)).round(4)
    out = out.drop(columns=[f"n_{flag}" for flag in FLAGS] + ["peer_text_len"])
    out = out.sort_values(["period", "suspicion", "collaborator_id"], ascending=[True, False, True], kind="stable")
    out["rank"] = out.groupby("period").cumcount() + 1
    out["rank_in_country"] = out.groupby(["period", "country_code"]).cumcount() + 1
    return out.reset_index(drop=True)


def team_summary(scorecard: pd.DataFrame, config: QaConfig) -> pd.DataFrame:
    """Per country team and period: collaborators, interviews, share flagged, suspects (score >= suspect_score)."""
    suspect = scorecard["suspicion"] >= config.scorecard.suspect_score
    grouped = scorecard.assign(suspect=suspect).groupby(["country_code", "period"])
    out = grouped.agg(
        collaborators=("collaborator_id", "nunique"),
        interviews=("interviews", "sum"),
        flagged_interviews=("flagged_interviews", "sum"),
        suspects=("suspect", "sum"),
        max_suspicion=("suspicion", "max"),
        median_suspicion=("suspicion", "median"),
    ).reset_index()
    out["flagged_share"] = out["flagged_interviews"] / out["interviews"]
    return out.sort_values(["period", "suspects", "flagged_share"], ascending=[True, False, False]).reset_index(
        drop=True
    )


def pseudonym(collaborator_id: str, salt: str) -> str:
    """Stable keyed hash: the same id gives the same pseudonym for everyone holding the salt, nobody can reverse
    it without the salt (a plain hash of 900,000 possible EMP-###### ids would be brute-forced in a second)."""
    digest = hmac.new(salt.encode(), collaborator_id.encode(), hashlib.sha256).hexdigest()
    return f"C-{digest[:12]}"


def pseudonymise(scorecard: pd.DataFrame, config: QaConfig, salt: str | None = None) -> pd.DataFrame:
    """The scorecard for readers outside the data team: collaborator_id replaced by `pseudonym`."""
    salt = salt if salt is not None else os.environ.get(config.pseudonym_salt_env, "")
    if len(salt) < 16:
        raise ValueError(f"a pseudonym salt of 16+ characters is needed (set {config.pseudonym_salt_env})")
    ids = scorecard["collaborator_id"].astype("string")
    mapping = {cid: pseudonym(cid, salt) for cid in ids.dropna().unique()}
    out = scorecard.drop(columns=["collaborator_id"])
    out.insert(0, "collaborator_pseudonym", ids.map(mapping))
    return out
