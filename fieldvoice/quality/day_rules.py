"""Day-level rules GX has no expectation for; declared in the suite's `meta.fieldvoice.custom_expectations`."""

from datetime import date
from typing import Any

import pandas as pd

from fieldvoice.quality.results import ExpectationOutcome

VOLUME_RULE_TYPE = "expect_country_volume_near_trailing_average"


def country_volume(
    today: pd.DataFrame, history: pd.DataFrame | None, partition: date, config: dict[str, Any]
) -> ExpectationOutcome:
    """Rows per country today vs the trailing mean of `history` (columns partition_date, country_code, rows).

    A day present in history but without a row for a country counts 0 for that country, so a country that
    usually sends 900 and goes silent shows a falling mean as well as today's 0.
    """
    kwargs, meta = config["kwargs"], config["meta"]
    base = {
        "expectation": config["type"],
        "column": "country_code",
        "level": meta["level"],
        "reason": meta["reason"],
        "kwargs": kwargs,
    }
    if history is None or history.empty or partition is None:
        return ExpectationOutcome(**base, success=None, error="skipped: no history or no partition date given")
    hist = history.assign(partition_date=pd.to_datetime(history["partition_date"]).dt.date)
    window_start = partition - pd.Timedelta(days=kwargs["window_days"])
    hist = hist[(hist["partition_date"] < partition) & (hist["partition_date"] >= window_start)]
    days = hist["partition_date"].nunique()
    if days < kwargs["min_history_days"]:
        return ExpectationOutcome(**base, success=None, error=f"skipped: {days} day(s) of history")
    per_day = hist.pivot_table(index="partition_date", columns="country_code", values="rows", aggfunc="sum")
    means = per_day.fillna(0).mean()
    counts = today.set_index("country_code")["rows"] if len(today) else pd.Series(dtype="int64")
    anomalies = []
    for country, mean in means.items():
        if mean < kwargs["min_mean_rows"]:
            continue
        rows = int(counts.get(country, 0))
        ratio = rows / mean
        if not kwargs["min_ratio"] <= ratio <= kwargs["max_ratio"]:
            anomalies.append(
                {
                    "country_code": country,
                    "rows": rows,
                    "trailing_mean": round(float(mean), 1),
                    "ratio": round(ratio, 2),
                }
            )
    checked = int((means >= kwargs["min_mean_rows"]).sum())
    return ExpectationOutcome(
        **base,
        success=not anomalies,
        element_count=checked,
        unexpected_count=len(anomalies),
        unexpected_percent=100.0 * len(anomalies) / checked if checked else 0.0,
        observed_value=anomalies,
        sample=tuple(anomalies[:10]),
    )
