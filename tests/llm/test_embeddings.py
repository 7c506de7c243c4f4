"""OpenAIEmbedder: batches, order, empty texts, and redaction before anything is sent."""

import numpy as np

from fieldvoice.llm import LlmSettings, OpenAIEmbedder, make_client
from tests.fakes.openai_server import FakeOpenAI


def test_embeds_in_batches_in_input_order(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    client = make_client(fake_llm_settings)
    assert client is not None
    embedder = OpenAIEmbedder(client, batch_size=2)
    texts = ["réseau lent", "", "agent sans cash", "bundle finish fast", "la connexion coupe"]
    vectors = embedder.embed(texts)
    assert vectors.shape == (5, fake_openai.embedding_dim) and vectors.dtype == np.float32
    assert not vectors[1].any()  # empty text: zero row, not sent
    assert fake_openai.embedding_calls == 2  # 4 non-empty texts in batches of 2
    again = embedder.embed(["agent sans cash"])
    np.testing.assert_allclose(again[0], vectors[2], rtol=1e-6)
    assert embedder.name == "openai:fake-embedding"
    assert embedder.usage.as_metadata()["llm_calls"] == 3


def test_personal_data_is_redacted_before_embedding(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    client = make_client(fake_llm_settings)
    assert client is not None
    OpenAIEmbedder(client).embed(["appelez-moi au 77 123 45 67 ou awa.ndiaye@gmail.com, je m'appelle Awa"])
    sent = fake_openai.requests[-1].json["input"]
    assert sent == ["appelez-moi au [PHONE] ou [EMAIL], je m'appelle [NAME]"]
