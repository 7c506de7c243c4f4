"""The GX speed-ups change nothing but time: the same outcomes with and without the memos, and GX outside
`faster_gx()` is GX as shipped."""

import gc
import json
from typing import Any

import pytest

from fieldvoice.quality import ReferenceData
from fieldvoice.quality.gx_fast import faster_gx, patches_active
from fieldvoice.quality.gx_runner import ROW_ID, expectations_at, load_suite, run_expectations
from fieldvoice.quality.prepare import prepare_interviews
from fieldvoice.quality.synthetic import synthetic_raw

SUITE = load_suite("interviews")


def _comparable(outcomes: list[Any]) -> str:
    """Every field of every outcome, NaN-safe (json writes NaN the same on both sides)."""
    rows = [
        [o.config, o.success, o.error, sorted(o.failing_rows.items(), key=lambda kv: kv[0]), o.result] for o in outcomes
    ]
    return json.dumps(rows, default=repr, sort_keys=True)


@pytest.fixture(scope="module")
def frames(now):
    raw = synthetic_raw(1_500, seed=4, defect_rate=0.2)
    raw.loc[::97, "record_issue"] = "cut off"
    raw.loc[::89, "products"] = "mobile_voice satellite"
    prepared = prepare_interviews(raw, now)
    reference = ReferenceData(collaborator_ids=frozenset(prepared["collaborator_id"].dropna().iloc[::2]))
    day = reference.add_membership(prepared)
    return prepared, day, set(reference.lookups())


@pytest.mark.parametrize("level", ["row", "day"])
def test_memos_change_no_outcome(frames, level):
    prepared, day, available = frames
    frame = prepared if level == "row" else day
    expectations = expectations_at(SUITE, level)
    plain = _comparable(run_expectations(frame, expectations, available, fast=False))
    fast = run_expectations(frame, expectations, available)
    assert any(not o.success and o.failing_rows for o in fast)  # the comparison covers failing rows
    assert _comparable(fast) == plain


def test_schema_level_on_missing_columns(frames):
    prepared, _, _ = frames
    frame = prepared.drop(columns=["nps", "consent"]).iloc[:0]
    schema = expectations_at(SUITE, "schema")
    plain = run_expectations(frame, schema, fast=False)
    assert {o.config["kwargs"]["column"] for o in plain if not o.success} == {"nps", "consent"}
    assert _comparable(run_expectations(frame, schema)) == _comparable(plain)


def test_gx_outside_the_context_is_untouched(frames):
    from great_expectations.expectations.core import ExpectColumnValuesToNotBeNull

    assert patches_active(), "GX changed version: re-read the internals gx_fast memoises, then extend VERIFIED"
    expectation = ExpectColumnValuesToNotBeNull(column=ROW_ID)
    assert expectation.configuration is not expectation.configuration  # rebuilt on each access, as shipped
    enabled = gc.isenabled()
    with faster_gx():
        assert expectation.configuration is expectation.configuration
        assert not gc.isenabled()
    assert gc.isenabled() == enabled
    assert expectation.configuration is not expectation.configuration
