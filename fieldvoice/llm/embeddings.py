"""`OpenAIEmbedder`: the `Embedder` protocol of fieldvoice.insights over an OpenAI-compatible embeddings endpoint."""

import time
from collections.abc import Sequence

import numpy as np

from fieldvoice.llm.client import LlmCallError, LlmClient
from fieldvoice.llm.embedding_cache import VectorCache, embedding_key
from fieldvoice.llm.usage import CallRecord, UsageReport
from fieldvoice.privacy import redact_many


class OpenAIEmbedder:
    """Embeds texts in batches; every text is redacted before it leaves the machine.

    Empty texts are not sent (the API rejects empty strings): their rows are zero vectors. With a `cache`, each
    distinct text is looked up by content hash first and only the missing ones are sent; each batch is stored
    as soon as it arrives, so a run that fails half-way resends only the rest next time.
    A failed batch raises `LlmCallError` after the client's retries: the insights stage decides whether to fall
    back to its offline embedder, since a half-embedded corpus cannot be clustered.
    """

    def __init__(
        self,
        client: LlmClient,
        *,
        model: str | None = None,
        batch_size: int | None = None,
        dimensions: int | None = None,
        cache: VectorCache | None = None,
    ) -> None:
        chosen = model or client.settings.embeddings_model
        if not chosen:
            raise ValueError("no embeddings model: set FIELDVOICE_EMBEDDINGS_MODEL")
        self.client = client
        self.model = chosen
        self.batch_size = max(1, batch_size or client.settings.embeddings_batch_size)
        self.dimensions = dimensions  # None: the model's own size (not sent)
        self.cache = cache
        self.name = f"openai:{self.model}"
        self.usage = UsageReport()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        redacted, _ = redact_many(list(texts))
        keys: dict[int, str] = {}  # row -> key of the text sent for it
        pending: dict[str, str] = {}  # key -> text, each distinct text once, in input order
        for i, text in enumerate(redacted):
            if text and text.strip():
                keys[i] = embedding_key(self.model, self.dimensions, text)
                pending.setdefault(keys[i], text)
        started = time.perf_counter()
        found = self.cache.get_many(pending) if self.cache is not None and pending else {}
        if found:
            self.usage.add(_cache_hit(self.model, time.perf_counter() - started))
        missing = [(key, text) for key, text in pending.items() if key not in found]
        for start in range(0, len(missing), self.batch_size):
            batch = missing[start : start + self.batch_size]
            found.update(self._send(batch))
        dim = len(next(iter(found.values()))) if found else 0
        out = np.zeros((len(texts), dim), dtype=np.float32)
        for i, key in keys.items():
            out[i] = found[key]
        return out

    def _send(self, batch: list[tuple[str, str]]) -> dict[str, np.ndarray]:
        started = time.perf_counter()
        try:
            vectors, record = self.client.embed_batch(
                [text for _, text in batch], model=self.model, dimensions=self.dimensions
            )
        except LlmCallError as exc:
            self.usage.add(_failed(self.model, exc, time.perf_counter() - started))
            raise
        self.usage.add(record)
        new = {key: np.asarray(v, dtype=np.float32) for (key, _), v in zip(batch, vectors, strict=True)}
        if self.cache is not None:
            self.cache.put_many(self.model, new)
        return new


def _cache_hit(model: str, latency: float) -> CallRecord:
    """One record for all the texts of an `embed` call that the cache answered (no request, no tokens)."""
    return CallRecord("embeddings", model, "ok", True, 0, 0, 0, 0.0, round(latency, 4))


def _failed(model: str, exc: LlmCallError, latency: float) -> CallRecord:
    return CallRecord("embeddings", model, exc.outcome, False, exc.attempts, 0, 0, 0.0, round(latency, 4), exc.error)
