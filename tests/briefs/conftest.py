"""Small opportunities, verbatims and figures for the briefs tests, and the fake OpenAI server fixtures."""

from datetime import date

import pandas as pd
import pytest

from fieldvoice.briefs import BriefFigures, NpsRow, TrendRow
from fieldvoice.insights.contracts import Opportunity
from tests.fakes.plugin import fake_llm_settings, fake_openai

__all__ = ["fake_llm_settings", "fake_openai"]

WEEKS = ("2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26")

VERBATIMS = [
    # (id, text, language, country, stage, segment, nps, customer_name)
    (
        "m1",
        "L'agent n'a jamais de liquidité le soir, je repars sans mon argent.",
        "fr",
        "SN",
        "mobile_money",
        "prepaid",
        2,
        "Awa Ndiaye",
    ),
    (
        "m2",
        "Agent said no cash, come tomorrow. Call me on 0886 123 456, my name is Musa Kamara.",
        "en",
        "LR",
        "mobile_money",
        "mobile_money_only",
        3,
        "Musa Kamara",
    ),
    (
        "m3",
        "Pas de cash chez l'agent du marché, je dois marcher loin pour retirer.",
        "fr",
        "ML",
        "mobile_money",
        "prepaid",
        1,
        "Fatoumata Traoré",
    ),
    (
        "m4",
        "Moi c'est Fatou, l'agent dit que le réseau est coupé et il garde mon argent; fatou.diallo@gmail.com",
        "fr",
        "CI",
        "mobile_money",
        "prepaid",
        0,
        "Fatou Diallo",
    ),
    (
        "m5",
        "Withdrawal failed twice at the agent and the fee was still taken from my wallet.",
        "en",
        "BW",
        "mobile_money",
        "prepaid",
        4,
        "Kabo Molefe",
    ),
    (
        "n1",
        "La connexion est très lente le soir, impossible de regarder une vidéo.",
        "fr",
        "CM",
        "use_network",
        "prepaid",
        5,
        "Paul Mbarga",
    ),
    (
        "n2",
        "Data is so slow in the evening, my bundle finishes and nothing loaded.",
        "en",
        "SL",
        "use_network",
        "postpaid",
        4,
        "Ibrahim Sesay",
    ),
    (
        "n3",
        "Internet lent depuis deux semaines au quartier, ref client CUS-CM-004512.",
        "fr",
        "CM",
        "use_network",
        "prepaid",
        3,
        "Jean Fotso",
    ),
    ("n4", "Slow data at the university campus every afternoon.", "en", "BW", "use_network", "prepaid", 6, "Neo Kgosi"),
    (
        "s1",
        "J'ai reçu un SMS qui demandait mon code PIN au nom de l'opérateur.",
        "fr",
        "SN",
        "mobile_money",
        "prepaid",
        2,
        "Moussa Sarr",
    ),
    (
        "s2",
        "Scam message asked for my PIN, I almost sent it.",
        "en",
        "LR",
        "mobile_money",
        "prepaid",
        1,
        "Grace Kollie",
    ),
]


def make_verbatims(rows: list[tuple] = VERBATIMS) -> pd.DataFrame:
    columns = [
        "verbatim_id",
        "text",
        "language",
        "country_code",
        "journey_stage",
        "customer_segment",
        "nps",
        "customer_name",
    ]
    return pd.DataFrame(rows, columns=columns)


def make_opportunity(rank: int, theme_id: str, evidence: tuple[str, ...], **changes: object) -> Opportunity:
    values: dict = dict(
        rank=rank,
        theme_id=theme_id,
        theme_name=theme_id.replace("_", " ").capitalize(),
        description=f"Customers describe {theme_id.replace('_', ' ')}.",
        discovered=theme_id.startswith("discovered-"),
        journey_stages=("mobile_money",),
        score=0.5 / rank,
        reach=0.12 / rank,
        severity=1.3,
        growth=1.8,
        growth_p_value=0.004,
        mentions=420 // rank,
        nps_mentioners=-22.5,
        nps_impact=-4.1,
        countries=(("SN", 200), ("ML", 120), ("CI", 100)),
        segments=(("prepaid", 300), ("mobile_money_only", 120)),
        pain_points=(("mm_agent_cash", 300), ("mm_fees", 50)),
        weekly_trend=tuple(zip(WEEKS, (40, 55, 70, 90), strict=True)),
        evidence_verbatim_ids=evidence,
    )
    values.update(changes)
    return Opportunity(**values)


@pytest.fixture
def opportunities() -> list[Opportunity]:
    return [
        make_opportunity(
            2,
            "slow_data",
            ("n1", "n2", "n3", "n4"),
            journey_stages=("use_network",),
            pain_points=(("slow_data", 200),),
            countries=(("CM", 90), ("SL", 40), ("BW", 20)),
        ),
        make_opportunity(1, "mm_agent_cash", ("m1", "m2", "m3", "m4", "m5")),
        make_opportunity(
            3,
            "discovered-5c1a9e",
            ("s1", "s2", "missing-id"),
            theme_name="PIN scam messages",
            growth_p_value=None,
            pain_points=(("fraud_scam", 30),),
        ),
    ]


@pytest.fixture
def verbatims() -> pd.DataFrame:
    return make_verbatims()


@pytest.fixture
def figures() -> BriefFigures:
    return BriefFigures(
        as_of=date(2026, 11, 2),
        taxonomy_version="taxonomy-2026.11",
        nps_by_country=(NpsRow("SN", 1200, 12.3, 9.0, 15.6), NpsRow("CM", 900, -8.4, -12.0, -4.8)),
        nps_by_stage=(NpsRow("mobile_money", 800, -15.0, -19.2, -10.8), NpsRow("use_network", 1400, 4.0, 1.0, 7.0)),
        theme_trends=tuple(TrendRow("mm_agent_cash", w, n) for w, n in zip(WEEKS, (40, 55, 70, 90), strict=True)),
        interviews=15_000,
    )
