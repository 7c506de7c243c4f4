"""What a validation returns: per-expectation outcomes grouped by level, plus the validated and quarantined rows."""

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

LEVELS = ("schema", "row", "day")


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation: str  # GX type, or a custom name declared in the suite meta
    column: str | None
    level: str
    reason: str
    success: bool | None  # None: skipped (a parameter such as a reference table was not given)
    kwargs: dict[str, Any] = field(default_factory=dict)
    element_count: int | None = None
    unexpected_count: int | None = None
    unexpected_percent: float | None = None
    observed_value: Any = None  # aggregate expectations: the measured value
    sample: tuple[dict[str, Any], ...] = ()  # a few failing rows, lineage + redacted value
    error: str | None = None

    @property
    def name(self) -> str:
        return f"{self.expectation}({self.column})" if self.column else self.expectation

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "expectation": self.expectation,
            "column": self.column,
            "level": self.level,
            "reason": self.reason,
            "success": self.success,
            "kwargs": _jsonable(self.kwargs),
            "element_count": self.element_count,
            "unexpected_count": self.unexpected_count,
            "unexpected_percent": self.unexpected_percent,
            "observed_value": _jsonable(self.observed_value),
            "sample": [_jsonable(row) for row in self.sample],
            "error": self.error,
        }


@dataclass(frozen=True)
class LevelResult:
    level: str
    outcomes: tuple[ExpectationOutcome, ...]

    @property
    def evaluated(self) -> tuple[ExpectationOutcome, ...]:
        return tuple(o for o in self.outcomes if o.success is not None)

    @property
    def success(self) -> bool:
        return all(o.success for o in self.evaluated)

    @property
    def success_rate(self) -> float:
        evaluated = self.evaluated
        return sum(bool(o.success) for o in evaluated) / len(evaluated) if evaluated else 1.0

    @property
    def failing(self) -> tuple[ExpectationOutcome, ...]:
        return tuple(o for o in self.evaluated if not o.success)

    def summary(self) -> dict[str, Any]:
        """JSON-ready summary, e.g. for a Dagster asset check's metadata."""
        return {
            "level": self.level,
            "success": self.success,
            "success_rate": round(self.success_rate, 4),
            "evaluated": len(self.evaluated),
            "skipped": len(self.outcomes) - len(self.evaluated),
            "failing": {
                o.name: {
                    "reason": o.reason,
                    "unexpected_count": o.unexpected_count,
                    "observed_value": _jsonable(o.observed_value),
                }
                for o in self.failing
            },
        }


@dataclass
class ValidationResult:
    suite: str
    partition: str | None
    validated: pd.DataFrame
    quarantine: pd.DataFrame
    checks: dict[str, LevelResult]
    rows_raw: int
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def success(self) -> bool:
        return all(level.success for level in self.checks.values())

    @property
    def counts(self) -> dict[str, int]:
        kinds = self.quarantine["kind"].value_counts() if len(self.quarantine) else pd.Series(dtype=int)
        return {
            "raw": self.rows_raw,
            "validated": len(self.validated),
            "quarantined_invalid": int(kinds.get("invalid", 0)),
            "quarantined_duplicate": int(kinds.get("duplicate", 0)),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "partition": self.partition,
            "success": self.success,
            "counts": self.counts,
            "checks": {name: level.summary() for name, level in self.checks.items()},
            "expectations": [o.to_dict() for level in self.checks.values() for o in level.outcomes],
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }


@dataclass
class InterviewValidation(ValidationResult):
    # Rows per country of this partition after de-duplication: append to the history of the volume rule.
    volume: pd.DataFrame = field(default_factory=pd.DataFrame)


ReferenceValidation = ValidationResult


def _jsonable(value: Any) -> Any:
    """numpy scalars, timestamps and sets out of GX results into plain JSON values."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, float):  # np.float64 is a float too: return a plain one
        return None if value != value else float(value)
    if value is None or isinstance(value, bool | int | str):
        return value if type(value) in (bool, int, str) or value is None else value.item()
    if hasattr(value, "item"):  # numpy scalar
        return _jsonable(value.item())
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value)
