"""Multilingual, typo-tolerant theme matching of one verbatim: phrase, keyword and anchor+cue evidence.

How a text is read:
1. fold it (normalise.py) and cut it into words and sentences (. ! ? ; newline end a sentence);
2. resolve each distinct word once (cached) to the taxonomy words it satisfies: exact, prefix (`arnaqu*`),
   without Arabic proclitics or typed elision, or fuzzily when nothing else matched (vocabulary.py);
3. find every term as a word sequence, tolerating `max_gap` extra words in between, within one sentence;
4. weigh the evidence per theme: phrase 0.8, keyword 0.6, anchor (a topic word such as "réseau") 0.55 when
   a cue of the right polarity is within `cue_window` words of the same clause (the theme's own cues, plus
   the global negative cues for a pain or positive cues for praise unless `global_cues: false`), else 0.2
   (counted once per theme); evidence that needed a fuzzy word x0.8. A clause ends at a sentence end or a
   contrast word ("mais", "but", "لكن"). Guards void evidence: pain evidence within `cue_window` words of a
   "no problem" phrase ("aucune coupure", "بدون مشاكل"); a pain keyword right after a negator ("sans",
   "no", "بدون"); praise with a negative cue inside or just before it ("réseau pas bon"); anything in a
   sentence holding one of the theme's `exclude` terms ("frais de scolarité" for mm_fees);
5. score = 1 - prod(1 - w) over the distinct terms that matched (repeating a term adds nothing); the theme
   is assigned from `min_score` (0.5: one phrase or keyword, or one qualified anchor, suffices). The span
   reported is the strongest evidence's (earliest on ties), in original-text character offsets.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from fieldvoice.insights.normalise import fold
from fieldvoice.insights.taxonomy import Taxonomy
from fieldvoice.insights.vocabulary import WORD, Vocabulary

_BOUNDARY = re.compile(r"[.!?;\n؟؛…]")
PHRASE, KEYWORD, ANCHOR, CUE, EXCLUDE = range(5)
NEGATIVE, POSITIVE, NEGATOR, NO_PROBLEM, CONTRAST = -1, -2, -3, -4, -5
_KINDS = {"phrases": PHRASE, "keywords": KEYWORD, "anchors": ANCHOR, "cues": CUE, "exclude": EXCLUDE}
_GLOBAL = {
    "negative": NEGATIVE,
    "positive": POSITIVE,
    "negators": NEGATOR,
    "no_problem": NO_PROBLEM,
    "contrast": CONTRAST,
}
_METHOD = {PHRASE: "phrase", KEYWORD: "keyword"}


@dataclass(frozen=True)
class Pattern:
    owner: int  # theme index, or a global cue list (< 0)
    kind: int
    units: tuple[int, ...]
    term: str


@dataclass(frozen=True)
class ThemeHit:
    theme: int  # index into taxonomy.themes
    score: float
    start: int  # original-text character offsets of the strongest evidence
    end: int
    method: str  # phrase | keyword | anchor+cue | anchor, with "~fuzzy" when a misspelt word was needed
    evidence: int  # distinct terms that supported the theme


class _Found(NamedTuple):  # a tuple, not a frozen dataclass: built millions of times, 4x cheaper to create
    pattern: int
    first: int  # word indices
    last: int
    fuzzy: bool


class ThemeMatcher:
    """Compiled taxonomy. `match(text)` is pure; the only state is the per-word resolution cache."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.settings = taxonomy.settings
        self.vocabulary = Vocabulary(taxonomy.settings)
        self.patterns: list[Pattern] = []
        for index, theme in enumerate(taxonomy.themes):
            for name, kind in _KINDS.items():
                for term in theme.terms[name]:
                    self._add(index, kind, term)
        for name, owner in _GLOBAL.items():
            for term in taxonomy.cues[name]:
                self._add(owner, CUE, term)
        self.vocabulary.freeze()
        # First unit -> (pattern id, the other units as a set): a pattern is only walked when all its words
        # occur in the text, a C-level subset test that skips most phrases starting with common words.
        self._first: dict[int, list[tuple[int, frozenset[int]]]] = {}
        for pid, pattern in enumerate(self.patterns):
            self._first.setdefault(pattern.units[0], []).append((pid, frozenset(pattern.units[1:])))
        # Units of the themes' own evidence terms: discovery asks whether a word is already in the taxonomy.
        self.theme_units = frozenset(u for p in self.patterns if p.owner >= 0 and p.kind <= ANCHOR for u in p.units)

    def _add(self, owner: int, kind: int, term: str) -> None:
        units = self.vocabulary.units(term)
        if units:
            self.patterns.append(Pattern(owner, kind, units, term))

    def known(self, word: str) -> bool:
        """Whether a folded word is one of the themes' evidence words (exact, prefix or fuzzy)."""
        return any(unit in self.theme_units for unit, _ in self.vocabulary.resolve(word))

    def match(self, text: str) -> list[ThemeHit]:
        folded = fold(text)
        s = folded.text
        resolve = self.vocabulary.resolve
        spans: list[tuple[int, int]] = []
        positions: dict[int, list[int]] = {}
        fuzzy: set[tuple[int, int]] = set()
        for i, m in enumerate(WORD.finditer(s)):
            spans.append(m.span())
            for unit, is_fuzzy in resolve(m.group()):
                positions.setdefault(unit, []).append(i)
                if is_fuzzy:
                    fuzzy.add((i, unit))
        if not positions:
            return []
        # Sentence id of a word = number of sentence-ending characters before it (only equality matters).
        bounds = [m.start() for m in _BOUNDARY.finditer(s)]
        sentences = [bisect_right(bounds, start) for start, _ in spans] if bounds else [0] * len(spans)
        found = self._find(positions, fuzzy, sentences)
        hits = self._weigh(found, sentences)
        out = []
        for theme, (score, best, n) in sorted(hits.items()):
            start, end = folded.original_span(spans[best.first][0], spans[best.last][1])
            method = _method(self.patterns[best.pattern].kind, best.fuzzy, best.qualified)
            out.append(ThemeHit(theme, score, start, end, method, n))
        return out

    def _find(self, positions: dict[int, list[int]], fuzzy: set[tuple[int, int]], sentences: list[int]) -> list:
        gap = self.settings.max_gap
        found = []
        present = positions.keys()
        for unit, where in positions.items():
            for pid, others in self._first.get(unit, ()):
                if not others <= present:
                    continue
                rest = self.patterns[pid].units[1:]
                for first in where:
                    last, is_fuzzy = first, (first, unit) in fuzzy
                    for next_unit in rest:
                        candidates = positions.get(next_unit)
                        k = bisect_right(candidates, last) if candidates else 0
                        if (
                            not candidates
                            or k == len(candidates)
                            or candidates[k] > last + 1 + gap
                            or sentences[candidates[k]] != sentences[first]
                        ):
                            break
                        last = candidates[k]
                        is_fuzzy = is_fuzzy or (last, next_unit) in fuzzy
                    else:
                        found.append(_Found(pid, first, last, is_fuzzy))
        return found

    def _weigh(self, found: list[_Found], sentences: list[int]) -> dict[int, tuple[float, "_Evidence", int]]:
        s, weights = self.settings, self.settings.weights
        cues: dict[int, list[_Found]] = {NEGATIVE: [], POSITIVE: [], NEGATOR: [], NO_PROBLEM: [], CONTRAST: []}
        by_theme: dict[int, list[_Found]] = {}
        for f in found:
            owner = self.patterns[f.pattern].owner
            (cues[owner] if owner < 0 else by_theme.setdefault(owner, [])).append(f)
        if not by_theme:  # most texts' cues alone: nothing to weigh
            return {}
        # Cues only qualify words of their own clause: a sentence boundary or a contrast word ("mais", "but",
        # "لكن") starts a new one, so "le réseau est bon mais le pass finit vite" keeps its two polarities apart.
        turns = {c.first for c in cues[CONTRAST]}
        clauses, clause = [], 0
        for i, sentence in enumerate(sentences):
            clause += i > 0 and (sentence != sentences[i - 1] or i in turns)
            clauses.append(clause)
        no_problem = cues[NO_PROBLEM]
        # A negative cue inside a "no problem" phrase, or just before it ("je n'ai pas à me plaindre"), is
        # part of that phrase, not a complaint.
        reach = s.negator_window
        negative = [c for c in cues[NEGATIVE] if not any(p.first - reach <= c.last <= p.last for p in no_problem)]
        positive = cues[POSITIVE] + no_problem
        results = {}
        for theme_index, matches in by_theme.items():
            theme = self.taxonomy.themes[theme_index]
            praise = theme.polarity == "praise"
            own = [
                m
                for m in matches
                if self.patterns[m.pattern].kind == CUE and not any(_overlap(m, p) for p in no_problem)
            ]
            excluded = {sentences[m.first] for m in matches if self.patterns[m.pattern].kind == EXCLUDE}
            qualifiers = own + ((positive if praise else negative) if theme.global_cues else [])
            best: dict[int, _Evidence] = {}
            for m in matches:
                kind = self.patterns[m.pattern].kind
                if kind > ANCHOR or sentences[m.first] in excluded:
                    continue
                if praise:
                    after = s.cue_window if kind == ANCHOR else 0  # "réseau pas bon": the negation follows
                    if _near(negative, m, clauses, s.negator_window, after):
                        continue
                elif _near(no_problem, m, clauses, s.cue_window, s.cue_window) or (
                    kind == KEYWORD and _near(cues[NEGATOR], m, clauses, s.negator_window, -1)
                ):
                    continue
                qualified = kind == ANCHOR and _near(qualifiers, m, clauses, s.cue_window, s.cue_window, True)
                weight = weights[("phrase", "keyword", "anchor_cue" if qualified else "anchor")[kind]]
                weight *= s.fuzzy_factor if m.fuzzy else 1.0
                evidence = _Evidence(m.pattern, m.first, m.last, m.fuzzy, qualified, weight)
                # A topic word without a cue is weak however often it recurs: such anchors share one slot.
                key = m.pattern if kind != ANCHOR or qualified else -1
                current = best.get(key)
                if current is None or (weight, -m.first) > (current.weight, -current.first):
                    best[key] = evidence
            if not best:
                continue
            remaining = 1.0
            for evidence in best.values():
                remaining *= 1.0 - evidence.weight
            score = round(1.0 - remaining, 6)
            threshold = theme.min_score if theme.min_score is not None else s.min_score
            if score >= threshold:
                top = max(best.values(), key=lambda e: (e.weight, -e.first, -e.pattern))
                results[theme_index] = (score, top, len(best))
        return results


class _Evidence(NamedTuple):
    pattern: int
    first: int
    last: int
    fuzzy: bool
    qualified: bool
    weight: float


def _overlap(a: _Found, b: _Found) -> bool:
    return a.first <= b.last and b.first <= a.last


def _near(cues: list[_Found], m: _Found, clauses: list[int], before: int, after: int, apart: bool = False) -> bool:
    """A cue in m's clause within `before` words before m's start up to `after` words past its end
    (after = -1: strictly before m). `apart`: the cue must not be m itself (an anchor is not its own cue)."""
    for c in cues:
        if clauses[c.first] != clauses[m.first]:
            continue
        if apart and c.first >= m.first and c.last <= m.last:
            continue
        if c.last >= m.first - before and c.first <= m.last + after:
            return True
    return False


def _method(kind: int, fuzzy: bool, qualified: bool) -> str:
    name = _METHOD.get(kind) or ("anchor+cue" if qualified else "anchor")
    return name + ("~fuzzy" if fuzzy else "")
