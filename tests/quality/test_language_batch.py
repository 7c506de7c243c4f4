"""The batched language detection gives exactly py3langid's answers and the rules' answers, text by text."""

import re

import pytest

from fieldvoice.text import detect_language, detect_languages, langid_batch
from fieldvoice.text.language import _FOLD_CODES, WOLOF_MARKERS, _identifier, detect_many
from tests.field_texts import EDGE_TEXTS, field_texts

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F]")


def _one_by_one(text: object) -> str | None:
    """The rules as first written, one text at a time, with py3langid's own classify."""
    if not isinstance(text, str):
        return None
    letters = len(_LETTER.findall(text))
    if letters < 3:
        return None
    if len(_ARABIC.findall(text)) * 3 >= letters:
        return "ar"
    words = [w.lower() for w in _WORD.findall(text)]
    markers = [w for w in words if w in WOLOF_MARKERS]
    if len(set(markers)) >= 2 and len(markers) * 5 >= len(words):
        return "wo"
    code, _ = _identifier().identifier.classify(text)
    return _FOLD_CODES.get(code, code)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    frame = field_texts()
    found = [t for col in ("verbatim", "suggestion") for t in frame[col].tolist() if isinstance(t, str)]
    # Upper-cased copies take py3langid's lower-casing branch.
    return list(dict.fromkeys(found + [t.upper() for t in found[:50]]))


def test_batch_equals_classify_codes_and_confidences(texts, monkeypatch):
    batch = _identifier()
    # Small batches: several chunks, the MIN_BATCH floor, and texts longer than MAX_BYTES classified one by one.
    monkeypatch.setattr(langid_batch, "_CELLS", 40_000)
    assert any(len(t.encode()) > langid_batch.MAX_BYTES for t in texts)
    expected = [batch.identifier.classify(t) for t in texts]
    assert batch.classify_many(texts) == expected  # same label and the very same float, text by text
    assert len({code for code, _ in expected}) >= 4


def test_detect_many_equals_the_rules_one_by_one(texts):
    inputs = [*texts, None, 3.5, *EDGE_TEXTS]
    expected = [_one_by_one(t) for t in inputs]
    assert detect_many(inputs) == expected
    assert {"fr", "en", "ar", "pt", "wo", None} <= set(expected)
    assert [detect_language(t) for t in inputs[:40]] == expected[:40]


def test_detect_languages_maps_back_to_rows(texts):
    import pandas as pd

    series = pd.Series([*texts[:30], None, *texts[:30]], index=range(500, 561), dtype="string")
    detected = detect_languages(series)
    assert detected.dtype == "string" and detected.index.equals(series.index)
    expected = [_one_by_one(t) if isinstance(t, str) else None for t in series.tolist()]
    assert detected.tolist() == [pd.NA if code is None else code for code in expected]
