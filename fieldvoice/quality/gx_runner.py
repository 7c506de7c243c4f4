"""Run suite expectations on a pandas frame with Great Expectations 1.x and return plain outcomes.

GX is imported lazily (2-4 s) on the first run, never when `fieldvoice.quality` is imported. One ephemeral
context, datasource and batch definition serve every run of the process, and each distinct list of
expectations becomes a GX suite once (keyed by the hash of its JSON). Results use the COMPLETE format with
`unexpected_index_column_names=["_row"]`, `_row` being the position of the row in the frame the caller
prepared, so every failure maps back to a raw row. GX's per-expectation overhead is cut by `gx_fast`.
"""

import hashlib
import json
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from fieldvoice.quality.gx_fast import faster_gx
from fieldvoice.settings import PROJECT_ROOT

EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
ROW_ID = "_row"
# The failing rows with their values are all we read: GX's pandas "query" string listing them again is skipped.
RESULT_FORMAT = {
    "result_format": "COMPLETE",
    "unexpected_index_column_names": [ROW_ID],
    "return_unexpected_index_query": False,
}
_suites: dict[str, Any] = {}
_suites_lock = threading.Lock()


@dataclass(frozen=True)
class GxOutcome:
    config: dict[str, Any]  # type, kwargs, meta as in the suite JSON
    success: bool | None  # None: skipped
    result: dict[str, Any] = field(default_factory=dict)
    failing_rows: dict[int, Any] = field(default_factory=dict)  # _row -> observed value(s)
    error: str | None = None

    @property
    def meta(self) -> dict[str, Any]:
        return self.config.get("meta", {})

    @property
    def column(self) -> str | None:
        kwargs = self.config["kwargs"]
        if "column" in kwargs:
            return kwargs["column"]
        if "column_A" in kwargs:
            return f"{kwargs['column_A']},{kwargs['column_B']}"
        return None


def load_suite(name: str, directory: Path = EXPECTATIONS_DIR) -> dict[str, Any]:
    """The suite JSON as a dict (no GX import); `gx.ExpectationSuite(**load_suite(name))` rebuilds it."""
    return json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))


def expectations_at(suite: dict[str, Any], level: str) -> list[dict[str, Any]]:
    return [e for e in suite["expectations"] if e.get("meta", {}).get("level") == level]


@lru_cache(maxsize=1)
def _batch_definition() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = context.data_sources.add_pandas("fieldvoice").add_dataframe_asset("frame")
    return asset.add_batch_definition_whole_dataframe("whole_frame")


def _columns_of(config: dict[str, Any]) -> list[str]:
    kwargs = config["kwargs"]
    return [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]


def _suite(runnable: list[dict[str, Any]]) -> Any:
    """The GX suite for these expectation configs, built (and checked) once per process per content."""
    text = json.dumps(runnable, sort_keys=True)
    key = hashlib.sha256(text.encode()).hexdigest()
    with _suites_lock:
        if key not in _suites:
            import great_expectations as gx

            suite = gx.ExpectationSuite(name=f"fieldvoice_{key[:12]}", expectations=json.loads(text))
            if len(suite.expectations) != len(runnable):
                raise ValueError("GX rejected an expectation configuration of the suite (see the log)")
            _suites[key] = suite
        return _suites[key]


def run_expectations(
    frame: pd.DataFrame,
    expectations: list[dict[str, Any]],
    available: frozenset[str] | set[str] = frozenset(),
    *,
    fast: bool = True,
) -> list[GxOutcome]:
    """Validate `frame` (which must have a `_row` column) against expectation configs, in their order.

    An expectation whose `meta.requires` names a lookup not in `available` is reported as skipped.
    `fast=False` runs GX without the `gx_fast` memos (for comparisons).
    """
    outcomes: list[GxOutcome | None] = [None] * len(expectations)
    runnable = []
    for i, config in enumerate(expectations):
        requires = config.get("meta", {}).get("requires")
        if requires and requires not in available:
            outcomes[i] = GxOutcome(config, None, error=f"skipped: no {requires} given")
            continue
        # GX may reorder results: map them back by this tag.
        runnable.append({**config, "meta": {**config.get("meta", {}), "_position": i}})
    if runnable:
        for item in _validate(frame, runnable, fast):
            position = item.expectation_config.meta["_position"]
            outcomes[position] = _outcome(expectations[position], item)
    return [o for o in outcomes if o is not None]


def _validate(frame: pd.DataFrame, runnable: list[dict[str, Any]], fast: bool) -> list[Any]:
    """One GX validation of all `runnable` expectations; returns GX's ExpectationValidationResults."""
    from great_expectations.validator.v1_validator import Validator

    # GX copies the whole batch (every column) for most expectations: hand it only the columns they read.
    needed = list(dict.fromkeys(c for e in runnable for c in _columns_of(e) if c in frame.columns and c != ROW_ID))
    view = frame[needed]
    # Nullable Int64 is twice as slow as float64 in GX's comparisons; values are the same.
    view = view.astype({col: "float64" for col in needed if str(view[col].dtype) == "Int64"})
    # `_row` as the named index: GX then reads each failing row's id from the index instead of looking it up
    # cell by cell (2 s per 100,000 failing values at 1M rows).
    view.index = pd.Index(frame[ROW_ID].to_numpy(), name=ROW_ID)
    # What Batch.validate and ValidationDefinition.run both do, minus the second batch build (and its hash of
    # the frame) of the first and the result store of the second.
    validator = Validator(
        batch_definition=_batch_definition(), batch_parameters={"dataframe": view}, result_format=RESULT_FORMAT
    )
    with faster_gx(fast):
        return list(validator.validate_expectation_suite(_suite(runnable)).results)


def _outcome(config: dict[str, Any], item: Any) -> GxOutcome:
    info = item.exception_info or {}
    if info.get("raised_exception"):
        return GxOutcome(config, False, error=str(info.get("exception_message") or "GX raised an exception"))
    result = dict(item.result or {})
    failing: dict[int, Any] = {}
    for entry in result.pop("unexpected_index_list", None) or []:
        if isinstance(entry, dict):
            row = int(entry.pop(ROW_ID))
            failing[row] = next(iter(entry.values())) if len(entry) == 1 else entry
    for key in (
        "unexpected_list",
        "partial_unexpected_list",
        "partial_unexpected_index_list",
        "unexpected_index_query",
    ):
        result.pop(key, None)  # large and not needed: the failing rows carry the values
    return GxOutcome(config, bool(item.success), result, failing)
