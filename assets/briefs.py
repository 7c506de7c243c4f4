"""Hackathon briefs: one per top opportunity, written by the configured LLM (or offline), verified against
the data, and published as JSON + Markdown + a static site organisers open in a browser."""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg

from orchestration.partitions import daily_partitions
from orchestration.resources import FieldvoicePaths, LlmResource, WarehouseResource, writer_pool

if TYPE_CHECKING:
    import pandas as pd

    from fieldvoice.warehouse import Warehouse


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
    pool=writer_pool(),
)
def hackathon_briefs(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, paths: FieldvoicePaths, llm: LlmResource
) -> dg.MaterializeResult:
    from fieldvoice.briefs import BriefFigures, build_briefs, render_markdown, write_site  # run time only
    from fieldvoice.insights import opportunities_from_frame
    from fieldvoice.llm.cache import LlmCache

    as_of = date.fromisoformat(context.partition_key)
    with warehouse.connect() as wh:
        opportunities = opportunities_from_frame(
            wh.query("SELECT * FROM insights.opportunities WHERE partition_date = ? ORDER BY rank", [as_of])
        )
        wanted = sorted({v for o in opportunities[: llm.brief_count] for v in o.evidence_verbatim_ids})
        verbatims = wh.query(
            "SELECT verbatim_id, text, language, country_code, journey_stage, customer_segment, nps "
            f"FROM marts.fct_verbatims WHERE verbatim_id IN ({', '.join('?' * len(wanted)) or 'NULL'}) "
            "ORDER BY verbatim_id",
            wanted,
        )
        figures = BriefFigures.from_frames(
            as_of=as_of,
            taxonomy_version=_taxonomy_version(wh, as_of),
            nps_by_country=_nps(wh, "marts.agg_scores_by_country", "country_code"),
            nps_by_stage=_nps(wh, "marts.agg_scores_by_stage", "journey_stage"),
            theme_trends=wh.query(
                "SELECT theme_id, interview_week AS week_start, sum(mentions) AS mentions "
                "FROM insights.theme_summary WHERE partition_date = ? GROUP BY theme_id, interview_week "
                "ORDER BY theme_id, week_start",
                [as_of],
            ),
            interviews=int(wh.scalar("SELECT count(*) FROM marts.fct_interviews")),
        )
        run = build_briefs(
            opportunities,
            verbatims,
            figures,
            client=llm.client(),
            cache=LlmCache(wh),
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


def _nps(wh: "Warehouse", table: str, key: str) -> "pd.DataFrame":
    return wh.query(
        f"SELECT {key}, n_interviews AS n, nps, nps_ci_low AS ci_low, nps_ci_high AS ci_high FROM {table} "
        f"ORDER BY {key}"
    )


def _taxonomy_version(wh: "Warehouse", as_of: date) -> str:
    version = wh.scalar("SELECT max(taxonomy_version) FROM insights.theme_summary WHERE partition_date = ?", [as_of])
    return str(version) if version else "unknown"


def _point_latest(folder: Path) -> None:
    """`briefs/latest.txt` names the newest day's site, so organisers always have one place to look."""
    days = sorted(p.name for p in folder.iterdir() if p.is_dir())
    (folder / "latest.txt").write_text(f"{folder / days[-1] / 'index.html'}\n" if days else "", encoding="utf-8")
