"""Mentions, share and NPS impact of themes at any grain (country x stage x segment x week, stage, overall).

Definitions (interview level: an interview mentions a theme when its verbatim or its suggestion does):
- share = mentions / interviews with text at that grain;
- NPS = 100 x (promoters - detractors) / scored interviews (9-10 promoter, 0-6 detractor, Bain cut-offs);
- nps_all: NPS of every interview at that grain, with or without text (consent "no" keeps the scores);
- nps_mentioners: NPS of the interviews that mention the theme;
- nps_without: NPS of the interviews at that grain that do NOT mention it;
- nps_impact = nps_all - nps_without. NEGATIVE = the theme drags the grain's NPS down: removing its mentioners
  would raise NPS by that many points. Since nps_all = r.nps_mentioners + (1-r).nps_without (r = the
  mentioners' share of the scored interviews), nps_impact = r x (nps_mentioners - nps_without): it grows with
  both reach and how unhappy the mentioners are. Null when every scored interview mentions the theme.
- n = scored interviews at the grain (the NPS base); read small-n cells with care.
"""

from collections.abc import Iterable

import numpy as np
import pandas as pd

from fieldvoice.insights.taxonomy import Taxonomy

SUMMARY_GRAIN = ("country_code", "journey_stage", "customer_segment", "interview_week")
STAT_COLUMNS = (
    "mentions",  # interviews mentioning the theme
    "interviews",  # interviews at the grain (with or without text)
    "interviews_with_text",
    "share",  # mentions / interviews_with_text
    "n",  # scored interviews at the grain (NPS base)
    "n_mentioners",  # scored interviews among the mentioners
    "nps_all",
    "nps_mentioners",
    "nps_without",
    "nps_impact",  # nps_all - nps_without (negative = drags NPS down)
    "detractor_share",  # detractors / scored mentioners
)


