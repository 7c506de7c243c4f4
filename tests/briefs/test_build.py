"""build_briefs: offline by default, LLM when configured, a fallback per failed brief, no call on a rerun."""

from dataclasses import replace

import duckdb
import pandas as pd
import pytest

from fieldvoice.briefs import BriefFigures, build_briefs
from fieldvoice.briefs.verify import normalise
from fieldvoice.insights.contracts import Opportunity
from fieldvoice.llm import InMemoryLlmCache, LlmCache, LlmClient, LlmSettings, make_client
from fieldvoice.privacy import redact
from tests.fakes import openai_server as fake
from tests.fakes.openai_server import FakeOpenAI


def client_of(settings: LlmSettings, **changes: object) -> LlmClient:
    client = make_client(replace(settings, **changes))  # type: ignore[arg-type]
    assert client is not None
    return client


def assert_quotes_are_real(run, verbatims: pd.DataFrame, opportunities: list[Opportunity]) -> None:
    """Every quote is an excerpt of the redacted verbatim it names, one of its opportunity's evidence."""
    rows = {r["verbatim_id"]: r for r in verbatims.to_dict("records")}
    evidence = {o.theme_id: [i for i in o.evidence_verbatim_ids if i in rows] for o in opportunities}
    for brief in run.briefs:
        available = evidence[brief.theme_id]
        assert min(3, len(available)) <= len(brief.quotes) <= 5
        for quote in brief.quotes:
            row = rows[quote.verbatim_id]
            source = redact(row["text"], known_names=[row["customer_name"]], region=row["country_code"]).text
            assert quote.verbatim_id in available and normalise(quote.text) in normalise(source)


def test_offline_by_default_and_deterministic(opportunities, verbatims, figures):
    first = build_briefs(opportunities, verbatims, figures, client=None, cache=None)
    second = build_briefs(opportunities, verbatims, figures, client=None, cache=None)
    assert [b.model_dump() for b in first.briefs] == [b.model_dump() for b in second.briefs]
    assert [b.rank for b in first.briefs] == [1, 2, 3]
    for brief in first.briefs:
        assert brief.provenance.generated_by == "offline"
        assert brief.provenance.label == "generated offline (no LLM configured)"
        assert brief.provenance.input_hash.startswith("sha256:") and brief.provenance.as_of == "2026-11-02"
        assert brief.provenance.taxonomy_version == "taxonomy-2026.11"
        assert {c.category for c in brief.constraints} >= {"ussd_feature_phones", "offline", "kyc", "languages"}
        assert {m.kind for m in brief.success_metrics} == {"leading", "lagging"}
        assert any("not random" in t for t in brief.limitations)
    assert first.fallbacks == 0 and first.usage.as_metadata()["llm_calls"] == 0
    assert len(first.briefs[0].quotes) == 5 and len(first.briefs[2].quotes) == 2  # only two evidence verbatims exist
    assert_quotes_are_real(first, verbatims, opportunities)


def test_llm_briefs_carry_injected_evidence(
    fake_openai: FakeOpenAI, fake_llm_settings, opportunities, verbatims, figures
):
    run = build_briefs(opportunities, verbatims, figures, client=client_of(fake_llm_settings), cache=None, count=2)
    assert fake_openai.chat_calls == 2 and len(run.briefs) == 2
    top: Opportunity = min(opportunities, key=lambda o: o.rank)
    brief = run.briefs[0]
    assert brief.provenance.generated_by == "llm:fake-model" and brief.provenance.prompt_version == "brief-prompt-v1"
    assert brief.evidence.mentions == top.mentions and brief.evidence.growth_p_value == top.growth_p_value
    assert [(c.code, c.n) for c in brief.countries] == list(top.countries)
    assert [(s.code, s.n) for s in brief.segments] == list(top.segments)
    assert brief.success_metrics[0].baseline == "12.0%"
    assert brief.verification.quotes_verified >= 3 and brief.verification.quotes_dropped == 0
    assert_quotes_are_real(run, verbatims, opportunities)


def test_429_then_success_is_not_a_fallback(
    fake_openai: FakeOpenAI, fake_llm_settings, opportunities, verbatims, figures
):
    fake_openai.script(fake.error(429), fake.valid())
    run = build_briefs(opportunities[1:2], verbatims, figures, client=client_of(fake_llm_settings), cache=None)
    assert run.fallbacks == 0 and fake_openai.chat_calls == 2
    assert run.briefs[0].provenance.generated_by == "llm:fake-model"
    assert run.usage.calls[0].attempts == 2


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        (fake.slow(3), "timeout"),
        (fake.invalid_json(), "invalid_json"),
        (fake.refusal(), "refusal"),
        (fake.schema_mismatch(), "schema_mismatch"),
        (fake.error(500), "server_error"),
        (fake.error(429), "rate_limited"),
    ],
)
def test_a_failed_call_falls_back_for_that_brief_only(
    fake_openai: FakeOpenAI, fake_llm_settings, opportunities, verbatims, figures, behaviour, reason
):
    fake_openai.default = behaviour
    client = client_of(fake_llm_settings, timeout=0.2, max_retries=1)
    run = build_briefs(opportunities[1:2], verbatims, figures, client=client, cache=InMemoryLlmCache())
    assert run.fallbacks == 1 and run.fallback_reasons == {reason: 1}
    brief = run.briefs[0]
    assert brief.provenance.generated_by == "offline" and brief.provenance.fallback_reason == reason
    assert brief.provenance.label == f"generated offline (LLM call failed: {reason})"
    assert len(brief.quotes) >= 3
    assert run.metadata()["fallback_reasons"] == f"{reason}: 1"


