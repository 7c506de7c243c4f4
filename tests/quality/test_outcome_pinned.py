"""Pins the whole validation outcome on a defect-rich synthetic partition (and a reference table), so
performance work on the runner can prove it changed nothing: same quarantined rows, same reasons, same
observed values, same check results, same validated rows.

The pinned digests live in `golden/outcome_pinned.json`. When a rule changes meaning on purpose, rewrite
them with `FIELDVOICE_UPDATE_GOLDEN=1 pytest tests/quality/test_outcome_pinned.py` and review the diff
of the readable parts (counts, per-expectation results, the first quarantined rows).
"""

import hashlib
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from fieldvoice import contract as c
from fieldvoice.quality import ReferenceData, validate_interviews, validate_reference
from fieldvoice.quality.synthetic import synthetic_raw

GOLDEN = Path(__file__).parent / "golden" / "outcome_pinned.json"
UPDATE = os.environ.get("FIELDVOICE_UPDATE_GOLDEN") == "1"
LONG_TEXT = "Le réseau coupe, appelez-moi au 77 123 45 67 " * 120  # > 5,000 chars, with a phone number

# Row defects the synthetic generator does not make: (column, bad value), each on ~0.5% of the rows.
DEFECTS: list[tuple[str, str | None]] = [
    ("record_issue", "unterminated quoted field"),
    ("verbatim", LONG_TEXT),
    ("suggestion", "y" * 2001),
    ("products", "mobile_voice satellite"),
    ("pain_points", "slow_data bad_vibes"),
    ("customer_ref", "CUS-1"),
    ("customer_segment", "gold"),
    ("journey_stage", "onboarding"),
    ("consent", "later"),
    ("consent", None),
    ("callback_requested", "maybe"),
    ("country_code", "FR"),
    ("ces", "8"),
    ("rating_network", "6"),
    ("nps", "ten"),
    ("nps", "7.5"),
    ("nps", None),
    ("submission_id", None),
    ("latitude", "north"),
    ("longitude", "1,2,3"),
    ("interview_start", "32/13/2026 25:00"),
    ("interview_end", "soon"),
    ("interview_start", "02/11/2026 09:15"),  # valid, local time
    ("submitted_at", "1793613600"),  # valid epoch seconds
    ("submitted_at", "2026-11-04T10:00:00+00:00"),  # future
    ("submitted_at", "2026-09-01T10:00:00+00:00"),  # long before the interview
    ("interview_end", "2026-11-02T23:50:00+00:00"),  # too long, or after the upload
    ("customer_name", "Moussa Diop"),
]
# Day-level defects, frequent enough (~6%) to fail their `mostly` thresholds and show redacted samples.
DAY_DEFECTS: list[tuple[str, str | None]] = [("customer_msisdn", "0886 123 456"), ("locality", "Atlantis")]


def _defective_partition() -> pd.DataFrame:
    raw = synthetic_raw(3_000, seed=11, defect_rate=0.12)
    rng = np.random.default_rng(5)
    for defects, share in ((DEFECTS, 0.005), (DAY_DEFECTS, 0.06)):
        for column, value in defects:
            raw.loc[np.flatnonzero(rng.random(len(raw)) < share), column] = value
    # Re-exports with the same submitted_at: ties go to the later source line.
    twins = np.flatnonzero(rng.random(len(raw)) < 0.005)
    raw.loc[twins, ["submission_id", "submitted_at"]] = raw.loc[
        np.maximum(twins - 1, 0), ["submission_id", "submitted_at"]
    ].to_numpy()
    return raw


def _reference() -> ReferenceData:
    codes = list(c.COUNTRIES)
    return ReferenceData(
        collaborator_ids=frozenset(f"EMP-{n:06d}" for n in range(100000, 109000)),  # ~10% off the roster
        country_localities=frozenset(f"{k}|town-{k.lower()}" for k in codes),
        customer_refs=frozenset(f"CUS-{k}-000001" for k in codes[:-2]),
    )


def _history() -> pd.DataFrame:
    days = pd.date_range("2026-10-20", "2026-11-01").date
    rows = [(d, k, 160 if k != "SN" else 900) for d in days for k in c.COUNTRIES]
    return pd.DataFrame(rows, columns=["partition_date", "country_code", "rows"])