def interview_base(interviews: pd.DataFrame | None, verbatims: pd.DataFrame) -> pd.DataFrame:
    """One row per interview: attributes, nps (0-10 or NaN), has_text; sorted by submission_id."""
    columns = ["country_code", "customer_segment", "journey_stage", "nps", "interview_date", "interview_week"]
    from_text = verbatims.drop_duplicates("submission_id")[["submission_id", *columns]].assign(pain_points=None)
    if interviews is None or interviews.empty:
        base = from_text
    else:
        base = interviews.copy()
        for column in [*columns, "pain_points"]:
            if column not in base.columns:
                base[column] = None
        base = base.drop_duplicates("submission_id")[["submission_id", *columns, "pain_points"]]
        orphans = from_text[~member(from_text["submission_id"], base["submission_id"])]
        base = pd.concat([base, orphans], ignore_index=True) if len(orphans) else base
    base["nps"] = pd.to_numeric(base["nps"], errors="coerce")
    base.loc[~base["nps"].between(0, 10), "nps"] = np.nan
    dates = pd.to_datetime(base["interview_date"], errors="coerce")
    base["interview_date"] = dates.dt.date
    weeks = pd.to_datetime(base["interview_week"], errors="coerce")
    base["interview_week"] = weeks.fillna(dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.date
    base["has_text"] = member(base["submission_id"], verbatims["submission_id"])
    return base.sort_values("submission_id", kind="stable").reset_index(drop=True)


def interview_mentions(assignments: pd.DataFrame) -> pd.DataFrame:
    """(submission_id, theme_id) pairs, once per interview whichever of its texts mentioned the theme."""
    pairs = assignments[["submission_id", "theme_id"]].drop_duplicates()
    return pairs.sort_values(["theme_id", "submission_id"], kind="stable").reset_index(drop=True)


def theme_stats(base: pd.DataFrame, mentions: pd.DataFrame, grain: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """STAT_COLUMNS per grain x theme, for every (grain, theme) with at least one mention."""
    keys = list(grain) or ["_all"]
    nps = base["nps"]
    flags = base.assign(_all="all", _scored=nps.notna(), _prom=nps >= 9, _det=nps <= 6, _text=base["has_text"])
    totals = (
        flags.groupby(keys, dropna=False, sort=True)
        .agg(
            interviews=("submission_id", "size"),
            interviews_with_text=("_text", "sum"),
            n=("_scored", "sum"),
            promoters=("_prom", "sum"),
            detractors=("_det", "sum"),
        )
        .reset_index()
    )
    joined = mentions.merge(flags[["submission_id", *keys, "_scored", "_prom", "_det"]], on="submission_id")
    per = (
        joined.groupby([*keys, "theme_id"], dropna=False, sort=True)
        .agg(
            mentions=("submission_id", "size"),
            n_mentioners=("_scored", "sum"),
            promoters_m=("_prom", "sum"),
            detractors_m=("_det", "sum"),
        )
        .reset_index()
    )
    out = per.merge(totals, on=keys, how="left")
    rest = out["n"] - out["n_mentioners"]
    out["share"] = _ratio(out["mentions"], out["interviews_with_text"])
    out["nps_all"] = 100 * _ratio(out["promoters"] - out["detractors"], out["n"])
    out["nps_mentioners"] = 100 * _ratio(out["promoters_m"] - out["detractors_m"], out["n_mentioners"])
    remaining = (out["promoters"] - out["promoters_m"]) - (out["detractors"] - out["detractors_m"])
    out["nps_without"] = 100 * _ratio(remaining, rest)
    out["nps_impact"] = out["nps_all"] - out["nps_without"]
    out["detractor_share"] = _ratio(out["detractors_m"], out["n_mentioners"])
    for column in ("nps_all", "nps_mentioners", "nps_without", "nps_impact"):
        out[column] = out[column].round(2)
    out["share"] = out["share"].round(6)
    out["detractor_share"] = out["detractor_share"].round(6)
    ints = ["mentions", "interviews", "interviews_with_text", "n", "n_mentioners"]
    out[ints] = out[ints].astype("int64")
    return out[[*list(grain), "theme_id", *STAT_COLUMNS]]


def theme_summary(base: pd.DataFrame, mentions: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """Taxonomy themes by country x stage x segment x week (cells with at least one mention)."""
    stats = theme_stats(base, mentions[member(mentions["theme_id"], _ids(taxonomy))], SUMMARY_GRAIN)
    return _named(stats, taxonomy, len(SUMMARY_GRAIN))


def journey_map(base: pd.DataFrame, mentions: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """Stage x theme (long form): mentions, share and impact, and whether the taxonomy expects the theme there."""
    stats = theme_stats(base, mentions[member(mentions["theme_id"], _ids(taxonomy))], ("journey_stage",))
    stages = {t.id: t.journey_stages for t in taxonomy.themes}
    expected = [stage in stages[theme] for stage, theme in zip(stats["journey_stage"], stats["theme_id"], strict=True)]
    stats.insert(2, "declared_stage", expected)
    return _named(stats, taxonomy, 1)


def journey_matrix(journey: pd.DataFrame, value: str = "share") -> pd.DataFrame:
    """The journey map pivoted: one row per stage, one column per theme (for display)."""
    return journey.pivot_table(index="journey_stage", columns="theme_id", values=value, aggfunc="first", sort=True)


def _named(stats: pd.DataFrame, taxonomy: Taxonomy, position: int) -> pd.DataFrame:
    names = {t.id: t.name for t in taxonomy.themes}
    polarity = {t.id: t.polarity for t in taxonomy.themes}
    stats.insert(position + 1, "theme_name", stats["theme_id"].map(names))
    stats.insert(position + 2, "polarity", stats["theme_id"].map(polarity))
    return stats.assign(taxonomy_version=taxonomy.version, taxonomy_hash=taxonomy.content_hash).reset_index(drop=True)


def _ids(taxonomy: Taxonomy) -> set[str]:
    return {t.id for t in taxonomy.themes}


def member(values: pd.Series, pool: pd.Series | Iterable[str]) -> np.ndarray:
    """values.isin(pool) through a Python set: pandas 3's isin on Arrow strings walks the values in Python
    and was 50x slower (2.2 s for 50,000 ids)."""
    known = set(pool.to_numpy(dtype=object).tolist() if isinstance(pool, pd.Series) else pool)
    return np.fromiter((v in known for v in values.to_numpy(dtype=object).tolist()), bool, len(values))


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    num = numerator.astype("float64")
    den = denominator.astype("float64")
    return (num / den.where(den > 0)).astype("float64")
