"""Text folding for multilingual matching, with a map back to the original character offsets.

`fold(text)` lower-cases, strips Latin accents (é→e, ç→c), folds Arabic spelling variants (أ إ آ ٱ→ا, ى→ي,
ة→ه, ؤ→و, ئ→ي, Persian/Maghrebi letters), drops Arabic diacritics and tatweel, maps Eastern Arabic digits and
typographic apostrophes, and blanks redaction placeholders ([PHONE], [NAME]...) so they never match a keyword.
Matching runs on the folded text; spans are reported on the original text through `Folded.original_span`.

Speed: folding is one `str.translate` with a lazily filled per-character table. Most characters map to exactly
one character, so offsets are the identity; only texts holding a character that folds to 0 or 2+ characters
(diacritics, tatweel, œ, ß, decomposed accents) take the slow per-character path that builds an offset table.
"""

import re
import unicodedata
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_]*\]")
# Arabic orthographic variants that people type interchangeably; folding them is standard practice in
# Arabic IR (the alef/ya/ta-marbuta family) and harmless for the other scripts.
_SPECIAL: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "گ": "ك", "ڤ": "ف", "ڨ": "ق", "ـ": "",
    "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
    "œ": "oe", "æ": "ae", "ß": "ss", "ŋ": "ng", "ø": "o", "ł": "l", "đ": "d",
}  # fmt: skip
_SPECIAL.update({chr(0x0660 + d): str(d) for d in range(10)})  # Eastern Arabic digits
_SPECIAL.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_ARABIC_MARKS = {*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)}


def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    code = ord(ch)
    if code in _ARABIC_MARKS:
        return ""
    if code < 128:
        return ch.lower()
    out = []
    for part in unicodedata.normalize("NFD", ch.casefold()):
        if unicodedata.combining(part) or ord(part) in _ARABIC_MARKS:
            continue
        out.append(_SPECIAL.get(part, part))
    return "".join(out)


class _FoldTable(dict[int, str]):
    """str.translate table filled on first sight of each character; remembers the non 1:1 characters."""

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._pattern_size = -1

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(folded) != 1:
            self.irregular.add(chr(code))
        self[code] = folded
        return folded

    def irregular_pattern(self) -> re.Pattern[str] | None:
        if self._pattern_size != len(self.irregular):
            chars = "".join(sorted(self.irregular))
            self._pattern = re.compile(f"[{re.escape(chars)}]") if chars else None
            self._pattern_size = len(self.irregular)
        return self._pattern


_TABLE = _FoldTable()


@dataclass(frozen=True)
class Folded:
    text: str  # the folded text matching runs on
    offsets: tuple[int, ...] | None  # folded index -> original index (+ a sentinel); None = identity
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the folded [start, end): covers dropped marks inside the span."""
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end]


def fold(text: str) -> Folded:
    """Fold a text for matching (see module doc). Deterministic and idempotent on its own output."""
    masked = _PLACEHOLDER.sub(lambda m: " " * len(m.group()), text) if "[" in text else text
    folded = masked.translate(_TABLE)
    pattern = _TABLE.irregular_pattern()
    if len(folded) == len(masked) and (pattern is None or not pattern.search(masked)):
        return Folded(folded, None, len(text))
    pieces: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(masked):
        piece = _TABLE[ord(ch)]
        pieces.append(piece)
        offsets.extend([index] * len(piece))
    # Sentinel: the end of a span that reaches the end of the folded text is the end of the original text.
    offsets.append(len(text))
    # An end offset must skip marks dropped right after the span's last kept character ("ـة", "é" as e+◌́):
    # point each position at the next kept character's original index, which `offsets[i + 1]` already is.
    return Folded("".join(pieces), tuple(offsets), len(text))


def fold_term(term: str) -> str:
    """Fold a taxonomy term the same way as the texts (placeholders are not expected there)."""
    return term.translate(_TABLE)
