"""Run suite expectations on a pandas frame with Great Expectations 1.x and return plain outcomes.

GX is imported lazily (2-4 s) on the first run, never when `fieldvoice.quality` is imported. One ephemeral
context, datasource and batch definition serve every run of the process. Results use the COMPLETE format
with `unexpected_index_column_names=["_row"]`, `_row` being the position of the row in the frame the caller
prepared, so every failure maps back to a raw row.
"""

import copy
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from fieldvoice.settings import PROJECT_ROOT

EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
ROW_ID = "_row"


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


def run_expectations(
    frame: pd.DataFrame, expectations: list[dict[str, Any]], available: frozenset[str] | set[str] = frozenset()
) -> list[GxOutcome]:
    """Validate `frame` (which must have a `_row` column) against expectation configs, in their order.

    An expectation whose `meta.requires` names a lookup not in `available` is reported as skipped.
    """
    outcomes: list[GxOutcome | None] = [None] * len(expectations)
    runnable = []
    for i, config in enumerate(expectations):
        requires = config.get("meta", {}).get("requires")
        if requires and requires not in available:
            outcomes[i] = GxOutcome(config, None, error=f"skipped: no {requires} given")
            continue
        tagged = copy.deepcopy(config)
        tagged.setdefault("meta", {})["_position"] = i  # GX may reorder results: map them back by this tag
        runnable.append(tagged)
    if runnable:
        import great_expectations as gx

        # Hashing the batch costs time per column: hand GX only the columns the expectations read.
        needed = [ROW_ID, *dict.fromkeys(c for e in runnable for c in _columns_of(e) if c in frame.columns)]
        view = frame[needed]
        # Nullable Int64 is twice as slow as float64 in GX's comparisons; values are the same.
        view = view.astype({col: "float64" for col in needed if str(view[col].dtype) == "Int64"})
        batch = _batch_definition().get_batch(batch_parameters={"dataframe": view})
        suite = gx.ExpectationSuite(name="fieldvoice_run", expectations=runnable)
        if len(suite.expectations) != len(runnable):
            raise ValueError("GX rejected an expectation configuration of the suite (see the log)")
        result = batch.validate(
            suite,
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [ROW_ID]},
        )
        for item in result.results:
            position = item.expectation_config.meta["_position"]
            outcomes[position] = _outcome(expectations[position], item)
    return [o for o in outcomes if o is not None]


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
