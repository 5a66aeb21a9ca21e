"""Read brand shapes in tokens: roots glued to words or digits, and glued anchor runs.

The roots, affixes and the ordinary words that merely look like brands come from
``data/morphology.toml`` and ``data/ordinary_words.txt``; this module only applies them.
"""

from __future__ import annotations

import re

from .resources import (
    BRAND_MIN,
    DIGIT_BRAND,
    ORDINARY_PREFIXES,
    ORDINARY_SUFFIXES,
    ORDINARY_WORDS,
    PREFIX_ROOTS,
    ROOT_INSIDE,
    ROOTS,
    SUFFIX_ROOTS,
)
from .resources import DOMAIN_GLUE

# A lower-case run followed by a capitalised word ("likeJigolo", "turkeySahabet"):
# two lower-case letters before the join keep "iPhone" and "McDonald" whole.
CAMEL_JOIN = re.compile(r"(?<=[a-zà-ÿğışç]{2})(?=[A-ZÀ-ÞĞİŞÇ][a-zà-ÿğışç])")
# A word written twice with a hyphen: Malay and Indonesian reduplication ("betul-betul",
# "really"), read once.
REDUPLICATION = re.compile(r"(\w+)-\1", re.IGNORECASE)
# A letter glued to a digit, or a digit to an "x" ("hoki99", "1xbet"), found from the digit
# (the engine skips to the digits instead of trying every letter).
DIGIT_HINT = re.compile(r"\d(?:(?<=[a-z]\d)|x)")
# Any brand root anywhere: one scan of many texts finds the ones worth reading.
ROOT_ANY = re.compile("|".join(map(re.escape, sorted(ROOTS, key=len, reverse=True))))
# Letters a root must be glued to: "wiibet" (3) is a brand, "abet" is not a candidate.
# Part of what a brand shape is, like data/morphology.toml's min_token: read outside any
# page too (segmentation, the spam corpus audit), so module constants, not CleanOptions.
MIN_SUFFIX_REST = 2
MIN_PREFIX_REST = 3


def brand_weight(word: str, ordinary: frozenset[str] = ORDINARY_WORDS) -> float:
    """Return how much a lower-cased word reads as a gambling brand (0, 0.5, 1 or 2);
    ``ordinary`` words (``ORDINARY_WORDS``, common words of many languages) read as none.

    >>> [brand_weight(w) for w in ("kralbet", "alphabet", "betting", "hoki99", "bahisbet", "zorbet24")]
    [1.0, 0.0, 0.0, 1.0, 2.0, 1.0]
    >>> brand_weight("selskabet"), brand_weight("rekabet")  # Danish "the company", Turkish "competition"
    (0.0, 0.0)
    """
    if len(word) < BRAND_MIN or not word.isascii() or word in ordinary:
        return 0.0
    if DIGIT_BRAND.match(word):
        return 1.0
    roots = ROOT_INSIDE.findall(word)
    if not roots:
        return 0.0
    if len(roots) >= 2:
        return 2.0
    if any(c.isdigit() for c in word):
        return 1.0  # a root glued to digits ("zorbet24", "slot4u")
    if any(word.endswith(r) and len(word) - len(r) >= MIN_SUFFIX_REST for r in SUFFIX_ROOTS):
        if not word.endswith(ORDINARY_SUFFIXES) and not word.startswith(ORDINARY_PREFIXES):
            return 1.0
    if any(word.startswith(r) and len(word) - len(r) >= MIN_PREFIX_REST for r in PREFIX_ROOTS):
        if not word.startswith(ORDINARY_PREFIXES):
            return 0.5
    return 0.0


def has_root(low: str) -> bool:
    """Tell whether any brand root occurs in folded text (substring tests run in C)."""
    return any(map(low.__contains__, ROOTS))


def may_name_brand(low: str) -> bool:
    """Tell whether folded text may hold a brand-shaped word: a root, or a letter and a digit glued."""
    return has_root(low) or bool(DIGIT_HINT.search(low))


def brand_total(low: str, toks: list[str]) -> float:
    """Sum ``brand_weight`` over a block's words (a quick scan skips most blocks)."""
    if not may_name_brand(low):
        return 0.0
    return sum(brand_weight(t) for t in toks if len(t) >= BRAND_MIN)


def glued_runs(text: str) -> int:
    """Count whitespace tokens that are glued runs carrying a brand root.

    A token counts when a root occurs inside it and it has two roots, two camel-case
    joins or a domain join: one camel-case join is a brand name ("BetHarbor"), which
    ``brand_weight`` reads. A word written twice with a hyphen ("betul-betul",
    ``REDUPLICATION``) counts the roots of the word once.

    >>> glued_runs("1xbitbetvolegencobahisbetsoobetlikeJigolo ajansıtwitch bot.comSahabet")
    2
    >>> glued_runs("The YouTube, WordPress and Betriebsgesellschaft sites")
    0
    >>> glued_runs("Resort ini terletak betul-betul di tepi pantai.")
    0
    """
    if not has_root(text.lower()):
        return 0
    count = 0
    for token in text.split():
        if len(token) < BRAND_MIN:
            continue
        roots = ROOT_INSIDE.findall(token.lower())
        if len(roots) >= 2 and (twice := REDUPLICATION.fullmatch(token.strip(".,;:!?()\"'"))):
            roots = ROOT_INSIDE.findall(twice.group(1).lower())  # "betul-betul" once: one root
        if roots and (len(roots) >= 2 or glue_splits(token) >= 2 or DOMAIN_GLUE.search(token)):
            count += 1
    return count


def glue_splits(token: str) -> int:
    """Count the joins inside one whitespace token: camel-case and domain glue.

    A domain glued to a capitalised word counts as both.

    >>> glue_splits("bahis.comSupertotobetkralbetbetturkeySahabet")
    3
    >>> glue_splits("iPhone")
    0
    """
    return len(CAMEL_JOIN.findall(token)) + len(DOMAIN_GLUE.findall(token))
