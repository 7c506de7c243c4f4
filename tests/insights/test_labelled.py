"""Assignment quality on hand-labelled multilingual verbatims (French, English, Arabic, code-mixed).

Micro precision / recall over (verbatim, theme) pairs, and purity = share of verbatims whose predicted theme
set equals the labelled set exactly. The dev set was used to tune the taxonomy; the holdout set was written
afterwards and never used for tuning, so its figures are the ones to quote. Figures are printed (pytest -s).
"""

from collections import Counter

import pytest

from fieldvoice.insights import ThemeMatcher, load_taxonomy
from fieldvoice.insights.assign import match_texts
from tests.insights.conftest import load_fixture

FLOORS = {"labelled_dev.yaml": (0.90, 0.90, 0.85), "labelled_holdout.yaml": (0.80, 0.60, 0.55)}


def _scores(items: list[dict], predicted: list[list[str]]) -> dict[str, float]:
    tp = fp = fn = exact = 0
    for item, pred in zip(items, predicted, strict=True):
        gold, got = set(item["themes"]), set(pred)
        tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
        exact += gold == got
    return {
        "precision": tp / max(tp + fp, 1),
        "recall": tp / max(tp + fn, 1),
        "purity": exact / len(items),
        "items": len(items),
    }


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_labelled_precision_recall(name: str) -> None:
    items = load_fixture(name)
    taxonomy = load_taxonomy()
    ids = {t.id for t in taxonomy.themes}
    assert all(set(i["themes"]) <= ids for i in items), "the fixture uses unknown theme ids"
    predicted = match_texts([i["text"] for i in items], ThemeMatcher(taxonomy))
    overall = _scores(items, predicted)
    by_language = {}
    for lang in sorted({i["lang"] for i in items}):
        chosen = [k for k, i in enumerate(items) if i["lang"] == lang]
        by_language[lang] = _scores([items[k] for k in chosen], [predicted[k] for k in chosen])
    print(f"\n{name}: " + ", ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in overall.items()))
    for lang, s in by_language.items():
        print(f"  {lang}: n={s['items']} P={s['precision']:.2f} R={s['recall']:.2f} purity={s['purity']:.2f}")
    precision, recall, purity = FLOORS[name]
    assert overall["precision"] >= precision
    assert overall["recall"] >= recall
    assert overall["purity"] >= purity


def test_fixtures_are_rich_enough() -> None:
    for name in FLOORS:
        items = load_fixture(name)
        themes = Counter(t for i in items for t in i["themes"])
        languages = Counter(i["lang"] for i in items)
        assert len(items) >= 50 and len(themes) >= 8
        assert {"fr", "en", "ar"} <= set(languages)
        assert any(lang not in ("fr", "en", "ar", "pt") for lang in languages)  # code-mixed / local languages
