"""Output table schemas (DuckDB DDL types, for `fieldvoice.warehouse`) and the reference lookups."""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from fieldvoice import contract as c
from fieldvoice.ingest.reference import REFERENCE_LINEAGE
from fieldvoice.quality import parsing as p
from fieldvoice.quality.rules import MEMBERSHIP

PANDAS_TYPES = {
    "VARCHAR": "string",
    "TIMESTAMPTZ": "datetime64[us, UTC]",
    "DOUBLE": "float64",
    "INTEGER": "Int64",
    "BOOLEAN": "boolean",
    "DATE": "object",  # datetime.date values, as DuckDB returns DATE columns
}
_TYPES = (
    {col: "VARCHAR" for col in c.CANONICAL_COLUMNS if col != "language"}
    | {col: "TIMESTAMPTZ" for col in c.TIMESTAMP_COLUMNS}
    | {col: "DOUBLE" for col in c.DECIMAL_COLUMNS}
    | {col: "INTEGER" for col in c.INTEGER_COLUMNS}
    | {"callback_requested": "BOOLEAN", "consent": "BOOLEAN"}
)
VALIDATED_INTERVIEWS_SCHEMA: dict[str, str] = (
    {col: _TYPES[col] for col in c.CANONICAL_COLUMNS if col != "language"}
    | {"language_recorded": "VARCHAR", "language_detected": "VARCHAR", "redactions": "INTEGER"}
    | {
        "partition_date": "DATE",
        "source_file": "VARCHAR",
        "source_line": "INTEGER",
        "file_sha256": "VARCHAR",
        "dialect": "VARCHAR",
        "ingested_at": "TIMESTAMPTZ",
        "extra_columns": "VARCHAR",
    }
)
_QUARANTINE_TAIL = {"kind": "VARCHAR", "reason_codes": "VARCHAR", "reasons": "VARCHAR", "quarantined_at": "TIMESTAMPTZ"}
QUARANTINE_INTERVIEWS_SCHEMA: dict[str, str] = {
    "partition_date": "DATE",
    "source_file": "VARCHAR",
    "source_line": "INTEGER",
    "file_sha256": "VARCHAR",
    "submission_id": "VARCHAR",
    "country_code": "VARCHAR",
} | _QUARANTINE_TAIL


def validated_reference_schema(name: str) -> dict[str, str]:
    types = {"latitude": "DOUBLE", "longitude": "DOUBLE"}
    return {col: types.get(col, "VARCHAR") for col in c.REFERENCE_FILES[name]} | REFERENCE_LINEAGE


def quarantine_reference_schema(name: str) -> dict[str, str]:
    return {
        "source_file": "VARCHAR",
        "source_line": "INTEGER",
        "file_sha256": "VARCHAR",
        "record_key": "VARCHAR",
    } | _QUARANTINE_TAIL


def typed_frame(frame: pd.DataFrame, schema: dict[str, str]) -> pd.DataFrame:
    """Exactly the schema's columns, in order, with their pandas dtypes (absent columns become null)."""
    columns = {}
    for col, ddl in schema.items():
        series = frame[col] if col in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="object")
        if ddl == "DATE":
            series = pd.to_datetime(series).dt.date.astype("object") if len(series) else series.astype("object")
        elif ddl == "TIMESTAMPTZ" and series.dtype == "object":
            series = pd.to_datetime(series, utc=True)
        columns[col] = series.astype(PANDAS_TYPES[ddl])
    return pd.DataFrame(columns, index=frame.index).reset_index(drop=True)


@dataclass(frozen=True)
class ReferenceData:
    """Lookups the interview suite needs, as GX suite parameters. Build it from the *validated* references."""

    collaborator_ids: frozenset[str] | None = None
    country_localities: frozenset[str] | None = None  # "SN|thies": see parsing.locality_keys
    customer_refs: frozenset[str] | None = None

    @classmethod
    def from_frames(
        cls,
        collaborators: pd.DataFrame | None = None,
        targets: pd.DataFrame | None = None,
        localities: pd.DataFrame | None = None,
    ) -> "ReferenceData":
        def ids(frame: pd.DataFrame | None, col: str) -> frozenset[str] | None:
            if frame is None:
                return None
            return frozenset(p.clean_text(frame[col]).str.upper().dropna())

        places = None
        if localities is not None:
            places = frozenset(p.locality_keys(localities["country_code"], localities["locality"]).dropna())
        return cls(ids(collaborators, "collaborator_id"), places, ids(targets, "customer_ref"))

    def lookups(self) -> dict[str, frozenset[str]]:
        """Named lookups for `rules.MEMBERSHIP`; one left out makes its expectation 'skipped', not failed."""
        values = {
            "roster_collaborator_ids": self.collaborator_ids,
            "known_country_localities": self.country_localities,
            "target_customer_refs": self.customer_refs,
        }
        return {name: ids for name, ids in values.items() if ids is not None}

    def add_membership(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The derived membership columns (True/False, null where the looked-up value is null)."""
        lookups = self.lookups()
        columns = {}
        for column, (source, lookup) in MEMBERSHIP.items():
            if lookup in lookups and source in frame.columns:
                # A Python set lookup per value: pandas' isin on arrow strings first turns each of the 10,000
                # roster ids into an arrow scalar (120 ms per call at any row count).
                ids, values = lookups[lookup], frame[source]
                found = np.fromiter((v in ids for v in values.tolist()), dtype=bool, count=len(values))
                columns[column] = pd.Series(found, index=frame.index, dtype="boolean").mask(values.isna())
        return frame.assign(**columns)
