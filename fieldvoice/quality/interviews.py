"""Validate one partition of `raw.interviews`: schema (blocking), rows (quarantine), day (warnings).

Steps: schema expectations on the raw columns -> prepare (parse types, derived columns) -> row
expectations on every raw row -> de-duplication (see `dedup`) -> quarantine -> day expectations on the
rows kept -> validated rows with consent applied, free text redacted and its language detected.
Invariant, per partition: len(raw) == len(validated) + len(quarantine).
"""

import time
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from fieldvoice.quality import collect
from fieldvoice.quality.day_rules import VOLUME_RULE_TYPE, country_volume
from fieldvoice.quality.dedup import superseded
from fieldvoice.quality.gx_runner import EXPECTATIONS_DIR, ROW_ID, expectations_at, load_suite, run_expectations
from fieldvoice.quality.prepare import prepare_interviews
from fieldvoice.quality.results import ExpectationOutcome, InterviewValidation, LevelResult
from fieldvoice.quality.tables import QUARANTINE_INTERVIEWS_SCHEMA, ReferenceData
from fieldvoice.quality.validated import validated_interviews, warm_up_pool, withdraw_without_consent

_SAMPLE_COLUMNS = ("partition_date", "source_file", "source_line", "submission_id")


def validate_interviews(
    raw: pd.DataFrame,
    reference: ReferenceData,
    *,
    now: datetime,
    history: pd.DataFrame | None = None,
    partition_date: date | None = None,
    suite_dir: Path = EXPECTATIONS_DIR,
    sample_size: int = 5,
) -> InterviewValidation:
    """`history`: rows per country of earlier partitions (partition_date, country_code, rows), e.g. the
    concatenated `volume` of earlier results; None skips the volume rule. `partition_date`: the partition
    being validated (default: read from the rows; give it so an empty day is still compared with history)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    suite = load_suite("interviews", suite_dir)
    partition_date = partition_date or _partition_date(raw)
    partition = _partition_label(raw) or (partition_date.isoformat() if partition_date else None)

    def lap(name: str) -> None:
        nonlocal clock
        timings[name] = time.perf_counter() - clock
        clock = time.perf_counter()

    # Column existence needs no rows: validating an empty slice keeps GX from hashing the whole batch.
    schema = run_expectations(raw.iloc[:0].assign(**{ROW_ID: []}), expectations_at(suite, "schema"))
    schema_level = LevelResult("schema", tuple(collect.to_outcome(o, raw, (), np.zeros(0), 0) for o in schema))
    lap("schema")
    if not schema_level.success:
        return _blocked(raw, suite, schema_level, partition, now, timings)

    warm_up_pool(len(raw))
    prepared = prepare_interviews(raw, now)
    lap("prepare")
    consent = prepared["consent__flag"].fillna(False).to_numpy(dtype=bool)
    row_gx = run_expectations(prepared, expectations_at(suite, "row"))
    lap("gx_rows")
    dup = superseded(
        [prepared["partition_date"], prepared["submission_id"]],
        [prepared["submitted_at"], prepared["source_file"], prepared["source_line"]],
    )
    reasons = collect.row_reasons(row_gx, dup, consent)
    quarantine = collect.quarantine_frame(prepared, reasons, dup, QUARANTINE_INTERVIEWS_SCHEMA, now)
    keep = np.ones(len(prepared), dtype=bool)
    keep[list(reasons)] = False
    kept = withdraw_without_consent(prepared[keep].reset_index(drop=True))
    kept[ROW_ID] = np.arange(len(kept))
    lap("quarantine")

    volume = _volume(prepared.loc[~dup, ["partition_date", "country_code"]])
    kept = reference.add_membership(kept)
    day_gx = run_expectations(kept, expectations_at(suite, "day"), set(reference.lookups()))
    day_outcomes = [
        collect.to_outcome(
            o, kept, _SAMPLE_COLUMNS, kept["consent__flag"].fillna(False).to_numpy(dtype=bool), sample_size
        )
        for o in day_gx
    ]
    for custom in suite["meta"].get("fieldvoice", {}).get("custom_expectations", []):
        if custom["type"] == VOLUME_RULE_TYPE:
            day_outcomes.append(country_volume(volume, history, partition_date, custom))
    lap("gx_day")

    validated = validated_interviews(kept)
    lap("validated")
    checks = {
        "schema": schema_level,
        "row": LevelResult(
            "row", tuple(collect.to_outcome(o, prepared, _SAMPLE_COLUMNS, consent, sample_size) for o in row_gx)
        ),
        "day": LevelResult("day", tuple(day_outcomes)),
    }
    return InterviewValidation("interviews", partition, validated, quarantine, checks, len(raw), timings, volume)


def _partition_label(raw: pd.DataFrame) -> str | None:
    if "partition_date" not in raw.columns or raw.empty:
        return None
    return ",".join(sorted({str(d)[:10] for d in raw["partition_date"].dropna().unique()})) or None


def _partition_date(raw: pd.DataFrame) -> date | None:
    dates = pd.to_datetime(raw["partition_date"]).dropna() if "partition_date" in raw.columns else pd.Series()
    return dates.max().date() if len(dates) else None


def _volume(rows: pd.DataFrame) -> pd.DataFrame:
    counts = rows.groupby(["partition_date", "country_code"], dropna=False).size()
    return counts.rename("rows").reset_index()


def _blocked(
    raw: pd.DataFrame,
    suite: dict,
    schema_level: LevelResult,
    partition: str | None,
    now: datetime,
    timings: dict[str, float],
) -> InterviewValidation:
    """A blocking schema failure: every row is quarantined with the missing columns as its reasons."""
    missing = [
        {"rule": o.reason, "column": o.column, "expectation": o.expectation, "observed": None}
        for o in schema_level.failing
    ]
    frame = raw.reset_index(drop=True)
    reasons = {row: list(missing) for row in range(len(frame))}
    no_dup = np.zeros(len(frame), dtype=bool)
    quarantine = collect.quarantine_frame(frame, reasons, no_dup, QUARANTINE_INTERVIEWS_SCHEMA, now)
    skipped = {
        level: LevelResult(
            level,
            tuple(
                ExpectationOutcome(
                    e["type"],
                    e["kwargs"].get("column"),
                    level,
                    e["meta"]["reason"],
                    None,
                    e["kwargs"],
                    error="skipped: schema failed",
                )
                for e in expectations_at(suite, level)
            ),
        )
        for level in ("row", "day")
    }
    validated = validated_interviews(None)
    checks = {"schema": schema_level, **skipped}
    return InterviewValidation(
        "interviews",
        partition,
        validated,
        quarantine,
        checks,
        len(raw),
        timings,
        pd.DataFrame(columns=["partition_date", "country_code", "rows"]),
    )
