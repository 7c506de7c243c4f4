"""The LLM settings, read from the environment in this one place.

Which endpoint is used:
- `AZURE_OPENAI_ENDPOINT` set           -> `AzureOpenAI` (the model name is the Azure deployment name);
- else `OPENAI_BASE_URL` or `OPENAI_API_KEY` set -> `OpenAI` (any OpenAI-compatible server, or api.openai.com);
- else nothing is configured            -> no client, and the briefs use the offline summariser.
Embeddings (theme discovery) are a separate opt-in: only with `FIELDVOICE_EMBEDDINGS_MODEL` set as well.
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from pydantic import SecretStr

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_AZURE_API_VERSION = "2024-10-21"


@dataclass(frozen=True)
class LlmSettings:
    base_url: str | None = None
    # SecretStr, not str: settings end up in logs, error messages and test reports (pretty-printers ignore
    # __repr__ and field(repr=False)); a SecretStr shows "**********" everywhere unless asked for its value.
    api_key: SecretStr | None = None
    model: str = DEFAULT_MODEL
    temperature: float | None = 0.2  # None: not sent (some reasoning models reject the parameter)
    timeout: float = 60.0  # seconds per HTTP attempt
    max_retries: int = 3  # extra attempts after a 429, a 5xx, a timeout or a dropped connection
    retry_base_delay: float = 1.0  # seconds; the n-th retry waits base * 2**(n-1), capped at retry_max_delay
    retry_max_delay: float = 30.0
    price_in_per_1k: float = 0.0  # USD per 1,000 input tokens, for the cost estimate (0 = unknown)
    price_out_per_1k: float = 0.0
    # None: theme discovery keeps its offline embedder even when a chat endpoint is set (verbatims stay local).
    embeddings_model: str | None = None
    embeddings_batch_size: int = 256
    azure_endpoint: str | None = None
    azure_api_key: SecretStr | None = None
    api_version: str = DEFAULT_AZURE_API_VERSION

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "LlmSettings":
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        def number(name: str, default: float) -> float:
            value = get(name)
            try:
                return default if value is None else float(value)
            except ValueError as exc:
                raise ValueError(f"{name} must be a number, got {value!r}") from exc

        temperature = get("FIELDVOICE_LLM_TEMPERATURE")
        return cls(
            base_url=get("OPENAI_BASE_URL"),
            api_key=_secret(get("OPENAI_API_KEY")),
            model=get("FIELDVOICE_LLM_MODEL") or DEFAULT_MODEL,
            temperature=None
            if temperature and temperature.lower() == "none"
            else number("FIELDVOICE_LLM_TEMPERATURE", 0.2),
            timeout=number("FIELDVOICE_LLM_TIMEOUT", 60.0),
            max_retries=int(number("FIELDVOICE_LLM_MAX_RETRIES", 3)),
            retry_base_delay=number("FIELDVOICE_LLM_RETRY_BASE_DELAY", 1.0),
            retry_max_delay=number("FIELDVOICE_LLM_RETRY_MAX_DELAY", 30.0),
            price_in_per_1k=number("FIELDVOICE_LLM_PRICE_IN", 0.0),
            price_out_per_1k=number("FIELDVOICE_LLM_PRICE_OUT", 0.0),
            embeddings_model=get("FIELDVOICE_EMBEDDINGS_MODEL"),
            embeddings_batch_size=int(number("FIELDVOICE_EMBEDDINGS_BATCH_SIZE", 256)),
            azure_endpoint=get("AZURE_OPENAI_ENDPOINT"),
            azure_api_key=_secret(get("AZURE_OPENAI_API_KEY")),
            api_version=get("OPENAI_API_VERSION") or DEFAULT_AZURE_API_VERSION,
        )

    def __repr__(self) -> str:
        # A base URL may carry credentials (user:password@, ?api-key=): only the cleaned endpoint is shown.
        shown = {k: v for k, v in self.describe().items() if v is not None}
        return f"LlmSettings({', '.join(f'{k}={v!r}' for k, v in shown.items())})"

    @property
    def provider(self) -> str | None:
        """ "azure", "openai" or None when no endpoint is configured."""
        if self.azure_endpoint:
            return "azure"
        if self.base_url or self.api_key:
            return "openai"
        return None

    @property
    def endpoint(self) -> str:
        """The endpoint without credentials, safe to show in logs and metadata."""
        url = self.azure_endpoint if self.provider == "azure" else (self.base_url or "https://api.openai.com/v1")
        parts = urlsplit(url)
        host = parts.hostname or ""
        netloc = host + (f":{parts.port}" if parts.port else "")
        return urlunsplit((parts.scheme, netloc, parts.path, "", ""))

    def describe(self) -> dict[str, str | float | int | None]:
        """What a run used, for asset metadata: never a key, never a URL's user info or query string."""
        return {
            "llm_provider": self.provider or "offline",
            "llm_endpoint": self.endpoint if self.provider else None,
            "llm_model": self.model if self.provider else None,
            "llm_temperature": self.temperature,
            "llm_timeout_s": self.timeout,
            "llm_max_retries": self.max_retries,
            "embeddings_model": self.embeddings_model if self.provider else None,
        }

    def cost(self, tokens_in: int, tokens_out: int) -> float:
        return tokens_in / 1000 * self.price_in_per_1k + tokens_out / 1000 * self.price_out_per_1k


def _secret(value: str | None) -> SecretStr | None:
    return SecretStr(value) if value else None
