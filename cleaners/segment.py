"""Split text into blocks, blocks into sentences or cells, and glued tokens into words.

Offsets are kept everywhere so a removal can say exactly which characters it took.
"""

from __future__ import annotations

import re

from .folding import fold
from .morphology import brand_weight
from .options import CleanOptions

LINE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (or their full-width forms) followed by space, or at a
# CJK full stop; a closing quote or bracket stays with its sentence. A match starts at
# the mark, so the engine skips ahead to the marks (a look-behind first tried every
# position: 0.11 against 0.27 ms a page over both extraction sets, 2026-12-05); the
# sentence ends after it (``_breaks``).
SENTENCE_END = re.compile(r"[.!?…。！？](?:(?<=[.!?…])[\"'”’»)\]]*\s+|(?<=[。！？])[\"'”’」』)]*\s*)(?=\S)")
CELL = re.compile(r"\s*\|\s*")
WORD = re.compile(r"\w+(?:['’]\w+)?")
# A web address written in the text ("https://…", "www.…"), to its next space.
LINK = re.compile(r"\S*(?:://|www\.)\S*")
# Script tails: letters outside Latin, letters, and where a whitespace-separated word starts.
NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
LETTER = re.compile(r"[^\W\d_]")
WORD_START = re.compile(r"(?<=\s)\S")
GLUED_OTHER = re.compile(r"[A-Za-z0-9]+[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
# A full stop of the scripts that write none ("।" in Devanagari and Bengali, "۔" in
# Urdu), and a Latin word shaped as a seller's name (an inner capital, letters glued to
# digits) or a capitalised one ("Ranvik"; cleaner 1.72.0): what ends a pitch appended
# to such a paragraph.
OTHER_STOP = re.compile(r"[।۔]\s+(?=\S)")
LATIN_SELLER = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]*[a-z](?:[A-Z]|\d)[A-Za-z\d]*|[A-Z][a-z]{2,})")


