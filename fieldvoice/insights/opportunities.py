"""Rank innovation opportunities among pain themes: score = reach x severity x growth.

Over all interviews passed in (the analysis period), for each pain theme of the taxonomy and each proposed
discovered theme whose mentioners are unhappy (polarity pain), with at least `min_mentions` mentions:
- reach = mentions / interviews with text (0..1);
- severity = 0.5 x clip(nps_gap / 100, 0, 1) + 0.5 x detractor_share, in 0..1, where
  nps_gap = nps_without - nps_mentioners = -nps_impact / r (the NPS points a mentioner costs compared with
  the other interviews; r = mentioners' share of scored interviews) and detractor_share = detractors among
  the scored mentioners. Reach is deliberately not in severity (nps_impact already scales with reach);
- growth = the largest rate_ratio among the theme's emerging rows (overall, or any country: a wave in two
  countries is an opportunity even when diluted over 17), clipped to [1, growth_cap]; 1 when the theme is
  not emerging anywhere, so a big, stable pain still ranks on reach x severity;
- score = reach x severity x growth. Ties break on theme_id.
Praise and signal themes (churn intent) are never opportunities.
"""

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from fieldvoice.insights.contracts import Opportunity
from fieldvoice.insights.stats import member, theme_stats


@dataclass(frozen=True)
class OpportunityConfig:
    growth_cap: float = 10.0
    min_mentions: int = 5
    evidence: int = 5  # representative verbatims per opportunity
    top: int | None = None  # keep the best n (None = all)


def rank_opportunities(
    base: pd.DataFrame,
    mentions: pd.DataFrame,
    emerging: pd.DataFrame,
    catalogue: pd.DataFrame,
    evidence: pd.DataFrame,
    config: OpportunityConfig = OpportunityConfig(),
) -> list[Opportunity]:
    """Ranked opportunities (see score_opportunities for the arguments)."""
    return score_opportunities(base, mentions, emerging, catalogue, evidence, config)[0]


def score_opportunities(
    base: pd.DataFrame,
    mentions: pd.DataFrame,
    emerging: pd.DataFrame,
    catalogue: pd.DataFrame,
    evidence: pd.DataFrame,
    config: OpportunityConfig = OpportunityConfig(),
) -> tuple[list[Opportunity], pd.DataFrame]:
    """Ranked opportunities and their table form (OPPORTUNITY_COLUMNS, tuples as JSON text, plus the score's
    evidence: nps_gap, detractor_share, growth_scope, so that every score can be recomputed from its row).

    `base`: stats.interview_base; `mentions`: (submission_id, theme_id) including discovered themes;
    `emerging`: emerging.emerging_themes; `catalogue`: the themes table (theme_id, theme_name, description,
    polarity, journey_stages, discovered, status); `evidence`: (theme_id, verbatim_id, country_code, score)
    candidates for the representative verbatims."""
    candidates = catalogue[
        (catalogue["polarity"] == "pain") & (~catalogue["discovered"] | (catalogue["status"] == "proposed"))
    ]
    stats = theme_stats(base, mentions[member(mentions["theme_id"], candidates["theme_id"])], ())
    stats = stats[stats["mentions"] >= config.min_mentions].set_index("theme_id")
    scored = []
    for theme in candidates.itertuples(index=False):
        if theme.theme_id not in stats.index:
            continue
        s = stats.loc[theme.theme_id]
        gap = 0.0 if pd.isna(s["nps_impact"]) else float(s["nps_without"] - s["nps_mentioners"])
        detractors = 0.0 if pd.isna(s["detractor_share"]) else float(s["detractor_share"])
        severity = 0.5 * float(np.clip(gap / 100, 0, 1)) + 0.5 * detractors
        growth, p_value, scope = _growth(emerging[emerging["theme_id"] == theme.theme_id], config.growth_cap)
        reach = float(s["share"]) if not pd.isna(s["share"]) else 0.0
        record = {"score": round(reach * severity * growth, 8), "reach": round(reach, 6)}
        record |= {"severity": round(severity, 6), "nps_gap": round(gap, 2), "detractor_share": round(detractors, 6)}
        record |= {"growth": round(growth, 6), "growth_scope": scope, "growth_p_value": p_value}
        scored.append((theme, s, record))
    scored.sort(key=lambda item: (-item[2]["score"], item[0].theme_id))
    scored = scored[: config.top] if config.top is not None else scored
    # Only the ranked themes' mentions, and only the columns their breakdowns read: over a 17-day window the
    # whole join would copy a million mentions with every interview column.
    ranked_ids = [theme.theme_id for theme, _, _ in scored]
    breakdown = ["submission_id", "country_code", "customer_segment", "pain_points", "interview_week"]
    joined = mentions[member(mentions["theme_id"], ranked_ids)].merge(base[breakdown], on="submission_id")
    # Computed once, not per ranked theme: over a 17-day window of 125,000 interviews a day it is a groupby
    # over millions of rows.
    evidence = evidence.assign(themes=evidence.groupby("verbatim_id")["theme_id"].transform("nunique"))
    opportunities, rows = [], []
    for rank, (theme, s, record) in enumerate(scored, start=1):
        mine = joined[joined["theme_id"] == theme.theme_id]
        countries = _counts(mine["country_code"])
        weekly = mine.groupby("interview_week").size().sort_index()
        opportunity = Opportunity(
            rank=rank,
            theme_id=theme.theme_id,
            theme_name=theme.theme_name,
            description=theme.description,
            discovered=bool(theme.discovered),
            journey_stages=tuple(theme.journey_stages),
            score=record["score"],
            reach=record["reach"],
            severity=record["severity"],
            growth=record["growth"],
            growth_p_value=record["growth_p_value"],
            mentions=int(s["mentions"]),
            nps_mentioners=float(s["nps_mentioners"]),
            nps_impact=0.0 if pd.isna(s["nps_impact"]) else float(s["nps_impact"]),
            countries=countries,
            segments=_counts(mine["customer_segment"]),
            pain_points=_counts(mine["pain_points"].dropna().str.split().explode()),
            weekly_trend=tuple((str(week), int(n)) for week, n in weekly.items()),
            evidence_verbatim_ids=_evidence(evidence, theme.theme_id, [c for c, _ in countries], config.evidence),
        )
        opportunities.append(opportunity)
        rows.append(_row(opportunity, record))
    return opportunities, pd.DataFrame(rows, columns=list(OPPORTUNITY_COLUMNS))


