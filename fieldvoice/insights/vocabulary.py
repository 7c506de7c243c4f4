"""The taxonomy's words, and the resolution of a text's words to them: exact, prefix, clitic-stripped, fuzzy.

A "unit" is one word of a term: an exact word (`reseau`) or a prefix (`reseau*`). A text word resolves to
every unit it satisfies, through these forms, tried in order and cached per distinct word:
- the word itself;
- Arabic without proclitics, each optional and in this order: conjunction و/ف, preposition or verb prefix
  ب/ل/ك, article ال (والشبكة -> الشبكة -> شبكة; بالفلوس -> فلوس; لل = ل + ال);
- French l'/d' elision typed without the apostrophe (lapplication -> application, largent -> argent);
- only when none of those matched anything: fuzzy matching with rapidfuzz's OSA distance (a transposition
  counts as one edit) against the exact words and prefixes starting with the same letter: 1 edit, 2 from
  `fuzzy_two_edits_from` letters; words shorter than 5 (Latin) or 6 (Arabic) letters are never fuzzy-matched,
  because short words have too many real neighbours ("cher"/"chez", "pass"/"pas").
"""

import re

from rapidfuzz.distance import OSA

from fieldvoice.insights.normalise import fold_term
from fieldvoice.insights.taxonomy import Settings

WORD = re.compile(r"[^\W_]+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_AR_PROCLITICS = (("و", "ف"), ("ب", "ل", "ك"), ("ال",))


class Vocabulary:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._exact: dict[str, int] = {}
        self._stems: dict[str, int] = {}
        self._cache: dict[str, tuple[tuple[int, bool], ...]] = {}
        self._frozen = False

    def units(self, term: str) -> tuple[int, ...]:
        """The unit ids of a taxonomy term (folded like the texts; `word*` is a prefix)."""
        if self._frozen:
            raise RuntimeError("the vocabulary is frozen once resolution has started")
        units = []
        for piece in fold_term(term).split():
            words = WORD.findall(piece)
            for i, word in enumerate(words):
                table = self._stems if piece.endswith("*") and i == len(words) - 1 else self._exact
                units.append(table.setdefault(word, len(self._exact) + len(self._stems)))
        return tuple(units)

    def freeze(self) -> None:
        self._frozen = True
        self._stem_lengths = sorted({len(s) for s in self._stems}, reverse=True)
        self._fuzzy_words: dict[str, list[str]] = {}
        for word in sorted(self._exact):
            if not word.isdigit():
                self._fuzzy_words.setdefault(word[0], []).append(word)
        self._fuzzy_stems: dict[str, list[str]] = {}
        for stem in sorted(self._stems):
            if len(stem) >= self.settings.fuzzy_min_len_latin:
                self._fuzzy_stems.setdefault(stem[0], []).append(stem)

    def resolve(self, word: str) -> tuple[tuple[int, bool], ...]:
        """(unit, fuzzy) pairs a folded word satisfies, sorted by unit (cached per distinct word)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if not self._frozen:
            self.freeze()
        forms = variants(word)
        units: dict[int, bool] = {}
        for form in forms:
            if form in self._exact:
                units[self._exact[form]] = False
            for length in self._stem_lengths:
                if length <= len(form) and form[:length] in self._stems:
                    units[self._stems[form[:length]]] = False
        if not units:
            for form in forms:
                for unit in self._fuzzy(form):
                    units.setdefault(unit, True)
        result = tuple(sorted(units.items()))
        self._cache[word] = result
        return result

    def _fuzzy(self, form: str) -> list[int]:
        s = self.settings
        arabic = bool(_ARABIC.match(form))
        if form.isdigit() or len(form) < (s.fuzzy_min_len_arabic if arabic else s.fuzzy_min_len_latin):
            return []
        edits = 2 if len(form) >= s.fuzzy_two_edits_from else 1
        out = []
        for word in self._fuzzy_words.get(form[0], ()):
            if abs(len(word) - len(form)) <= edits and OSA.distance(form, word, score_cutoff=edits) <= edits:
                out.append(self._exact[word])
        for stem in self._fuzzy_stems.get(form[0], ()):
            if len(stem) < len(form) and OSA.distance(form[: len(stem)], stem, score_cutoff=1) <= 1:
                out.append(self._stems[stem])
        return out


def variants(word: str) -> list[str]:
    """The word and its clitic- or elision-stripped forms (see module doc), without duplicates."""
    forms = [word]
    if _ARABIC.match(word):
        for group in _AR_PROCLITICS:
            for form in list(forms):
                for prefix in group:
                    # Keep a 3-letter root after a preposition (بنت is not ب+نت); the article marks a noun and
                    # و/ف a conjunction, so 2 letters may remain there (النت -> نت, وما -> ما).
                    if form.startswith(prefix) and len(form) - len(prefix) >= (3 if prefix in "بلك" else 2):
                        forms.append(form[len(prefix) :])
        if word.startswith("لل") and len(word) > 4:  # لل = ل + ال with the alef dropped
            forms.append(word[2:])
    elif len(word) >= 5 and word[0] in "ld" and not word[1].isdigit():
        forms.append(word[1:])  # l'/d' elision typed without the apostrophe
    return list(dict.fromkeys(forms))
