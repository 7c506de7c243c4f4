"""Checks that read one interview at a time: duration, GPS vs declared locality, straight-lining, score
contradiction, odd hours. Each returns `Hits`: the rows it flags, the observed value and a reason text.

All vectorised (numpy/pandas over the whole frame); reason texts are only built for the flagged rows.
"""

import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from fieldvoice.contract import COUNTRIES, RATING_COLUMNS
from fieldvoice.fieldqa.config import FlagRule

EARTH_KM = 6371.0


@dataclass
class Hits:
    rows: np.ndarray  # positions in the frame the check ran on
    observed: np.ndarray  # float, one per row
    reasons: list[str]

    @classmethod
    def empty(cls) -> "Hits":
        return cls(np.array([], dtype=np.int64), np.array([], dtype=float), [])


def minutes(frame: pd.DataFrame) -> np.ndarray:
    delta = frame["interview_end"] - frame["interview_start"]
    return (delta.dt.total_seconds() / 60).to_numpy(dtype=float, na_value=np.nan)


def duration_short(frame: pd.DataFrame, rule: FlagRule) -> Hits:
    m = minutes(frame)
    rows = np.flatnonzero(m < rule.threshold)
    return Hits(rows, m[rows], [f"interview lasted {v:.1f} min (< {rule.threshold:g} min)" for v in m[rows]])


def duration_long(frame: pd.DataFrame, rule: FlagRule) -> Hits:
    m = minutes(frame)
    rows = np.flatnonzero(m > rule.threshold)
    return Hits(rows, m[rows], [f"interview lasted {v:.0f} min (> {rule.threshold:g} min)" for v in m[rows]])


def fold(names: pd.Series) -> pd.Series:
    """'Thiès ' -> 'thies': accent-, case- and space-insensitive keys (a few hundred distinct names)."""

    def one(name: str) -> str:
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        return " ".join(plain.casefold().split())

    text = names.astype("string")
    distinct = {v: one(v) for v in text.dropna().unique()}
    return text.map(distinct)


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def gps_far(frame: pd.DataFrame, rule: FlagRule, localities: pd.DataFrame) -> Hits:
    ref = pd.DataFrame(
        {
            "key": localities["country_code"].astype("string").str.upper() + "|" + fold(localities["locality"]),
            "lat": pd.to_numeric(localities["latitude"], errors="coerce"),
            "lon": pd.to_numeric(localities["longitude"], errors="coerce"),
        }
    ).drop_duplicates("key")
    # Look the few hundred distinct (country, locality) pairs up once, then spread by code.
    places = frame["country_code"].astype("string").str.upper() + "|" + frame["locality"].astype("string")
    codes, distinct = pd.factorize(places.to_numpy())
    country, _, name = pd.Series(distinct, dtype="string").str.partition("|").T.to_numpy()
    keys = pd.Series(country, dtype="string") + "|" + fold(pd.Series(name, dtype="string"))
    centre = ref.set_index("key").reindex(keys.to_numpy())[["lat", "lon"]].to_numpy(dtype=float, na_value=np.nan)
    centre = np.vstack([centre, [np.nan, np.nan]])[codes]  # code -1 (null locality) -> NaN
    km = haversine_km(
        frame["latitude"].to_numpy(dtype=float, na_value=np.nan),
        frame["longitude"].to_numpy(dtype=float, na_value=np.nan),
        centre[:, 0],
        centre[:, 1],
    )
    # No fix or a locality missing from the reference: nothing to judge (validation reports unknown places).
    rows = np.flatnonzero(km > rule.threshold)
    places = frame["locality"].to_numpy()[rows]
    reasons = [f"GPS fix {d:.0f} km from {p} (> {rule.threshold:g} km)" for d, p in zip(km[rows], places, strict=True)]
    return Hits(rows, km[rows], reasons)


def ratings_matrix(frame: pd.DataFrame) -> np.ndarray:
    columns = [c for c in RATING_COLUMNS if c in frame.columns]
    return frame[columns].to_numpy(dtype=float, na_value=np.nan)


def straight_lining(frame: pd.DataFrame, rule: FlagRule) -> Hits:
    ratings = ratings_matrix(frame)
    finite = np.isfinite(ratings)
    answered = finite.sum(axis=1)
    high = np.where(finite, ratings, -np.inf).max(axis=1, initial=-np.inf)
    low = np.where(finite, ratings, np.inf).min(axis=1, initial=np.inf)
    rows = np.flatnonzero((answered >= rule.threshold) & (high == low))
    reasons = [f"all {n} ratings = {v:g}" for n, v in zip(answered[rows], high[rows], strict=True)]
    return Hits(rows, answered[rows].astype(float), reasons)


def score_contradiction(frame: pd.DataFrame, rule: FlagRule) -> Hits:
    ratings = ratings_matrix(frame)
    answered = np.isfinite(ratings).sum(axis=1)
    enough = answered >= int(rule.params.get("min_ratings", 3))
    mean = np.divide(np.nansum(ratings, axis=1), answered, out=np.full(len(frame), np.nan), where=enough)
    nps = frame["nps"].to_numpy(dtype=float, na_value=np.nan)
    csat = frame["csat"].to_numpy(dtype=float, na_value=np.nan)
    # NPS 0-10 put on the ratings' 1-5 scale, so that both gaps read in the same unit.
    gap = np.fmax(np.abs(1 + 0.4 * nps - mean), np.abs(csat - mean))
    rows = np.flatnonzero(gap >= rule.threshold)
    reasons = [
        f"NPS {n:g} / CSAT {c:g} vs mean rating {m:.1f} (gap {g:.1f} >= {rule.threshold:g})"
        for n, c, m, g in zip(nps[rows], csat[rows], mean[rows], gap[rows], strict=True)
    ]
    return Hits(rows, gap[rows], reasons)


def local_hours(frame: pd.DataFrame) -> np.ndarray:
    """Hour of interview_start (with minutes as a fraction) in the country's time zone; NaN if unknown."""
    out = np.full(len(frame), np.nan)
    country = frame["country_code"].astype("string").fillna("").to_numpy()
    for cc in pd.unique(country):
        if cc not in COUNTRIES:
            continue
        rows = np.flatnonzero(country == cc)
        local = frame["interview_start"].iloc[rows].dt.tz_convert(COUNTRIES[cc].timezone).dt.tz_localize(None)
        seconds = local.to_numpy(dtype="datetime64[s]").astype(np.int64) % 86_400  # time of day, no .dt.hour
        out[rows] = np.where(local.isna().to_numpy(), np.nan, seconds // 60 / 60)
    return out


def odd_hours(frame: pd.DataFrame, rule: FlagRule) -> Hits:
    hours = local_hours(frame)
    end = float(rule.params.get("end_hour", 22))
    rows = np.flatnonzero((hours < rule.threshold) | (hours >= end))
    country = frame["country_code"].to_numpy()[rows]
    clock = [divmod(round(h * 60), 60) for h in hours[rows]]
    reasons = [
        f"started {hh:02d}:{mm:02d} local time ({COUNTRIES[c].timezone}), "
        f"outside {rule.threshold:02.0f}:00-{end:02.0f}:00"
        for (hh, mm), c in zip(clock, country, strict=True)
    ]
    return Hits(rows, hours[rows], reasons)
