"""LLM access for fieldvoice: one settings object, one client (structured outputs, retries, cache, usage)."""

from fieldvoice.llm.cache import CACHE_TABLE, CachedResponse, InMemoryLlmCache, LlmCache, ResponseCache, cache_key
from fieldvoice.llm.client import LlmCallError, LlmClient, StructuredResult, make_client
from fieldvoice.llm.embedding_cache import (
    EMBEDDING_CACHE_TABLE,
    EmbeddingCache,
    InMemoryEmbeddingCache,
    VectorCache,
    embedding_key,
)
from fieldvoice.llm.embeddings import OpenAIEmbedder
from fieldvoice.llm.settings import LlmSettings
from fieldvoice.llm.usage import OUTCOMES, CallRecord, UsageReport

__all__ = [
    "CACHE_TABLE",
    "EMBEDDING_CACHE_TABLE",
    "OUTCOMES",
    "CachedResponse",
    "CallRecord",
    "EmbeddingCache",
    "InMemoryEmbeddingCache",
    "InMemoryLlmCache",
    "LlmCache",
    "LlmCallError",
    "LlmClient",
    "LlmSettings",
    "OpenAIEmbedder",
    "ResponseCache",
    "StructuredResult",
    "UsageReport",
    "VectorCache",
    "cache_key",
    "embedding_key",
    "make_client",
]
