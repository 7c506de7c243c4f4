"""Vectorised parsing of the raw text columns into types, keeping what could not be parsed.

Each parser returns (typed values, unparsed raw text or null) so a GX `expect_column_values_to_be_null` on
the second series both counts the failures and reports the offending raw values.
"""

import numpy as np
import pandas as pd

from fieldvoice.contract import COUNTRIES
from fieldvoice.privacy.patterns import fold

TEXT = "string"  # pandas' nullable string dtype: DuckDB reads it as VARCHAR
# Patterns avoid \d, \s and $ on purpose: pandas then runs them in pyarrow (RE2), 10x faster than Python re.
_OFFSET_ISO = (
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)? ?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)"
)
_NAIVE_ISO = r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?"
_DAY_FIRST = r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
_EPOCH = r"[0-9]{10}(?:[0-9]{3})?"
_SMALL_INT = r"[0-9]{1,9}"
_CODES = pd.Index(list(COUNTRIES))
_BOXES = np.array([*(country.bbox for country in COUNTRIES.values()), (np.nan,) * 4], dtype="float64")
_ZONES = {code: country.timezone for code, country in COUNTRIES.items()}
YES = frozenset({"yes", "y", "oui", "o", "sim", "s", "true", "1", "نعم", "waaw"})
NO = frozenset({"no", "n", "non", "não", "nao", "false", "0", "لا", "déedéet"})


def clean_text(series: pd.Series) -> pd.Series:
    """Strip; empty becomes null. Always returns the nullable string dtype."""
    out = series.astype(TEXT).str.strip()
    return out.mask(out == "")


def parse_integers(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """'7', ' 7 ', '7.0' -> 7 (Int64); 'ten', '7.5' -> null with the raw text kept as unparsed."""
    text = clean_text(series)
    simple = text.str.fullmatch(_SMALL_INT).fillna(False).astype(bool)  # the usual case, cast in pyarrow
    values = text.where(simple).astype("Int64")
    other = text.notna() & ~simple
    if other.any():  # "7.0", " +7", "1e1", "ten": the slow general parser, on the few rows that need it
        numbers = pd.to_numeric(text[other], errors="coerce").astype("Float64")
        integral = numbers.notna() & (numbers == numbers.round())
        values[other] = numbers.where(integral).astype("Int64")
    return values, text.where(other & values.isna())


def parse_decimals(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = clean_text(series)
    numbers = pd.to_numeric(text, errors="coerce").astype("float64")
    return numbers, text.where(text.notna() & pd.isna(numbers))


def parse_timestamps(series: pd.Series, country_codes: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Timestamps to UTC; values without offset are local time of the row's country (UTC if unknown)."""
    text = clean_text(series)
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us, UTC]")
    offset = text.str.fullmatch(_OFFSET_ISO).fillna(False).astype(bool)
    if offset.any():
        out[offset] = pd.to_datetime(text[offset], format="ISO8601", utc=True, errors="coerce")
    rest = text.notna() & ~offset
    if rest.any():
        epoch = rest & text.str.fullmatch(_EPOCH).fillna(False).astype(bool)
        if epoch.any():
            digits = pd.to_numeric(text[epoch])
            millis = text[epoch].str.len() == 13
            out[epoch] = pd.to_datetime(digits.where(~millis, digits // 1000), unit="s", utc=True)
        naive = rest & ~epoch
        if naive.any():
            out[naive] = _parse_local(text[naive], country_codes[naive])
    return out, text.where(text.notna() & out.isna())


def _parse_local(text: pd.Series, country_codes: pd.Series) -> pd.Series:
    iso = text.str.fullmatch(_NAIVE_ISO).fillna(False).astype(bool)
    day_first = text.str.fullmatch(_DAY_FIRST).fillna(False).astype(bool)
    local = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    if iso.any():
        local[iso] = pd.to_datetime(text[iso], format="ISO8601", errors="coerce")
    if day_first.any():
        # Explicit formats: `dayfirst=True` alone reads "11/25/2026" month first instead of failing, so one
        # US-format file would be half swapped, half read as days.
        days = text[day_first].str.replace("T", " ", regex=False)
        parsed = pd.to_datetime(days, format="%d/%m/%Y %H:%M:%S", errors="coerce")
        short = parsed.isna()
        parsed[short] = pd.to_datetime(days[short], format="%d/%m/%Y %H:%M", errors="coerce")
        local[day_first] = parsed
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us, UTC]")
    known = local.notna()  # only parsed values need a zone (a partition of unparseable text has none)
    zones = country_codes[known].map(_ZONES).fillna("UTC")
    for zone, rows in local[known].groupby(zones).groups.items():
        localised = local[rows].dt.tz_localize(zone, ambiguous="NaT", nonexistent="NaT")
        out[rows] = localised.dt.tz_convert("UTC")
    return out


def parse_yes_no(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Normalised text ('yes'/'no' or the unknown value, for the in-set check) and a nullable boolean."""
    text = clean_text(series).str.lower()
    normalised = text.where(~text.isin(YES), "yes").where(~text.isin(NO), "no")
    flags = (normalised == "yes").astype("boolean")
    return normalised, flags.where(normalised.isin(["yes", "no"]))


def normalise_code(series: pd.Series, *, upper: bool = False) -> pd.Series:
    """Enum text: trimmed, case-folded, spaces and hyphens to underscores ('Mobile Money Only' -> code)."""
    text = clean_text(series)
    if upper:
        return text.str.upper()
    return text.str.lower().str.replace(r"[ \t\n\r\-]+", "_", regex=True)


def normalise_multi_select(series: pd.Series) -> pd.Series:
    text = clean_text(series).str.lower().str.replace(r"[ \t\n\r,;]+", " ", regex=True).str.strip()
    return text.mask(text == "")


def locality_keys(country_codes: pd.Series, localities: pd.Series) -> pd.Series:
    """'SN|thies' for ('SN', ' Thiès'): what the locality lookups compare (accent/case/space-insensitive)."""
    names = clean_text(localities)
    distinct = {name: " ".join(fold(name).split()) for name in names.dropna().unique()}
    keys = clean_text(country_codes).str.upper() + "|" + names.map(distinct).astype(TEXT)
    return keys


def in_country_box(country_codes: pd.Series, latitude: pd.Series, longitude: pd.Series) -> pd.Series:
    """True/False when coordinates are given (one of the two alone is False), null when both are absent."""
    # Each row's box by position: codes outside the contract (and nulls) get the last, all-NaN box.
    position = _CODES.get_indexer(country_codes)  # -1: not a contract country (or null)
    lat_min, lat_max, lon_min, lon_max = _BOXES[position].T
    inside = (latitude.between(lat_min, lat_max) & longitude.between(lon_min, lon_max)).astype("boolean")
    # Unknown country: no box to judge by (the country rule reports the row already).
    return inside.mask((latitude.isna() & longitude.isna()).to_numpy() | np.isnan(lat_min))
