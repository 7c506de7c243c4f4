"""Embeddings cached by content hash in the warehouse: an unchanged rerun sends no request, on DuckDB and PostgreSQL.

Each "run" builds a new embedder and a new cache object over the same warehouse, as a Dagster run does.
"""

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from fieldvoice.llm import EmbeddingCache, LlmSettings, OpenAIEmbedder, make_client
from fieldvoice.settings import PostgresSettings
from fieldvoice.warehouse import DuckDBWarehouse, Warehouse
from orchestration.resources import LlmResource
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.fakes.plugin import FAKE_API_KEY
from tests.pg import open_test_warehouse, throwaway_database

TEXTS = ["réseau lent", "", "agent sans cash", "bundle finish fast", "agent sans cash", "la connexion coupe"]


@pytest.fixture(scope="module")
def pg_database() -> Iterator[PostgresSettings]:
    with throwaway_database("fv_test_embedding_cache") as settings:
        yield settings


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Warehouse]:
    with open_test_warehouse(request, tmp_path, "pg_database") as opened:
        yield opened


@pytest.fixture
def table() -> str:
    return f"t_{uuid.uuid4().hex[:8]}.embedding_cache"  # PostgreSQL tests share one database


def run(settings: LlmSettings, warehouse: Warehouse, table: str, **options: Any) -> OpenAIEmbedder:
    client = make_client(settings)
    assert client is not None
    return OpenAIEmbedder(client, batch_size=2, cache=EmbeddingCache(warehouse, table=table), **options)


def embedding_inputs(fake: FakeOpenAI) -> list[list[str]]:
    return [r.json["input"] for r in fake.requests if r.kind == "embeddings"]


def test_rerun_sends_nothing_and_a_new_text_only_itself(
    fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings, warehouse: Warehouse, table: str
) -> None:
    first = run(fake_llm_settings, warehouse, table)
    vectors = first.embed(TEXTS)
    # 4 distinct non-empty texts (one repeated) in batches of 2; the empty one is a zero row, never sent.
    sent = [["réseau lent", "agent sans cash"], ["bundle finish fast", "la connexion coupe"]]
    assert embedding_inputs(fake_openai) == sent
    assert not vectors[1].any() and np.array_equal(vectors[2], vectors[4])
    assert len(EmbeddingCache(warehouse, table=table)) == 4

    fake_openai.reset()
    again = run(fake_llm_settings, warehouse, table)
    np.testing.assert_array_equal(again.embed(TEXTS), vectors)  # bit for bit, from the cache
    assert fake_openai.embedding_calls == 0
    meta = again.usage.as_metadata()
    assert (meta["llm_http_requests"], meta["llm_cache_hits"], meta["llm_tokens_in"]) == (0, 1, 0)

    more = run(fake_llm_settings, warehouse, table).embed([*TEXTS, "pas de réseau au marché"])
    assert embedding_inputs(fake_openai) == [["pas de réseau au marché"]]
    np.testing.assert_array_equal(more[: len(TEXTS)], vectors)
    assert more[-1].any() and len(EmbeddingCache(warehouse, table=table)) == 5


def test_cached_vectors_equal_uncached_ones(
    fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings, warehouse: Warehouse, table: str
) -> None:
    client = make_client(fake_llm_settings)
    assert client is not None
    uncached = OpenAIEmbedder(client).embed(TEXTS)
    run(fake_llm_settings, warehouse, table).embed(TEXTS)
    np.testing.assert_array_equal(run(fake_llm_settings, warehouse, table).embed(TEXTS), uncached)


def test_the_key_is_model_dimensions_and_the_redacted_text(
    fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings, tmp_path: Path
) -> None:
    warehouse, table = DuckDBWarehouse.open(tmp_path / "wh.duckdb"), "insights.embedding_cache"
    run(fake_llm_settings, warehouse, table).embed(["appelez-moi au 77 123 45 67"])
    # Another number redacts to the same text: what was sent is what is keyed, so it is a hit.
    run(fake_llm_settings, warehouse, table).embed(["appelez-moi au 78 765 43 21"])
    assert embedding_inputs(fake_openai) == [["appelez-moi au [PHONE]"]]
    run(fake_llm_settings, warehouse, table, model="other-embedding").embed(["appelez-moi au 77 123 45 67"])
    run(fake_llm_settings, warehouse, table, dimensions=4).embed(["appelez-moi au 77 123 45 67"])
    sent = [r.json for r in fake_openai.requests]
    assert [(s["model"], s.get("dimensions")) for s in sent] == [
        ("fake-embedding", None),
        ("other-embedding", None),
        ("fake-embedding", 4),
    ]
    assert len(EmbeddingCache(warehouse, table=table)) == 3
    warehouse.close()


def test_batches_are_kept_when_a_later_one_fails(
    fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings, tmp_path: Path
) -> None:
    warehouse, table = DuckDBWarehouse.open(tmp_path / "wh.duckdb"), "insights.embedding_cache"
    answered: list[int] = []

    def first_batch_only(request: dict[str, Any]) -> Reply:
        if answered:
            return Reply(400, {"error": {"message": "bad request", "type": "invalid_request_error"}})
        answered.append(1)
        return fake_openai._embeddings(request)

    fake_openai.embeddings_fault = first_batch_only
    broken = run(fake_llm_settings, warehouse, table)
    with pytest.raises(Exception, match="api_error"):
        broken.embed(TEXTS)
    assert broken.usage.outcomes == {"api_error": 1, "ok": 1}
    fake_openai.embeddings_fault = None
    fake_openai.reset()
    run(fake_llm_settings, warehouse, table).embed(TEXTS)
    assert embedding_inputs(fake_openai) == [["bundle finish fast", "la connexion coupe"]]
    warehouse.close()


def test_the_resource_caches_in_the_warehouse_it_is_given(
    fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("AZURE_OPENAI_ENDPOINT", "FIELDVOICE_EMBEDDINGS_BATCH_SIZE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.url)
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_API_KEY)
    warehouse = DuckDBWarehouse.open(tmp_path / "wh.duckdb")
    monkeypatch.delenv("FIELDVOICE_EMBEDDINGS_MODEL", raising=False)
    assert LlmResource().embedder(warehouse) is None  # a chat endpoint alone does not send verbatims to embed
    monkeypatch.setenv("FIELDVOICE_EMBEDDINGS_MODEL", "fake-embedding")
    for _ in range(2):  # two runs of the insights asset
        embedder = LlmResource().embedder(warehouse)
        assert isinstance(embedder, OpenAIEmbedder)
        embedder.embed(TEXTS)
    assert fake_openai.embedding_calls == 1  # the default batch holds all 4 texts; the rerun sends nothing
    assert warehouse.scalar("SELECT count(*) FROM insights.embedding_cache") == 4
    warehouse.close()
