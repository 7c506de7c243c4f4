"""Phrase banks the verbatim composer draws from: one per language, plus local flavours per country.

A bank is written as plain text so that it reads like a translator's sheet: `[section]` headers, then
fragments separated by `|` or line breaks. Fragments are whole sentences with their own punctuation, so they
chain in any order. Placeholders: {place} the interview's locality, {spot} a landmark, {n} {days} {weeks}
{months} {years} {calls} {min} {hour} counts and durations, {amount} {big} money in the local currency, {gb} a
data volume, {mm} the mobile money brand. `connectors` precede a complaint whose first letter is lowered.
"""

from dataclasses import dataclass, field

from fieldvoice.contract import JOURNEY_STAGES, PAIN_POINTS

_LISTS = (
    "openers", "openers_pos", "details", "consequences", "closers", "pos_details", "closers_pos", "connectors",
    "suggestions_generic", "suggestions_pos", "spots", "pii", "injections",
)  # fmt: skip


@dataclass(frozen=True)
class Lexicon:
    code: str  # ISO 639-1
    gb_unit: str
    thousands: tuple[str, ...]  # separators people type in amounts ("" = none)
    openers: tuple[str, ...]  # before a complaint
    openers_pos: tuple[str, ...]
    pains: dict[str, tuple[str, ...]]  # pain point code -> complaint sentences
    details: tuple[str, ...]  # when, where, how often, how much: fits any complaint
    consequences: tuple[str, ...]
    closers: tuple[str, ...]
    positives: dict[str, tuple[str, ...]]  # journey stage -> praise sentences
    pos_details: tuple[str, ...]
    closers_pos: tuple[str, ...]
    connectors: tuple[str, ...]
    suggestions: dict[str, tuple[str, ...]]  # pain point code -> suggestions
    suggestions_generic: tuple[str, ...]
    suggestions_pos: tuple[str, ...]
    spots: tuple[str, ...]
    pii: tuple[str, ...]  # sentences carrying {phone}, {name} or {email}
    injections: tuple[str, ...]


@dataclass(frozen=True)
class Flavour:
    """Local-language colour for one country's texts in one language (Wolof in Senegalese French...)."""

    rate: float  # share of the country's texts in that language that carry it
    openers: tuple[str, ...] = ()
    closers: tuple[str, ...] = ()
    pains: dict[str, tuple[str, ...]] = field(default_factory=dict)
    positives: tuple[str, ...] = ()
    record_as: str = ""  # language code an interviewer sometimes records for such a text ("wo")


def sections(text: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], [])
        elif line:
            if current is None:
                raise ValueError(f"fragment before any [section]: {line!r}")
            current.extend(part.strip() for part in line.split("|") if part.strip())
    return {name: tuple(items) for name, items in out.items()}


def bank(code: str, text: str, gb_unit: str, thousands: tuple[str, ...]) -> Lexicon:
    found = sections(text)
    pains = {p: found[f"pain:{p}"] for p in PAIN_POINTS}
    positives = {s: found[f"positive:{s}"] for s in JOURNEY_STAGES}
    suggestions = {p: found[f"suggest:{p}"] for p in PAIN_POINTS}
    lists = {name: found[name] for name in _LISTS}
    return Lexicon(code, gb_unit, thousands, pains=pains, positives=positives, suggestions=suggestions, **lists)


def flavour(rate: float, text: str, record_as: str = "") -> Flavour:
    found = sections(text)
    pains = {k.split(":", 1)[1]: v for k, v in found.items() if k.startswith("pain:")}
    return Flavour(
        rate, found.get("openers", ()), found.get("closers", ()), pains, found.get("positives", ()), record_as
    )
