"""`analyse`: verbatims + interviews -> every insights table, the ranked opportunities and run metadata.

Pure: no I/O besides reading the taxonomy file; same inputs (in any row order) -> identical tables and ids.
Every table carries taxonomy_version and taxonomy_hash; the analysis-date tables also carry as_of.
"""

import json
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from fieldvoice.insights.assign import CachedAssignment, assign_cached, prepare_verbatims
from fieldvoice.insights.contracts import Embedder, Opportunity
from fieldvoice.insights.discover import Cluster, DiscoveryConfig, discover
from fieldvoice.insights.embed import FallbackEmbedder, OfflineEmbedder
from fieldvoice.insights.emerging import EmergingConfig, emerging_themes, windows
from fieldvoice.insights.matcher import ThemeMatcher
from fieldvoice.insights.opportunities import OpportunityConfig, score_opportunities
from fieldvoice.insights.stats import (
    interview_base,
    interview_mentions,
    journey_map,
    member,
    theme_stats,
    theme_summary,
)
from fieldvoice.insights.taxonomy import Taxonomy, load_taxonomy

TABLE_NAMES = (
    "theme_assignments",
    "theme_summary",
    "journey_map",
    "emerging_themes",
    "discovered_themes",
    "discovered_members",
    "opportunities",
    "themes",
)


