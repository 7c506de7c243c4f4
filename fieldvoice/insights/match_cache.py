"""Theme matches of distinct texts, kept between runs so that a day only matches texts it has not seen.

Matching is a pure function of (text, taxonomy, matcher code), so its result can be reused: each day's
analysis window overlaps the previous day's by 16 of 17 days, and a backfill would otherwise re-match every
verbatim of the window every day (half the insights time at 125,000 interviews a day, growing with the window).

A cache row is one (text, theme) hit; a text with no hit gets one row with a NULL theme_id, so "matched,
nothing found" is told apart from "never matched". Texts are keyed by the MD5 of their UTF-8 bytes, which
DuckDB's and PostgreSQL's md5() compute identically, so the lookup can be restricted in SQL to the texts of
the window. Scores are stored as DOUBLE: a cached hit is bit-identical to a fresh one.
"""

import hashlib
from collections.abc import Mapping

import pandas as pd

from fieldvoice.insights.match_worker import match_many
from fieldvoice.insights.matcher import ThemeMatcher

# Bump when matcher.py, vocabulary.py or normalise.py change what a text matches: old entries are then ignored.
MATCHER_VERSION = "1"
CACHE_TABLE = "insights.theme_match_cache"
CACHE_SCHEMA = {
    "text_hash": "VARCHAR",
    "theme_id": "VARCHAR",  # NULL: the text matched no theme
    "score": "DOUBLE",
    "span_start": "BIGINT",
    "span_end": "BIGINT",
    "method": "VARCHAR",
    "n_evidence": "BIGINT",
    "taxonomy_hash": "VARCHAR",
    "matcher_version": "VARCHAR",
    "partition_date": "DATE",  # the day whose run first matched the text
}
HIT_COLUMNS = ["text_hash", "theme_id", "score", "span_start", "span_end", "method", "n_evidence"]


def text_hash(text: str) -> str:
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def usable_rows(known: pd.DataFrame | None, matcher: ThemeMatcher) -> pd.DataFrame:
    """The cache rows that apply: this taxonomy and matcher version, one run's rows per text."""
    if known is None or known.empty:
        return pd.DataFrame(columns=HIT_COLUMNS)
    if {"taxonomy_hash", "matcher_version"} <= set(known.columns):
        current = matcher.taxonomy.content_hash
        known = known[(known["taxonomy_hash"] == current) & (known["matcher_version"] == MATCHER_VERSION)]
    if "partition_date" in known.columns:  # runs out of day order may both have matched a text: keep one set
        first = known.groupby("text_hash")["partition_date"].transform("min")
        known = known[known["partition_date"] == first]
    return known[HIT_COLUMNS]


def match_rows(texts: Mapping[str, str], matcher: ThemeMatcher) -> pd.DataFrame:
    """Cache rows (HIT_COLUMNS + taxonomy_hash, matcher_version) of `texts` (hash -> text), matched now."""
    ids = [t.id for t in matcher.taxonomy.themes]
    rows = []
    for key, hits in zip(texts, match_many(list(texts.values()), matcher), strict=True):
        rows += [(key, ids[h.theme], h.score, h.start, h.end, h.method, h.evidence) for h in hits]
        if not hits:
            rows.append((key, None, None, None, None, None, None))
    frame = pd.DataFrame(rows, columns=HIT_COLUMNS)
    frame = frame.astype({"score": "float64", "span_start": "Int64", "span_end": "Int64", "n_evidence": "Int64"})
    return frame.assign(taxonomy_hash=matcher.taxonomy.content_hash, matcher_version=MATCHER_VERSION)
