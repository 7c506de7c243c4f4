"""Hackathon briefs: one per top opportunity, written by the configured LLM (or offline), verified against
the data, and published as JSON + Markdown + a static site organisers open in a browser."""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.partitions import daily_partitions
from orchestration.resources import FieldvoicePaths, LlmResource

if TYPE_CHECKING:
    import duckdb
    import pandas as pd


@dg.asset(
    key=["briefs", "hackathon_briefs"],
    partitions_def=daily_partitions,
    deps=[
        dg.AssetKey(["insights", "opportunities"]),
        dg.AssetKey(["insights", "theme_summary"]),
        dg.AssetKey(["marts", "fct_verbatims"]),
        dg.AssetKey(["marts", "agg_scores_by_country"]),
        dg.AssetKey(["marts", "agg_scores_by_stage"]),
    ],
    group_name="briefs",
    description=(
        "One brief per top opportunity (FIELDVOICE_BRIEF_COUNT, default 8; FIELDVOICE_BRIEF_LANGUAGE fr|en). "
        "Quotes are verified against the redacted verbatims, figures are injected from the tables, LLM answers "
        "are cached by content hash; without an endpoint the offline summariser writes them."
    ),
    kinds={"openai", "html"},
    owners=["team:data"],
    pool="duckdb_writer",
)
def hackathon_briefs(
    context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: FieldvoicePaths, llm: LlmResource
) -> dg.MaterializeResult:
    from fieldvoice.briefs import BriefFigures, build_briefs, render_markdown, write_site  # run time only
    from fieldvoice.insights import opportunities_from_frame
    from fieldvoice.llm.cache import LlmCache

    as_of = date.fromisoformat(context.partition_key)
    with duckdb.get_connection() as con:
        opportunities = opportunities_from_frame(
            con.execute("SELECT * FROM insights.opportunities WHERE partition_date = ?", [as_of]).df()
        )
        wanted = sorted({v for o in opportunities[: llm.brief_count] for v in o.evidence_verbatim_ids})
        verbatims = con.execute(
            "SELECT verbatim_id, text, language, country_code, journey_stage, customer_segment, nps "
            "FROM marts.fct_verbatims WHERE list_contains(?, verbatim_id)",
            [wanted],
        ).df()
        figures = BriefFigures.from_frames(
            as_of=as_of,
            taxonomy_version=_taxonomy_version(con, as_of),
            nps_by_country=_nps(con, "marts.agg_scores_by_country", "country_code"),
            nps_by_stage=_nps(con, "marts.agg_scores_by_stage", "journey_stage"),
            theme_trends=con.execute(
                "SELECT theme_id, interview_week AS week_start, sum(mentions) AS mentions "
                "FROM insights.theme_summary WHERE partition_date = ? GROUP BY ALL ORDER BY ALL",
                [as_of],
            ).df(),
            interviews=con.execute("SELECT count(*) FROM marts.fct_interviews").fetchall()[0][0],
        )
        run = build_briefs(
            opportunities,
            verbatims,
            figures,
            client=llm.client(),
            cache=LlmCache(con),
            language=llm.brief_language,
            count=llm.brief_count,
        )
    site = write_site(run.briefs, figures, paths.outputs / "briefs" / as_of.isoformat())
    _point_latest(paths.outputs / "briefs")
    if run.briefs:
        context.log.info(f"{len(run.briefs)} briefs, {run.fallbacks} fell back offline; site: {site}")
    return dg.MaterializeResult(
        metadata={
            **run.metadata(),
            "briefs": len(run.briefs),
            "site": dg.MetadataValue.path(str(site)),
            "preview": dg.MetadataValue.md(render_markdown(run.briefs[0]) if run.briefs else "_no opportunities_"),
        }
    )


def _nps(con: "duckdb.DuckDBPyConnection", table: str, key: str) -> "pd.DataFrame":
    return con.execute(
        f"SELECT {key}, n_interviews AS n, nps, nps_ci_low AS ci_low, nps_ci_high AS ci_high FROM {table} "
        f"ORDER BY {key}"
    ).df()


def _taxonomy_version(con: "duckdb.DuckDBPyConnection", as_of: date) -> str:
    rows = con.execute(
        "SELECT any_value(taxonomy_version) FROM insights.theme_summary WHERE partition_date = ?", [as_of]
    ).fetchall()
    return str(rows[0][0]) if rows and rows[0][0] else "unknown"


def _point_latest(folder: Path) -> None:
    """`briefs/latest.txt` names the newest day's site, so organisers always have one place to look."""
    days = sorted(p.name for p in folder.iterdir() if p.is_dir())
    (folder / "latest.txt").write_text(f"{folder / days[-1] / 'index.html'}\n" if days else "", encoding="utf-8")