OPPORTUNITY_COLUMNS = (
    "rank", "theme_id", "theme_name", "discovered", "score", "reach", "severity", "nps_gap", "detractor_share",
    "growth", "growth_scope", "growth_p_value", "mentions", "nps_mentioners", "nps_impact", "journey_stages",
    "countries", "segments", "pain_points", "weekly_trend", "evidence_verbatim_ids", "description",
)  # fmt: skip


def _row(o: Opportunity, record: dict) -> dict:
    return {
        **{k: getattr(o, k) for k in ("rank", "theme_id", "theme_name", "discovered", "score", "reach")},
        **{k: record[k] for k in ("severity", "nps_gap", "detractor_share", "growth", "growth_scope")},
        **{k: getattr(o, k) for k in ("growth_p_value", "mentions", "nps_mentioners", "nps_impact")},
        "journey_stages": json.dumps(list(o.journey_stages)),
        "countries": json.dumps(dict(o.countries)),
        "segments": json.dumps(dict(o.segments)),
        "pain_points": json.dumps(dict(o.pain_points)),
        "weekly_trend": json.dumps(dict(o.weekly_trend)),
        "evidence_verbatim_ids": json.dumps(list(o.evidence_verbatim_ids)),
        "description": o.description,
    }


def _growth(rows: pd.DataFrame, cap: float) -> tuple[float, float | None, str]:
    overall = rows[rows["scope"] != "country_theme"]
    p_overall = overall["p_value"].iloc[0] if len(overall) else np.nan
    hot = rows[rows["emerging"]]
    if hot.empty:
        return 1.0, None if pd.isna(p_overall) else float(p_overall), "none"
    best = hot.sort_values(["rate_ratio", "scope"], ascending=[False, True]).iloc[0]
    scope = best["country_code"] if isinstance(best["country_code"], str) else "overall"  # null for overall
    return float(np.clip(best["rate_ratio"], 1.0, cap)), float(best["p_value"]), scope


def _counts(values: pd.Series) -> tuple[tuple[str, int], ...]:
    counts = values.dropna().astype(str).value_counts()
    return tuple(sorted(((k, int(v)) for k, v in counts.items()), key=lambda kv: (-kv[1], kv[0])))


def _evidence(evidence: pd.DataFrame, theme_id: str, countries: list[str], n: int) -> tuple[str, ...]:
    """The most focused, strongest verbatims, taken in turn from the theme's countries (most mentions first).

    Focus first (`themes`: how many themes each verbatim touches): a verbatim that touches ten themes (a long
    rant) makes a poor quote for any one of them, and an excerpt of it may not even reach this theme's part."""
    rows = evidence[evidence["theme_id"] == theme_id].sort_values(
        ["themes", "score", "verbatim_id"], ascending=[True, False, True]
    )
    queues = {c: list(g["verbatim_id"]) for c, g in rows.groupby("country_code", sort=False)}
    order = [c for c in countries if c in queues] + sorted(set(queues) - set(countries))
    chosen: list[str] = []
    while len(chosen) < n and any(queues[c] for c in order):
        for c in order:
            if queues[c] and len(chosen) < n:
                chosen.append(queues[c].pop(0))
    return tuple(chosen)


def opportunities_from_frame(frame: pd.DataFrame) -> list[Opportunity]:
    """Rebuild the Opportunity list from the stored `insights.opportunities` table (JSON columns decoded)."""

    def pairs(text: str) -> tuple[tuple[str, int], ...]:
        return tuple((str(k), int(v)) for k, v in json.loads(text or "{}").items())

    def optional(value: object) -> float | None:
        return None if value is None or pd.isna(value) else float(value)

    return [
        Opportunity(
            rank=int(r["rank"]),
            theme_id=str(r["theme_id"]),
            theme_name=str(r["theme_name"]),
            description=str(r["description"] or ""),
            discovered=bool(r["discovered"]),
            journey_stages=tuple(json.loads(r["journey_stages"] or "[]")),
            score=float(r["score"]),
            reach=float(r["reach"]),
            severity=float(r["severity"]),
            growth=float(r["growth"]),
            growth_p_value=optional(r["growth_p_value"]),
            mentions=int(r["mentions"]),
            nps_mentioners=float(r["nps_mentioners"]),
            nps_impact=float(r["nps_impact"]),
            countries=pairs(r["countries"]),
            segments=pairs(r["segments"]),
            pain_points=pairs(r["pain_points"]),
            weekly_trend=pairs(r["weekly_trend"]),
            evidence_verbatim_ids=tuple(json.loads(r["evidence_verbatim_ids"] or "[]")),
        )
        for r in frame.sort_values("rank").to_dict("records")
    ]
