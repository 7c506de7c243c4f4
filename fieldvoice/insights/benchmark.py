"""Benchmark theme assignment (and optionally the whole `analyse`) on synthetic verbatims.

    benchmark_themes(15_000)   # {'verbatims': 15000, 'assign_s': ..., 'verbatims_per_s': ..., ...}

Texts come from the generator's composer (fieldvoice.generator.interviews.build_interviews: the 17 countries'
language mix, local flavours, every pain point), consecutive days until `n` non-empty verbatims and
suggestions exist, so distinct texts grow with n as in real data (no replication of a small set).
Timings: `*_s` is wall-clock, `*_cpu_s` the process CPU time (the matcher is single-threaded, so on a busy
shared machine CPU time is the better estimate of the uncontended wall time). `trace_memory` re-runs the
assignment under tracemalloc (slower) to report the peak Python allocation of that step alone; peak_rss_mb
is the process high-water mark (data generation included).
"""

import importlib
import resource
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from fieldvoice.insights.assign import assign_themes, prepare_verbatims
from fieldvoice.insights.matcher import ThemeMatcher
from fieldvoice.insights.taxonomy import load_taxonomy


def synthetic_verbatims(n: int, seed: int = 7, start: date = date(2026, 11, 2)) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(verbatims, interviews) frames shaped like the marts, with at least n verbatims (cut to n)."""
    from fieldvoice.generator.interviews import build_interviews
    from fieldvoice.generator.reference import generate_reference

    with tempfile.TemporaryDirectory() as folder:
        reference = generate_reference(Path(folder), seed, 2_000, 3_000)
    frames, total, day = [], 0, start
    while total < n:
        size = min(15_000, max(200, n))  # a generator day holds ~1.5 texts per interview
        batch = build_interviews(reference, day, size, np.random.default_rng([seed, day.toordinal()]), {})
        batch = batch.assign(interview_date=day, interview_week=day - timedelta(days=day.weekday()))
        frames.append(batch)
        total += int((batch["verbatim"] != "").sum() + (batch["suggestion"] != "").sum())
        day += timedelta(days=1)
    interviews = pd.concat(frames, ignore_index=True)
    keep = ["submission_id", "country_code", "locality", "customer_segment", "journey_stage", "nps"]
    parts = []
    for field in ("verbatim", "suggestion"):
        part = interviews[[*keep, "interview_date", "interview_week", field]].rename(columns={field: "text"})
        parts.append(part.assign(text_field=field, verbatim_id=part["submission_id"] + ":" + field))
    verbatims = pd.concat(parts, ignore_index=True)
    verbatims = verbatims[verbatims["text"] != ""].head(n).reset_index(drop=True)
    columns = [*keep, "interview_date", "interview_week", "pain_points"]
    return verbatims, interviews[interviews["submission_id"].isin(verbatims["submission_id"].unique())][columns]


def benchmark_themes(n: int, trace_memory: bool = False, full: bool = False, seed: int = 7) -> dict:
    """Time (and optionally trace the memory of) theme assignment over n synthetic verbatims;
    `full` also times the whole `analyse` (discovery, summaries, emerging test, ranking)."""
    verbatims, interviews = synthetic_verbatims(n, seed)
    out: dict = {"verbatims": len(verbatims), "distinct_texts": int(verbatims["text"].nunique())}
    # scikit-learn and scipy are imported lazily by the first discovery (seconds, once per process): time
    # that apart so that the step timings measure the work.
    clock = time.perf_counter()
    for module in ("scipy.stats", "sklearn.cluster", "sklearn.decomposition", "sklearn.feature_extraction.text"):
        importlib.import_module(module)

    out["import_s"] = round(time.perf_counter() - clock, 3)
    clock = time.perf_counter()
    matcher = ThemeMatcher(load_taxonomy())
    out["compile_s"] = round(time.perf_counter() - clock, 3)
    clock, cpu = time.perf_counter(), time.process_time()
    assignments = assign_themes(prepare_verbatims(verbatims), matcher)
    out["assign_s"] = round(time.perf_counter() - clock, 3)
    out["assign_cpu_s"] = round(time.process_time() - cpu, 3)
    out["verbatims_per_s"] = round(len(verbatims) / max(out["assign_s"], 1e-9))
    out["assignment_rows"] = len(assignments)
    out["share_with_theme"] = round(assignments["verbatim_id"].nunique() / max(len(verbatims), 1), 4)
    if trace_memory:
        tracemalloc.start()
        assign_themes(prepare_verbatims(verbatims), ThemeMatcher(load_taxonomy()))
        out["assign_traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    if full:
        from fieldvoice.insights.pipeline import analyse

        clock, cpu = time.perf_counter(), time.process_time()
        result = analyse(verbatims, interviews, verbatims["interview_date"].max())
        out["analyse_s"] = round(time.perf_counter() - clock, 3)
        out["analyse_cpu_s"] = round(time.process_time() - cpu, 3)
        out["analyse_steps_s"] = result.metadata["timings_s"]
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out
