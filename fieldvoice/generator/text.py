"""Compose verbatims and suggestions from the phrase banks: what is said follows the scores and pain points.

A detractor's verbatim chains an opener, one complaint per pain point (with the local flavour's phrasing now and
then), a detail, a consequence and a closer; a passive praises the stage then adds "but" and one complaint; a
promoter praises. Each row brings its own uniform draws, so composing is a few list picks per row and stays
deterministic without a random generator call per pick.
"""

from collections.abc import Sequence
from typing import TypeVar

import numpy as np

from fieldvoice.contract import PAIN_POINTS
from fieldvoice.generator.countries import PROFILES
from fieldvoice.generator.flavours import FLAVOURS
from fieldvoice.generator.lexicon import Flavour, Lexicon
from fieldvoice.generator.lexicon_ar import LEXICON as AR
from fieldvoice.generator.lexicon_en import LEXICON as EN
from fieldvoice.generator.lexicon_fr import LEXICON as FR
from fieldvoice.generator.lexicon_pt import LEXICON as PT
from fieldvoice.generator.places import LOCALITIES

T = TypeVar("T")
LEXICONS: dict[str, Lexicon] = {"fr": FR, "en": EN, "ar": AR, "pt": PT}

# The complaint a detractor voices when no pain point was ticked: the stage's most typical one.
STAGE_DEFAULT_PAIN = {
    "discover": "price",
    "buy_activate": "sim_registration",
    "use_network": "network_coverage",
    "recharge_bundles": "bundle_expiry",
    "mobile_money": "mm_transaction_failed",
    "billing": "billing_error",
    "get_help": "care_unresolved",
    "leave": "price",
}
_AR_NAMES = {loc.name: loc.name_ar for loc in LOCALITIES if loc.name_ar}
_EASTERN_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_EMOJI = (("😡", "😤", "🙏", "😞"), ("🙂", "🤔", "👌"), ("👍", "🙏", "😊", "💯", "❤️"))
TEXT_UNIFORMS_LONG = 64
_KEEP_CASE = ("I ", "I'", "WhatsApp", "Orange", "Facebook", "SIM", "SMS", "USSD")


class Draw:
    """Hands out a row's pre-drawn uniforms one at a time (wrapping around if a text is unusually long)."""

    __slots__ = ("i", "vals")

    def __init__(self, vals: Sequence[float]) -> None:
        self.vals = vals
        self.i = 0

    def u(self) -> float:
        value = self.vals[self.i % len(self.vals)]
        self.i += 1
        return value

    def pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.u() * len(seq))]

    def chance(self, p: float) -> bool:
        return self.u() < p

    def between(self, low: int, high: int) -> int:
        return low + int(self.u() * (high - low + 1))


class Slots(dict[str, str]):
    """Placeholder values, drawn only when a fragment asks for them, then reused within the text."""

    def __init__(self, draw: Draw, lex: Lexicon, country: str, place: str) -> None:
        super().__init__()
        self.draw, self.lex, self.country, self.place = draw, lex, country, place

    def _money(self, big: bool) -> str:
        d, profile = self.draw, PROFILES[self.country]
        money = profile.money[int(d.u() * len(profile.money))]
        labels = money.labels.get(self.lex.code) or next(iter(money.labels.values()))
        value = d.pick(money.big if big else money.small)
        sep = d.pick(self.lex.thousands)
        text = f"{value:,}".replace(",", sep) if value >= 1000 else str(value)
        return f"{text} {d.pick(labels)}"

    def __missing__(self, key: str) -> str:
        d = self.draw
        makers = {
            "place": lambda: self.place,
            "spot": lambda: d.pick(self.lex.spots),
            "n": lambda: str(d.between(2, 6)),
            "days": lambda: str(d.between(2, 20)),
            "weeks": lambda: str(d.between(2, 6)),
            "months": lambda: str(d.between(2, 18)),
            "years": lambda: str(d.between(2, 15)),
            "calls": lambda: str(d.between(2, 8)),
            "min": lambda: str(5 * d.between(3, 18)),
            "hour": lambda: str(d.between(18, 22)),
            "amount": lambda: self._money(big=False),
            "big": lambda: self._money(big=True),
            "gb": lambda: f"{d.pick(('1', '2', '3', '5', '10', '20'))} {self.lex.gb_unit}",
            "mm": lambda: PROFILES[self.country].mm_brand,
        }
        value = makers[key]() if key in makers else "{" + key + "}"
        self[key] = value
        return value

    def fill(self, fragment: str) -> str:
        return fragment.format_map(self) if "{" in fragment else fragment


def decap(sentence: str) -> str:
    if not sentence or not sentence[0].isupper() or sentence.startswith(_KEEP_CASE):
        return sentence
    if len(sentence) > 1 and sentence[1].isupper():
        return sentence
    return sentence[0].lower() + sentence[1:]


def _flavoured(d: Draw, flav: Flavour | None, local: Sequence[str], p: float, default: Sequence[str]) -> str:
    return d.pick(local) if flav is not None and local and d.chance(p) else d.pick(default)


def _complaint(d: Draw, lex: Lexicon, flav: Flavour | None, pain: str) -> str:
    local = flav.pains.get(pain, ()) if flav is not None else ()
    return _flavoured(d, flav, local, 0.5, lex.pains[pain])


