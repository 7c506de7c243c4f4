"""The one LLM client: Chat Completions with strict JSON-schema structured outputs, retries, cache and usage.

Retries are ours, not the SDK's (the SDK is built with `max_retries=0`): the delays are explicit and testable
(`retry_base_delay`), and every attempt is counted in the usage report. Error messages from the API are never
logged or stored, only the exception class and HTTP status: a 401 message echoes part of the API key.
"""

import contextlib
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

import openai
import pydantic

from fieldvoice.llm.cache import ResponseCache, cache_key
from fieldvoice.llm.settings import LlmSettings
from fieldvoice.llm.usage import CallRecord

log = logging.getLogger(__name__)

T = TypeVar("T", bound=pydantic.BaseModel)
R = TypeVar("R")

# Configuration errors and an unreachable endpoint will not heal within a run: stop calling (circuit breaker)
# and let the remaining briefs fall back at once instead of each waiting through its retries.
_BREAKER_STATUSES = {401, 403, 404}


class LlmCallError(Exception):
    def __init__(self, outcome: str, error: str, attempts: int) -> None:
        super().__init__(f"{outcome}: {error}")
        self.outcome, self.error, self.attempts = outcome, error, attempts


@dataclass(frozen=True)
class StructuredResult(Generic[T]):
    parsed: T | None  # None unless record.outcome == "ok"
    record: CallRecord


def make_client(settings: LlmSettings | None = None) -> "LlmClient | None":
    """The configured client, or None when no endpoint is configured (the caller then works offline)."""
    settings = settings or LlmSettings.from_env()
    if settings.provider is None:
        return None
    for url in (settings.base_url, settings.azure_endpoint):
        if url and "@" in urlsplit(url).netloc:
            # The HTTP library logs request URLs: a password in one would end up in the logs.
            raise ValueError("credentials in the endpoint URL are not supported: put the key in OPENAI_API_KEY")
    common: dict[str, Any] = {"timeout": settings.timeout, "max_retries": 0}
    if settings.provider == "azure":
        secret = settings.azure_api_key or settings.api_key
        if secret is None:
            raise ValueError("AZURE_OPENAI_ENDPOINT is set but neither AZURE_OPENAI_API_KEY nor OPENAI_API_KEY is")
        sdk: openai.OpenAI = openai.AzureOpenAI(
            azure_endpoint=str(settings.azure_endpoint),
            api_key=secret.get_secret_value(),
            api_version=settings.api_version,
            **common,
        )
    else:
        # Local OpenAI-compatible servers need no key, but the SDK insists on one.
        key = settings.api_key.get_secret_value() if settings.api_key else "unused"
        sdk = openai.OpenAI(base_url=settings.base_url or "https://api.openai.com/v1", api_key=key, **common)
    return LlmClient(sdk, settings)


