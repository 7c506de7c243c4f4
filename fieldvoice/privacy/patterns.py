"""Regular expressions and small tables behind `fieldvoice.privacy.redact` (kept apart so the rules read as data)."""

import re
import unicodedata

from fieldvoice.contract import COUNTRIES

REGIONS: tuple[str, ...] = tuple(COUNTRIES)

EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
CUSTOMER_REF = re.compile(r"(?<![\w-])CUS[-_ ]?[A-Z]{2}[-_ ]?\d{6}(?!\w)", re.IGNORECASE)
COLLABORATOR_ID = re.compile(r"(?<![\w-])EMP[-_ ]?\d{6}(?!\w)", re.IGNORECASE)
# Seven or more digits, possibly split by spaces, dots, dashes, slashes or brackets, optionally after + or 00.
PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|\(\+?)?\d(?:[ .\-/()]{0,3}\d){6,16}\)?(?!\w)")
# What is left after phones: long digit runs (national ID, account, IMEI), with an optional short letter prefix.
LONG_ID = re.compile(r"(?<![\w-])[A-Za-z]{0,3}\d{8,}[A-Za-z]?(?!\w)")
DATE_LIKE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?:[ T]\d{1,2}[:h]\d{2})?")
# 1 500 000 / 2.500.000: an amount of money, unless phonenumbers says it is a valid number somewhere.
THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:([ .,])\d{3})(?:\1\d{3})*")
# Money: "1 500 000 GNF" is an amount, not a phone. Seven digits and more are only plausible amounts in the
# high-denomination currencies (franc CFA, Guinean and Congolese francs, ariary, old leone), and only when
# grouped by thousands; anything else next to "dinars" or "$" is still tried as a phone (privacy first).
CURRENCY_AFTER = re.compile(r" ?(?i:f?cfa|gnf|fg|fc|cdf|xof|xaf|francs?|ariary|mga|sll|leones)\b")
CURRENCY_BEFORE = re.compile(r"(?i:fcfa|gnf|cdf|mga) ?$")
DIGIT_RUN7 = re.compile(r"\d(?:[ .\-/()]{0,3}\d){6}")

# Letters of a name: any Unicode letter, apostrophes and hyphens inside ("N'Diaye", "Jean-Baptiste").
_WORD = r"[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*"
_CAP_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*"
_AR_WORD = r"[\u0621-\u064A\u066E-\u06D3]+"

# After these, the next word is a name even in lower case: interviewers type fast.
_STRONG_INTROS = (
    r"je\s+m['’ ]?\s?appel+e",
    r"mon\s+(?:pré)?nom\s+(?:c['’]est|est)",
    r"my\s+name\s+is",
    r"my\s+name['’]s",
    r"i\s+am\s+called",
    r"(?:o\s+)?meu\s+nome\s+é",
    r"me\s+chamo",
    r"chamo-me",
    r"maa?\s+ngi\s+tudd",
    r"sama\s+tur\s+(?:mooy|moy|la)",
)
# After these, only a Capitalised word is taken as a name ("moi c'est pas normal" stays).
_WEAK_INTROS = (
    r"moi\s+c['’]est",
    r"c['’]est\s+moi",
    r"ask\s+for",
    r"speak\s+(?:to|with)",
    r"demande[rz]?",
    r"contacte[rz]?",
    r"appele[rz]?",
    r"rappele[rz]?",
    r"call",
)
_TITLES = r"monsieur|madame|mademoiselle|mister|miss|dona|senhor|senhora"
# Abbreviated titles only as people write them ("Dr", "dr.", "Mme"): in capitals, "DR Congo" or "MR" are
# abbreviations of other things, and redacting the next word would eat a country's name.
_TITLE_ABBREVIATIONS = r"[Mm]\.|[Mm]rs?\.?|[Mm]s\.?|[Mm]me\.?|[Mm]lle\.?|[Dd]r\.?|[Ss]ra?\.?"