def segment_text(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every non-blank line, trailing whitespace excluded.

    >>> segment_text("a\\n\\n b \\n")
    [(0, 1), (4, 5)]
    """
    spans = []
    for m in LINE.finditer(text):
        line = m.group()
        stripped = line.rstrip()
        if not stripped.strip():
            continue
        lead = len(stripped) - len(stripped.lstrip())
        spans.append((m.start() + lead, m.start() + len(stripped)))
    return spans


def split_parts(text: str, options: CleanOptions) -> list[tuple[int, int]]:
    """Split a block into sentences, or into cells and their sentences when it is a table
    row; a sentence is cut again where a tail in another script begins
    (``options.script_tail_*``).

    >>> split_parts("One. Two! Three", CleanOptions())
    [(0, 4), (5, 9), (10, 15)]
    >>> split_parts("| a | b c |", CleanOptions())
    [(2, 3), (6, 9)]
    >>> split_parts("| Rockets fly. Bu arada bonus al. |", CleanOptions())  # a cell's sentences
    [(2, 14), (15, 33)]
    """
    if text.startswith("|"):
        # A cell is split into its sentences too: a page laid out in a table puts a whole
        # article in one cell, and a spam sentence appended inside it is a part of its own.
        return [part for a, b in _cells(text) for part in _sentences(text, a, b, options)]
    return _sentences(text, 0, len(text), options)


def _sentences(text: str, start: int, end: int, options: CleanOptions) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` (cut again at a tail in another script)."""
    spans = []
    for cut, after in _breaks(text, start, end):
        spans.append((start, cut))
        start = after
    spans.append((start, end))
    if spans and (k := _seller_stop(text, *spans[-1])):
        a, b = spans.pop()
        spans += [(a, k[0]), (k[1], b)]
    out = []
    for a, b in spans:
        if b > a:
            out.extend(_script_tail(text, a, b, options))
    return out


def _seller_stop(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Where the last sentence of ``text[a:b]`` after a full stop of a script that writes
    no "." ("।", "۔") starts, when that sentence names a Latin seller (``LATIN_SELLER``:
    a name shaped as a seller's, or any capitalised Latin word; a sentence written
    wholly in Latin letters opens with one): (end of the one before, its start); else
    None. Only such a sentence: the model reads many short news sentences of these
    languages as spam. Splitting alone removes nothing: the sentence is then judged as
    any paragraph's last sentence is.

    >>> t = "मैच रद्द हुआ। आज रात MayurSpin पर खेलिए।"
    >>> _seller_stop(t, 0, len(t))
    (13, 14)
    """
    stops = list(OTHER_STOP.finditer(text, a, b))
    if not stops:
        return None
    m = stops[-1]
    return (m.start() + 1, m.end()) if LATIN_SELLER.search(text, m.end(), b) else None


def _breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the sentences of ``text[start:end]`` break: (end of one, start of the next).
    A mark just before ``start`` counts (the search starts one character early).

    >>> _breaks("One. Two!  Three", 0, 16)
    [(4, 5), (9, 11)]
    """
    return [(m.start() + 1, m.end()) for m in SENTENCE_END.finditer(text, max(start - 1, 0), end)]


def last_part(text: str, options: CleanOptions) -> tuple[int, int]:
    """Return ``split_parts(text, options)[-1]`` without splitting the rest of the block.

    >>> last_part("One. Two! Three", CleanOptions()), last_part("| a | b c |", CleanOptions())
    ((10, 15), (6, 9))
    """
    if text.startswith("|"):
        parts = split_parts(text, options)
        return parts[-1] if parts else (0, len(text))
    breaks = _breaks(text, 0, len(text))
    start = breaks[-1][1] if breaks else 0
    if k := _seller_stop(text, start, len(text)):
        start = k[1]
    return _script_tail(text, start, len(text), options)[-1]


def _script_tail(text: str, a: int, b: int, options: CleanOptions) -> list[tuple[int, int]]:
    """Split a sentence where a tail in another script begins (spam glued on without a full
    stop: "... Festival Performance এখনই Tigerbaji এ যোগ দিন।").

    >>> o = CleanOptions()
    >>> _script_tail("Final standings 2 0 0 BetPanda最新网址请点击这里。", 0, 39, o)
    [(0, 21), (22, 39)]
    >>> _script_tail("Shares fell 2 percent Moonbet 바로가기 링크는 아래에 있습니다", 0, 48, o)
    [(0, 21), (22, 48)]
    >>> _script_tail("สมัคร Moonbet รับโบนัสทันทีไม่ต้องฝาก", 0, 37, o)  # opens in Thai: one piece
    [(0, 37)]
    """
    piece = text[a:b]
    if not NON_LATIN_LETTER.search(piece):
        return [(a, b)]
    for m in WORD_START.finditer(piece):
        k = m.start()
        if k == 0 or not NON_LATIN_LETTER.match(piece, k) and not GLUED_OTHER.match(piece, k):
            continue  # a tail starts with a word of the other script, or a brand glued to one
        head, tail = piece[:k], piece[k:]
        tail_other = len(NON_LATIN_LETTER.findall(tail))
        if (tail_other < options.script_tail_letters
                or tail_other < options.script_tail_share * len(LETTER.findall(tail))):
            continue
        if len(NON_LATIN_LETTER.findall(head)) > options.script_head_share * max(1, len(LETTER.findall(head))):
            return [(a, b)]
        if _names_only(head, options):
            return [(a, b)]  # "Satta Sultan पर ID बनाइए": a Latin name opens the sentence
        k = _with_brand_before(piece, k)  # "... Moonbet 바로가기": the brand opens the tail
        if not piece[:k].strip():
            return [(a, b)]
        return [(a, a + len(piece[:k].rstrip())), (a + k, b)]
    return [(a, b)]


def _names_only(head: str, options: CleanOptions) -> bool:
    """Tell whether ``head`` is a few names (``script_head_names`` words at most, each
    capitalised or holding a digit) and nothing else; a dash or a colon after them is no
    word ("Para 25 — знайомства для дорослих ...": the name opens its sentence).

    >>> o = CleanOptions()
    >>> _names_only("Satta Sultan ", o), _names_only("Pindi Pari 92 ", o), _names_only("Shares fell ", o)
    (True, True, False)
    >>> _names_only("SpinVolga — ", o), _names_only("— ", o)
    (True, False)
    """
    found = [w for w in head.split() if any(c.isalnum() for c in w)]
    return 0 < len(found) <= options.script_head_names and all(
        w[0].isupper() or any(c.isdigit() for c in w) for w in found)


def _with_brand_before(piece: str, k: int) -> int:
    """Move a tail's start at ``k`` back over the word before it when that word is brand-shaped."""
    head = piece[:k].rstrip()
    start = max(head.rfind(" "), head.rfind("\t")) + 1
    word = head[start:]
    return start if word and brand_weight(fold(word).strip(".,;:!?")) > 0 else k


def _cells(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in CELL.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def words(text: str) -> list[str]:
    """Return the lower-cased words of ``text``."""
    return WORD.findall(fold(text))
