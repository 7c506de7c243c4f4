"""AI insights as of each day: theme assignments, summaries with NPS impact, journey map, emerging themes,
discovered themes and ranked opportunities, all offline by default (fieldvoice.insights)."""

from datetime import date, timedelta
from typing import TYPE_CHECKING

import dagster as dg

from fieldvoice.settings import warehouse_kind
from orchestration.partitions import daily_partitions
from orchestration.resources import LlmResource, WarehouseResource, writer_pool

if TYPE_CHECKING:
    import pandas as pd

    from fieldvoice.warehouse import Warehouse

# Emerging themes compare the last 3 days with the 14 before: read 17 days of marts up to the partition day.
WINDOW_DAYS = 17
INSIGHT_TABLES = {
    "theme_assignments": "Themes per verbatim: score, matched span (offsets into the redacted text), method.",
    "theme_summary": "Mentions, share, NPS of mentioners and NPS impact by country x stage x segment x week.",
    "journey_map": "Journey stage x theme matrix: mentions, share and NPS impact.",
    "emerging_themes": "Recent 3 days vs trailing 14: growth ratio, z-test/Fisher p-value, BH-adjusted q.",
    "discovered_themes": "Clusters of verbatims no taxonomy theme explains, proposed as candidate themes.",
    "opportunities": "Ranked opportunities: reach x severity x growth, with the evidence behind each score.",
}
# The verbatims' columns the analysis reads (the mart's other columns would only cost memory at scale), and
# md5(text): the theme-match cache key, the same on both engines (match_cache.text_hash).
WINDOW_VERBATIM_COLUMNS = (
    "verbatim_id", "submission_id", "text", "country_code", "customer_segment", "journey_stage", "nps",
    "interview_date", "interview_week",
)  # fmt: skip
MART_DEPS = [dg.AssetKey(["marts", "fct_verbatims"]), dg.AssetKey(["marts", "fct_interviews"])]


@dg.multi_asset(
    name="theme_insights",
    partitions_def=daily_partitions,
    specs=[
        dg.AssetSpec(
            ["insights", name],
            deps=MART_DEPS,
            description=text,
            group_name="insights",
            kinds={warehouse_kind(), "scikitlearn"},
            owners=["team:data"],
        )
        for name, text in INSIGHT_TABLES.items()
    ],
    pool=writer_pool(),
)
def theme_insights(context: dg.AssetExecutionContext, warehouse: WarehouseResource, llm: LlmResource):
    from fieldvoice.insights import analyse, load_taxonomy, match_cache, to_markdown_preview  # sklearn: at run time
    from fieldvoice.warehouse import infer_schema

    as_of = date.fromisoformat(context.partition_key)
    taxonomy = load_taxonomy()
    with warehouse.connect() as wh:
        verbatims, interviews = _read_window(wh, as_of)
        known = _known_matches(wh, as_of, taxonomy.content_hash)
        embedder = llm.embedder(wh)
        result = analyse(verbatims, interviews, as_of, embedder=embedder, known_matches=known, taxonomy=taxonomy)
        tables = {name: frame.assign(partition_date=as_of) for name, frame in result.tables().items()}
        frames = {f"insights.{name}": (tables[name], infer_schema(tables[name])) for name in INSIGHT_TABLES}
        frames[match_cache.CACHE_TABLE] = (result.new_matches.assign(partition_date=as_of), match_cache.CACHE_SCHEMA)
        wh.replace_partitions(frames, as_of)
    meta = result.metadata
    context.log.info(f"taxonomy {meta.get('taxonomy_version')} ({meta.get('embedder')}): {len(verbatims)} verbatims")
    for name in INSIGHT_TABLES:
        frame = tables[name]
        yield dg.MaterializeResult(
            asset_key=["insights", name],
            metadata={
                "dagster/row_count": len(frame),
                "preview": dg.MetadataValue.md(to_markdown_preview(frame.drop(columns=["partition_date"]))),
                "taxonomy_version": str(meta.get("taxonomy_version")),
                "taxonomy_hash": str(meta.get("taxonomy_hash")),
                "embedder": str(meta.get("embedder")),
                "verbatims_analysed": len(verbatims),
                "texts_matched_now": meta.get("texts_matched_now", 0),
                "texts_from_match_cache": meta.get("distinct_texts", 0) - meta.get("texts_matched_now", 0),
            },
        )


def _read_window(wh: "Warehouse", as_of: date) -> "tuple[pd.DataFrame, pd.DataFrame]":
    """Ordered by id: the analysis (discovery clusters) then sees the same input order on every engine."""
    start = as_of - timedelta(days=WINDOW_DAYS)
    verbatims = wh.query(
        f"SELECT {', '.join(WINDOW_VERBATIM_COLUMNS)}, md5(text) AS text_hash FROM marts.fct_verbatims "
        "WHERE interview_date > ? AND interview_date <= ? ORDER BY verbatim_id",
        [start, as_of],
    )
    interviews = wh.query(
        "SELECT submission_id, country_code, customer_segment, journey_stage, nps, interview_date, interview_week, "
        "pain_points FROM marts.fct_interviews WHERE interview_date > ? AND interview_date <= ? "
        "ORDER BY submission_id",
        [start, as_of],
    )
    return verbatims, interviews


def _known_matches(wh: "Warehouse", as_of: date, taxonomy_hash: str) -> "pd.DataFrame | None":
    """Cached theme matches of the window's texts for the current taxonomy, left by other days' runs (this
    day's own entries are rewritten by its run, so a rerun stores the same rows: idempotent)."""
    from fieldvoice.insights import match_cache

    if not wh.table_exists(match_cache.CACHE_TABLE):
        return None
    start = as_of - timedelta(days=WINDOW_DAYS)
    columns = ", ".join(match_cache.CACHE_SCHEMA)
    return wh.query(
        f"SELECT {columns} FROM {match_cache.CACHE_TABLE} WHERE taxonomy_hash = ? AND matcher_version = ? "
        "AND partition_date <> ? AND text_hash IN (SELECT md5(text) FROM marts.fct_verbatims "
        "WHERE interview_date > ? AND interview_date <= ?)",
        [taxonomy_hash, match_cache.MATCHER_VERSION, as_of, start, as_of],
    )
