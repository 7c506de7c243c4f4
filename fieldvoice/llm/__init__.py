"""LLM access for fieldvoice: one settings object, one client (structured outputs, retries, cache, usage)."""

from fieldvoice.llm.cache import CACHE_TABLE, CachedResponse, InMemoryLlmCache, LlmCache, ResponseCache, cache_key
from fieldvoice.llm.client import LlmCallError, LlmClient, StructuredResult, make_client
from fieldvoice.llm.embeddings import OpenAIEmbedder
from fieldvoice.llm.settings import LlmSettings
from fieldvoice.llm.usage import OUTCOMES, CallRecord, UsageReport

__all__ = [
    "CACHE_TABLE",
    "OUTCOMES",
    "CachedResponse",
    "CallRecord",
    "InMemoryLlmCache",
    "LlmCache",
    "LlmCallError",
    "LlmClient",
    "LlmSettings",
    "OpenAIEmbedder",
    "ResponseCache",
    "StructuredResult",
    "UsageReport",
    "cache_key",
    "make_client",
]
