"""Undo the disguises spam writes names in, for detection only; the kept text is untouched.

Real spam writes its brand so that filters miss it: mathematical letters (``𝗪𝗘𝗧𝗢𝗡𝟴𝟴``),
fullwidth forms, zero-width and bidi controls inside a word, look-alike letters of
another script (a Cyrillic "а" in "Gаcor"), spaced-out letters (``A L E X I S 1 7``),
digits for letters (``m4xw1n``) and emoji between the pieces. ``reveal`` maps all of
these to plain text, so the lexicon, the brand morphology and the model read the word
spam means, and counts how many words needed it: a disguise is itself evidence, since
news prose never writes a word that way. The tables come from ``data/disguise.toml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .resources import LEET, LEET_RUN, LOOKALIKES, RANGES, SPACED_DOTTED_MIN, SPACED_MIN, SPACED_PIECE

# Format characters that hide inside words (INVISIBLE, all removed for matching): soft
# hyphen, zero-width space, direction marks, bidi controls and isolates, word joiner,
# invisible operators, BOM, variation selectors, the keycap combiner and tag characters
# (HIDING); and the zero-width non-joiner and joiner, kept apart since they belong inside
# words of Arabic-script and Indic text (Persian "می‌شود").
JOINERS = "\u200c\u200d"
HIDING = ("\u0305\u0332\u0333\u0336-\u0338\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
          "\ufeff\ufe00-\ufe0f\u20e3\U000e0000-\U000e007f")
INVISIBLE = re.compile(f"[{HIDING}{JOINERS}]")
# Symbols used as separators or decoration: arrows, technical and geometric shapes,
# dingbats, CJK corner brackets, emoji and pictographs. They become spaces.
DECORATION = re.compile("[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff\u3010\u3011\u3016\u3017"
                        "\U0001f000-\U0001faff]+")
# Letters NFKC maps to ASCII that a writer only reaches for to stand out: mathematical
# alphanumerics, fullwidth forms (outside CJK text, where they are ordinary) and
# enclosed letters.
STYLED = re.compile("[\U0001d400-\U0001d7ff\u24b6-\u24e9\U0001f130-\U0001f189]")
FULLWIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A hiding character inside a word disguises it; a joiner does only between letters of
# alphabets that never use one (Latin, Greek, Cyrillic).
HIDDEN_JOIN = re.compile(f"[^\\W_][{HIDING}]+[^\\W_]")
ALPHABET = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
ALPHABET_JOIN = re.compile(f"[{ALPHABET}][{JOINERS}]+[{ALPHABET}]")
# Characters that show nothing at all (zero-width space, joiners, word joiner, byte-order
# mark) between letters of an alphabet: no writing style uses them inside a Latin, Greek
# or Cyrillic word, only a filter's evasion (``unseen``). Overlines, strokes and bidi
# marks, which HIDING also lists, show or belong to right-to-left text.
ZERO_WIDTH = "\u200b\u2060\ufeff" + JOINERS
UNSEEN_JOIN = re.compile(f"[{ALPHABET}][{ZERO_WIDTH}]+[{ALPHABET}]")
SPACES = re.compile(r"[ \t]{2,}")
LATIN_WORD = re.compile(r"[^\W_]+")
ASCII_LETTER = re.compile("[A-Za-z]")
SPACED = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{1,%d}(?:[ .·•*_~-]+[A-Za-z0-9]{1,%d}){%d,}(?![A-Za-z0-9])"
                    % (SPACED_PIECE, SPACED_PIECE, SPACED_MIN - 1))
LEET_RUNS = re.compile(r"(?<=[A-Za-z])[%s]{1,%d}(?=[A-Za-z])" % (re.escape("".join(LEET)), LEET_RUN))
RANGE_TABLE = {first + i: chr(ord(letter) + i) for first, letter in RANGES for i in range(26)}
RANGE_ANY = re.compile("[%s]" % "".join(f"{chr(first)}-{chr(first + 25)}" for first, _ in RANGES))
# The same runs, found from their first digit (the engine skips to the digits of a text
# instead of trying every letter): one quick search rules the substitution out.
LEET_ANY = re.compile(r"[{0}](?<=[A-Za-z][{0}])[{0}]{{0,{1}}}[A-Za-z]".format(re.escape("".join(LEET)), LEET_RUN - 1))
# What any SPACED run holds: its second to fourth pieces, each after a separator. It
# starts at a separator, so the engine skips ahead; SPACED's look-behind tries every
# position (0.08 against 0.18 ms a page over both extraction sets, 2026-12-05).
SPACED_HINT = re.compile(r"[ .·•*_~-][A-Za-z0-9]{1,%d}(?:[ .·•*_~-]+[A-Za-z0-9]{1,%d}){%d}(?![A-Za-z0-9])"
                         % (SPACED_PIECE, SPACED_PIECE, SPACED_MIN - 2))
# Any look-alike letter: most non-ASCII text (accented Latin, other scripts written
# whole) has none next to a Latin letter, and one search rules the word scan out.
LOOKALIKE_ANY = re.compile("[%s]" % re.escape("".join(LOOKALIKES)))
# A run whose separators are all dots ("C.A.R.E", "N.A.T.O."): an acronym's spelling, no
# disguise, below SPACED_DOTTED_MIN pieces.
DOTTED = re.compile(r"[A-Za-z0-9](?:\.[A-Za-z0-9])+\.?")


@dataclass(frozen=True, slots=True)
class Revealed:
    """Text with disguises undone, and how many words were disguised."""

    text: str
    disguised: int


def reveal(text: str) -> Revealed:
    """Undo disguises in ``text`` (for matching only).

    >>> reveal("Main di 𝗪𝗘𝗧𝗢𝗡𝟴𝟴 sekarang")
    Revealed(text='Main di WETON88 sekarang', disguised=1)
    >>> reveal("Komunitas ⭐ A L E X I S 1 7 ⭐ solid").text
    'Komunitas ALEXIS17 solid'
    >>> reveal("coba m4xw1n p3t1r, G\u0430cor").text
    'coba maxwin petir, Gacor'
    >>> reveal("The council met on Tuesday.")
    Revealed(text='The council met on Tuesday.', disguised=0)
    """
    count = 0
    if INVISIBLE.search(text):
        count += len(HIDDEN_JOIN.findall(text)) + len(ALPHABET_JOIN.findall(text))
        text = INVISIBLE.sub("", text)
    if not text.isascii():
        count += _styled_words(text)
        text = unicodedata.normalize("NFKC", text)
        if RANGE_ANY.search(text):
            text = text.translate(RANGE_TABLE)
        text, n = _unmix(text)
        count += n
        if DECORATION.search(text):
            text = DECORATION.sub(" ", text)
        text = SPACES.sub(" ", text)
    text, n = _unspace(text)
    count += n
    text, n = _unleet(text)
    return Revealed(text, count + n)


def unseen(text: str) -> bool:
    """Tell whether ``text`` hides a character that shows nothing inside a word of an
    alphabet ("Mar\u200bigold"): a disguise, never a style.

    >>> unseen("Mar\u200bigold Hall"), unseen("𝗠𝗔𝗥𝗜𝗚𝗢𝗟𝗗"), unseen("می\u200cخواهم")
    (True, False, False)
    """
    return bool(UNSEEN_JOIN.search(text))


def _unleet(text: str) -> tuple[str, int]:
    """Read digits between letters as the letters they stand for, outside links."""
    if not LEET_ANY.search(text):
        return text, 0
    n = 0
    out = []
    for token in text.split(" "):
        if "/" not in token and "=" not in token:
            token, k = LEET_RUNS.subn(lambda m: "".join(LEET[c] for c in m.group()), token)
            n += k >= 2  # one digit inside a word is a model name ("9to5Mac"); "m4xw1n" has two
        out.append(token)
    return " ".join(out), n


def _styled_words(text: str) -> int:
    """Words with at least two mathematical, enclosed or (outside CJK text) fullwidth
    letters (one circled "ⓒ" is a copyright sign)."""
    wide = 0 if CJK.search(text) else 1
    if not STYLED.search(text) and not (wide and FULLWIDTH.search(text)):
        return 0
    return sum(1 for w in text.split() if len(STYLED.findall(w)) + wide * len(FULLWIDTH.findall(w)) >= 2)


def _unmix(text: str) -> tuple[str, int]:
    """Map look-alike letters inside words that also have Latin letters."""
    if not LOOKALIKE_ANY.search(text) or not ASCII_LETTER.search(text):
        return text, 0
    n = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal n
        w = m.group()
        if w.isascii() or not ASCII_LETTER.search(w) or not any(c in LOOKALIKES for c in w):
            return w
        n += 1
        return "".join(LOOKALIKES.get(c, c) for c in w)

    return LATIN_WORD.sub(sub, text), n


def _unspace(text: str) -> tuple[str, int]:
    """Glue spaced-out names: single characters, or capital pairs ("GA RU DA"). An
    acronym written with dots is glued as well (the words read the same) but is no
    disguise.

    >>> _unspace("the N.A.T.O. summit, P.R.O.B.E.T.8.5.5 gacor")
    ('the NATO. summit, PROBET855 gacor', 1)
    """
    if not SPACED_HINT.search(text):
        return text, 0
    n = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal n
        pieces = re.findall(r"[A-Za-z0-9]+", m.group())
        if any(len(p) > 1 for p in pieces) and not all(p.isupper() or p.isdigit() for p in pieces):
            return m.group()
        if not all(p.isalpha() for p in pieces[:3]):
            return m.group()  # a name opens with letters; runs of figures are scores and times
        if len(pieces) >= SPACED_DOTTED_MIN or not DOTTED.fullmatch(m.group()):
            n += 1  # an acronym written with dots ("N.A.T.O.") is glued but is no disguise
        return "".join(pieces)

    return SPACED.sub(sub, text), n