@dataclass
class InsightResult:
    assignments: pd.DataFrame
    theme_summary: pd.DataFrame
    journey_map: pd.DataFrame
    emerging: pd.DataFrame
    discovered: pd.DataFrame
    discovered_members: pd.DataFrame  # verbatim_id, submission_id, theme_id, similarity (cosine to centroid)
    opportunities: pd.DataFrame
    opportunity_list: list[Opportunity]
    themes: pd.DataFrame  # the catalogue: taxonomy themes + discovered candidates
    new_matches: pd.DataFrame  # theme-match cache rows of the texts this run matched (match_cache.CACHE_SCHEMA)
    metadata: dict = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Warehouse table name -> frame (the `insights` schema)."""
        frames = (self.assignments, self.theme_summary, self.journey_map, self.emerging, self.discovered)
        frames += (self.discovered_members, self.opportunities, self.themes)
        return dict(zip(TABLE_NAMES, frames, strict=True))


def analyse(
    verbatims: pd.DataFrame,
    interviews: pd.DataFrame | None,
    as_of: date,
    taxonomy_path: Path | str | None = None,
    embedder: Embedder | None = None,
    *,
    discovery: DiscoveryConfig | None = None,
    emerging: EmergingConfig | None = None,
    opportunities: OpportunityConfig | None = None,
    known_matches: pd.DataFrame | None = None,
    taxonomy: Taxonomy | None = None,
    assigned: CachedAssignment | None = None,
) -> InsightResult:
    """Run theme assignment, discovery, summaries, the emerging test and the opportunity ranking.

    `verbatims`: fct_verbatims rows; `interviews`: fct_interviews rows (None: derived from the verbatims, then
    NPS covers interviews with text only). Summaries, journey map and opportunities cover every interview
    passed in up to `as_of` (pass the period to analyse, e.g. the last 17 days or a quarter); interviews
    dated after `as_of` are left out (a re-run of a past day must not see later data). `taxonomy_path`: the
    YAML (default taxonomy/themes.yaml); `embedder`: any Embedder (default offline; a failing one falls
    back to offline, see metadata["embedder_error"]); `known_matches`: theme-match cache rows of earlier runs
    for this taxonomy (fieldvoice.insights.match_cache): only the other texts are matched; `taxonomy`: an
    already loaded taxonomy (wins over `taxonomy_path`), so that a caller filtering the cache uses the same one;
    `assigned`: the theme assignments of exactly these verbatims, already made (fieldvoice.insights.window
    joins them in the warehouse from the cache); `known_matches` is then unused.
    """
    discovery = discovery or DiscoveryConfig()
    emerging = emerging or EmergingConfig()
    opportunities = opportunities or OpportunityConfig()
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 3)
        clock = now

    taxonomy = taxonomy or load_taxonomy(taxonomy_path)
    matcher = ThemeMatcher(taxonomy)
    embedder = FallbackEmbedder(embedder) if embedder is not None else OfflineEmbedder()
    # Each input is dropped as soon as its typed copy exists: a caller that hands its reads over without keeping
    # them (as the theme asset does) frees them here, before the next copy is made.
    texts = prepare_verbatims(verbatims)
    del verbatims
    base = interview_base(interviews, texts)
    del interviews
    later = pd.to_datetime(base["interview_date"]) > pd.Timestamp(as_of)
    # From here on the verbatims are only matched, clustered and placed in a country: the filter's copy keeps just
    # those columns (the others, dates as Python objects among them, were 0.15 GB over a 17-day window at scale).
    kept = [c for c in ("verbatim_id", "submission_id", "text", "text_hash", "nps", "country_code") if c in texts]
    dropped = member(texts["submission_id"], base.loc[later, "submission_id"])
    texts = texts.loc[~dropped, kept].reset_index(drop=True)
    base = base[~later].reset_index(drop=True)
    lap("prepare")
    if assigned is None:
        assigned = assign_cached(texts, matcher, known_matches)
    assignments = assigned.assignments
    mentions = interview_mentions(assignments)
    lap("assign")
    clusters, members = discover(texts, assignments, matcher, embedder, discovery)
    lap("discover")
    member_mentions = members[["submission_id", "theme_id"]].drop_duplicates()
    all_mentions = pd.concat([mentions, member_mentions], ignore_index=True)
    summary = theme_summary(base, mentions, taxonomy)
    journey = journey_map(base, mentions, taxonomy)
    lap("summarise")
    catalogue = _catalogue(taxonomy, clusters, base, member_mentions, discovery.min_novelty)
    names = {r.theme_id: (r.theme_name, bool(r.discovered)) for r in catalogue.itertuples()}
    emerging_table = emerging_themes(base, all_mentions, as_of, names, emerging)
    lap("emerging")
    country = texts.set_index("verbatim_id")["country_code"]
    evidence = pd.concat(
        [assignments[["theme_id", "verbatim_id", "score"]], members.rename(columns={"similarity": "score"})],
        ignore_index=True,
    )[["theme_id", "verbatim_id", "score"]].assign(country_code=lambda f: f["verbatim_id"].map(country))
    ranked, ranked_frame = score_opportunities(base, all_mentions, emerging_table, catalogue, evidence, opportunities)
    lap("opportunities")
    stamp = {"taxonomy_version": taxonomy.version, "taxonomy_hash": taxonomy.content_hash}
    discovered_table = _discovered_table(clusters, catalogue, base, members, emerging_table, embedder.name)
    recent_start, _, trailing_start, trailing_end = windows(as_of, emerging)
    metadata = {
        **stamp,
        "taxonomy_path": taxonomy.path,
        "embedder": embedder.name,
        "embedder_error": getattr(embedder, "error", None),
        "as_of": as_of.isoformat(),
        "recent_window": [recent_start.isoformat(), as_of.isoformat()],
        "trailing_window": [trailing_start.isoformat(), trailing_end.isoformat()],
        "interviews_after_as_of_dropped": int(later.sum()),
        "verbatims": len(texts),
        "interviews": len(base),
        "interviews_with_text": int(base["has_text"].sum()),
        "verbatims_with_theme": int(assignments["verbatim_id"].nunique()),
        "distinct_texts": assigned.distinct_texts,
        "texts_matched_now": int(assigned.fresh["text_hash"].nunique()),
        "discovered_candidates": len(clusters),
        "timings_s": timings | {"total": round(sum(timings.values()), 3)},
    }
    return InsightResult(
        assignments=assignments,
        theme_summary=summary,
        journey_map=journey,
        emerging=emerging_table.assign(as_of=as_of, **stamp),
        discovered=discovered_table.assign(as_of=as_of, **stamp),
        discovered_members=members.assign(as_of=as_of, **stamp),
        opportunities=ranked_frame.assign(as_of=as_of, **stamp),
        opportunity_list=ranked,
        themes=_themes_table(catalogue).assign(**stamp),
        new_matches=assigned.fresh,
        metadata=metadata,
    )


def _catalogue(
    taxonomy: Taxonomy, clusters: list[Cluster], base: pd.DataFrame, members: pd.DataFrame, min_novelty: float
) -> pd.DataFrame:
    """Taxonomy themes and discovered candidates in one frame; a candidate's polarity comes from its
    mentioners' NPS: pain when they score 20+ points below the other interviews, praise when 20+ above."""
    rows = [
        (t.id, t.name, t.description, t.polarity, t.journey_stages, t.pain_points, False, "taxonomy")
        for t in taxonomy.themes
    ]
    stats = theme_stats(base, members, ()).set_index("theme_id") if len(members) else pd.DataFrame()
    for c in clusters:
        gap = stats.loc[c.theme_id, "nps_without"] - stats.loc[c.theme_id, "nps_mentioners"]
        polarity = "pain" if gap >= 20 else "praise" if gap <= -20 else "neutral"
        name = "Proposed: " + " / ".join(c.top_terms[:3])
        description = f"Discovered cluster ({c.distinct_texts} distinct texts), top terms: {', '.join(c.top_terms)}."
        if c.closest_theme:
            description += f" Closest existing theme: {c.closest_theme} ({c.closest_theme_share:.0%} of members)."
        stages = base[member(base["submission_id"], members.loc[members["theme_id"] == c.theme_id, "submission_id"])]
        top_stages = tuple(stages["journey_stage"].dropna().value_counts().sort_index().nlargest(2).index)
        status = "proposed" if c.novelty >= min_novelty and c.closest_theme_share < 0.5 else "covered"
        rows.append((c.theme_id, name, description, polarity, top_stages, (), True, status))
    columns = ["theme_id", "theme_name", "description", "polarity", "journey_stages", "pain_points"]
    return pd.DataFrame(rows, columns=[*columns, "discovered", "status"])


