"""Quote verification, the deterministic top-up and the statistics scrubber, as plain functions."""

from fieldvoice.briefs.inputs import SourceVerbatim
from fieldvoice.briefs.model import DraftQuote
from fieldvoice.briefs.verify import scrub_figures, top_up, verify_quotes


def source(alias: str, text: str, language: str = "fr") -> SourceVerbatim:
    return SourceVerbatim(alias, f"id-{alias}", text, language, "SN", "mobile_money", "prepaid", 3)


SOURCES = [
    source("v1", "L'agent n'a jamais de liquidité\n le soir, je repars sans mon argent."),
    source("v2", "Agent said no cash, come tomorrow.", "en"),
    source("v3", "Pas de cash chez l'agent du marché, je dois marcher loin."),
    source("v4", "Le retrait a échoué deux fois chez l'agent."),
]


def quote(verbatim_id: str, text: str, translation: str | None = None) -> DraftQuote:
    return DraftQuote(verbatim_id=verbatim_id, text=text, translation=translation)


def test_whitespace_is_normalised_and_substrings_are_allowed():
    kept, dropped = verify_quotes(
        [quote("v1", "jamais de liquidité   le soir"), quote("v2", "“said no cash, come tomorrow”")], SOURCES, "en"
    )
    assert [q.text for q in kept] == ["jamais de liquidité le soir", "said no cash, come tomorrow"]
    assert [q.verbatim_id for q in kept] == ["id-v1", "id-v2"] and not dropped


def test_fabricated_wrong_id_short_and_duplicate_quotes_are_dropped_and_counted():
    kept, dropped = verify_quotes(
        [
            quote("v1", "L'agent a volé mon argent hier soir"),  # not what was said
            quote("v9", "Agent said no cash, come tomorrow."),  # no such verbatim
            quote("v2", "Agent said no cash, come tomorrow."),  # an excerpt of v2, not v1: id matters
            quote("v3", "cash"),  # too short to prove anything
            quote("v2", "come tomorrow. Agent said"),  # reordered
            quote("v2", "said no cash"),  # v2 is already quoted
        ],
        SOURCES,
        "en",
    )
    assert [q.verbatim_id for q in kept] == ["id-v2"]
    assert dropped == {"not_in_source": 2, "unknown_id": 1, "too_short": 1, "duplicate": 1}


def test_translation_is_kept_only_across_languages():
    kept, _ = verify_quotes(
        [quote("v1", "je repars sans mon argent", "I leave without my money"), quote("v2", "no cash", "pas de cash")],
        SOURCES,
        "en",
    )
    assert kept[0].translation == "I leave without my money"
    assert len(kept) == 1  # "no cash" is too short


def test_top_up_follows_the_evidence_order():
    kept, _ = verify_quotes([quote("v3", "je dois marcher loin")], SOURCES, "en")
    topped, added = top_up(kept, SOURCES, "en")
    assert added == 2 and [q.verbatim_id for q in topped] == ["id-v3", "id-v1", "id-v2"]
    assert topped[1].text == "L'agent n'a jamais de liquidité le soir, je repars sans mon argent."
    assert [q.source for q in topped] == ["model", "evidence", "evidence"]
    assert top_up(topped, SOURCES, "en") == (topped, 0)


def test_invented_statistics_are_replaced_but_ordinary_numbers_stay():
    text, n = scrub_figures("Près de 40 % des clients, 3 sur 4 agents et 1 200 clients; forfait 4G, menu *144#", "fr")
    assert n == 3 and text.count("[chiffre retiré]") == 3
    assert "4G" in text and "*144#" in text
