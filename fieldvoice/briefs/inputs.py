"""What a brief is built from: the Opportunity's evidence verbatims, redacted again, with short aliases.

The verbatims frame is already redacted upstream; it goes through `redact` again here because this is the
last step before text leaves the machine (the LLM) or reaches organisers (the briefs). Verbatim ids are not
sent to the model: it sees aliases ("v1", "v2", …), which keeps internal ids private and makes an invented id
obvious.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

from fieldvoice.insights.contracts import Opportunity
from fieldvoice.privacy import redact

MAX_SOURCES = 12  # verbatims shown to the model per brief
MAX_CHARS = 600  # longer verbatims are cut (at a word boundary) before they are sent


@dataclass(frozen=True)
class SourceVerbatim:
    alias: str
    verbatim_id: str
    text: str  # redacted, possibly cut: quotes are checked against this text
    language: str | None
    country_code: str | None
    journey_stage: str | None
    customer_segment: str | None
    nps: int | None
    names: tuple[str, ...] = ()  # the customer's name, to redact it from model text too; never sent


def index_verbatims(verbatims: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """verbatim_id -> row; the first row wins for a duplicated id."""
    if verbatims.empty:
        return {}
    frame = verbatims.drop_duplicates("verbatim_id").astype({"verbatim_id": "string"})
    return {str(row["verbatim_id"]): row for row in frame.to_dict("records")}


def safe_text(text: object, names: Iterable[str] = (), region: str | None = None) -> str:
    """The one gate every string passes before it is sent or published."""
    if not isinstance(text, str):
        return ""
    return redact(text, known_names=tuple(names), region=region).text


def redact_tree(value: Any) -> Any:
    """Every string inside a JSON-like value, redacted (keys are ours and are left alone)."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {key: redact_tree(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [redact_tree(item) for item in value]
    return value


def evidence_sources(opportunity: Opportunity, index: dict[str, dict[str, Any]]) -> list[SourceVerbatim]:
    """The Opportunity's evidence verbatims found in the frame, in the Opportunity's order."""
    sources: list[SourceVerbatim] = []
    for verbatim_id in opportunity.evidence_verbatim_ids:
        row = index.get(str(verbatim_id))
        if row is None:
            continue
        region = _str(row.get("country_code"))
        names = [n] if (n := _str(row.get("customer_name"))) else []
        text = _cut(safe_text(row.get("text"), names, region))
        if not text.strip():
            continue
        sources.append(
            SourceVerbatim(
                alias=f"v{len(sources) + 1}",
                verbatim_id=str(verbatim_id),
                text=text,
                language=_str(row.get("language")),
                country_code=region,
                journey_stage=_str(row.get("journey_stage")),
                customer_segment=_str(row.get("customer_segment")),
                nps=_int(row.get("nps")),
                names=tuple(names),
            )
        )
        if len(sources) == MAX_SOURCES:
            break
    return sources


def input_hash(opportunity: Opportunity, sources: list[SourceVerbatim], language: str, *versions: str) -> str:
    """Identifies what a brief was built from (not the as-of date: same inputs on another day, same hash)."""
    canonical = json.dumps(
        {
            "opportunity": asdict(opportunity),
            "sources": [(s.verbatim_id, s.text) for s in sources],
            "language": language,
            "versions": list(versions),
        },
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _cut(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text[:MAX_CHARS]
    return cut[: cut.rfind(" ")] if " " in cut else cut


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value and not pd.isna(value) else None


def _int(value: object) -> int | None:
    try:
        return None if value is None or pd.isna(value) else int(value)  # type: ignore[arg-type, call-overload]
    except (TypeError, ValueError):
        return None
