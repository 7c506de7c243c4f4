"""The shapes the insights stage hands to the briefs stage (and the pluggable embedding step).

Kept in one small module so that both sides depend on it, not on each other's internals.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Turns texts into row vectors. The offline default lives in fieldvoice.insights; an OpenAI-compatible
    embeddings endpoint (fieldvoice.llm) can replace it by configuration."""

    name: str  # recorded with the outputs, e.g. "tfidf-char-2-5" or "openai:text-embedding-3-small"

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class Opportunity:
    """One ranked innovation opportunity with the evidence behind its score (one row of insights.opportunities)."""

    rank: int
    theme_id: str  # taxonomy id, or a stable "discovered-<hash>" id for a proposed theme
    theme_name: str
    description: str
    discovered: bool  # proposed by clustering, not in the taxonomy
    journey_stages: tuple[str, ...]
    score: float  # reach x severity x growth, as documented in fieldvoice.insights
    reach: float  # share of interviews (with text) that mention the theme, 0..1
    severity: float  # severity component of the score (derived from NPS impact), >= 0
    growth: float  # recent-window mention rate / trailing-window rate
    growth_p_value: float | None  # significance of the growth (None when not testable)
    mentions: int  # interviews mentioning the theme
    nps_mentioners: float  # NPS of the mentioners
    nps_impact: float  # NPS of all minus NPS without the mentioners (points; negative = theme drags NPS down)
    countries: tuple[tuple[str, int], ...]  # (country_code, mentions), most first
    segments: tuple[tuple[str, int], ...]  # (customer_segment, mentions), most first
    pain_points: tuple[tuple[str, int], ...]  # (pain point code, mentions) among mentioners, most first
    weekly_trend: tuple[tuple[str, int], ...]  # (ISO week start date, mentions), oldest first
    evidence_verbatim_ids: tuple[str, ...]  # representative verbatim ids of the verbatims mart
