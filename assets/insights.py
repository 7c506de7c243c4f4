"""AI insights as of each day: theme assignments, summaries with NPS impact, journey map, emerging themes,
discovered themes and ranked opportunities, all offline by default (fieldvoice.insights)."""

from datetime import date, timedelta
from typing import TYPE_CHECKING

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.partitions import daily_partitions
from orchestration.resources import LlmResource

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

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
            kinds={"duckdb", "scikitlearn"},
            owners=["team:data"],
        )
        for name, text in INSIGHT_TABLES.items()
    ],
    pool="duckdb_writer",
)
def theme_insights(context: dg.AssetExecutionContext, duckdb: DuckDBResource, llm: LlmResource):
    from fieldvoice.insights import analyse, to_markdown_preview  # sklearn: imported at run time, not at load
    from fieldvoice.warehouse import infer_schema, replace_partitions

    as_of = date.fromisoformat(context.partition_key)
    with duckdb.get_connection() as con:
        verbatims, interviews = _read_window(con, as_of)
        result = analyse(verbatims, interviews, as_of, embedder=llm.embedder())
        tables = {name: frame.assign(partition_date=as_of) for name, frame in result.tables().items()}
        replace_partitions(
            con,
            {f"insights.{name}": (tables[name], infer_schema(tables[name])) for name in INSIGHT_TABLES},
            as_of,
        )
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
            },
        )


def _read_window(con: "duckdb.DuckDBPyConnection", as_of: date) -> "tuple[pd.DataFrame, pd.DataFrame]":
    start = as_of - timedelta(days=WINDOW_DAYS)
    verbatims = con.execute(
        "SELECT * FROM marts.fct_verbatims WHERE interview_date > ? AND interview_date <= ?", [start, as_of]
    ).df()
    interviews = con.execute(
        "SELECT submission_id, country_code, customer_segment, journey_stage, nps, interview_date, interview_week, "
        "pain_points FROM marts.fct_interviews WHERE interview_date > ? AND interview_date <= ?",
        [start, as_of],
    ).df()
    return verbatims, interviews
