"""The default, offline Embedder: TF-IDF on character n-grams of the folded text, reduced by TruncatedSVD.

Character n-grams (2-5, within word boundaries) are robust to the misspellings, code-mixing and rich
morphology of field verbatims, and need no model download. The space is fitted on the texts passed to
`embed` (transductive): discovery embeds its whole population in one call, so all vectors share one space.
Rows are L2-normalised (cosine = dot product) and rounded to 6 decimals so that last-bit floating-point
differences cannot flip a clustering decision. Deterministic for a given input. A text with no n-gram shared
with the others gets a zero vector (discovery leaves those out).

Any object with `name` and `embed(texts) -> np.ndarray` (fieldvoice.insights.contracts.Embedder) can replace
it, e.g. the OpenAI-compatible embeddings client of fieldvoice.llm.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import threadpool_limits

from fieldvoice.insights.contracts import Embedder
from fieldvoice.insights.normalise import fold


@dataclass
class OfflineEmbedder:
    dimensions: int = 100
    ngram_range: tuple[int, int] = (2, 5)
    max_features: int = 100_000
    random_state: int = 0
    name: str = field(init=False)

    def __post_init__(self) -> None:
        low, high = self.ngram_range
        self.name = f"offline:tfidf-char-{low}-{high}+svd-{self.dimensions}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, self.dimensions))
        # Imported here: scikit-learn costs seconds to import, and importing fieldvoice.insights (a Dagster
        # code location does, at load) should not pay for it.
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.preprocessing import normalize

        folded = [fold(text).text for text in texts]
        vectorizer = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=self.ngram_range,
            min_df=2 if len(texts) >= 50 else 1,
            max_features=self.max_features,
            sublinear_tf=True,
            # float32: on this stack the float64 SVD was 8x slower (7 s vs 0.9 s for 3,000 texts).
            dtype=np.float32,
        )
        try:
            matrix = vectorizer.fit_transform(folded)
        except ValueError:  # nothing but punctuation: no n-gram at all
            return np.zeros((len(texts), self.dimensions))
        components = min(self.dimensions, matrix.shape[1] - 1, matrix.shape[0] - 1)
        if components < 2:
            dense = normalize(matrix).toarray()
        else:
            svd = TruncatedSVD(components, algorithm="randomized", n_iter=5, random_state=self.random_state)
            # One BLAS thread: on 2 shared cores, threaded BLAS was 2-5x slower (thread contention), and a
            # single thread also fixes the summation order, hence bit-identical vectors run after run.
            with threadpool_limits(1):
                dense = normalize(svd.fit_transform(matrix))
        return np.round(dense.astype(np.float64), 6)


class FallbackEmbedder:
    """A configured embedder (e.g. fieldvoice.llm's OpenAI-compatible one, which raises after its retries)
    that falls back to the offline embedder when it fails: a daily run must not be lost to a network error.
    `name` tells which one produced the vectors; `error` keeps the failure for the run metadata."""

    def __init__(self, primary: Embedder) -> None:
        self.primary = primary
        self.name = primary.name
        self.error: str | None = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        try:
            return self.primary.embed(texts)
        except Exception as error:  # whatever the client raises: timeouts, HTTP errors, malformed payloads
            offline = OfflineEmbedder()
            self.error = f"{self.primary.name}: {type(error).__name__}: {error}"[:500]
            self.name = f"{offline.name} (fallback)"
            return offline.embed(texts)
