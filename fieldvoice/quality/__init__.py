"""Data quality: GX suites (expectations/*.json), the validation runner, quarantine and reports.

Importing this package is cheap: Great Expectations is imported on the first validation only.
"""

from fieldvoice.quality.dedup import superseded
from fieldvoice.quality.interviews import validate_interviews
from fieldvoice.quality.reference import validate_reference
from fieldvoice.quality.report import write_validation_report
from fieldvoice.quality.results import (
    ExpectationOutcome,
    InterviewValidation,
    LevelResult,
    ReferenceValidation,
    ValidationResult,
)
from fieldvoice.quality.tables import (
    QUARANTINE_INTERVIEWS_SCHEMA,
    VALIDATED_INTERVIEWS_SCHEMA,
    ReferenceData,
    quarantine_reference_schema,
    validated_reference_schema,
)

__all__ = [
    "QUARANTINE_INTERVIEWS_SCHEMA",
    "VALIDATED_INTERVIEWS_SCHEMA",
    "ExpectationOutcome",
    "InterviewValidation",
    "LevelResult",
    "ReferenceData",
    "ReferenceValidation",
    "ValidationResult",
    "quarantine_reference_schema",
    "superseded",
    "validate_interviews",
    "validate_reference",
    "validated_reference_schema",
    "write_validation_report",
]