def test_a_fabricated_quote_is_dropped_counted_and_topped_up(
    fake_openai: FakeOpenAI, fake_llm_settings, opportunities, verbatims, figures
):
    fake_openai.default = fake.fabricated_quote()
    run = build_briefs(opportunities[1:2], verbatims, figures, client=client_of(fake_llm_settings), cache=None)
    brief = run.briefs[0]
    assert brief.verification.dropped_reasons == {"not_in_source": 1} and run.quotes_dropped == 1
    assert all("laughed" not in q.text for q in brief.quotes)
    assert len(brief.quotes) == 3 and brief.verification.quotes_topped_up == 1
    assert [q.source for q in brief.quotes] == ["model", "model", "evidence"]
    assert_quotes_are_real(run, verbatims, opportunities)


def test_statistics_written_by_the_model_are_replaced(
    fake_openai: FakeOpenAI, fake_llm_settings, opportunities, verbatims, figures
):
    def invent(answer: dict) -> None:
        answer["title"] = "42% of customers cannot withdraw"
        answer["problem"]["statement"] = "About 1,300 customers, 3 out of 4 agents, run dry."

    fake_openai.default = fake.valid(invent)
    run = build_briefs(opportunities[1:2], verbatims, figures, client=client_of(fake_llm_settings), cache=None)
    brief = run.briefs[0]
    assert brief.title == "[figure removed] of customers cannot withdraw"
    assert "1,300" not in brief.problem.statement and "3 out of 4" not in brief.problem.statement
    assert brief.verification.figures_removed == 3


def test_an_unchanged_rerun_makes_no_call(
    fake_openai: FakeOpenAI, fake_llm_settings, opportunities, verbatims, figures
):
    con = duckdb.connect()
    client = client_of(fake_llm_settings)
    first = build_briefs(opportunities, verbatims, figures, client=client, cache=LlmCache(con))
    assert fake_openai.chat_calls == 3
    later = BriefFigures(**{**figures.__dict__, "as_of": figures.as_of.replace(day=3)})  # a new day, same themes
    second = build_briefs(opportunities, verbatims, later, client=client_of(fake_llm_settings), cache=LlmCache(con))
    assert fake_openai.chat_calls == 3
    assert second.usage.cache_hits == 3 and second.usage.as_metadata()["llm_http_requests"] == 0
    assert [b.quotes for b in second.briefs] == [b.quotes for b in first.briefs]
    edited = verbatims.copy()
    edited.loc[edited["verbatim_id"] == "n1", "text"] = "La connexion est lente le matin aussi."
    build_briefs(opportunities, edited, later, client=client, cache=LlmCache(con))
    assert fake_openai.chat_calls == 4  # only the brief whose evidence changed is asked again


def test_french_briefs(fake_openai: FakeOpenAI, fake_llm_settings, opportunities, verbatims, figures):
    offline = build_briefs(opportunities, verbatims, figures, client=None, cache=None, language="fr")
    brief = offline.briefs[0]
    assert brief.language == "fr" and brief.provenance.label == "généré hors ligne (aucun LLM configuré)"
    assert brief.how_might_we.startswith("Comment pourrions-nous")
    assert brief.success_metrics[0].baseline == "12,0\u202f%"
    assert any("non aléatoire" in t for t in brief.limitations)
    build_briefs(opportunities[:1], verbatims, figures, client=client_of(fake_llm_settings), cache=None, language="fr")
    assert "write one hackathon brief in French" in fake_openai.requests[-1].json["messages"][1]["content"]


def test_unknown_language_is_refused(opportunities, verbatims, figures):
    with pytest.raises(ValueError, match="language"):
        build_briefs(opportunities, verbatims, figures, client=None, cache=None, language="de")


def test_run_metadata_is_flat_and_text_free(
    fake_openai: FakeOpenAI, fake_llm_settings, opportunities, verbatims, figures
):
    fake_openai.script(fake.refusal())
    run = build_briefs(opportunities, verbatims, figures, client=client_of(fake_llm_settings), cache=None)
    meta = run.metadata()
    assert meta["briefs"] == 3 and meta["fallbacks"] == 1 and meta["fallback_reasons"] == "refusal: 1"
    assert meta["generated_by"] == "llm:fake-model: 2, offline: 1"
    assert meta["llm_calls"] == 3 and meta["llm_cost_estimate_usd"] > 0
    assert all(isinstance(v, int | float | str) for v in meta.values())


def test_limitations_state_the_field_quality_exclusions() -> None:
    from fieldvoice.briefs.defaults import limitations

    english = limitations("en", "2026-03-09", 15000, False, excluded_by_qa=412)
    assert any("412 interviews judged rushed or fabricated" in t for t in english)
    assert any("412" in t and "exclus" in t for t in limitations("fr", "2026-03-09", 15000, False, 412))
    assert not any("rushed" in t for t in limitations("en", "2026-03-09", 15000, False, excluded_by_qa=0))