def compose(
    country: str,
    lang: str,
    flavoured: bool,
    stage: str,
    pains: Sequence[str],
    band: int,
    locality: str,
    uniforms: Sequence[float],
) -> tuple[str, str]:
    """(verbatim, suggestion) for one interview. band: 0 detractor, 1 passive, 2 promoter."""
    lex = LEXICONS[lang]
    flav = FLAVOURS.get((country, lang)) if flavoured else None
    d = Draw(uniforms)
    place = _AR_NAMES.get(locality, locality) if lang == "ar" and d.chance(0.7) else locality
    slots = Slots(d, lex, country, place)
    parts: list[str] = []
    if band == 0:
        opener = _flavoured(d, flav, flav.openers if flav else (), 0.6, lex.openers) if d.chance(0.55) else ""
        parts.append(_complaint(d, lex, flav, pains[0] if pains else STAGE_DEFAULT_PAIN[stage]))
        if d.chance(0.7):
            parts.append(d.pick(lex.details))
        parts.extend(_complaint(d, lex, flav, extra) for extra in pains[1:3] if d.chance(0.6))
        if d.chance(0.6) or len(parts) < 2:
            parts.append(d.pick(lex.consequences))
        closer = _flavoured(d, flav, flav.closers if flav else (), 0.6, lex.closers) if d.chance(0.5) else ""
    else:
        opener = d.pick(lex.openers_pos) if d.chance(0.45 if band == 2 else 0.2) else ""
        parts.append(_flavoured(d, flav, flav.positives if flav else (), 0.4, lex.positives[stage]))
        if d.chance(0.85):
            parts.append(d.pick(lex.pos_details))
        if band == 2 and d.chance(0.3):
            extra = d.pick(lex.pos_details)
            if extra not in parts:
                parts.append(extra)
        if pains and (band == 1 or d.chance(0.4)):
            complaint = decap(slots.fill(_complaint(d, lex, flav, pains[0])))
            parts.append(f"{d.pick(lex.connectors)} {complaint}")
        closer = d.pick(lex.closers_pos) if d.chance(0.55) else ""
    # Short answers exist, but a bare stock sentence would repeat verbatim across thousands of interviews.
    if len(parts) + bool(opener) + bool(closer) < 3:
        parts.append(d.pick(lex.details if band == 0 else lex.pos_details))
    parts = [p for p in (opener, *parts, closer) if p]
    text = _join(d, [slots.fill(p) for p in parts])
    if d.chance(0.03):
        text += " " + d.pick(_EMOJI[band])
    suggestion = _suggestion(d, lex, pains, band, slots)
    if lang == "ar" and country in ("EG", "JO") and d.chance(0.3):
        text, suggestion = text.translate(_EASTERN_DIGITS), suggestion.translate(_EASTERN_DIGITS)
    return text, suggestion


def _join(d: Draw, parts: list[str]) -> str:
    # Interviewers sometimes press Enter between two sentences: the CSV writers must quote the newline.
    if len(parts) > 1 and d.chance(0.04):
        cut = 1 + int(d.u() * (len(parts) - 1))
        return " ".join(parts[:cut]) + "\n" + " ".join(parts[cut:])
    return " ".join(parts)


def _suggestion(d: Draw, lex: Lexicon, pains: Sequence[str], band: int, slots: Slots) -> str:
    if not d.chance((0.7, 0.5, 0.35)[band]):
        return ""
    if pains and d.chance(0.75):
        text = d.pick(lex.suggestions[d.pick(pains)])
    elif band == 2 and d.chance(0.5):
        text = d.pick(lex.suggestions_pos)
    else:
        text = d.pick(lex.suggestions_generic)
    if d.chance(0.15):
        extra = d.pick(lex.suggestions_generic)
        text = text if extra == text else f"{text} {extra}"
    return slots.fill(text)


def long_rant(country: str, lang: str, locality: str, rng: np.random.Generator, min_chars: int) -> str:
    """A verbatim the interviewer kept typing: complaints, details and consequences until past min_chars."""
    lex = LEXICONS[lang]
    slots = Slots(Draw(rng.random(TEXT_UNIFORMS_LONG).tolist()), lex, country, locality)
    complaints = [c for p in PAIN_POINTS for c in lex.pains[p]]
    # Shuffled pools, taken in turn: a long story, not the same sentence five times.
    pools = [[slots.fill(s) for s in rng.permutation(pool)] for pool in (complaints, lex.details, lex.consequences)]
    parts = [rng.choice(lex.openers)]
    size, step = len(parts[0]), 0
    while size <= min_chars:
        pool = pools[step % 3]
        fragment = pool[(step // 3) % len(pool)]
        parts.append(fragment)
        size += len(fragment) + 1
        step += 1
    return " ".join(parts)


def pii_sentence(lang: str, phone: str, name: str, email: str, u: float) -> str:
    templates = LEXICONS[lang].pii
    return templates[int(u * len(templates))].format(phone=phone, name=name, email=email)


def injection_sentence(country: str, lang: str, u: float) -> str:
    templates = LEXICONS[lang].injections
    return templates[int(u * len(templates))].format(mm=PROFILES[country].mm_brand)
