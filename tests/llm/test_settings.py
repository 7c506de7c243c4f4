"""Settings come from the environment in one place; no endpoint means no client; keys never leak."""

import logging
from dataclasses import asdict

import pytest
from pydantic import BaseModel

from fieldvoice.llm import LlmSettings, OpenAIEmbedder, make_client
from tests.fakes.openai_server import FakeOpenAI
from tests.fakes.plugin import FAKE_API_KEY


class Title(BaseModel):
    title: str


def test_nothing_configured_means_no_client():
    settings = LlmSettings.from_env({})
    assert settings.provider is None
    assert make_client(settings) is None
    assert settings.describe()["llm_provider"] == "offline"


def test_every_variable_is_read():
    settings = LlmSettings.from_env(
        {
            "OPENAI_BASE_URL": "http://localhost:8000/v1",
            "OPENAI_API_KEY": "sk-secret",
            "FIELDVOICE_LLM_MODEL": "qwen2.5",
            "FIELDVOICE_LLM_TEMPERATURE": "0",
            "FIELDVOICE_LLM_TIMEOUT": "12.5",
            "FIELDVOICE_LLM_MAX_RETRIES": "5",
            "FIELDVOICE_LLM_PRICE_IN": "0.5",
            "FIELDVOICE_LLM_PRICE_OUT": "1.5",
            "FIELDVOICE_EMBEDDINGS_MODEL": "e5-small",
        }
    )
    assert (settings.provider, settings.model, settings.temperature) == ("openai", "qwen2.5", 0.0)
    assert (settings.timeout, settings.max_retries, settings.embeddings_model) == (12.5, 5, "e5-small")
    assert settings.cost(2000, 1000) == pytest.approx(2.5)


def test_embeddings_need_their_own_model_variable():
    # A chat endpoint alone must not send verbatims to an embeddings endpoint (.env.example, README).
    settings = LlmSettings.from_env({"OPENAI_API_KEY": "sk-secret"})
    assert settings.provider == "openai" and settings.embeddings_model is None
    assert settings.describe()["embeddings_model"] is None
    client = make_client(settings)
    assert client is not None
    with pytest.raises(ValueError, match="FIELDVOICE_EMBEDDINGS_MODEL"):
        OpenAIEmbedder(client)


def test_temperature_can_be_left_out_for_models_that_reject_it():
    assert LlmSettings.from_env({"FIELDVOICE_LLM_TEMPERATURE": "none"}).temperature is None


def test_a_bad_number_names_the_variable():
    with pytest.raises(ValueError, match="FIELDVOICE_LLM_TIMEOUT"):
        LlmSettings.from_env({"FIELDVOICE_LLM_TIMEOUT": "soon"})


def test_keys_never_appear_in_repr_description_or_logs(fake_openai: FakeOpenAI, caplog: pytest.LogCaptureFixture):
    settings = LlmSettings.from_env(
        {"OPENAI_BASE_URL": fake_openai.url, "OPENAI_API_KEY": FAKE_API_KEY, "AZURE_OPENAI_API_KEY": "azure-secret"}
    )
    caplog.set_level(logging.DEBUG)  # the SDK's and the HTTP library's debug logs included
    client = make_client(settings)
    assert client is not None
    client.embed_batch(["a call logged at DEBUG level"], model="fake-embedding")
    shown = " ".join([repr(settings), str(asdict(settings)), repr(settings.describe()), repr(client), caplog.text])
    assert fake_openai.requests[-1].had_credentials
    for secret in (FAKE_API_KEY, "azure-secret"):
        assert secret not in shown
    assert settings.describe()["llm_endpoint"] == fake_openai.url


def test_credentials_inside_the_url_are_refused_without_echoing_them():
    settings = LlmSettings.from_env({"OPENAI_BASE_URL": "https://user:pw-secret@llm.example.org/v1"})
    assert "pw-secret" not in repr(settings) and "pw-secret" not in str(settings.describe())
    with pytest.raises(ValueError, match="OPENAI_API_KEY") as raised:
        make_client(settings)
    assert "pw-secret" not in str(raised.value)


def test_azure_uses_the_deployment_path_and_api_key_header(fake_openai: FakeOpenAI):
    settings = LlmSettings.from_env(
        {
            "AZURE_OPENAI_ENDPOINT": fake_openai.root_url,
            "AZURE_OPENAI_API_KEY": "azure-secret",
            "OPENAI_API_VERSION": "2024-10-21",
            "FIELDVOICE_LLM_MODEL": "briefs-deployment",
        }
    )
    client = make_client(settings)
    assert client is not None and settings.provider == "azure"
    assert client.structured([{"role": "user", "content": "hi"}], Title, purpose="azure").record.outcome == "ok"
    assert fake_openai.requests[-1].path.startswith("/openai/deployments/briefs-deployment/chat/completions?")
    vectors, _ = client.embed_batch(["hello"], model="embed-deployment")
    request = fake_openai.requests[-1]
    assert request.path.startswith("/openai/deployments/embed-deployment/embeddings")
    assert "api-version=2024-10-21" in request.path
    assert request.had_credentials and len(vectors[0]) == fake_openai.embedding_dim


def test_azure_without_a_key_is_a_clear_error():
    with pytest.raises(ValueError, match="AZURE_OPENAI_API_KEY"):
        make_client(LlmSettings.from_env({"AZURE_OPENAI_ENDPOINT": "https://example.openai.azure.com"}))