class LlmClient:
    def __init__(self, sdk: openai.OpenAI, settings: LlmSettings, sleep: Callable[[float], None] = time.sleep) -> None:
        self.sdk = sdk
        self.settings = settings
        self._sleep = sleep
        self.breaker: str | None = None  # why calls are no longer made, once a non-healing error was seen

    @property
    def model(self) -> str:
        return self.settings.model

    def __repr__(self) -> str:
        return (
            f"LlmClient(provider={self.settings.provider!r}, endpoint={self.settings.endpoint!r}, model={self.model!r})"
        )

    def structured(
        self,
        messages: Sequence[Mapping[str, Any]],
        response_model: type[T],
        *,
        purpose: str,
        cache: ResponseCache | None = None,
    ) -> StructuredResult[T]:
        """One structured answer: from the cache when the same question was answered before, else from the API."""
        started = time.perf_counter()
        key = cache_key(messages, self.model, response_model.model_json_schema(), self.settings.temperature)
        hit = cache.get(key) if cache is not None else None
        if hit is not None:
            try:
                parsed = response_model.model_validate_json(hit.response_json)
            except pydantic.ValidationError:
                log.warning("llm cache entry %s no longer matches %s: calling again", key[:12], response_model.__name__)
            else:
                return StructuredResult(parsed, self._record(purpose, "ok", started, cache_hit=True))
        if self.breaker:
            return StructuredResult(None, self._record(purpose, "skipped", started, error=self.breaker))
        try:
            raw, attempts = self._with_retries(lambda: self._post_parse(messages, response_model))
        except LlmCallError as exc:
            return StructuredResult(None, self._record(purpose, exc.outcome, started, exc.attempts, error=exc.error))
        usage = _usage(raw)
        try:
            completion = raw.parse()
        except pydantic.ValidationError as exc:
            kinds = {e["type"] for e in exc.errors()}
            outcome = "invalid_json" if "json_invalid" in kinds else "schema_mismatch"
            return StructuredResult(None, self._record(purpose, outcome, started, attempts, *usage, error=outcome))
        except ValueError:
            # The HTTP body itself is not JSON (a proxy's HTML error page served with 200): the SDK raises
            # json.JSONDecodeError, which must fall back like any other bad answer, not fail the run.
            error = "response body is not JSON"
            return StructuredResult(None, self._record(purpose, "invalid_json", started, attempts, *usage, error=error))
        except openai.LengthFinishReasonError:
            return StructuredResult(None, self._record(purpose, "truncated", started, attempts, *usage))
        except openai.ContentFilterFinishReasonError:
            return StructuredResult(None, self._record(purpose, "content_filter", started, attempts, *usage))
        message = completion.choices[0].message if completion.choices else None
        if message is not None and message.refusal:
            return StructuredResult(None, self._record(purpose, "refusal", started, attempts, *usage))
        if message is None or message.parsed is None or not message.content:
            return StructuredResult(None, self._record(purpose, "empty", started, attempts, *usage))
        if cache is not None:
            cache.put(key, self.model, message.content, *usage)
        return StructuredResult(message.parsed, self._record(purpose, "ok", started, attempts, *usage))

    def embed_batch(
        self, texts: list[str], *, model: str, dimensions: int | None = None
    ) -> tuple[list[list[float]], CallRecord]:
        """Vectors for one batch, in input order. Raises LlmCallError after the retries."""
        started = time.perf_counter()
        extra: dict[str, Any] = {"dimensions": dimensions} if dimensions else {}
        response, attempts = self._with_retries(
            lambda: self.sdk.embeddings.create(model=model, input=texts, encoding_format="float", **extra)
        )
        vectors = [list(item.embedding) for item in sorted(response.data, key=lambda item: item.index)]
        tokens = response.usage.prompt_tokens if response.usage else 0
        record = self._record("embeddings", "ok", started, attempts, tokens, 0, model=model)
        return vectors, record

    def _post_parse(self, messages: Sequence[Mapping[str, Any]], response_model: type[T]) -> Any:
        extra: dict[str, Any] = {}
        if self.settings.temperature is not None:
            extra["temperature"] = self.settings.temperature
        # with_raw_response: the HTTP body stays readable (token usage) even when the content fails validation.
        return self.sdk.chat.completions.with_raw_response.parse(
            model=self.model,
            messages=list(messages),
            response_format=response_model,
            **extra,  # type: ignore[arg-type]
        )

    def _with_retries(self, request: Callable[[], R]) -> tuple[R, int]:
        attempt = 0
        while True:
            attempt += 1
            try:
                return request(), attempt
            except openai.APIError as exc:
                outcome, status = _classify(exc)
                error = f"{type(exc).__name__}" + (f" HTTP {status}" if status else "")
                retryable = outcome in ("timeout", "rate_limited", "server_error", "connection_error")
                if not retryable or attempt > self.settings.max_retries:
                    if outcome == "connection_error" or status in _BREAKER_STATUSES:
                        self.breaker = f"{outcome}: {error}"
                    raise LlmCallError(outcome, error, attempt) from None
                delay = self._delay(attempt, exc)
                log.info("llm attempt %d failed (%s), retrying in %.2fs", attempt, error, delay)
                self._sleep(delay)

    def _delay(self, attempt: int, exc: openai.APIError) -> float:
        delay = self.settings.retry_base_delay * 2 ** (attempt - 1)
        response = getattr(exc, "response", None)
        retry_after = response.headers.get("retry-after") if response is not None else None
        if retry_after:
            # The server knows its rate window better than we do. (An HTTP date is rare: the exponential delay
            # is a fine answer then.)
            with contextlib.suppress(ValueError):
                delay = max(delay, float(retry_after))
        return min(delay, self.settings.retry_max_delay)

    def _record(
        self,
        purpose: str,
        outcome: str,
        started: float,
        attempts: int = 0,
        tokens_in: int = 0,
        tokens_out: int = 0,
        *,
        cache_hit: bool = False,
        error: str | None = None,
        model: str | None = None,
    ) -> CallRecord:
        latency = time.perf_counter() - started
        record = CallRecord(
            purpose=purpose,
            model=model or self.model,
            outcome=outcome,
            cache_hit=cache_hit,
            attempts=attempts,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            cost_usd=self.settings.cost(tokens_in, tokens_out),
            latency_s=round(latency, 4),
            error=error,
        )
        log.info("llm %s: %s%s in %.2fs", purpose, outcome, " (cache)" if cache_hit else "", latency)
        return record


def _classify(exc: openai.APIError) -> tuple[str, int | None]:
    status = getattr(exc, "status_code", None)
    if isinstance(exc, openai.APITimeoutError):
        return "timeout", None
    if isinstance(exc, openai.APIConnectionError):
        return "connection_error", None
    if isinstance(exc, openai.RateLimitError):
        return "rate_limited", status
    if isinstance(exc, openai.APIStatusError) and exc.status_code >= 500:
        return "server_error", status
    return "api_error", status


def _usage(raw: Any) -> tuple[int, int]:
    """(prompt, completion) tokens from the HTTP body, readable even when the content fails to validate."""
    try:
        usage = raw.http_response.json().get("usage") or {}
    except ValueError:
        return 0, 0
    return int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
