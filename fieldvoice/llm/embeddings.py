"""`OpenAIEmbedder`: the `Embedder` protocol of fieldvoice.insights over an OpenAI-compatible embeddings endpoint."""

import time
from collections.abc import Sequence

import numpy as np

from fieldvoice.llm.client import LlmCallError, LlmClient
from fieldvoice.llm.usage import CallRecord, UsageReport
from fieldvoice.privacy import redact_many


class OpenAIEmbedder:
    """Embeds texts in batches; every text is redacted before it leaves the machine.

    Empty texts are not sent (the API rejects empty strings): their rows are zero vectors.
    A failed batch raises `LlmCallError` after the client's retries: the insights stage decides whether to fall
    back to its offline embedder, since a half-embedded corpus cannot be clustered.
    """

    def __init__(self, client: LlmClient, *, model: str | None = None, batch_size: int | None = None) -> None:
        self.client = client
        self.model = model or client.settings.embeddings_model
        self.batch_size = max(1, batch_size or client.settings.embeddings_batch_size)
        self.name = f"openai:{self.model}"
        self.usage = UsageReport()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        redacted, _ = redact_many(list(texts))
        keep = [i for i, text in enumerate(redacted) if text and text.strip()]
        vectors: list[list[float]] = []
        for start in range(0, len(keep), self.batch_size):
            batch = [str(redacted[i]) for i in keep[start : start + self.batch_size]]
            started = time.perf_counter()
            try:
                batch_vectors, record = self.client.embed_batch(batch, model=self.model)
            except LlmCallError as exc:
                self.usage.add(_failed(self.model, exc, time.perf_counter() - started))
                raise
            self.usage.add(record)
            vectors.extend(batch_vectors)
        dim = len(vectors[0]) if vectors else 0
        out = np.zeros((len(texts), dim), dtype=np.float32)
        if vectors:
            out[keep] = np.asarray(vectors, dtype=np.float32)
        return out


def _failed(model: str, exc: LlmCallError, latency: float) -> CallRecord:
    return CallRecord("embeddings", model, exc.outcome, False, exc.attempts, 0, 0, 0.0, round(latency, 4), exc.error)