def _reference_table() -> pd.DataFrame:
    rows = []
    for i in range(400):
        country = list(c.COUNTRIES)[i % len(c.COUNTRIES)]
        rows.append(
            {
                "customer_ref": f"CUS-{country}-{i:06d}",
                "country_code": country,
                "locality": f"Town-{country}",
                "segment": c.SEGMENTS[i % len(c.SEGMENTS)],
                "priority": "high",
                "source_file": "reference/targets.csv",
                "source_line": i + 2,
                "file_sha256": "f" * 64,
            }
        )
    frame = pd.DataFrame(rows)
    frame.loc[::37, "segment"] = "vip"
    frame.loc[::41, "customer_ref"] = "CUS-SN-12"
    frame.loc[::43, "country_code"] = "FR"
    frame.loc[::47, "locality"] = None
    frame.loc[5::53, "customer_ref"] = "CUS-CI-000999"
    return frame.astype({col: "string" for col in c.REFERENCE_FILES["targets"]})


def _frame_digest(frame: pd.DataFrame) -> str:
    text = frame.to_json(orient="split", date_format="iso", date_unit="us", force_ascii=False, index=False)
    dtypes = json.dumps({col: str(t) for col, t in frame.dtypes.items()})
    return hashlib.sha256((dtypes + text).encode()).hexdigest()


def _summary(result: Any, readable_rows: int) -> dict[str, Any]:
    out = result.to_dict()
    out.pop("timings")
    quarantine = result.quarantine
    reason_counts = quarantine["reason_codes"].str.split(" ").explode().value_counts().sort_index()
    return {
        "counts": out["counts"],
        "reason_counts": {k: int(v) for k, v in reason_counts.items()},
        "quarantine_sha256": _frame_digest(quarantine),
        "validated_sha256": _frame_digest(result.validated),
        "checks_sha256": hashlib.sha256(json.dumps(out, sort_keys=True, default=str).encode()).hexdigest(),
        "expectations": [
            [o["name"], o["reason"], o["success"], o["unexpected_count"], o["observed_value"]]
            for o in out["expectations"]
        ],
        "first_quarantined": json.loads(
            quarantine.head(readable_rows).to_json(orient="records", date_format="iso", force_ascii=False)
        ),
    }


@pytest.fixture(scope="module")
def outcomes(now) -> dict[str, Any]:
    raw = _defective_partition()
    interviews = validate_interviews(raw, _reference(), now=now, history=_history(), partition_date=date(2026, 11, 2))
    assert len(raw) == len(interviews.validated) + len(interviews.quarantine)
    localities = pd.DataFrame({"country_code": list(c.COUNTRIES), "locality": [f"Town-{k}" for k in c.COUNTRIES]})
    targets = validate_reference("targets", _reference_table(), localities=localities.iloc[:-3], now=now)
    return {"interviews": _summary(interviews, 25), "targets": _summary(targets, 10)}


@pytest.mark.parametrize("name", ["interviews", "targets"])
def test_outcome_matches_pinned(outcomes, name):
    actual = json.loads(json.dumps(outcomes[name], default=str))
    if UPDATE:
        pinned = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
        pinned[name] = actual
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(pinned, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        pytest.skip("golden rewritten")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))[name]
    # Readable parts first, so a failure says what moved before the digests say that something did.
    for key in ("counts", "reason_counts", "expectations", "first_quarantined"):
        assert actual[key] == expected[key], key
    for key in ("quarantine_sha256", "checks_sha256", "validated_sha256"):
        assert actual[key] == expected[key], key


def test_partition_has_the_defects_it_pins(outcomes):
    """The pinned partition exercises every row rule and most day rules (the pin would prove little otherwise)."""
    failing = {name for name, _, success, _, _ in outcomes["interviews"]["expectations"] if success is False}
    row_reasons = set(outcomes["interviews"]["reason_counts"])
    assert len(row_reasons) >= 20 and {"superseded_reexport", "text_too_long", "unreadable_record"} <= row_reasons
    assert any(name.startswith("expect_country_volume") for name in failing)
    assert len(failing) >= 35
