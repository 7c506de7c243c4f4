"""Validate a reference table (collaborators, targets, localities) with its suite.

Same levels as interviews. Duplicate keys: the later row wins (see `dedup`). Cross-reference membership
(a roster member's home locality, a target's locality) needs the localities table: pass it, or the
membership rule is reported as skipped.
"""

import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from fieldvoice import contract as c
from fieldvoice.quality import collect
from fieldvoice.quality.dedup import superseded
from fieldvoice.quality.gx_runner import EXPECTATIONS_DIR, ROW_ID, expectations_at, load_suite, run_expectations
from fieldvoice.quality.prepare import prepare_reference
from fieldvoice.quality.reference_rules import REFERENCE_KEYS
from fieldvoice.quality.results import LevelResult, ReferenceValidation
from fieldvoice.quality.tables import (
    ReferenceData,
    quarantine_reference_schema,
    typed_frame,
    validated_reference_schema,
)

_SAMPLE_COLUMNS = ("source_file", "source_line")


def validate_reference(
    name: str,
    raw: pd.DataFrame,
    *,
    localities: pd.DataFrame | None = None,
    now: datetime | None = None,
    suite_dir: Path = EXPECTATIONS_DIR,
    sample_size: int = 5,
) -> ReferenceValidation:
    if name not in c.REFERENCE_FILES:
        raise KeyError(f"unknown reference table {name!r}; expected one of {sorted(c.REFERENCE_FILES)}")
    now = now or datetime.now(UTC)
    started = time.perf_counter()
    suite = load_suite(name, suite_dir)
    schema_gx = run_expectations(raw.iloc[:0].assign(**{ROW_ID: []}), expectations_at(suite, "schema"))
    schema = LevelResult("schema", tuple(collect.to_outcome(o, raw, (), np.zeros(0), 0) for o in schema_gx))
    no_consent = np.zeros(len(raw), dtype=bool)  # reference rows hold no customer text: nothing to withhold
    if not schema.success:
        frame = raw.reset_index(drop=True)
        missing = [
            {"rule": o.reason, "column": o.column, "expectation": o.expectation, "observed": None}
            for o in schema.failing
        ]
        reasons = {row: list(missing) for row in range(len(frame))}
        quarantine = collect.quarantine_frame(frame, reasons, no_consent, quarantine_reference_schema(name), now)
        empty = typed_frame(pd.DataFrame(), validated_reference_schema(name))
        return ReferenceValidation(name, None, empty, quarantine, {"schema": schema}, len(raw))

    prepared = prepare_reference(name, raw)
    prepared["record_key"] = prepared[REFERENCE_KEYS[name]]
    row_gx = run_expectations(prepared, expectations_at(suite, "row"))
    dup = superseded([prepared["record_key"]], [prepared["source_file"], prepared["source_line"]])
    reasons = collect.row_reasons(row_gx, dup, no_consent)
    quarantine = collect.quarantine_frame(prepared, reasons, dup, quarantine_reference_schema(name), now)
    keep = np.ones(len(prepared), dtype=bool)
    keep[list(reasons)] = False
    kept = prepared[keep].reset_index(drop=True)
    kept[ROW_ID] = np.arange(len(kept))

    lookups = ReferenceData.from_frames(localities=localities) if localities is not None else ReferenceData()
    kept = lookups.add_membership(kept)
    day_gx = run_expectations(kept, expectations_at(suite, "day"), set(lookups.lookups()))
    checks = {
        "schema": schema,
        "row": LevelResult(
            "row", tuple(collect.to_outcome(o, prepared, _SAMPLE_COLUMNS, no_consent, sample_size) for o in row_gx)
        ),
        "day": LevelResult(
            "day",
            tuple(collect.to_outcome(o, kept, _SAMPLE_COLUMNS, no_consent[: len(kept)], sample_size) for o in day_gx),
        ),
    }
    validated = typed_frame(kept, validated_reference_schema(name))
    timings = {"total": time.perf_counter() - started}
    return ReferenceValidation(name, None, validated, quarantine, checks, len(raw), timings)
