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
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from fieldvoice.contract import COUNTRIES
from fieldvoice.parallel import map_chunks, preload
from fieldvoice.text.langid_batch import BatchIdentifier

if TYPE_CHECKING:  # pandas is imported by detect_languages only: pool workers (detect_many) do without it
    import pandas as pd

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
_UNDECIDED = ""
# Pool workers get the model from their forkserver rather than loading it each (see langid_model).
preload("fieldvoice.text.langid_model")


def _identifier() -> BatchIdentifier:
    # Loading the model costs ~1 s: once per process, on first use, never at import of this module.
    from fieldvoice.text.langid_model import IDENTIFIER

    return IDENTIFIER


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the text's main language, or None when there is too little text to tell."""
    return detect_many([text])[0]


def detect_languages(texts: "pd.Series | Iterable[str | None]", min_parallel: int | None = None) -> "pd.Series":
    """Vectorised `detect_language`: each distinct text is classified once (re-exports repeat verbatims).
    `min_parallel`: above this many distinct texts, classify in a process pool (`fieldvoice.parallel`)."""
    import pandas as pd

    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="object")
    mask = series.notna().to_numpy(dtype=bool)
    out = np.full(len(series), None, dtype=object)
    if mask.any():
        codes, uniques = pd.factorize(series[mask])
        distinct = list(uniques)
        found = detect_many(distinct) if min_parallel is None else map_chunks(detect_many, distinct, min_parallel)
        out[mask] = np.asarray(found, dtype=object)[codes]
    return pd.Series(out, index=series.index, dtype="string")


def detect_many(texts: Sequence[object]) -> list[str | None]:
    """`detect_language` over a list (anything but a str gets None); the texts left for py3langid are classified
    together (batched walk)."""
    codes: list[str | None] = [None] * len(texts)
    pending: list[int] = []
    pending_texts: list[str] = []
    for i, text in enumerate(texts):
        if isinstance(text, str):
            code = _rule_based(text)
            if code == _UNDECIDED:
                pending.append(i)
                pending_texts.append(text)
            else:
                codes[i] = code
    if pending:
        classified = _identifier().classify_many(pending_texts)
        for i, (code, _) in zip(pending, classified, strict=True):
            codes[i] = _FOLD_CODES.get(code, code)
    return codes


def _rule_based(text: str) -> str | None:
    """None (too few letters), "ar", "wo", or _UNDECIDED (py3langid's turn). One word scan serves all
    three tests: every letter lies in exactly one word match, whose only non-letter is an apostrophe."""
    words = _WORD.findall(text)
    joined = "".join(words)
    letters = len(joined) - joined.count("'") - joined.count("’")
    if letters < 3:
        return None
    if _ARABIC.search(text) and len(_ARABIC.findall(text)) * 3 >= letters:
        return "ar"
    # Words hold no spaces and lower() adds none, so one lower() over the joined words splits back word for word.
    lowered = " ".join(words).lower().split(" ")
    if len(WOLOF_MARKERS.intersection(lowered)) >= 2:
        markers = sum(1 for word in lowered if word in WOLOF_MARKERS)
        if markers * 5 >= len(lowered):
            return "wo"
    return _UNDECIDED


def plausible_languages(country_code: str) -> tuple[str, ...]:
    """Languages the contract lists for a country (for day-level plausibility reports)."""
    country = COUNTRIES.get(country_code)
    return country.languages if country else ()
