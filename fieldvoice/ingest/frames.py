"""Turn parsed files into the canonical raw frame: canonical text columns, extras as JSON, lineage.

Per file, only cheap work happens in Python (pick and rename the mapped columns). The form normalisation
(trim, empty → null, `uuid:` prefixes, decimal commas, offsets of UTC-only tools) runs once per day as one
vectorised DuckDB query over all files: per-column pandas operations on ~100 small files cost 10× more.
"""

import json

import duckdb
import pandas as pd
import pyarrow as pa

from fieldvoice.contract import CANONICAL_COLUMNS, REQUIRED_COLUMNS
from fieldvoice.ingest.mapping import cell_text, is_hxl_row, map_header
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
_UTC_NAIVE = "_utc_naive"  # per-row list of columns written in UTC without an offset (Kobo submission time)


def canonical_frame(parsed: ParsedFile) -> pa.Table:
    """Mapped canonical columns (text, not yet normalised) + `record_issue`, `extra_columns`, `source_line`."""
    cmap = map_header(parsed.headers)
    absent = [c for c in REQUIRED_COLUMNS if c not in cmap.canonical]
    if absent:
        names = ", ".join(absent)
        raise FileRejected("missing required column", detail=f"no column maps to {names}", column=absent[0])
    rows = parsed.rows
    skip = 1 if rows and is_hxl_row([str(c or "") for c in rows[0]]) else 0  # Kobo's HXL row
    n_rows = len(rows) - skip
    source = list(zip(*rows[skip:], strict=True)) if n_rows else [()] * len(parsed.headers)
    is_json = parsed.dialect.startswith("jsonl")
    columns: dict[str, pa.Array] = {}
    for column in CANONICAL_COLUMNS:
        index = cmap.canonical.get(column)
        values = source[index] if index is not None else [None] * n_rows
        if is_json:
            values = [cell_text(v) for v in values]
        columns[column] = pa.array(values, type=pa.string())
    extras = [(name, source[i]) for name, i in sorted(cmap.extras.items(), key=lambda item: item[1])]
    unparsed = {i - skip: t for i, t in parsed.unparsed.items() if i >= skip}
    columns["extra_columns"] = pa.array(_extras_json(extras, unparsed, n_rows), type=pa.string())
    columns["record_issue"] = pa.array([parsed.issues.get(i + skip) for i in range(n_rows)], type=pa.string())
    columns["source_line"] = pa.array(parsed.lines[skip:], type=pa.int32())
    columns[_UTC_NAIVE] = pa.array([",".join(sorted(cmap.utc_naive))] * n_rows, type=pa.string())
    return pa.table(columns)


def normalise(table: pa.Table) -> pd.DataFrame:
    """Form-normalise the canonical text columns of many files at once (values are judged later)."""

    def text(column: str) -> str:
        return f"nullif(trim(CAST(\"{column}\" AS VARCHAR), ' \t\r\n'), '')"

    expressions = []
    for column in CANONICAL_COLUMNS:
        value = text(column)
        if column == "submission_id":
            # UUIDs compare case-insensitively: an upper-case re-export must still de-duplicate.
            value = f"lower(regexp_replace({value}, '^[uU][uU][iI][dD]:', ''))"
        elif column in ("latitude", "longitude"):
            value = f"regexp_replace({value}, '^(-?[0-9]+),([0-9]+)$', '\\1.\\2')"
        elif column in ("submitted_at", "interview_start", "interview_end"):
            naive = f"list_contains(string_split({_UTC_NAIVE}, ','), '{column}')"
            offset = f"regexp_matches({value}, '(Z|[+-][0-9]{{2}}:?[0-9]{{2}})$')"
            value = f"CASE WHEN {naive} AND NOT {offset} THEN {value} || '+00:00' ELSE {value} END"
        expressions.append(f'{value} AS "{column}"')
    keep = [c for c in table.column_names if c not in CANONICAL_COLUMNS and c != _UTC_NAIVE]
    expressions += [f'"{c}"' for c in keep]
    with duckdb.connect() as con:
        con.register("parsed", table)
        return con.execute(f"SELECT {', '.join(expressions)} FROM parsed").df()


def _extras_json(extras: list[tuple[str, tuple]], unparsed: dict[int, str], n_rows: int) -> list[str | None]:
    encoded: list[str | None] = [None] * n_rows
    if extras:
        names = [name for name, _ in extras]
        encoded = [
            json.dumps(dict(zip(names, values, strict=True)), ensure_ascii=False, default=str)
            for values in zip(*(values for _, values in extras), strict=True)
        ]
    for index, text in unparsed.items():
        encoded[index] = json.dumps({"_unparsed": text}, ensure_ascii=False)
    return encoded
