"""Generated landing days -> `validated.interviews`-like frames, with light typing (not the real validation).

Reads with `fieldvoice.ingest.day.read_day` (the production reader), then: timestamps to UTC, scores to Int64,
coordinates to float, consent to bool, re-exports resolved (latest submitted_at wins), PII and text withdrawn
where consent is not yes. Enough for fieldqa, which only needs the validated columns' types.
"""

from datetime import date
from pathlib import Path

import pandas as pd

from fieldvoice.contract import DECIMAL_COLUMNS, INTEGER_COLUMNS, TIMESTAMP_COLUMNS
from fieldvoice.ingest.day import read_day


def type_like_validated(raw: pd.DataFrame) -> pd.DataFrame:
    out = raw.copy()
    for column in TIMESTAMP_COLUMNS:
        out[column] = pd.to_datetime(out[column], format="ISO8601", utc=True, errors="coerce").astype(
            "datetime64[us, UTC]"
        )
    for column in INTEGER_COLUMNS:
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("Int64")
    for column in DECIMAL_COLUMNS:
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
    for column in ("consent", "callback_requested"):
        out[column] = out[column].str.lower().map({"yes": True, "no": False}).astype("boolean")
    out = out.sort_values("submitted_at", kind="stable").drop_duplicates("submission_id", keep="last")
    withheld = ~out["consent"].fillna(False).astype(bool)
    for column in ("customer_name", "customer_msisdn", "customer_ref", "verbatim", "suggestion"):
        out[column] = out[column].astype("string").mask(withheld)
    return out.reset_index(drop=True)


def validated_days(landing: Path, days: list[date]) -> dict[date, pd.DataFrame]:
    return {day: type_like_validated(read_day(landing, day)[0]) for day in days}


def localities(landing: Path) -> pd.DataFrame:
    return pd.read_csv(landing / "reference" / "localities.csv", keep_default_na=False)
