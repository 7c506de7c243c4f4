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

Speed: every step is gated by a cheap test (an '@', a digit, a folded-substring hit, a keyword each intro regex
needs, found in the lowered text), so text without personal data costs a few substring scans; phonenumbers only
sees candidate spans. The gates only skip regexes that cannot match: the output is the ungated one.
"""

import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import phonenumbers

from fieldvoice.parallel import map_chunks, preload
from fieldvoice.privacy import patterns as p

if TYPE_CHECKING:  # pandas is imported where a column is gated only (see _column_gate)
    import pandas as pd

PLACEHOLDERS: dict[str, str] = {
    "email": "[EMAIL]",
    "customer_ref": "[CUSTOMER_REF]",
    "collaborator_id": "[EMPLOYEE_ID]",
    "phone": "[PHONE]",
    "id": "[ID]",
    "name": "[NAME]",
}
# ASCII and Arabic-Indic digits (Egypt, Jordan and Gulf keyboards write "٠١٠١٢٣٤٥٦٧٨"): the phone and ID
# regexes match any Unicode digit, so the gate in front of them must too. Explicit ranges, not \d: the column
# gate also runs in pyarrow's RE2, where \d is ASCII only.
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_DIGIT = re.compile(f"[{_DIGITS}]")
# The same gates as redact()'s, run over a whole column by pyarrow (RE2): rows that pass none of them and
# hold no token of their customer's name are returned untouched without entering Python.
_COLUMN_GATE = f"@|[{_DIGITS}]|" + p.INTRO_HINT.pattern
_BRANDS_WORDS = (
    "orange moov mtn wave free expresso airtel vodacom africell lonestar mascom telma ooredoo inwi zain "
    "umniah etisalat vodafone money orangemoney celtiis nexttel camtel malitel telecel"
)
_BRANDS = frozenset(_BRANDS_WORDS.split())
preload(__name__)  # pool workers fork with this module (and phonenumbers) imported


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
    return _redact(text, _name_tokens(known_names), region, None)


def redact_many(
    texts: "Sequence[str | None] | pd.Series",
    names: "Sequence[str | None] | pd.Series | None" = None,
    regions: "Sequence[str | None] | pd.Series | None" = None,
    min_parallel: int | None = None,
) -> tuple[list[str | None], list[int]]:
    """Vectorised helper: redacted texts (None stays None) and the number of items redacted per text.
    `min_parallel`: above this many texts, redact in a process pool (`fieldvoice.parallel`); same output."""
    prepared, flags = _column_gate(texts)
    n = len(prepared)
    rows = list(
        zip(
            prepared,
            flags,
            list(names) if names is not None else [None] * n,
            list(regions) if regions is not None else [None] * n,
            strict=True,
        )
    )
    done = redact_rows(rows) if min_parallel is None else map_chunks(redact_rows, rows, min_parallel)
    return [text for text, _ in done], [total for _, total in done]


def redact_rows(rows: list[tuple[str | None, bool, str | None, str | None]]) -> list[tuple[str | None, int]]:
    """(text, passed the column gate, name, region) -> (redacted text, items redacted): `redact_many`'s work on
    plain lists, so process-pool workers need neither pandas nor the gate."""
    out: list[tuple[str | None, int]] = []
    no_tokens: frozenset[str] = frozenset()
    for text, flagged, name, region in rows:
        if not isinstance(text, str) or not text:
            out.append((None, 0))
            continue
        tokens = _tokens_of(name) if isinstance(name, str) else no_tokens
        # Folded once: the cheap "does the name occur at all" test and the name step share it.
        folded = p.fold(text) if tokens else None
        if not flagged and not (folded is not None and any(token in folded for token in tokens)):
            out.append((text, 0))
            continue
        result = _redact(text, tokens, region if isinstance(region, str) else None, folded)
        out.append((result.text, result.total))
    return out


def _column_gate(texts: "Sequence[str | None] | pd.Series") -> tuple[list[str | None], list[bool]]:
    """The texts as pandas' string dtype reads them, and whether each passes the gate pyarrow (RE2) runs over
    the whole column: a text that fails it and holds no token of its name is returned untouched."""
    import pandas as pd  # here, not at import: pool workers (redact_rows) do without it

    series = pd.Series(list(texts), dtype="string")
    flags = series.str.contains(_COLUMN_GATE, regex=True).fillna(False).to_numpy(dtype=bool)
    return series.tolist(), flags.tolist()


def _redact(text: str, tokens: Set[str], region: str | None, folded: str | None) -> RedactionResult:
    """`redact` with the name tokens ready and, optionally, `p.fold(text)` already computed."""
    counts: dict[str, int] = {}
    if "@" in text:
        text = _sub(p.EMAIL, text, "email", counts)
    low = p.lowered_for_gates(text)
    if _DIGIT.search(text):
        if low is None or p.CUSTOMER_REF_GATE in low:
            text = _sub(p.CUSTOMER_REF, text, "customer_ref", counts)
            low = p.lowered_for_gates(text)
        if low is None or p.COLLABORATOR_ID_GATE in low:
            text = _sub(p.COLLABORATOR_ID, text, "collaborator_id", counts)
        if p.DIGIT_RUN7.search(text):
            text = _redact_phones(text, region, counts)
            text = _sub(p.LONG_ID, text, "id", counts)
    # Every step counts what it replaced: no new count means the text, its fold and its lowered copy are unchanged.
    changed = sum(counts.values())
    if changed:
        folded, low = None, p.lowered_for_gates(text)
    text = _redact_known_names(text, tokens, counts, folded)
    if sum(counts.values()) != changed:
        low = p.lowered_for_gates(text)
    text = _redact_introductions(text, counts, low)
    return RedactionResult(text, counts)


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


def _redact_known_names(text: str, tokens: Set[str], counts: dict[str, int], folded: str | None) -> str:
    if not tokens:
        return text
    if folded is None:
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


def _redact_introductions(text: str, counts: dict[str, int], low: str | None) -> str:
    """`low`: `p.lowered_for_gates(text)`."""

    def replace(m: re.Match[str]) -> str:
        first = p.fold(m.group("name").split()[0])
        if first in p.NAME_STOPWORDS or first in _BRANDS or m.group("name").startswith("["):
            return m.group(0)
        counts["name"] = counts.get("name", 0) + 1
        return m.group("intro") + m.group("gap") + PLACEHOLDERS["name"]

    # Each regex runs only when its gate passes; a replacement invalidates the lowered copy.
    if low is None or (p.STRONG_INTRO_KEYS.search(low) and p.STRONG_INTRO_GATE.search(low)):
        before = counts.get("name", 0)
        text = p.STRONG_INTRO.sub(replace, text)
        if counts.get("name", 0) != before:
            low = p.lowered_for_gates(text)
    if low is None or (p.WEAK_INTRO_KEYS.search(low) and p.WEAK_INTRO_GATE.search(low)):
        text = p.WEAK_INTRO.sub(replace, text)
    if p.ARABIC_INTRO_GATE in text:
        text = p.ARABIC_INTRO.sub(replace, text)
    return text
