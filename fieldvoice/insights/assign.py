"""Theme assignment over the verbatims mart: one row per (verbatim, theme) with score and evidence span.

Identical texts are matched once (suggestions such as "More promotions." repeat thousands of times), and the
per-word resolution cache is shared by all texts, so the cost grows with the vocabulary, not the row count.
"""

from collections.abc import Iterable

import pandas as pd

from fieldvoice.insights.matcher import ThemeMatcher
from fieldvoice.insights.taxonomy import Taxonomy

VERBATIM_COLUMNS = (
    "verbatim_id",
    "submission_id",
    "text_field",
    "text",
    "language",
    "country_code",
    "locality",
    "customer_segment",
    "journey_stage",
    "nps",
    "nps_category",
    "interview_date",
    "interview_week",
    "partition_date",
)
ASSIGNMENT_COLUMNS = (
    "verbatim_id",
    "submission_id",
    "theme_id",
    "score",  # combined evidence, 0..1 (1 - prod(1 - w)); not a calibrated probability
    "span_start",  # character offsets of the strongest evidence in the ORIGINAL text, [start, end)
    "span_end",
    "matched_text",  # text[span_start:span_end]
    "method",  # phrase | keyword | anchor+cue | anchor, "~fuzzy" appended when a misspelt word was needed
    "n_evidence",  # distinct taxonomy terms supporting the theme in this verbatim
    "taxonomy_version",
    "taxonomy_hash",
)


def prepare_verbatims(verbatims: pd.DataFrame) -> pd.DataFrame:
    """Canonical order (verbatim_id) and types, empty texts dropped: the input order never changes outputs."""
    missing = [c for c in ("verbatim_id", "submission_id", "text") if c not in verbatims.columns]
    if missing:
        raise ValueError(f"verbatims is missing column(s) {missing}")
    frame = verbatims.copy()
    for column in VERBATIM_COLUMNS:
        if column not in frame.columns:
            frame[column] = None
    frame = frame[frame["text"].notna()]
    frame = frame.assign(text=frame["text"].astype(str))
    frame = frame[frame["text"].str.strip() != ""]
    for column in ("interview_date", "interview_week", "partition_date"):
        frame[column] = pd.to_datetime(frame[column], errors="coerce").dt.date
    week = pd.to_datetime(frame["interview_date"]) - pd.to_timedelta(
        pd.to_datetime(frame["interview_date"]).dt.day_of_week, unit="D"
    )
    frame["interview_week"] = frame["interview_week"].where(frame["interview_week"].notna(), week.dt.date)
    frame["nps"] = pd.to_numeric(frame["nps"], errors="coerce")
    frame = frame.drop_duplicates("verbatim_id").sort_values("verbatim_id", kind="stable")
    return frame.reset_index(drop=True)


def assign_themes(verbatims: pd.DataFrame, matcher: ThemeMatcher) -> pd.DataFrame:
    """The theme assignments table (ASSIGNMENT_COLUMNS), sorted by verbatim_id then theme_id."""
    taxonomy = matcher.taxonomy
    texts = verbatims["text"].tolist()
    hits = {text: matcher.match(text) for text in dict.fromkeys(texts)}
    rows: dict[str, list] = {c: [] for c in ASSIGNMENT_COLUMNS[:-2]}
    ids = [t.id for t in taxonomy.themes]
    for verbatim_id, submission_id, text in zip(
        verbatims["verbatim_id"].tolist(), verbatims["submission_id"].tolist(), texts, strict=True
    ):
        for hit in sorted(hits[text], key=lambda h: ids[h.theme]):
            rows["verbatim_id"].append(verbatim_id)
            rows["submission_id"].append(submission_id)
            rows["theme_id"].append(ids[hit.theme])
            rows["score"].append(hit.score)
            rows["span_start"].append(hit.start)
            rows["span_end"].append(hit.end)
            rows["matched_text"].append(text[hit.start : hit.end])
            rows["method"].append(hit.method)
            rows["n_evidence"].append(hit.evidence)
    frame = pd.DataFrame(rows)
    frame = frame.astype({"span_start": "int64", "span_end": "int64", "n_evidence": "int64", "score": "float64"})
    return with_taxonomy(frame, taxonomy)


def with_taxonomy(frame: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """Stamp the taxonomy version and content hash on every row (last two columns)."""
    return frame.assign(taxonomy_version=taxonomy.version, taxonomy_hash=taxonomy.content_hash)


def match_texts(texts: Iterable[str], matcher: ThemeMatcher) -> list[list[str]]:
    """Theme ids per text: a small helper for notebooks and evaluation."""
    ids = [t.id for t in matcher.taxonomy.themes]
    return [sorted(ids[h.theme] for h in matcher.match(text)) for text in texts]