def _discovered_table(
    clusters: list[Cluster],
    catalogue: pd.DataFrame,
    base: pd.DataFrame,
    members: pd.DataFrame,
    emerging_table: pd.DataFrame,
    embedder_name: str,
) -> pd.DataFrame:
    info = catalogue.set_index("theme_id")
    pairs = members[["submission_id", "theme_id"]].drop_duplicates()
    stats = theme_stats(base, pairs, ()).set_index("theme_id") if len(pairs) else pd.DataFrame()
    flags = emerging_table.set_index("theme_id")
    dates = members.merge(base[["submission_id", "interview_date"]], on="submission_id")
    rows = []
    for c in clusters:
        s = stats.loc[c.theme_id]
        seen = dates.loc[dates["theme_id"] == c.theme_id, "interview_date"].dropna()
        rows.append(
            {
                "theme_id": c.theme_id,
                "theme_name": info.loc[c.theme_id, "theme_name"],
                "status": info.loc[c.theme_id, "status"],
                "polarity": info.loc[c.theme_id, "polarity"],
                "top_terms": json.dumps(list(c.top_terms), ensure_ascii=False),
                "novelty": c.novelty,
                "cohesion": c.cohesion,
                "distinct_texts": c.distinct_texts,
                "verbatims": int((members["theme_id"] == c.theme_id).sum()),
                "mentions": int(s["mentions"]),
                "share": s["share"],
                "nps_mentioners": s["nps_mentioners"],
                "nps_impact": s["nps_impact"],
                "detractor_share": s["detractor_share"],
                "closest_theme": c.closest_theme,
                "closest_theme_share": c.closest_theme_share,
                "emerging": bool(flags.loc[c.theme_id, "emerging"]),
                "emerging_candidate": bool(flags.loc[c.theme_id, "emerging_candidate"]),
                "first_seen": seen.min() if len(seen) else None,
                "last_seen": seen.max() if len(seen) else None,
                "representative_verbatim_ids": json.dumps(list(c.representatives)),
                "representative_texts": json.dumps(list(c.representative_texts), ensure_ascii=False),
                "embedder": embedder_name,
            }
        )
    return pd.DataFrame(rows, columns=_DISCOVERED_COLUMNS)


_DISCOVERED_COLUMNS = [
    "theme_id", "theme_name", "status", "polarity", "top_terms", "novelty", "cohesion", "distinct_texts",
    "verbatims", "mentions", "share", "nps_mentioners", "nps_impact", "detractor_share", "closest_theme",
    "closest_theme_share", "emerging", "emerging_candidate", "first_seen", "last_seen", "representative_verbatim_ids",
    "representative_texts", "embedder",
]  # fmt: skip


def _themes_table(catalogue: pd.DataFrame) -> pd.DataFrame:
    table = catalogue.copy()
    for column in ("journey_stages", "pain_points"):
        table[column] = [json.dumps(list(v)) for v in table[column]]
    return table
