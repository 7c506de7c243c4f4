"""AI insights as of each day: theme assignments, summaries with NPS impact, journey map, emerging themes,
discovered themes and ranked opportunities, all offline by default (fieldvoice.insights)."""

from datetime import date

import dagster as dg

from fieldvoice.settings import warehouse_kind
from orchestration.partitions import daily_partitions
from orchestration.resources import LlmResource, WarehouseResource, writer_pool

INSIGHT_TABLES = {
    "theme_assignments": "Themes per verbatim: score, matched span (offsets into the redacted text), method.",
    "theme_summary": "Mentions, share, NPS of mentioners and NPS impact by country x stage x segment x week.",
    "journey_map": "Journey stage x theme matrix: mentions, share and NPS impact.",
    "emerging_themes": "Recent 3 days vs trailing 14: growth ratio, z-test/Fisher p-value, BH-adjusted q.",
    "discovered_themes": "Clusters of verbatims no taxonomy theme explains, proposed as candidate themes.",
    "opportunities": "Ranked opportunities: reach x severity x growth, with the evidence behind each score.",
}
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
    from fieldvoice.insights import ThemeMatcher, analyse, load_taxonomy, match_cache, to_markdown_preview
    from fieldvoice.insights.window import match_new_texts, read_window, window_assignments
    from fieldvoice.warehouse import infer_schema

    as_of = date.fromisoformat(context.partition_key)
    taxonomy = load_taxonomy()
    with warehouse.connect() as wh:
        # The day's new texts are matched and cached first (its own transaction: a rerun after a crash
        # matches them again, to the same rows), then the window's assignments are joined in the warehouse.
        fresh = match_new_texts(wh, as_of, ThemeMatcher(taxonomy))
        cache_rows = fresh.assign(partition_date=as_of)
        wh.replace_partitions({match_cache.CACHE_TABLE: (cache_rows, match_cache.CACHE_SCHEMA)}, as_of)
        assigned = window_assignments(wh, as_of, taxonomy, fresh)
        embedder = llm.embedder(wh)
        # The window's frames are handed over, not kept, so that the analysis frees them once it has its own
        # typed copies: popped straight into the call, because no name here may hold them, and a call with
        # `*read_window(...)` would hold its argument tuple, frames included, until it returns.
        window = list(read_window(wh, as_of))
        wh.release_memory()  # the window is read: DuckDB's cached blocks would sit under the analysis's frames
        result = analyse(window.pop(0), window.pop(0), as_of, embedder=embedder, assigned=assigned, taxonomy=taxonomy)
        tables = {name: frame.assign(partition_date=as_of) for name, frame in result.tables().items()}
        wh.replace_partitions({f"insights.{n}": (tables[n], infer_schema(tables[n])) for n in INSIGHT_TABLES}, as_of)
    meta = result.metadata
    context.log.info(f"taxonomy {meta.get('taxonomy_version')} ({meta.get('embedder')}): {meta['verbatims']} verbatims")
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
                "verbatims_analysed": meta["verbatims"],
                "texts_matched_now": meta.get("texts_matched_now", 0),
                "texts_from_match_cache": meta.get("distinct_texts", 0) - meta.get("texts_matched_now", 0),
            },
        )
