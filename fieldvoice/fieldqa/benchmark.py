"""`benchmark_fieldqa(n)`: time the checks on n validated-like interviews (15,000 = one day; 1,000,000 = ~2 months).

The frame is built from one generated day (the programme generator's people, places, clocks and phrase banks):
rows are resampled onto consecutive days, and every verbatim is recomposed from 2-4 sentences of its country's
pool, so texts share sentences the way real phrase-bank texts do (many LSH candidates, few true copies) without
being verbatim repeats. 0.5 % of rows are pasted copies (clusters of 8, retouched like the planted fabricators).
"""

import os
import time
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from fieldvoice.fieldqa.config import QaConfig, load_config
from fieldvoice.fieldqa.flags import flag_interviews
from fieldvoice.fieldqa.policy import build_quality
from fieldvoice.fieldqa.scorecard import collaborator_scorecard
from fieldvoice.generator.interviews import build_interviews
from fieldvoice.generator.planted_text import retouch
from fieldvoice.generator.reference import build_reference

_DAY_MS = 86_400_000
_KEEP = (
    "collaborator_id", "country_code", "locality", "latitude", "longitude", "customer_ref", "device_id",
    "nps", "csat", "ces", "rating_network", "rating_data", "rating_price", "rating_mobile_money",
    "rating_customer_care", "rating_shop", "_lang",
)  # fmt: skip


def synthetic_validated(n: int, seed: int = 7, start: date = date(2026, 9, 1)) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(interviews, localities): n rows typed like validated.interviews, 15,000 per partition day."""
    reference = build_reference(seed, 10_000, 15_000)
    pool = build_interviews(reference, start, 15_000, np.random.default_rng([seed, 1]), {})
    rng = np.random.default_rng([seed, 2])
    day = np.arange(n) // len(pool)
    # Each day is the pool reshuffled: nobody does the same interview twice in a day (no fake overlaps).
    pick = np.concatenate([rng.permutation(len(pool)) for _ in range(int(day.max()) + 1)])[:n]
    frame = pool.iloc[pick][list(_KEEP)].reset_index(drop=True)
    frame["submission_id"] = [f"{seed:08x}-bench-{i:012d}" for i in range(n)]
    days = np.array([start + timedelta(days=int(d)) for d in range(int(day.max()) + 1)], dtype=object)
    frame["partition_date"] = days[day]
    for column in ("interview_start", "interview_end", "submitted_at"):
        ms = pool[column].to_numpy()[pick] + day * _DAY_MS
        frame[column] = pd.to_datetime(ms, unit="ms", utc=True).astype("datetime64[us, UTC]")
    for column in ("nps", "csat", "ces", *[c for c in _KEEP if c.startswith("rating_")]):
        frame[column] = pd.array(frame[column].to_numpy(), dtype="Float64").astype("Int64")
    frame["verbatim"] = _recomposed(pool, frame["country_code"].to_numpy(), rng)
    frame["consent"] = True
    localities = reference.localities[["locality", "country_code", "locality_type", "latitude", "longitude"]]
    return frame.drop(columns="_lang"), localities


def _recomposed(pool: pd.DataFrame, country: np.ndarray, rng: np.random.Generator) -> pd.Series:
    sentences = pool["verbatim"].str.split(r"(?<=[.!?؟])\s+", regex=True)
    per_cc = {
        str(cc): np.array([s for parts in group for s in parts if s], dtype=object)
        for cc, group in sentences.groupby(pool["country_code"])
    }
    texts = np.empty(len(country), dtype=object)
    for cc, bank in per_cc.items():
        rows = np.flatnonzero(country == cc)
        k = rng.integers(2, 5, len(rows))
        picks = rng.integers(0, len(bank), (len(rows), 4))
        texts[rows] = [" ".join(bank[p[:j]]) for p, j in zip(picks, k, strict=True)]
    copies = np.flatnonzero(rng.random(len(country)) < 0.005 / 8)
    for first in copies:  # pasted clusters: 8 retouched copies of one text, in the same country
        mates = np.flatnonzero(country == country[first])
        for row in rng.choice(mates, min(7, len(mates)), replace=False):
            texts[row] = retouch(texts[first], "fr", rng)
    return pd.Series(texts, dtype="string")


def benchmark_fieldqa(n: int, config: QaConfig | None = None, seed: int = 7) -> dict[str, Any]:
    """Seconds for flag_interviews on n interviews (per check too), build_quality and the daily scorecard."""
    config = config or load_config()
    began = time.perf_counter()
    interviews, localities = synthetic_validated(n, seed)
    built_s = time.perf_counter() - began
    timings: dict[str, float] = {}
    began, cpu = time.perf_counter(), time.process_time()
    flags = flag_interviews(interviews, localities, config, timings=timings)
    flag_s, flag_cpu = time.perf_counter() - began, time.process_time() - cpu
    began = time.perf_counter()
    quality = build_quality(interviews, flags, config)
    quality_s = time.perf_counter() - began
    began = time.perf_counter()
    collaborator_scorecard(interviews, flags, config, period="day")
    card_s = time.perf_counter() - began
    return {
        "rows": n,
        "cpus": os.cpu_count(),
        "data_build_s": round(built_s, 2),
        "flag_interviews_s": round(flag_s, 2),
        "flag_interviews_cpu_s": round(flag_cpu, 2),  # all threads; wall time suffers on a shared machine
        "load_average": round(os.getloadavg()[0], 1),
        "near_duplicate_s": round(timings.get("near_duplicate_text", 0.0), 2),
        "checks_s": {k: round(v, 3) for k, v in timings.items()},
        "build_quality_s": round(quality_s, 2),
        "scorecard_s": round(card_s, 2),
        "flags": len(flags),
        "flags_by_kind": flags["flag"].value_counts().to_dict(),
        "excluded": int((quality["status"] == "excluded").sum()),
        "goal_s": 30.0,
    }
