"""Raw VARCHAR rows -> the frame the suites run on: typed canonical columns, `<col>__unparsed`, derived columns.

The frame keeps the raw row order (`_row` = position) so GX failures map back to raw rows, and lineage
columns pass through untouched.
"""

from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from fieldvoice import contract as c
from fieldvoice.ingest.reference import REFERENCE_LINEAGE  # lineage columns ingest writes on every reference row
from fieldvoice.quality import parsing as p
from fieldvoice.quality.gx_runner import ROW_ID

INTERVIEW_LINEAGE = (
    "partition_date",
    "source_file",
    "source_line",
    "file_sha256",
    "dialect",
    "ingested_at",
    "extra_columns",
)
_MINUTE = pd.Timedelta(minutes=1)


def _column(raw: pd.DataFrame, name: str) -> pd.Series:
    """A raw column, or an all-null one when an optional column is absent."""
    if name in raw.columns:
        return raw[name]
    return pd.Series(pd.NA, index=raw.index, dtype=p.TEXT)


def prepare_interviews(raw: pd.DataFrame, now: datetime) -> pd.DataFrame:
    raw = raw.reset_index(drop=True)
    # Columns gathered in a dict and framed once: inserting ~75 columns one by one costs more than parsing some.
    out: dict[str, Any] = {ROW_ID: np.arange(len(raw))}
    country = p.normalise_code(_column(raw, "country_code"), upper=True)
    out["submission_id"] = p.clean_text(_column(raw, "submission_id"))
    for col in c.TIMESTAMP_COLUMNS:
        out[col], out[f"{col}__unparsed"] = p.parse_timestamps(_column(raw, col), country)
    out["collaborator_id"] = p.clean_text(_column(raw, "collaborator_id")).str.upper()
    out["country_code"] = country
    out["locality"] = p.clean_text(_column(raw, "locality"))
    for col in c.DECIMAL_COLUMNS:
        out[col], out[f"{col}__unparsed"] = p.parse_decimals(_column(raw, col))
    out["customer_ref"] = p.clean_text(_column(raw, "customer_ref")).str.upper()
    out["customer_name"] = p.clean_text(_column(raw, "customer_name"))
    # "+221 77-123 45 67" -> "+221771234567": separators carry no meaning in an E.164 number.
    out["customer_msisdn"] = p.clean_text(_column(raw, "customer_msisdn")).str.replace(r"[ \t\-().]", "", regex=True)
    for col in ("customer_segment", "journey_stage"):
        out[col] = p.normalise_code(_column(raw, col))
    for col in c.MULTI_SELECT_COLUMNS:
        out[col] = p.normalise_multi_select(_column(raw, col))
    for col in c.INTEGER_COLUMNS:
        out[col], out[f"{col}__unparsed"] = p.parse_integers(_column(raw, col))
    for col in c.FREE_TEXT_COLUMNS:
        out[col] = p.clean_text(_column(raw, col))
    out["language"] = p.clean_text(_column(raw, "language")).str.lower()
    for col in ("callback_requested", "consent"):
        out[col], out[f"{col}__flag"] = p.parse_yes_no(_column(raw, col))
    for col in ("app_version", "device_id", "record_issue"):
        out[col] = p.clean_text(_column(raw, col))
    _derive(out, now)
    for col in INTERVIEW_LINEAGE:
        out[col] = _column(raw, col)  # same RangeIndex as the parsed columns
    return pd.DataFrame(out)


def _derive(out: dict[str, Any], now: datetime) -> None:
    start, end, submitted = out["interview_start"], out["interview_end"], out["submitted_at"]
    out["interview_minutes"] = (end - start) / _MINUTE
    out["submission_lag_minutes"] = (submitted - end) / _MINUTE
    out["minutes_ahead_of_now"] = (submitted - pd.Timestamp(now).tz_convert("UTC")) / _MINUTE
    out["coordinates_in_country"] = p.in_country_box(out["country_code"], out["latitude"], out["longitude"])
    out["country_locality"] = p.locality_keys(out["country_code"], out["locality"])
    hours = np.full(len(start), np.nan)
    for code, rows in out["country_code"].groupby(out["country_code"]).indices.items():  # positions per country
        if code in c.COUNTRIES:
            local = start.iloc[rows].dt.tz_convert(c.COUNTRIES[code].timezone)
            hours[rows] = local.dt.hour.to_numpy(dtype="float64", na_value=np.nan)
    out["interview_start_local_hour"] = hours


def prepare_reference(name: str, raw: pd.DataFrame) -> pd.DataFrame:
    raw = raw.reset_index(drop=True)
    out = pd.DataFrame({ROW_ID: np.arange(len(raw))})
    for col in c.REFERENCE_FILES[name]:
        out[col] = p.clean_text(_column(raw, col))
    out["country_code"] = out["country_code"].str.upper()
    if name == "collaborators":
        out["collaborator_id"] = out["collaborator_id"].str.upper()
        out["country_locality"] = p.locality_keys(out["country_code"], out["home_locality"])
    elif name == "targets":
        out["customer_ref"] = out["customer_ref"].str.upper()
        out["segment"] = p.normalise_code(out["segment"])
        ref_country = out["customer_ref"].str.slice(4, 6)
        out["customer_ref_country_matches"] = (ref_country == out["country_code"]).astype("boolean")
        out["country_locality"] = p.locality_keys(out["country_code"], out["locality"])
    else:
        out["locality_type"] = p.normalise_code(out["locality_type"])
        for col in ("latitude", "longitude"):
            out[col], out[f"{col}__unparsed"] = p.parse_decimals(out[col])
        out["coordinates_in_country"] = p.in_country_box(out["country_code"], out["latitude"], out["longitude"])
        out["country_locality"] = p.locality_keys(out["country_code"], out["locality"])
    for col in REFERENCE_LINEAGE:
        out[col] = _column(raw, col)
    return out
