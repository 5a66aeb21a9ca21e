"""Fold text for matching: lower case, Turkish dotted I, and (for terms) accents."""

from __future__ import annotations

import re
import unicodedata

MARKS = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case for matching; Turkish dotted capital I folds to a plain "i".

    >>> fold("GİRİŞ")
    'giriş'
    """
    return text.lower().replace("i\u0307", "i")


def bare(low: str) -> str:
    """Strip accents from folded text, so terms match with or without them.

    >>> bare("casinò giriş cá cược")
    'casino giris ca cuoc'
    """
    if low.isascii():
        return low
    return unicodedata.normalize("NFC", MARKS.sub("", unicodedata.normalize("NFD", low)))
