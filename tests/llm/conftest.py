"""The fake OpenAI server fixtures (also registered suite-wide when tests/conftest.py loads tests.fakes.plugin)."""

from tests.fakes.plugin import fake_llm_settings, fake_openai

__all__ = ["fake_llm_settings", "fake_openai"]
