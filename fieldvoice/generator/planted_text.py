"""Texts of planted collaborators: a rushed interviewer's clipped notes, a fabricator's pasted and retouched copies.

A fabricator pastes the same few verbatims again and again, touching each copy a little so that it does not
look identical at a glance: two words swapped, a letter dropped or doubled, a figure changed, a closing word
added. The copies stay well above 90 % similar to their template, which is what near-duplicate checks look for.
"""

import re

import numpy as np

_SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+")
# Closing words a fabricator adds to vary a copy (none may look like a prompt injection or PII to the checks).
_CLOSERS = {"fr": ("Merci.", "Voilà.", "C'est tout."), "en": ("Thanks.", "That's all."), "ar": ("شكرا.",)}
_CLOSERS_PT = ("Obrigado.",)


def clipped(text: str) -> str:
    """What a rushed interviewer keeps: the verbatim without its closing sentence (when it has three or more).

    Not just the first sentence: openers come from a small phrase bank, so one-liners would repeat word for word.
    """
    parts = [part for part in _SENTENCE_END.split(text.strip()) if part]
    return " ".join(parts[:-1]) if len(parts) > 2 else text


def _swap_words(words: list[str], u: float) -> None:
    if len(words) > 3:
        i = int(u * (len(words) - 1))
        words[i], words[i + 1] = words[i + 1], words[i]


def _touch_letter(words: list[str], u: float, drop: bool) -> None:
    long_words = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if long_words:
        i = long_words[int(u * len(long_words))]
        word = words[i]
        at = 1 + int(u * 7919) % (len(word) - 2)
        words[i] = word[:at] + word[at + 1 :] if drop else word[:at] + word[at] + word[at:]


def _change_figure(words: list[str], u: float) -> None:
    # Replace one digit by another: never lengthens a digit run (a longer run could read as a phone number).
    spots = [(i, j) for i, w in enumerate(words) for j, ch in enumerate(w) if ch.isdigit()]
    if spots:
        i, j = spots[int(u * len(spots))]
        word = words[i]
        words[i] = word[:j] + str((int(word[j]) + 1 + int(u * 97) % 8) % 10) + word[j + 1 :]


def retouch(template: str, lang: str, rng: np.random.Generator) -> str:
    """One pasted copy of `template` with one or two small edits."""
    words = template.split(" ")
    edits = 1 + int(rng.random() < 0.5)
    for kind, u in zip(rng.integers(0, 5, edits), rng.random(edits), strict=True):
        if kind == 0:
            _swap_words(words, float(u))
        elif kind in (1, 2):
            _touch_letter(words, float(u), drop=kind == 1)
        elif kind == 3:
            _change_figure(words, float(u))
        else:
            closers = _CLOSERS.get(lang, _CLOSERS_PT)
            words.append(closers[int(u * len(closers))])
    return " ".join(words)
