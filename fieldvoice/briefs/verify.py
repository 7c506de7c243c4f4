"""Checks on what the model wrote: quotes must be real, figures must be ours.

A quote is kept only when its text occurs (whitespace-normalised, as a substring) in the redacted verbatim it
names; anything else is dropped and counted by reason. When fewer than three quotes survive, the brief is
topped up from the Opportunity's evidence verbatims in their given order, so the same inputs give the same
brief. Statistics the model wrote in prose are replaced, since every figure must come from the data.
"""

import re
import unicodedata
from collections import Counter

from fieldvoice.briefs.inputs import SourceVerbatim, safe_text
from fieldvoice.briefs.model import DraftQuote, Quote

MIN_QUOTES, MAX_QUOTES = 3, 5
MIN_QUOTE_CHARS = 12  # a two-word "quote" proves nothing: almost any verbatim contains it
TOP_UP_WORDS = 40  # a topped-up quote is the verbatim's first words

_SPACE = re.compile(r"\s+")
_EDGE_QUOTES = "\"'“”«»‘’„ "
# Percentages, "3 out of 10", "1 in 4", and counts of people: the statistics a model is tempted to invent.
_FIGURE = re.compile(
    r"\d+(?:[.,]\d+)?\s?%"
    r"|\b\d+(?:[.,]\d+)?\s+(?:out of|in|sur)\s+\d+\b"
    r"|\b\d[\d,. \u202f]*\s+(?:customers|clients|interviews|respondents|users|people|subscribers|"
    r"entretiens|répondants|utilisateurs|personnes|abonnés)\b",
    re.IGNORECASE,
)
FIGURE_PLACEHOLDER = {"en": "[figure removed]", "fr": "[chiffre retiré]"}


def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def verify_quotes(
    proposed: list[DraftQuote], sources: list[SourceVerbatim], brief_language: str
) -> tuple[list[Quote], Counter[str]]:
    by_alias = {s.alias: s for s in sources}
    # The offline summariser quotes by real id; the model by alias. Both resolve here.
    by_alias |= {s.verbatim_id: s for s in sources if s.verbatim_id not in by_alias}
    kept: list[Quote] = []
    used: set[str] = set()
    dropped: Counter[str] = Counter()
    for draft in proposed:
        source = by_alias.get(draft.verbatim_id.strip())
        text = normalise(draft.text).strip(_EDGE_QUOTES)
        if source is None:
            dropped["unknown_id"] += 1
        elif len(text) < MIN_QUOTE_CHARS:
            dropped["too_short"] += 1
        elif text not in normalise(source.text):
            dropped["not_in_source"] += 1
        elif source.verbatim_id in used:
            dropped["duplicate"] += 1
        elif len(kept) >= MAX_QUOTES:
            dropped["over_limit"] += 1
        else:
            used.add(source.verbatim_id)
            kept.append(_quote(source, text, draft.translation, brief_language, "model"))
    return kept, dropped


def top_up(quotes: list[Quote], sources: list[SourceVerbatim], brief_language: str) -> tuple[list[Quote], int]:
    used = {q.verbatim_id for q in quotes}
    added = 0
    for source in sources:
        if len(quotes) >= MIN_QUOTES:
            break
        if source.verbatim_id in used:
            continue
        words = normalise(source.text).split(" ")
        quotes = [*quotes, _quote(source, " ".join(words[:TOP_UP_WORDS]), None, brief_language, "evidence")]
        used.add(source.verbatim_id)
        added += 1
    return quotes, added


def _quote(source: SourceVerbatim, text: str, translation: str | None, language: str, origin: str) -> Quote:
    same_language = source.language == language
    clean = safe_text(translation, source.names, source.country_code) if translation and not same_language else ""
    return Quote(
        verbatim_id=source.verbatim_id,
        text=text,
        translation=clean if clean and normalise(clean) != text else None,
        language=source.language,
        country_code=source.country_code,
        source=origin,  # type: ignore[arg-type]
    )


def scrub_figures(text: str, language: str) -> tuple[str, int]:
    """Model prose with invented statistics replaced; returns the text and how many were replaced."""
    return _FIGURE.subn(FIGURE_PLACEHOLDER[language], text)
