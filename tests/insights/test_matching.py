"""Folding, spans on the original text, multilingual and misspelt evidence, and the polarity guards."""

import pytest

from fieldvoice.insights import ThemeMatcher, load_taxonomy
from fieldvoice.insights.assign import match_texts
from fieldvoice.insights.normalise import fold


@pytest.fixture(scope="module")
def matcher() -> ThemeMatcher:
    return ThemeMatcher(load_taxonomy())


def test_fold_latin_and_arabic() -> None:
    assert fold("Réseau FAIBLE à Thiès, ça coupe").text == "reseau faible a thies, ca coupe"
    # alef variants, alef maksura, ta marbuta, tatweel, harakat, Eastern digits
    assert fold("أإآ ى ة الشبكـــة جِدًّا ٣").text == "ااا ي ه الشبكه جدا 3"
    assert fold("Appelez le [PHONE] svp").text == "appelez le         svp"


def test_original_spans_survive_dropped_characters(matcher: ThemeMatcher) -> None:
    for text in ("الشبكـــة ضعيفـة جداً في القرية", "Le re\u0301seau est faible ici", "Œuvre: pas de réseau ici"):
        hits = matcher.match(text)
        assert hits, text
        for hit in hits:
            span = text[hit.start : hit.end]
            assert fold(span).text.strip() == fold(span.strip()).text  # a clean cut, no half character
            assert span == span.strip()
    text = "الشبكـــة ضعيفـة جداً"
    (hit,) = matcher.match(text)
    assert text[hit.start : hit.end] == "الشبكـــة ضعيفـة"


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Arnaque sur Orange Money: un faux agent m'a demandé mon code", "fraud_scam"),
        ("A fake agent asked for my PIN and emptied my wallet", "fraud_scam"),
        ("واحد نصاب طلب مني الرقم السري", "fraud_scam"),
        ("Benn faux agent woo na ma, laaj ma sama code", "fraud_scam"),
        ("والشبكة ضعيفة بزاف فالدوار", "network_coverage"),  # proclitic و + ال
        ("le rezo est nul, pas de reseau au village", "network_coverage"),
        ("my intenet is so slow tonight", "slow_data"),  # misspelt: fuzzy
        ("lapplication plante tout le temps", "app_digital"),  # elision typed without apostrophe
        ("Les frais de retrait sont trop élevés", "mm_fees"),
        ("L'agent n'a jamais de liquidité", "mm_agent_cash"),
    ],
)
def test_multilingual_evidence(matcher: ThemeMatcher, text: str, theme: str) -> None:
    assert theme in match_texts([text], matcher)[0]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Aucune coupure ce mois-ci, le réseau tient bien.", "call_drops"),  # no-problem phrase
        ("No network cut this month, great.", "network_coverage"),
        ("Le réseau n'est pas bon chez moi.", "praise_network"),  # negated praise
        ("Le réseau est bon mais le pass finit trop vite.", "slow_data"),  # contrast splits the clauses
        ("J'ai payé les frais de scolarité avec Orange Money.", "mm_fees"),  # theme exclude term
        ("L'identification s'est faite sans problème.", "sim_registration"),
    ],
)
def test_guards(matcher: ThemeMatcher, text: str, absent: str) -> None:
    assert absent not in match_texts([text], matcher)[0]


def test_multi_label_with_scores_and_methods(matcher: ThemeMatcher) -> None:
    text = "Bonjour, le réseau est bon mais le pass internet finit trop vite, et les frais de retrait sont chers."
    hits = {matcher.taxonomy.themes[h.theme].id: h for h in matcher.match(text)}
    assert {"praise_network", "bundle_expiry", "mm_fees"} <= set(hits)
    for hit in hits.values():
        assert 0.5 <= hit.score <= 1 and hit.method.split("~")[0] in ("phrase", "keyword", "anchor+cue", "anchor")
    assert text[hits["mm_fees"].start : hits["mm_fees"].end] == "frais de retrait"


def test_matching_is_deterministic_and_cache_independent(matcher: ThemeMatcher) -> None:
    texts = ["Le réseau est nul", "internet lent", "الباقة خلصت بسرعة", "rezo bi amul"]
    first = [matcher.match(t) for t in texts]
    fresh = ThemeMatcher(load_taxonomy())
    assert [fresh.match(t) for t in reversed(texts)][::-1] == first
