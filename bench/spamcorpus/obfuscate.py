"""Disguise brand names the way real comment spam does, deterministically.

Spammers dodge word filters by writing the brand in Unicode "mathematical" letters
(bold, sans-serif bold), by spacing its letters out, by hiding zero-width spaces inside
it, or by scattering emoji between the words of the comment. The styled letters are
computed from the code points of the Mathematical Alphanumeric Symbols block, never
typed, so any brand can be disguised.
"""

from __future__ import annotations

import random

from .corpus import fill

# First code point of capital A, small a and digit 0 in each styled alphabet.
ALPHABETS = {
    "math_bold": (0x1D400, 0x1D41A, 0x1D7CE),
    "math_sans_bold": (0x1D5D4, 0x1D5EE, 0x1D7EC),
}
ZWSP = "\u200b"
EMOJI = ("🔥", "💰", "🚀", "✅", "💯", "🤑", "👉", "⭐", "🎉", "💎")
METHODS = ("math_bold", "math_sans_bold", "spaced", "zero_width", "emoji")


def styled(text: str, alphabet: str) -> str:
    """``text`` with its ASCII letters and digits in a mathematical alphabet.

    >>> styled("Ab1", "math_bold") == "\\U0001d400\\U0001d41b\\U0001d7cf"
    True
    """
    upper, lower, digit = ALPHABETS[alphabet]
    out = []
    for ch in text:
        if "A" <= ch <= "Z":
            out.append(chr(upper + ord(ch) - 65))
        elif "a" <= ch <= "z":
            out.append(chr(lower + ord(ch) - 97))
        elif "0" <= ch <= "9":
            out.append(chr(digit + ord(ch) - 48))
        else:
            out.append(ch)
    return "".join(out)


def spaced(brand: str) -> str:
    """Capital letters one space apart: "Ab c" -> "A B C"."""
    return " ".join(ch for ch in brand.upper() if not ch.isspace())


def zero_width(brand: str, rng: random.Random) -> str:
    """The brand with zero-width spaces after one to three of its letters."""
    cuts = sorted(rng.sample(range(1, len(brand)), min(len(brand) - 1, rng.randint(1, 3))))
    parts, last = [], 0
    for c in cuts:
        parts.append(brand[last:c])
        last = c
    return ZWSP.join([*parts, brand[last:]])


def disguise(brand: str, method: str, rng: random.Random) -> str:
    """One disguised spelling of ``brand`` (``emoji`` leaves the brand as it is)."""
    if method in ALPHABETS:
        return styled(brand.upper() if rng.random() < 0.5 else brand, method)
    if method == "spaced":
        return spaced(brand)
    if method == "zero_width":
        return zero_width(brand, rng)
    return brand


def with_emoji(text: str, rng: random.Random) -> str:
    """Put emoji between some words of ``text`` and one at its end."""
    words = text.split(" ")
    for i in sorted(rng.sample(range(1, len(words)), min(len(words) - 1, rng.randint(2, 4))), reverse=True):
        words.insert(i, rng.choice(EMOJI))
    return " ".join(words) + " " + rng.choice(EMOJI) * rng.randint(1, 3)


def comment(template: str, brand: str, brand2: str, rng: random.Random) -> str:
    """A comment template filled with a brand disguised by one of ``METHODS``, drawn from ``rng``."""
    method = rng.choice(METHODS)
    text = fill(template, disguise(brand, method, rng), disguise(brand2, method, rng))
    return with_emoji(text, rng) if method == "emoji" else text
