"""Turn GX outcomes into check results and quarantine rows, with every shown value redacted.

Values of personal or free-text columns are withheld entirely for rows without consent = yes: the
quarantine must not become a back door for text the customer did not agree to share.
"""

import json
from collections import defaultdict
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from fieldvoice import contract as c
from fieldvoice.privacy import redact
from fieldvoice.quality.gx_runner import GxOutcome
from fieldvoice.quality.results import ExpectationOutcome, _jsonable
from fieldvoice.quality.tables import typed_frame

SENSITIVE = frozenset((*c.PII_COLUMNS, *c.FREE_TEXT_COLUMNS))
# Codes whose format or membership is what failed: shown as they are so an operator can fix them (a
# collaborator id is staff data, a customer ref is pseudonymous). Everything else goes through redact().
IDENTIFIERS = frozenset(("submission_id", "collaborator_id", "customer_ref", "country_code", "record_key"))
WITHHELD = "[withheld: no consent]"
MAX_SHOWN = 200
Reasons = dict[int, list[dict[str, Any]]]
_QUARANTINE_OWN = ("kind", "reason_codes", "reasons", "quarantined_at")


def shown_value(value: Any, column: str | None, consented: bool) -> Any:
    """A failing value as it may appear in reports: withheld, or redacted and truncated text."""
    value = _jsonable(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # scores are checked as floats; show 11, not 11.0
    if column in SENSITIVE and not consented:
        return WITHHELD
    if isinstance(value, dict):
        return {k: shown_value(v, k, consented) for k, v in value.items()}
    if isinstance(value, str) and column not in IDENTIFIERS:
        text = value if len(value) <= MAX_SHOWN else value[:MAX_SHOWN] + "…"
        return redact(text).text
    return value


def to_outcome(
    gx: GxOutcome, frame: pd.DataFrame, lineage: tuple[str, ...], consent: np.ndarray, sample_size: int
) -> ExpectationOutcome:
    result = gx.result
    shows = gx.meta.get("shows")  # a membership flag fails as False: show the looked-up value instead
    sample = []
    for row, value in list(gx.failing_rows.items())[:sample_size]:
        entry = {col: _jsonable(frame[col].iat[row]) for col in lineage if col in frame.columns}
        if shows:
            entry["value"] = shown_value(frame[shows].iat[row], shows, bool(consent[row]))
        else:
            entry["value"] = shown_value(value, gx.column, bool(consent[row]))
        sample.append(entry)
    observed = result.get("observed_value")
    if shows and gx.failing_rows:
        counts = frame[shows].iloc[list(gx.failing_rows)].value_counts().head(sample_size)
        observed = [{"value": shown_value(v, shows, False), "count": int(n)} for v, n in counts.items()]
    elif observed is None and result.get("partial_unexpected_counts"):
        observed = [
            {"value": shown_value(item["value"], gx.column, False), "count": item["count"]}
            for item in result["partial_unexpected_counts"][:sample_size]
        ]
    kwargs = dict(gx.config["kwargs"])
    return ExpectationOutcome(
        expectation=gx.config["type"],
        column=gx.column,
        level=gx.meta.get("level", "row"),
        reason=gx.meta.get("reason", gx.config["type"]),
        success=gx.success,
        kwargs=kwargs,
        element_count=result.get("element_count"),
        unexpected_count=result.get("unexpected_count"),
        unexpected_percent=result.get("unexpected_percent"),
        observed_value=_jsonable(observed),
        sample=tuple(sample),
        error=gx.error,
    )


def row_reasons(outcomes: list[GxOutcome], superseded: np.ndarray, consent: np.ndarray) -> Reasons:
    """Failed row-level rules per row position. A uniqueness failure only counts for superseded rows."""
    reasons: Reasons = defaultdict(list)
    for gx in outcomes:
        if gx.meta.get("kind") == "duplicate":
            rows = [row for row in gx.failing_rows if superseded[row]]
        else:
            rows = list(gx.failing_rows)
        for row in rows:
            reasons[row].append(
                {
                    "rule": gx.meta.get("reason"),
                    "column": gx.column,
                    "expectation": gx.config["type"],
                    "observed": shown_value(gx.failing_rows[row], gx.column, bool(consent[row])),
                }
            )
    for items in reasons.values():
        # "ten" in a required score is one problem (unparseable), not two: drop the derived null.
        unparsed = {
            str(r["column"]).removesuffix("__unparsed") for r in items if str(r["column"]).endswith("__unparsed")
        }
        items[:] = [r for r in items if not (r["rule"] == "required_value_missing" and r["column"] in unparsed)]
    for row in np.flatnonzero(superseded):
        if not any(r["rule"] == "superseded_reexport" for r in reasons[int(row)]):
            # The uniqueness expectation was edited out of the suite: the rule still holds, say so.
            reasons[int(row)].append(
                {"rule": "superseded_reexport", "column": "submission_id", "expectation": "dedup", "observed": None}
            )
    return reasons


def quarantine_frame(
    prepared: pd.DataFrame,
    reasons: Reasons,
    superseded: np.ndarray,
    schema: dict[str, str],
    now: datetime,
) -> pd.DataFrame:
    """One row per quarantined raw row: the given identifying columns, kind, reason codes and JSON reasons."""
    rows = sorted(reasons)
    identifying = [col for col in schema if col in prepared.columns and col not in _QUARANTINE_OWN]
    out = prepared[identifying].iloc[rows].reset_index(drop=True)
    out["kind"] = pd.array(["duplicate" if superseded[r] else "invalid" for r in rows], dtype="string")
    out["reason_codes"] = pd.array(
        [" ".join(dict.fromkeys(str(x["rule"]) for x in reasons[r])) for r in rows], dtype="string"
    )
    out["reasons"] = pd.array([json.dumps(reasons[r], ensure_ascii=False) for r in rows], dtype="string")
    out["quarantined_at"] = pd.Timestamp(now).tz_convert("UTC")
    return typed_frame(out, schema)
