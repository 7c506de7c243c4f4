"""Pytest fixtures around the fake OpenAI-compatible server.

Register once for the whole suite with `pytest_plugins = ["tests.fakes.plugin"]` in tests/conftest.py.
"""

from collections.abc import Iterator

import pytest

from fieldvoice.llm import LlmSettings
from tests.fakes.openai_server import FakeOpenAI

FAKE_API_KEY = "sk-fake-0123456789-do-not-leak"


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI().start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def fake_llm_settings(fake_openai: FakeOpenAI) -> LlmSettings:
    """Settings pointing at the fake, read through the real `from_env` (short timeout, tiny retry delays)."""
    return LlmSettings.from_env(
        {
            "OPENAI_BASE_URL": fake_openai.url,
            "OPENAI_API_KEY": FAKE_API_KEY,
            "FIELDVOICE_LLM_MODEL": "fake-model",
            "FIELDVOICE_LLM_TIMEOUT": "2",
            "FIELDVOICE_LLM_MAX_RETRIES": "2",
            "FIELDVOICE_LLM_RETRY_BASE_DELAY": "0.01",
            "FIELDVOICE_LLM_PRICE_IN": "0.15",
            "FIELDVOICE_LLM_PRICE_OUT": "0.6",
            "FIELDVOICE_EMBEDDINGS_MODEL": "fake-embedding",
        }
    )
