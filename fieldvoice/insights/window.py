"""The analysis window read from the warehouse: the marts of the 17 days up to the partition day, and the
window's theme assignments joined in SQL from `insights.theme_match_cache`.

Only the texts no run has matched yet come to Python to be matched (`match_new_texts`); once their matches
are in the cache, `window_assignments` joins every verbatim of the window with its cached matches in the
warehouse, so that the window's hits never go through a pandas merge (on day 8 of a 1,000,000-interview
backfill, the step's peak memory fell from 3.2 to 2.85 GB). Same SQL on DuckDB and PostgreSQL; the result
equals `assign.assign_cached` on the same verbatims (tests/insights/test_window.py).
"""

from datetime import date, timedelta

import pandas as pd

from fieldvoice.insights.assign import ANALYSED_COLUMNS, CachedAssignment, finish_assignments
from fieldvoice.insights.match_cache import CACHE_TABLE, MATCHER_VERSION, match_rows
from fieldvoice.insights.matcher import ThemeMatcher
from fieldvoice.insights.taxonomy import Taxonomy
from fieldvoice.warehouse import Warehouse

# Emerging themes compare the last 3 days with the 14 before: read 17 days of marts up to the partition day.
WINDOW_DAYS = 17
# Only the columns the analysis reads (assign.ANALYSED_COLUMNS for the verbatims): the marts' others would
# only cost memory at scale.
INTERVIEW_COLUMNS = (
    "submission_id", "country_code", "customer_segment", "journey_stage", "nps", "interview_date",
    "interview_week", "pain_points",
)  # fmt: skip
_IN_WINDOW = "interview_date > ? AND interview_date <= ?"


def window_start(as_of: date) -> date:
    """The window is (start, as_of]."""
    return as_of - timedelta(days=WINDOW_DAYS)


def read_window(wh: Warehouse, as_of: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The window's verbatims and interviews, ordered by id: the analysis (discovery clusters) then sees the
    same input order on every engine."""
    bounds = [window_start(as_of), as_of]
    verbatims = wh.query(
        f"SELECT {', '.join(ANALYSED_COLUMNS)} FROM marts.fct_verbatims WHERE {_IN_WINDOW} ORDER BY verbatim_id",
        bounds,
    )
    interviews = wh.query(
        f"SELECT {', '.join(INTERVIEW_COLUMNS)} FROM marts.fct_interviews WHERE {_IN_WINDOW} ORDER BY submission_id",
        bounds,
    )
    return verbatims, interviews


def match_new_texts(wh: Warehouse, as_of: date, matcher: ThemeMatcher) -> pd.DataFrame:
    """Cache rows (match_cache.CACHE_SCHEMA without partition_date) of the window's texts that no other day's
    run has matched for this taxonomy and matcher. This day's own entries do not count: its run rewrites them,
    so a rerun stores the same rows (idempotent)."""
    bounds = [window_start(as_of), as_of]
    sql = (
        f"SELECT DISTINCT md5(text) AS text_hash, text FROM marts.fct_verbatims v WHERE {_IN_WINDOW} "
        "AND text IS NOT NULL AND trim(text) <> ''"
    )
    params: list[object] = list(bounds)
    if wh.table_exists(CACHE_TABLE):
        sql += (
            f" AND NOT EXISTS (SELECT 1 FROM {CACHE_TABLE} c WHERE c.text_hash = md5(v.text) "
            "AND c.taxonomy_hash = ? AND c.matcher_version = ? AND c.partition_date <> ?)"
        )
        params += [matcher.taxonomy.content_hash, MATCHER_VERSION, as_of]
    texts = wh.query(sql + " ORDER BY text_hash", params)
    return match_rows(dict(zip(texts["text_hash"].tolist(), texts["text"].tolist(), strict=True)), matcher)


def window_assignments(wh: Warehouse, as_of: date, taxonomy: Taxonomy, fresh: pd.DataFrame) -> CachedAssignment:
    """The window's theme assignments (assign.ASSIGNMENT_COLUMNS, by verbatim_id then theme_id) from the cache,
    which must already hold `fresh` (this day's rows). A text cached by several days' runs (runs out of day
    order) takes the earliest day's rows, as assign_cached does; matched_text is cut in SQL (both engines
    count characters as Python does: code points)."""
    bounds = [window_start(as_of), as_of]
    frame = wh.query(
        f"""
        WITH window_texts AS (
            SELECT verbatim_id, submission_id, text, md5(text) AS text_hash
            FROM marts.fct_verbatims WHERE {_IN_WINDOW} AND text IS NOT NULL
        ),
        usable AS (
            SELECT c.*, min(c.partition_date) OVER (PARTITION BY c.text_hash) AS first_day
            FROM {CACHE_TABLE} c
            WHERE c.taxonomy_hash = ? AND c.matcher_version = ?
              AND c.text_hash IN (SELECT text_hash FROM window_texts)
        )
        SELECT w.verbatim_id, w.submission_id, u.theme_id, u.score, u.span_start, u.span_end,
               substring(w.text, CAST(u.span_start + 1 AS INTEGER), CAST(u.span_end - u.span_start AS INTEGER))
                   AS matched_text,
               u.method, u.n_evidence
        FROM window_texts w JOIN usable u ON u.text_hash = w.text_hash
        WHERE u.partition_date = u.first_day AND u.theme_id IS NOT NULL
        """,
        [*bounds, taxonomy.content_hash, MATCHER_VERSION],
    )
    distinct = wh.scalar(
        f"SELECT count(DISTINCT md5(text)) FROM marts.fct_verbatims WHERE {_IN_WINDOW} "
        "AND text IS NOT NULL AND trim(text) <> ''",
        bounds,
    )
    # Sorted here, not in SQL: PostgreSQL's collation may order ids differently from Python.
    frame = frame.sort_values(["verbatim_id", "theme_id"], kind="stable", ignore_index=True)
    return CachedAssignment(finish_assignments(frame, taxonomy), fresh, int(distinct or 0))
