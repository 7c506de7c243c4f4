"""Language of a verbatim: the recorded `language` is often wrong or empty, so detect it.

Three steps, cheapest first:
1. Arabic script (a third of the letters or more) -> "ar" (py3langid splits Arabic into ar/ary/arz anyway).
2. Wolof, which py3langid does not know: a small list of frequent Wolof function words and verbs; two distinct
   markers that make up a fifth of the words -> "wo". Code-switched Wolof/French counts as Wolof.
3. py3langid restricted to the languages plausible in the 17 countries, so short texts are not labelled
   Latin or Esperanto. Regional codes fold to ISO 639-1 (ary/arz -> ar, fuv -> ff).
Texts with fewer than 3 letters (emoji, "ok", a number) get None.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from fieldvoice.contract import COUNTRIES

# py3langid labels worth considering here: the programme's languages plus neighbours it knows.
PLAUSIBLE = ("fr", "en", "ar", "ary", "arz", "pt", "mg", "ln", "sw", "fuv", "ha", "es")
_FOLD_CODES = {"ary": "ar", "arz": "ar", "fuv": "ff"}
_WOLOF_MARKERS_WORDS = (
    "bi yi ci ak dafa dama dañu dañoo dinaa dina dinañu damay dafay yëgël yëgal amul nekk nekkul lool "
    "rekk waaw déedéet jërëjëf jerejef naka nga ngi maa sama seen sunu mën mënul bëgg begg xam xamul dem "
    "ñu ñoo moo mooy mbaa ndax wax def defar jënd jend xaalis néew neew baax baaxul léegi leegi tey suba "
    "ngir gën gena yépp yepp lépp lepp kenn dara dañuy ngay"
)
WOLOF_MARKERS = frozenset(_WOLOF_MARKERS_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F]")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier():
    # Loading the model costs ~1 s: once per process, on first use, never at import.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in PLAUSIBLE if code in identifier.nb_classes])
    return identifier


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the text's main language, or None when there is too little text to tell."""
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
    code, _ = _identifier().classify(text)
    return _FOLD_CODES.get(code, code)


def detect_languages(texts: pd.Series | Iterable[str | None]) -> pd.Series:
    """Vectorised `detect_language`: each distinct text is classified once (re-exports repeat verbatims)."""
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="object")
    mask = series.notna()
    out = pd.Series(None, index=series.index, dtype="object")
    if mask.any():
        values = series[mask]
        distinct = {value: detect_language(value) for value in pd.unique(values)}
        out[mask] = values.map(distinct)
    return out.astype("string")


def plausible_languages(country_code: str) -> tuple[str, ...]:
    """Languages the contract lists for a country (for day-level plausibility reports)."""
    country = COUNTRIES.get(country_code)
    return country.languages if country else ()
