"""py3langid's classifier run over many texts at once: same model, same arithmetic, same answers.

py3langid (0.4.0) walks its byte automaton in a Python loop per text, which is most of its cost. Here one numpy
step advances every text of a batch by one byte; each text's feature counts are then scored with py3langid's own
expression (same feature order, dtypes and operations), so codes and confidences are bit-identical to
`LanguageIdentifier.classify` (tests/quality/test_language_batch.py compares them on a multilingual corpus).
Long texts and small batches go through `classify` itself: a numpy step per byte only pays off across many texts.
"""

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # py3langid is imported where the model is loaded, not when this module is
    from py3langid.langid import LanguageIdentifier

RAW_FLOOR = float(np.finfo(np.float32).min)  # py3langid's score of featureless text without norm_probs

MIN_BATCH = 64  # below this many texts, per-step numpy overhead exceeds py3langid's own loop
MAX_BYTES = 2_000  # longer texts (rare) are classified one by one: they would stretch a batch's byte grid
_CELLS = 2_000_000  # bytes x texts walked per batch: bounds the temporary grids to ~20 MB
_MAX_TEXTS = 1 << 15
# Visits packed in one int64 for sorting: text index (< _MAX_TEXTS) | feature id | byte position (<= MAX_BYTES).
_POS_BITS, _FEATURE_BITS, _INDEX_BITS = 11, 17, 25
_POS_MASK, _FEATURE_MASK = (1 << _POS_BITS) - 1, (1 << _FEATURE_BITS) - 1


class BatchIdentifier:
    """Wraps a configured `LanguageIdentifier`; `classify_many(texts)` == `[identifier.classify(t) ...]`."""

    def __init__(self, identifier: "LanguageIdentifier") -> None:
        self.identifier = identifier
        self._next = np.frombuffer(identifier.tk_nextmove, dtype=np.uint32)
        self._rowbase = np.asarray(identifier.tk_row, dtype=np.int64) << 8
        self._output = np.asarray(identifier.tk_output, dtype=np.int32)
        if int(self._output.max()) >= 1 << _FEATURE_BITS:
            raise ValueError("model has more features than the packed sort keys hold")
        # (first, duplicate) columns of labels listed twice, merged as py3langid merges them (none in our set today).
        first: dict[str, int] = {}
        self._aliases: list[tuple[int, int]] = []
        for i, code in enumerate(identifier.nb_classes):
            if code in first:
                self._aliases.append((first[code], i))
            else:
                first[code] = i

    def classify_many(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        encoded = [_encode(text) for text in texts]
        results: list[tuple[str, float]] = [("", 0.0)] * len(texts)
        batch = [i for i, data in enumerate(encoded) if len(data) <= MAX_BYTES]
        if len(batch) < MIN_BATCH:
            batch = []
        for i in sorted(set(range(len(texts))) - set(batch)):
            results[i] = self.identifier.classify(texts[i])
        lengths = np.fromiter((len(encoded[i]) for i in batch), dtype=np.int64, count=len(batch))
        order = np.asarray(batch, dtype=np.int64)[np.argsort(-lengths, kind="stable")].tolist()
        start = 0
        while start < len(order):
            width = max(len(encoded[order[start]]), 1)
            members = order[start : start + min(max(_CELLS // width, MIN_BATCH), _MAX_TEXTS)]
            chunk = [encoded[i] for i in members]
            for i, result in zip(members, self._decide(chunk, *self._features(chunk)), strict=True):
                results[i] = result
            start += len(members)
        return results

    def _features(self, chunk: list[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Feature ids visited by the automaton per text, each once in first-visit order, with visit counts;
        text i owns entries bounds[i]:bounds[i + 1]."""
        lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
        k, width = len(chunk), int(lengths.max(initial=0))
        data = np.frombuffer(b"".join(chunk), dtype=np.uint8)
        starts = np.cumsum(lengths) - lengths
        # Byte grid, position-major so each step reads one contiguous row; texts are sorted longest first, so
        # the ones still walking at position j are a prefix.
        grid = np.zeros((width, k), dtype=np.uint8)
        grid[np.arange(len(data)) - np.repeat(starts, lengths), np.repeat(np.arange(k), lengths)] = data
        active = np.searchsorted(-lengths, -np.arange(width), side="left")
        visited = np.full((width, k), -1, dtype=np.int64)
        state = np.zeros(k, dtype=np.int64)
        for j in range(width):
            m = active[j]
            state = self._next[self._rowbase[state[:m]] + grid[j, :m]]
            visited[j, :m] = self._output[state]
        text, pos = np.nonzero(visited.T >= 0)  # text-major, positions ascending
        # One sort of (text, feature, position) groups the visits and puts each group's first visit first ...
        visits = np.sort((text << _POS_BITS + _FEATURE_BITS) | (visited[pos, text] << _POS_BITS) | pos)
        group = visits >> _POS_BITS
        firsts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
        counts = np.diff(np.r_[firsts, len(visits)])
        # ... a second one orders each text's features by first visit (py3langid's Counter order).
        first_pos = visits[firsts] & _POS_MASK
        order = np.sort(
            (group[firsts] >> _FEATURE_BITS << _POS_BITS | first_pos) << _INDEX_BITS | np.arange(len(firsts))
        )
        order &= (1 << _INDEX_BITS) - 1
        feature = (group[firsts] & _FEATURE_MASK)[order]
        bounds = np.searchsorted((group[firsts] >> _FEATURE_BITS)[order], np.arange(k + 1))
        return feature, counts[order], bounds

    def _decide(
        self, chunk: list[bytes], feature: np.ndarray, counts: np.ndarray, bounds: np.ndarray
    ) -> list[tuple[str, float]]:
        """`LanguageIdentifier._decide` + `classify`, operation for operation: the dot product per text (its
        summation order is BLAS's), the element-wise steps over all texts at once."""
        ident = self.identifier
        norm = ident._norm_probs  # private, but the one setting the scoring depends on
        weights = np.log1p(counts.astype(np.float32))
        table = ident.nb_ptc[feature]
        scores = np.empty((len(chunk), len(ident.nb_classes)), dtype=np.float32)
        for i, (a, b) in enumerate(zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)):
            scores[i] = weights[a:b] @ table[a:b] if b > a else np.nan
        featureless = np.flatnonzero(bounds[1:] == bounds[:-1])
        scores += ident.nb_pc
        scores[featureless] = 0.0 if norm else RAW_FLOOR
        if norm:
            n_bytes = np.fromiter(map(len, chunk), dtype=np.float64, count=len(chunk))
            scores *= (1.0 / np.sqrt(np.maximum(n_bytes, 1))).astype(np.float32)[:, None]
            np.exp(scores - scores.max(axis=1, keepdims=True), out=scores)
            scores /= scores.sum(axis=1, keepdims=True)
        for i, j in self._aliases:
            if norm:
                scores[:, i] += scores[:, j]
                scores[:, j] = 0.0
            else:
                scores[:, i] = np.maximum(scores[:, i], scores[:, j])
                scores[:, j] = RAW_FLOOR
        best = scores.argmax(axis=1)
        conf = scores[np.arange(len(chunk)), best].tolist()
        labels = [ident.nb_classes[i] for i in best.tolist()]
        floor = ident.min_confidence
        return [("und" if floor is not None and c < floor else code, c) for code, c in zip(labels, conf, strict=True)]


def _encode(text: str) -> bytes:
    """`LanguageIdentifier._encode` for str input."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
