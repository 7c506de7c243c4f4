"""Turn a parsed file into the canonical raw frame: canonical text columns, extras as JSON, lineage."""

import json

import pandas as pd

from fieldvoice.contract import CANONICAL_COLUMNS, REQUIRED_COLUMNS
from fieldvoice.ingest.mapping import is_hxl_row, map_header, normalise_value
from fieldvoice.ingest.readers import FileRejected, ParsedFile

LINEAGE_SCHEMA: dict[str, str] = {
    "record_issue": "VARCHAR",  # why the record could not be read; validation quarantines it
    "extra_columns": "VARCHAR",  # JSON object of the source columns with no canonical meaning
    "partition_date": "DATE",
    "source_file": "VARCHAR",  # path relative to the landing folder
    "source_line": "INTEGER",  # physical line (or sheet row) where the record starts
    "file_sha256": "VARCHAR",
    "dialect": "VARCHAR",
    "ingested_at": "TIMESTAMPTZ",
}
RAW_INTERVIEW_SCHEMA: dict[str, str] = {c: "VARCHAR" for c in CANONICAL_COLUMNS} | LINEAGE_SCHEMA

_UUID_PREFIX = r"^(?i:uuid:)"
_DECIMAL_COMMA = r"^(-?\d+),(\d+)$"
_HAS_OFFSET = r"(?:Z|[+-]\d{2}:?\d{2})$"


def canonical_frame(parsed: ParsedFile) -> pd.DataFrame:
    """Canonical columns (text, form-normalised) + `record_issue` + `extra_columns` for one parsed file."""
    cmap = map_header(parsed.headers)
    absent = [c for c in REQUIRED_COLUMNS if c not in cmap.canonical]
    if absent:
        names = ", ".join(absent)
        raise FileRejected("missing required column", detail=f"no column maps to {names}", column=absent[0])
    rows, lines = parsed.rows, parsed.lines
    issues = dict(parsed.issues)
    skip = 1 if rows and is_hxl_row([str(c or "") for c in rows[0]]) else 0  # Kobo's HXL row
    source = pd.DataFrame(rows[skip:], columns=parsed.headers, dtype=object)
    out = pd.DataFrame(index=source.index)
    for column in CANONICAL_COLUMNS:
        index = cmap.canonical.get(column)
        if index is None:
            out[column] = None
            continue
        out[column] = _normalise(column, source.iloc[:, index], column in cmap.utc_naive)
    extras = source.iloc[:, sorted(cmap.extras.values())] if cmap.extras else None
    unparsed = {i - skip: t for i, t in parsed.unparsed.items() if i >= skip}
    out["extra_columns"] = _extras_json(extras, unparsed, len(out))
    out["record_issue"] = [issues.get(i + skip) for i in range(len(out))]
    out["source_line"] = lines[skip:]
    return out


def _normalise(column: str, values: pd.Series, utc_naive: bool) -> pd.Series:
    if not all(isinstance(v, str) or v is None for v in values):  # JSON numbers, lists, booleans
        return pd.Series([normalise_value(column, v, utc_naive) for v in values], index=values.index, dtype=object)
    text = values.astype("string").str.strip()
    if column == "submission_id":
        text = text.str.replace(_UUID_PREFIX, "", regex=True)
    elif column in ("latitude", "longitude"):
        text = text.str.replace(_DECIMAL_COMMA, r"\1.\2", regex=True)
    if utc_naive:
        naive = text.notna() & (text != "") & ~text.str.contains(_HAS_OFFSET, regex=True).fillna(False)
        text = text.where(~naive, text + "+00:00")
    text = text.where(text != "")
    return text.astype(object).where(text.notna(), None)


def _extras_json(extras: pd.DataFrame | None, unparsed: dict[int, str], n_rows: int) -> list[str | None]:
    encoded: list[str | None] = [None] * n_rows
    if extras is not None and n_rows:
        encoded = list(extras.to_json(orient="records", lines=True, force_ascii=False).splitlines())
    for index, text in unparsed.items():
        encoded[index] = json.dumps({"_unparsed": text}, ensure_ascii=False)
    return encoded
