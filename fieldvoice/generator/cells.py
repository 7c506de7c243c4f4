"""Render interview values the way exports write them: local ISO timestamps, integers, decimals, JSON types."""

import math
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from fieldvoice.contract import (
    CANONICAL_COLUMNS,
    COUNTRIES,
    DECIMAL_COLUMNS,
    INTEGER_COLUMNS,
    MULTI_SELECT_COLUMNS,
    TIMESTAMP_COLUMNS,
)

_HOUR_MS = 3_600_000


@cache
def _offset_minutes(cc: str, hour: int) -> int:
    """The country's UTC offset during that UTC hour (offsets change on whole hours in these zones)."""
    offset = datetime.fromtimestamp(hour * 3600, ZoneInfo(COUNTRIES[cc].timezone)).utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 60)


@cache
def _suffix(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def iso_local(ms: Sequence[int], cc: Sequence[str], millis: bool = False) -> list[str]:
    """ISO-8601 local times with the country's offset, e.g. 2026-11-02T11:00:00+01:00 (vectorised)."""
    utc = np.asarray(ms, dtype=np.int64)
    offsets = [_offset_minutes(c, m // _HOUR_MS) for c, m in zip(cc, utc.tolist(), strict=True)]
    local = (utc + np.array(offsets, dtype=np.int64) * 60_000).astype("datetime64[ms]")
    text = np.datetime_as_string(local, unit="ms" if millis else "s").tolist()
    return [t + _suffix(o) for t, o in zip(text, offsets, strict=True)]


def iso_utc(ms: Sequence[int], millis: bool, suffix: str) -> list[str]:
    """UTC times: Kobo's `_submission_time` (no offset, seconds), ODK's `SubmissionDate` (milliseconds, Z)."""
    moments = np.asarray(ms, dtype=np.int64).astype("datetime64[ms]")
    return [t + suffix for t in np.datetime_as_string(moments, unit="ms" if millis else "s").tolist()]


def _number(value: float) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(int(value))


def _decimal(value: float, comma: bool) -> str:
    if value is None or math.isnan(value):
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if comma else text


def canonical_cells(rows: pd.DataFrame, comma: bool = False) -> dict[str, list[str]]:
    """Every canonical column rendered as CSV text, column by column (fast on large frames)."""
    cc = rows["country_code"].tolist()
    cells: dict[str, list[str]] = {}
    for column in CANONICAL_COLUMNS:
        values = rows[column].tolist()
        if column in TIMESTAMP_COLUMNS:
            cells[column] = iso_local(values, cc)
        elif column in INTEGER_COLUMNS:
            cells[column] = [_number(v) for v in values]
        elif column in DECIMAL_COLUMNS:
            cells[column] = [_decimal(v, comma) for v in values]
        else:
            cells[column] = values
    return cells


def typed_records(rows: pd.DataFrame) -> list[dict[str, object]]:
    """Canonical records with JSON types: numbers as numbers, multi-selects as lists, empty PII as null."""
    cc = rows["country_code"].tolist()
    columns: dict[str, list[object]] = {}
    for column in CANONICAL_COLUMNS:
        values = rows[column].tolist()
        if column in TIMESTAMP_COLUMNS:
            columns[column] = iso_local(values, cc)
        elif column in INTEGER_COLUMNS:
            columns[column] = [None if isinstance(v, float) and math.isnan(v) else int(v) for v in values]
        elif column in DECIMAL_COLUMNS:
            columns[column] = [None if math.isnan(v) else v for v in values]
        elif column in MULTI_SELECT_COLUMNS:
            columns[column] = [v.split() for v in values]
        elif column in ("customer_ref", "customer_name", "customer_msisdn"):
            columns[column] = [v or None for v in values]
        else:
            columns[column] = values
    keys = list(columns)
    return [dict(zip(keys, r, strict=True)) for r in zip(*columns.values(), strict=True)]
