"""Emerging themes: is a theme mentioned more often in the recent window than in the trailing one?

Windows, on interview_date, relative to `as_of` (inclusive): recent = the `recent_days` days ending on as_of;
trailing = the `trailing_days` days just before. Rate = interviews mentioning the theme / interviews with
text in the window (per country for the country x theme scope).

Test (one-sided, H1: recent rate > trailing rate): the pooled two-proportion z-test when every expected cell
count of the 2x2 table is >= 5, otherwise Fisher's exact test (one-sided), which stays valid for rare themes.
p-values are adjusted with Benjamini-Hochberg within each scope (theme, country_theme, discovered) because
hundreds of cells are tested at once; q_value is the adjusted value.

rate_ratio = ((x1 + 0.5) / (n1 + 1)) / ((x0 + 0.5) / (n0 + 1)): a smoothed ratio that stays finite when the
trailing window has no mention. A theme is `emerging` when q_value <= alpha, the recent window holds at least
`min_recent_mentions` mentions and rate_ratio >= `min_rate_ratio`. A window with no interview at all makes the
row untestable (test "none", emerging false).

`emerging_candidate` is the same rule on the unadjusted p-value: a screening flag for a human to look at
(new discovered clusters are small and many, so few survive the adjustment early on); `emerging` is the
confirmed flag, and only it feeds the opportunity score's growth.
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

EMERGING_COLUMNS = (
    "scope",  # theme | country_theme | discovered
    "country_code",  # null for the theme and discovered scopes
    "theme_id",
    "theme_name",
    "discovered",
    "recent_start",
    "recent_end",
    "trailing_start",
    "trailing_end",
    "recent_mentions",
    "recent_n",  # interviews with text in the recent window
    "recent_rate",
    "trailing_mentions",
    "trailing_n",
    "trailing_rate",
    "rate_ratio",
    "z",
    "p_value",
    "q_value",
    "test",  # z | fisher | none
    "emerging",  # BH-confirmed
    "emerging_candidate",  # same rule on the unadjusted p-value (screening)
    "new_in_recent",  # emerging with no trailing mention at all
)


@dataclass(frozen=True)
class EmergingConfig:
    recent_days: int = 3
    trailing_days: int = 14
    alpha: float = 0.05
    min_recent_mentions: int = 5
    min_rate_ratio: float = 1.5


def windows(as_of: date, config: EmergingConfig) -> tuple[date, date, date, date]:
    recent_start = as_of - timedelta(days=config.recent_days - 1)
    trailing_end = recent_start - timedelta(days=1)
    return recent_start, as_of, trailing_end - timedelta(days=config.trailing_days - 1), trailing_end


def emerging_themes(
    base: pd.DataFrame,
    mentions: pd.DataFrame,
    as_of: date,
    names: dict[str, tuple[str, bool]],
    config: EmergingConfig = EmergingConfig(),
) -> pd.DataFrame:
    """EMERGING_COLUMNS for every theme of `names` (theme_id -> (name, discovered)) overall, and per country
    for the taxonomy themes with at least one mention in either window."""
    recent_start, recent_end, trailing_start, trailing_end = windows(as_of, config)
    dates = pd.to_datetime(base["interview_date"], errors="coerce")
    window = np.select(
        [
            (dates >= pd.Timestamp(recent_start)) & (dates <= pd.Timestamp(recent_end)),
            (dates >= pd.Timestamp(trailing_start)) & (dates <= pd.Timestamp(trailing_end)),
        ],
        ["recent", "trailing"],
        default="",
    )
    # Only the columns read below: a copy of the whole base is 0.2 GB over a 17-day window at scale.
    frame = base[["submission_id", "country_code"]].assign(_window=window)
    frame = frame[base["has_text"].to_numpy(dtype=bool) & (window != "")]
    n_all = frame.groupby("_window").size()
    n_country = frame.groupby(["country_code", "_window"]).size()
    hits = mentions.merge(frame[["submission_id", "country_code", "_window"]], on="submission_id")
    x_all = hits.groupby(["theme_id", "_window"]).size()
    x_country = hits.groupby(["theme_id", "country_code", "_window"]).size()
    countries = {t: sorted(set(g)) for t, g in hits.groupby("theme_id")["country_code"]}
    rows = []
    for theme_id in sorted(names):
        name, discovered = names[theme_id]
        counts = (_get(x_all, (theme_id, "recent")), _get(n_all, "recent"))
        counts += (_get(x_all, (theme_id, "trailing")), _get(n_all, "trailing"))
        rows.append(("discovered" if discovered else "theme", None, theme_id, name, discovered, *counts))
        if discovered:
            continue
        for country in countries.get(theme_id, []):
            counts = (_get(x_country, (theme_id, country, "recent")), _get(n_country, (country, "recent")))
            counts += (_get(x_country, (theme_id, country, "trailing")), _get(n_country, (country, "trailing")))
            rows.append(("country_theme", country, theme_id, name, False, *counts))
    table = pd.DataFrame(
        rows,
        columns=[
            "scope", "country_code", "theme_id", "theme_name", "discovered",
            "recent_mentions", "recent_n", "trailing_mentions", "trailing_n",
        ],
    )  # fmt: skip
    tests = [_test(*r) for r in table[["recent_mentions", "recent_n", "trailing_mentions", "trailing_n"]].to_numpy()]
    table["z"] = [round(t[0], 6) if not math.isnan(t[0]) else np.nan for t in tests]
    table["p_value"] = [t[1] for t in tests]
    table["test"] = [t[2] for t in tests]
    table["q_value"] = table.groupby("scope")["p_value"].transform(benjamini_hochberg)
    x1, n1, x0, n0 = (
        table[c].astype("float64") for c in ("recent_mentions", "recent_n", "trailing_mentions", "trailing_n")
    )
    table["recent_rate"] = (x1 / n1.where(n1 > 0)).round(6)
    table["trailing_rate"] = (x0 / n0.where(n0 > 0)).round(6)
    table["rate_ratio"] = (((x1 + 0.5) / (n1 + 1)) / ((x0 + 0.5) / (n0 + 1))).round(6)
    enough = (table["recent_mentions"] >= config.min_recent_mentions) & (table["rate_ratio"] >= config.min_rate_ratio)
    table["emerging"] = (enough & (table["q_value"] <= config.alpha)).fillna(False).astype(bool)
    table["emerging_candidate"] = (enough & (table["p_value"] <= config.alpha)).fillna(False).astype(bool)
    table["new_in_recent"] = table["emerging"] & (table["trailing_mentions"] == 0)
    table["p_value"] = table["p_value"].round(12)
    table["q_value"] = table["q_value"].round(12)
    table["recent_start"], table["recent_end"] = recent_start, recent_end
    table["trailing_start"], table["trailing_end"] = trailing_start, trailing_end
    return table[list(EMERGING_COLUMNS)]


def _get(series: pd.Series, key: object) -> int:
    try:
        return int(series.loc[key])
    except KeyError:
        return 0


def _test(x1: int, n1: int, x0: int, n0: int) -> tuple[float, float, str]:
    """(z, one-sided p-value, test name) for H1: x1/n1 > x0/n0."""
    from scipy.stats import fisher_exact, norm  # lazy: see embed.py

    if n1 == 0 or n0 == 0:
        return math.nan, math.nan, "none"
    pooled = (x1 + x0) / (n1 + n0)
    if pooled in (0.0, 1.0):
        return 0.0, 1.0, "z"
    z = (x1 / n1 - x0 / n0) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0))
    expected = min(n1 * pooled, n1 * (1 - pooled), n0 * pooled, n0 * (1 - pooled))
    if expected >= 5:
        return z, float(norm.sf(z)), "z"
    table = [[int(x1), int(n1 - x1)], [int(x0), int(n0 - x0)]]
    return z, float(fisher_exact(table, alternative="greater").pvalue), "fisher"


def benjamini_hochberg(p_values: pd.Series) -> pd.Series:
    """BH-adjusted q-values (NaN stays NaN); monotone, capped at 1."""
    valid = p_values.dropna()
    if valid.empty:
        return pd.Series(np.nan, index=p_values.index)
    order = valid.sort_values(kind="stable")
    m = len(order)
    adjusted = order.to_numpy() * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(adjusted[::-1])[::-1].clip(max=1.0)
    return pd.Series(adjusted, index=order.index).reindex(p_values.index)
