"""`build_briefs`: one brief per top opportunity, written by the LLM when configured, else offline.

A failed LLM call (timeout, 429 after the retries, invalid JSON, refusal, schema mismatch…) never fails the
run: that brief falls back to the offline summariser, and the `BriefRun` says how many fell back and why.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from fieldvoice.briefs.assemble import Origin, assemble_brief, brief_id
from fieldvoice.briefs.figures import BriefFigures
from fieldvoice.briefs.inputs import evidence_sources, index_verbatims, input_hash
from fieldvoice.briefs.labels import LANGUAGES
from fieldvoice.briefs.model import Brief, BriefDraft
from fieldvoice.briefs.offline import FALLBACK_LABEL, OFFLINE_LABEL, offline_draft
from fieldvoice.briefs.prompt import PROMPT_VERSION, build_messages
from fieldvoice.insights.contracts import Opportunity
from fieldvoice.llm import LlmClient, ResponseCache, UsageReport

log = logging.getLogger(__name__)

OFFLINE_VERSION = "offline-v1"


@dataclass
class BriefRun:
    briefs: list[Brief]
    usage: UsageReport
    language: str
    llm_model: str | None  # None: no LLM configured
    fallback_reasons: dict[str, int] = field(default_factory=dict)  # outcome -> briefs that fell back

    @property
    def fallbacks(self) -> int:
        return sum(self.fallback_reasons.values())

    @property
    def generated_by(self) -> dict[str, int]:
        return dict(Counter(b.provenance.generated_by for b in self.briefs))

    @property
    def quotes_dropped(self) -> int:
        return sum(b.verification.quotes_dropped for b in self.briefs)

    @property
    def quotes_topped_up(self) -> int:
        return sum(b.verification.quotes_topped_up for b in self.briefs)

    def metadata(self) -> dict[str, int | float | str]:
        """Flat values for the Dagster asset's metadata (usage included; no text, no key)."""
        dropped: Counter[str] = Counter()
        for brief in self.briefs:
            dropped.update(brief.verification.dropped_reasons)
        return {
            "briefs": len(self.briefs),
            "language": self.language,
            "generated_by": ", ".join(f"{k}: {v}" for k, v in sorted(self.generated_by.items())) or "none",
            "fallbacks": self.fallbacks,
            "fallback_reasons": ", ".join(f"{k}: {v}" for k, v in sorted(self.fallback_reasons.items())) or "none",
            "quotes_dropped": self.quotes_dropped,
            "quotes_dropped_reasons": ", ".join(f"{k}: {v}" for k, v in sorted(dropped.items())) or "none",
            "quotes_topped_up": self.quotes_topped_up,
            "figures_removed": sum(b.verification.figures_removed for b in self.briefs),
            **self.usage.as_metadata(),
        }


def build_briefs(
    opportunities: list[Opportunity],
    verbatims: pd.DataFrame,
    figures: BriefFigures,
    *,
    client: LlmClient | None,
    cache: ResponseCache | None,
    language: str = "en",
    count: int = 8,
) -> BriefRun:
    """`verbatims`: verbatim_id, text, language, country_code, journey_stage, customer_segment, nps (and, when
    available, customer_name, used only to redact that customer's name from their own text)."""
    if language not in LANGUAGES:
        raise ValueError(f"brief language must be one of {LANGUAGES}, got {language!r}")
    index = index_verbatims(verbatims)
    usage = UsageReport()
    fallbacks: Counter[str] = Counter()
    briefs: list[Brief] = []
    for opportunity in sorted(opportunities, key=lambda o: o.rank)[: max(count, 0)]:
        sources = evidence_sources(opportunity, index)
        draft: BriefDraft | None = None
        reason: str | None = None
        if client is not None:
            result = client.structured(
                build_messages(opportunity, sources, language),
                BriefDraft,
                purpose=f"brief:{brief_id(opportunity)}",
                cache=cache,
            )
            usage.add(result.record)
            draft = result.parsed
            if draft is None:
                reason = result.record.outcome
                fallbacks[reason] += 1
                log.warning("brief %s falls back to the offline summariser: %s", brief_id(opportunity), reason)
        if draft is not None and client is not None:
            generated_by, label, version = f"llm:{client.model}", _llm_label(client.model, language), PROMPT_VERSION
        else:
            draft = offline_draft(opportunity, sources, language)
            generated_by, version = "offline", OFFLINE_VERSION
            label = FALLBACK_LABEL[language].format(reason=reason) if reason else OFFLINE_LABEL[language]
        digest = input_hash(opportunity, sources, language, version, figures.taxonomy_version)
        origin = Origin(generated_by, label, reason, digest, version)
        briefs.append(assemble_brief(draft, opportunity, sources, figures, language, origin))
    return BriefRun(briefs, usage, language, client.model if client else None, dict(sorted(fallbacks.items())))


def _llm_label(model: str, language: str) -> str:
    if language == "fr":
        return f"rédigé par IA ({model}), citations vérifiées, chiffres issus des données"
    return f"written by AI ({model}), quotes verified, figures from the data"
