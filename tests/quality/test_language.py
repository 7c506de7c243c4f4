"""Language detection on a small multilingual fixture (field verbatims: fr, en, ar, pt, wo, mg)."""

import time

import pandas as pd
import pytest

from fieldvoice.text import detect_language, detect_languages

FIXTURE = [
    ("Le réseau coupe tout le temps dans mon quartier, même la nuit.", "fr"),
    ("Orange Money marche bien, très rapide pour envoyer à ma famille.", "fr"),
    ("My data bundle finish too fast, 5GB gone in 3 days.", "en"),
    ("Customer care never answer the phone", "en"),
    ("الشبكة ضعيفة جدا في الحي ولا أستطيع الاتصال", "ar"),
    ("Le réseau الشبكة ضعيفة جدا في الحي", "ar"),
    ("O preço dos pacotes é muito caro e a rede cai sempre", "pt"),
    ("Réseau bi dafa néew ci quartier bi; ma connexion coupe tout le temps.", "wo"),
    ("Internet bi dafa yàqu, duma ko jënd ak xaalis bu bari", "wo"),
    ("Tsy misy tambajotra eto an-tanàna, ratsy be ny internet", "mg"),
]


@pytest.mark.parametrize("text,expected", FIXTURE)
def test_detects_the_language(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", [None, "", "👍", "ok", "12345"])
def test_too_little_text_is_unknown(text):
    assert detect_language(text) is None


def test_vectorised_helper_keeps_index_and_is_fast():
    texts = pd.Series([t for t, _ in FIXTURE] * 1500 + [None], index=range(100, 100 + 15_001))
    started = time.perf_counter()
    detected = detect_languages(texts)
    assert time.perf_counter() - started < 2.0
    assert detected.index.equals(texts.index) and pd.isna(detected.iloc[-1])
    assert detected.iloc[: len(FIXTURE)].tolist() == [e for _, e in FIXTURE]


def test_unique_texts_speed():
    texts = pd.Series([f"{t} {i}" for i in range(1500) for t, _ in FIXTURE])
    started = time.perf_counter()
    detect_languages(texts)
    assert time.perf_counter() - started < 4.0  # 15,000 distinct texts: ~0.6 s here
