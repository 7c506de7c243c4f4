"""Personal-data protection: the one redaction implementation (`redact`) used by every stage."""

from fieldvoice.privacy.redact import PLACEHOLDERS, RedactionResult, redact, redact_many

__all__ = ["PLACEHOLDERS", "RedactionResult", "redact", "redact_many"]
