"""What each LLM call cost and how it ended, and the aggregate a Dagster asset puts in its metadata."""

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

# Outcomes a call can end with. "ok" is the only one whose answer is used; every other one makes the brief
# fall back to the offline summariser.
OUTCOMES = (
    "ok",
    "timeout",
    "rate_limited",
    "server_error",
    "connection_error",
    "api_error",  # 4xx other than 429: bad key, unknown model or deployment, bad request
    "invalid_json",
    "schema_mismatch",
    "refusal",
    "content_filter",
    "truncated",
    "empty",
    "skipped",  # not called: an earlier configuration or connection error opened the circuit breaker
)


@dataclass(frozen=True)
class CallRecord:
    """One logical call (a cache lookup plus up to 1 + max_retries HTTP attempts)."""

    purpose: str  # e.g. "brief:03-network_coverage" or "embeddings"
    model: str
    outcome: str
    cache_hit: bool
    attempts: int  # HTTP requests made (0 on a cache hit)
    tokens_in: int
    tokens_out: int
    cost_usd: float
    latency_s: float
    error: str | None = None  # exception class and HTTP status, never the request or the key


@dataclass
class UsageReport:
    calls: list[CallRecord] = field(default_factory=list)

    def add(self, record: CallRecord) -> None:
        self.calls.append(record)

    def extend(self, records: Iterable[CallRecord]) -> None:
        self.calls.extend(records)

    @property
    def requests(self) -> int:
        return sum(c.attempts for c in self.calls)

    @property
    def cache_hits(self) -> int:
        return sum(c.cache_hit for c in self.calls)

    @property
    def cache_misses(self) -> int:
        return sum(not c.cache_hit and c.outcome != "skipped" for c in self.calls)

    @property
    def tokens_in(self) -> int:
        return sum(c.tokens_in for c in self.calls)

    @property
    def tokens_out(self) -> int:
        return sum(c.tokens_out for c in self.calls)

    @property
    def cost_usd(self) -> float:
        return round(sum(c.cost_usd for c in self.calls), 6)

    @property
    def latency_s(self) -> float:
        return round(sum(c.latency_s for c in self.calls), 3)

    @property
    def outcomes(self) -> dict[str, int]:
        return dict(sorted(Counter(c.outcome for c in self.calls).items()))

    def as_metadata(self) -> dict[str, int | float | str]:
        """Flat, JSON-safe values for `MaterializeResult(metadata=...)`."""
        latencies = sorted(c.latency_s for c in self.calls if not c.cache_hit and c.attempts)
        return {
            "llm_models": ", ".join(sorted({c.model for c in self.calls})) or "none",
            "llm_calls": len(self.calls),
            "llm_http_requests": self.requests,
            "llm_cache_hits": self.cache_hits,
            "llm_cache_misses": self.cache_misses,
            "llm_tokens_in": self.tokens_in,
            "llm_tokens_out": self.tokens_out,
            "llm_cost_estimate_usd": self.cost_usd,
            "llm_latency_s_total": self.latency_s,
            "llm_latency_s_max": round(latencies[-1], 3) if latencies else 0.0,
            "llm_outcomes": json.dumps(self.outcomes),
        }
