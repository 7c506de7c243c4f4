"""The client over real HTTP with the real SDK: structured answers, retries, failures, cache and usage."""

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from pydantic import BaseModel

from fieldvoice.llm import InMemoryLlmCache, LlmCache, LlmClient, LlmSettings, UsageReport, make_client
from tests.fakes import openai_server as fake
from tests.fakes.openai_server import FakeOpenAI

MESSAGES = [
    {"role": "system", "content": "Answer in JSON."},
    {
        "role": "user",
        "content": '<verbatims>[{"id": "v1", "text": "le réseau coupe tout le temps au marché"}]</verbatims>',
    },
]


class Quote(BaseModel):
    verbatim_id: str
    text: str


class Answer(BaseModel):
    title: str
    quotes: list[Quote]


def client_for(settings: LlmSettings, sleeps: list[float] | None = None, **changes: object) -> LlmClient:
    client = make_client(replace(settings, **changes))  # type: ignore[arg-type]
    assert client is not None
    if sleeps is not None:
        client._sleep = sleeps.append  # record the backoff instead of waiting
    return client


def test_a_valid_answer_is_parsed_with_a_strict_schema(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    result = client_for(fake_llm_settings).structured(MESSAGES, Answer, purpose="test")
    assert result.record.outcome == "ok" and result.parsed is not None
    assert result.parsed.quotes[0].verbatim_id == "v1"
    sent = fake_openai.requests[0].json
    assert sent["model"] == "fake-model" and sent["temperature"] == 0.2
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["strict"] is True
    assert sent["response_format"]["json_schema"]["schema"]["additionalProperties"] is False
    record = result.record
    assert record.tokens_in > 0 and record.tokens_out > 0 and record.attempts == 1 and not record.cache_hit
    assert record.cost_usd == pytest.approx(record.tokens_in / 1000 * 0.15 + record.tokens_out / 1000 * 0.6)


def test_429_then_success_backs_off_exponentially(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    sleeps: list[float] = []
    fake_openai.script(fake.error(429), fake.error(503), fake.valid())
    result = client_for(fake_llm_settings, sleeps).structured(MESSAGES, Answer, purpose="test")
    assert result.record.outcome == "ok" and result.record.attempts == 3
    assert fake_openai.chat_calls == 3
    assert sleeps == [0.01, 0.02]  # base * 2**(n-1): deterministic


def test_retry_after_is_honoured_up_to_the_cap(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    sleeps: list[float] = []
    fake_openai.script(fake.error(429, retry_after="5"), fake.error(429, retry_after="500"))
    client = client_for(fake_llm_settings, sleeps, retry_max_delay=60.0)
    assert client.structured(MESSAGES, Answer, purpose="test").record.outcome == "ok"
    assert sleeps == [5.0, 60.0]


def test_429_after_the_retries_is_a_failure_not_an_exception(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    fake_openai.default = fake.error(429)
    result = client_for(fake_llm_settings, []).structured(MESSAGES, Answer, purpose="test")
    assert (result.parsed, result.record.outcome, result.record.attempts) == (None, "rate_limited", 3)
    assert result.record.error == "RateLimitError HTTP 429"


def test_a_slow_answer_times_out_after_the_retries(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    fake_openai.default = fake.slow(5)
    client = client_for(fake_llm_settings, [], timeout=0.2, max_retries=1)
    result = client.structured(MESSAGES, Answer, purpose="test")
    assert (result.record.outcome, result.record.attempts, fake_openai.chat_calls) == ("timeout", 2, 2)
    assert result.record.latency_s < 2


@pytest.mark.parametrize(
    ("behaviour", "outcome"),
    [
        (fake.invalid_json(), "invalid_json"),
        (fake.schema_mismatch(), "schema_mismatch"),
        (fake.refusal(), "refusal"),
        (fake.error(400), "api_error"),
    ],
)
def test_unusable_answers_are_not_retried(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings, behaviour, outcome):
    fake_openai.default = behaviour
    result = client_for(fake_llm_settings, []).structured(MESSAGES, Answer, purpose="test")
    assert (result.parsed, result.record.outcome, fake_openai.chat_calls) == (None, outcome, 1)


def test_a_bad_key_opens_the_circuit_breaker(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    fake_openai.default = fake.error(401)
    client = client_for(fake_llm_settings, [])
    first = client.structured(MESSAGES, Answer, purpose="one")
    second = client.structured(MESSAGES, Answer, purpose="two")
    assert (first.record.outcome, second.record.outcome) == ("api_error", "skipped")
    assert fake_openai.chat_calls == 1  # the second brief does not hammer a misconfigured endpoint
    assert "401" in str(second.record.error)


def test_the_cache_answers_an_unchanged_question_without_a_call(
    fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings, tmp_path: Path
):
    path = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(path)) as con:
        first = client_for(fake_llm_settings).structured(MESSAGES, Answer, purpose="t", cache=LlmCache(con))
    with duckdb.connect(str(path)) as con:  # a later run, a new connection
        cache = LlmCache(con)
        again = client_for(fake_llm_settings).structured(MESSAGES, Answer, purpose="t", cache=cache)
        changed = client_for(fake_llm_settings, temperature=0.7).structured(MESSAGES, Answer, purpose="t", cache=cache)
        row = con.execute("SELECT model, tokens_in > 0, response->>'title' FROM insights.llm_cache LIMIT 1").fetchone()
        entries = len(cache)
    assert fake_openai.chat_calls == 2  # the first call, and the one whose temperature changed
    assert again.record.cache_hit and again.parsed == first.parsed and again.record.cost_usd == 0
    assert not changed.record.cache_hit and entries == 2
    assert row == ("fake-model", True, "Fake title")


def test_failures_are_not_cached(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    cache = InMemoryLlmCache()
    fake_openai.script(fake.invalid_json())
    client = client_for(fake_llm_settings)
    assert client.structured(MESSAGES, Answer, purpose="t", cache=cache).record.outcome == "invalid_json"
    assert len(cache) == 0
    assert client.structured(MESSAGES, Answer, purpose="t", cache=cache).record.outcome == "ok"


def test_usage_report_aggregates_for_asset_metadata(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    cache, usage = InMemoryLlmCache(), UsageReport()
    client = client_for(fake_llm_settings, [])
    fake_openai.script(fake.error(500))
    for _ in range(2):
        usage.add(client.structured(MESSAGES, Answer, purpose="t", cache=cache).record)
    fake_openai.script(fake.refusal())
    usage.add(client.structured([*MESSAGES, {"role": "user", "content": "again"}], Answer, purpose="t").record)
    meta = usage.as_metadata()
    assert meta["llm_calls"] == 3 and meta["llm_http_requests"] == 3  # 500 + ok, cache hit, refusal
    assert (meta["llm_cache_hits"], meta["llm_cache_misses"]) == (1, 2)
    assert meta["llm_outcomes"] == '{"ok": 2, "refusal": 1}'
    assert meta["llm_tokens_in"] > 0 and meta["llm_cost_estimate_usd"] > 0
    assert all(isinstance(v, int | float | str) for v in meta.values())


def test_temperature_none_is_not_sent(fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings):
    client_for(fake_llm_settings, temperature=None).structured(MESSAGES, Answer, purpose="t")
    assert "temperature" not in fake_openai.requests[0].json


def test_a_cache_entry_that_no_longer_validates_is_asked_again_and_replaced(
    fake_openai: FakeOpenAI, fake_llm_settings: LlmSettings
):
    con = duckdb.connect()
    cache = LlmCache(con)
    client = client_for(fake_llm_settings)
    client.structured(MESSAGES, Answer, purpose="t", cache=cache)
    con.execute("""UPDATE insights.llm_cache SET response = '{"headline": "old shape"}'""")
    again = client.structured(MESSAGES, Answer, purpose="t", cache=cache)
    assert not again.record.cache_hit and again.record.outcome == "ok" and fake_openai.chat_calls == 2
    assert client.structured(MESSAGES, Answer, purpose="t", cache=cache).record.cache_hit and len(cache) == 1