STRONG_INTRO = re.compile(
    rf"(?P<intro>\b(?i:{'|'.join(_STRONG_INTROS)}))(?P<gap>\s+)(?P<name>{_WORD}(?:\s+{_CAP_WORD})?)"
)
WEAK_INTRO = re.compile(
    rf"(?P<intro>\b(?:(?i:{'|'.join(_WEAK_INTROS)}|{_TITLES})|{_TITLE_ABBREVIATIONS}))"
    # "appelez M. Traoré": a title between the intro and the name belongs to the gap, not to the name.
    rf"(?P<gap>\s+(?:(?:{_TITLE_ABBREVIATIONS}|(?i:{_TITLES}))\s+)?)(?P<name>{_CAP_WORD}(?:\s+{_CAP_WORD})?)"
)
ARABIC_INTRO = re.compile(rf"(?P<intro>(?:انا\s+)?[اإ]سمي)(?P<gap>\s+)(?P<name>{_AR_WORD}(?:\s+{_AR_WORD})?)")
# Cheap gate over a whole column (redact_many): no intro keyword anywhere means the intro regexes cannot match.
INTRO_HINT = re.compile(
    r"(?i:appel|nom|name|call|chamo|nome|tudd|tur|moi|ask|speak|demand|contact|m\.|mr|mrs|ms|mme|mlle|"
    r"monsieur|madame|mademoiselle|mister|miss|dr|sr|dona|senhor)|سمي"
)
# Per-regex gates, searched case-sensitively in `text.lower()` (see `lowered_for_gates`); a text failing its gate
# cannot match the regex. First a literal every alternative of the intro needs: plain literal alternations let `re`
# jump to their first letters, where the (?i:) intro regexes try every position. Then, for the few texts holding
# one, the intro alternatives themselves (lowered text, so no (?i:)) followed by the whitespace of the gap.
STRONG_INTRO_KEYS = re.compile("appel|nom|name|called|chamo|tudd|sama")
STRONG_INTRO_GATE = re.compile(rf"(?:{'|'.join(_STRONG_INTROS)})\s")
WEAK_INTRO_KEYS = re.compile(
    r"moi|ask|speak|demande|contacte|appele|call|monsieur|madame|mademoiselle|mister|miss|dona|senhor|"
    r"m\.|mr|ms|mme|mlle|dr|sr"
)
WEAK_INTRO_GATE = re.compile(rf"(?:{'|'.join(_WEAK_INTROS)}|{_TITLES}|{_TITLE_ABBREVIATIONS})\s")
ARABIC_INTRO_GATE = "سمي"  # a plain substring test on the text itself
CUSTOMER_REF_GATE, COLLABORATOR_ID_GATE = "cus", "emp"
# The only characters (?i:) matches to an ASCII letter although their str.lower() is not that letter
# (İ ı ſ and the Kelvin sign): a text holding one skips the lowered gates.
_CASE_SPECIALS = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered_for_gates(text: str) -> str | None:
    """`text.lower()` for the gates above, or None when the gates cannot be trusted (then every regex runs)."""
    if not text.isascii() and _CASE_SPECIALS.search(text):
        return None
    return text.lower()


# Words that are never redacted as a "name" even when a customer_name token equals them (particles, Wolof
# articles such as "bi" that would wipe out the text).
_NAME_STOPWORDS_WORDS = "al el la le de du da di des van von bin ben ibn bi ci ak ba mu ma ko ya yi wa"
NAME_STOPWORDS = frozenset(_NAME_STOPWORDS_WORDS.split())


def _fold_table() -> dict[int, str]:
    """One-character-for-one fold (accents off, lower case) so positions in the folded text match the original."""
    table: dict[int, str] = {}
    for code in range(0x41, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[0].lower()
        if len(base) == 1 and base != char and base.isalpha():
            table[code] = base
    return table


FOLD = _fold_table()
# The same mapping as a regex over the characters it changes: str.translate looks every character up in the
# table, which costs more than finding the few accented or capital letters of a line.
_FOLD_CHARS = {chr(code): base for code, base in FOLD.items()}
_FOLDABLE = re.compile("[" + "".join(re.escape(char) for char in _FOLD_CHARS) + "]")


def _fold_char(match: re.Match[str]) -> str:
    return _FOLD_CHARS[match.group()]


def fold(text: str) -> str:
    """Accents off and lower case, one character for one (`FOLD`); on ASCII that is exactly str.lower()."""
    if text.isascii():
        return text.lower()
    return _FOLDABLE.sub(_fold_char, text)
