"""The one redaction of personal data in free text, used by validation, dbt-side text, LLM payloads and briefs.

`redact(text, known_names=...)` replaces, in this order (each step sees the placeholders of the previous
ones, which contain no digits or name-like words, so nothing is redacted twice):

1. e-mail addresses                                    -> [EMAIL]
2. customer refs (CUS-SN-000412) and collaborator ids  -> [CUSTOMER_REF], [EMPLOYEE_ID]
3. phone numbers: phonenumbers' matcher for the row's country, then every run of 7+ digits is tried as a
   number of each of the 17 programme countries; a run of 8+ digits with separators that no country
   accepts is still a phone (fallback); dates and thousands-grouped amounts are left alone -> [PHONE]
4. remaining long digit runs (national ID, account, IMEI), optional letter prefix   -> [ID]
5. names: the row's own customer_name tokens (accent- and case-insensitive, whole words), then the word(s)
   after a self-introduction or a title ("je m'appelle X", "my name is X", "اسمي X", "moi c'est X",
   "call X on", "Monsieur X")                                                     -> [NAME]

Speed: every step is gated by a cheap test (an '@', a digit, a folded-substring hit, an intro keyword), so
text without personal data costs a few regex scans; phonenumbers only sees candidate spans.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import phonenumbers

from fieldvoice.privacy import patterns as p

PLACEHOLDERS: dict[str, str] = {
    "email": "[EMAIL]",
    "customer_ref": "[CUSTOMER_REF]",
    "collaborator_id": "[EMPLOYEE_ID]",
    "phone": "[PHONE]",
    "id": "[ID]",
    "name": "[NAME]",
}
_DIGIT = re.compile(r"[0-9]")
# The same gates as redact()'s, run over a whole column by pyarrow (RE2): rows that pass none of them and
# hold no token of their customer's name are returned untouched without entering Python.
_COLUMN_GATE = r"@|[0-9]|" + p.INTRO_HINT.pattern
_BRANDS_WORDS = (
    "orange moov mtn wave free expresso airtel vodacom africell lonestar mascom telma ooredoo inwi zain "
    "umniah etisalat vodafone money orangemoney celtiis nexttel camtel malitel telecel"
)
_BRANDS = frozenset(_BRANDS_WORDS.split())


@dataclass(frozen=True)
class RedactionResult:
    text: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def redact(text: str | None, known_names: Iterable[str | None] = (), region: str | None = None) -> RedactionResult:
    """Redact one text. `known_names`: names of the row's people (e.g. customer_name); `region`: ISO country
    of the row, tried first for national-format phone numbers."""
    if not text:
        return RedactionResult(text or "", {})
    counts: dict[str, int] = {}
    if "@" in text:
        text = _sub(p.EMAIL, text, "email", counts)
    if _DIGIT.search(text):
        text = _sub(p.CUSTOMER_REF, text, "customer_ref", counts)
        text = _sub(p.COLLABORATOR_ID, text, "collaborator_id", counts)
        if p.DIGIT_RUN7.search(text):
            text = _redact_phones(text, region, counts)
            text = _sub(p.LONG_ID, text, "id", counts)
    text = _redact_known_names(text, known_names, counts)
    if p.INTRO_HINT.search(text):
        text = _redact_introductions(text, counts)
    return RedactionResult(text, counts)


def redact_many(
    texts: Sequence[str | None] | pd.Series,
    names: Sequence[str | None] | pd.Series | None = None,
    regions: Sequence[str | None] | pd.Series | None = None,
) -> tuple[list[str | None], list[int]]:
    """Vectorised helper: redacted texts (None stays None) and the number of items redacted per text."""
    series = pd.Series(list(texts), dtype="string")
    gate = series.str.contains(_COLUMN_GATE, regex=True).fillna(False).to_numpy(dtype=bool)
    texts = series.tolist()
    names = list(names) if names is not None else [None] * len(texts)
    regions = list(regions) if regions is not None else [None] * len(texts)
    out: list[str | None] = []
    totals: list[int] = []
    for text, name, region, flagged in zip(texts, names, regions, gate, strict=True):
        if not isinstance(text, str) or not text:
            out.append(None)
            totals.append(0)
            continue
        if not flagged and not _mentions(text, name):
            out.append(text)
            totals.append(0)
            continue
        result = redact(text, (name,) if isinstance(name, str) else (), region if isinstance(region, str) else None)
        out.append(result.text)
        totals.append(result.total)
    return out, totals


def _sub(pattern: re.Pattern[str], text: str, kind: str, counts: dict[str, int]) -> str:
    new, n = pattern.subn(PLACEHOLDERS[kind], text)
    if n:
        counts[kind] = counts.get(kind, 0) + n
    return new


def _redact_phones(text: str, region: str | None, counts: dict[str, int]) -> str:
    hint = region if region in p.REGIONS else "ZZ"  # ZZ: only +international numbers
    spans = [
        (m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, hint) if not _is_amount(text, m.start, m.end)
    ]
    for m in p.PHONE_CANDIDATE.finditer(text):
        if _is_amount(text, m.start(), m.end()):
            continue
        # A candidate overlapping a number the matcher found is merged with it below (one placeholder).
        if any(s < m.end() and m.start() < e for s, e in spans) or _is_phone(m.group(), region):
            spans.append((m.start(), m.end()))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if not merged:
        return text
    counts["phone"] = counts.get("phone", 0) + len(merged)
    for start, end in reversed(merged):
        text = text[:start] + PLACEHOLDERS["phone"] + text[end:]
    return text


def _is_amount(text: str, start: int, end: int) -> bool:
    candidate = text[start:end]
    if candidate.startswith(("+", "00", "(+")) or not p.THOUSANDS.fullmatch(candidate):
        return False  # an international prefix, or digits not grouped by thousands, is never money
    return bool(p.CURRENCY_AFTER.match(text, end) or p.CURRENCY_BEFORE.search(text[max(0, start - 6) : start]))


def _is_phone(candidate: str, region: str | None) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if len(digits) < 7 or p.DATE_LIKE.fullmatch(candidate.strip("()")):
        return False
    if _valid_somewhere(candidate, region):
        return True
    if p.THOUSANDS.fullmatch(candidate):
        return False
    # Fallback: eight or more digits written with separators read as a phone number to a person.
    return len(digits) >= 8 and len(digits) != len(candidate.lstrip("+"))


def _valid_somewhere(candidate: str, region: str | None) -> bool:
    international = candidate.lstrip("(").startswith(("+", "00"))
    order = ("ZZ",) if international else ((region,) if region in p.REGIONS else ()) + p.REGIONS
    for code in order:
        try:
            number = phonenumbers.parse(candidate, code)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


def _mentions(text: str, name: str | None) -> bool:
    """Cheap: does any token of the name occur (folded) anywhere in the text?"""
    if not isinstance(name, str):
        return False
    folded = p.fold(text)
    return any(token in folded for token in _name_tokens((name,)))


@lru_cache(maxsize=65_536)
def _tokens_of(name: str) -> frozenset[str]:
    """Folded tokens of one name worth matching (names repeat across rows and columns: cached)."""
    tokens = re.split(r"[\s\-'’.,;/]+", p.fold(name))
    return frozenset(t for t in tokens if len(t) >= 2 and t not in p.NAME_STOPWORDS and not t.isdigit())


def _name_tokens(known_names: Iterable[str | None]) -> set[str]:
    tokens: set[str] = set()
    for name in known_names:
        if isinstance(name, str):
            tokens |= _tokens_of(name)
    return tokens


def _redact_known_names(text: str, known_names: Iterable[str | None], counts: dict[str, int]) -> str:
    tokens = _name_tokens(known_names)
    if not tokens:
        return text
    folded = p.fold(text)
    hits = [t for t in tokens if t in folded]
    if not hits:
        return text
    # Longest first so "Ndiaye" is replaced before a shorter token inside it could be.
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(t) for t in sorted(hits, key=len, reverse=True)) + r")(?!\w)"
    )
    spans = [(m.start(), m.end()) for m in pattern.finditer(folded)]
    if spans:
        counts["name"] = counts.get("name", 0) + len(spans)
        for start, end in reversed(spans):
            text = text[:start] + PLACEHOLDERS["name"] + text[end:]
    return text


def _redact_introductions(text: str, counts: dict[str, int]) -> str:
    def replace(m: re.Match[str]) -> str:
        first = p.fold(m.group("name").split()[0])
        if first in p.NAME_STOPWORDS or first in _BRANDS or m.group("name").startswith("["):
            return m.group(0)
        counts["name"] = counts.get("name", 0) + 1
        return m.group("intro") + m.group("gap") + PLACEHOLDERS["name"]

    text = p.STRONG_INTRO.sub(replace, text)
    text = p.WEAK_INTRO.sub(replace, text)
    return p.ARABIC_INTRO.sub(replace, text)
