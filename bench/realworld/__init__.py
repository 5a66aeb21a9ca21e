"""Real, human-labelled comment spam: load the vendored corpora and split them honestly.

Two corpora (``bench/data/realworld-spam/``, provenance and licences in its README):
Indonesian YouTube comments labelled for online-gambling promotion, and the UCI
YouTube Spam Collection (English self-promotion). Each is split into whole stretches
of rows: the held-out stretch is never read to write a rule and never trained on.

- judol: rows keep the source's video order (video boundaries are not marked), so the
  held-out stretch is the last fifth of the file, contiguous.
- UCI: one whole video, the last in file order (``HELDOUT_VIDEO``).

Spam campaigns repost the same or templated text under many videos, so a dev row that
repeats a held-out row (same text after folding, or near it: Jaccard >= NEAR of the
8-character windows of its letters and digits) is left out of dev, as the corpus itself
was built against its publisher's own held-out part.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "realworld-spam"
FILES = {"judol": "judol_dev.csv", "uci": "youtube_uci_dev.csv"}
HELDOUT_SHARE = 0.2  # judol: the last fifth of the rows
HELDOUT_VIDEO = "Youtube04-Eminem"
WINDOW = 8
NEAR = 0.6
# A window shared by more rows than this says nothing about any pair (common words).
MAX_POSTINGS = 300


@dataclass(frozen=True, slots=True)
class Comment:
    """One labelled comment: ``corpus`` "judol" or "uci", ``row`` its 0-based row in the file."""

    corpus: str
    row: int
    id: str
    source: str
    text: str
    spam: bool
    split: str


def folded(text: str) -> str:
    """NFKC, casefold and collapse white space: the key two reposts share.

    >>> folded("  𝗪𝗘𝗧𝗢𝗡𝟴𝟴  Keren ")
    'weton88 keren'
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def alnum(text: str) -> str:
    """Letters and digits only, of the folded text."""
    return "".join(ch for ch in folded(text) if ch.isalnum())


def _split_of(corpus: str, row: int, n: int, source: str) -> str:
    if corpus == "judol":
        return "heldout" if row >= n - int(n * HELDOUT_SHARE) else "dev"
    return "heldout" if source == HELDOUT_VIDEO else "dev"


@cache
def comments(corpus: str) -> tuple[Comment, ...]:
    """Every non-empty comment of one corpus, in file order, with its split."""
    with (DATA / FILES[corpus]).open(encoding="utf8", newline="") as f:
        raw = list(csv.DictReader(f))
    return tuple(Comment(corpus, i, r["id"], r["source"], r["text"], r["label"] == "1",
                         _split_of(corpus, i, len(raw), r["source"]))
                 for i, r in enumerate(raw) if r["text"].strip())


def _windows(s: str) -> set[str]:
    """The WINDOW-character windows of an ``alnum`` string."""
    return {s[i:i + WINDOW] for i in range(len(s) - WINDOW + 1)}


def _near(mine: set[str], wins: list[set[str]], postings: dict[str, list[int]]) -> bool:
    """Whether windows ``mine`` have Jaccard >= NEAR with any of ``wins`` (indexed by ``postings``)."""
    shared: dict[int, int] = defaultdict(int)
    for w in mine:
        p = postings.get(w, ())
        if len(p) <= MAX_POSTINGS:
            for i in p:
                shared[i] += 1
    return any(n / (len(mine) + len(wins[i]) - n) >= NEAR for i, n in shared.items())


def repeats(corpus: str, of: tuple[Comment, ...], among: str = "dev") -> frozenset[int]:
    """Rows of split ``among`` (other than ``of``'s own) that repeat one of ``of``,
    exactly or nearly: what must leave a training set with ``of``."""
    rows = comments(corpus)
    held = [(folded(c.text), alnum(c.text)) for c in of]
    keys = {f for f, _ in held} | {a for _, a in held if len(a) >= 15}
    wins = [_windows(a) for _, a in held]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(wins):
        for w in ws:
            postings[w].append(i)
    mine = {c.row for c in of}
    out = set()
    for c in rows:
        if c.split != among or c.row in mine:
            continue
        a = alnum(c.text)
        if folded(c.text) in keys or a in keys or _near(_windows(a), wins, postings):
            out.add(c.row)
    return frozenset(out)


@cache
def _repeats_heldout(corpus: str) -> frozenset[int]:
    """Rows of dev that repeat a held-out row, exactly or nearly."""
    return repeats(corpus, tuple(c for c in comments(corpus) if c.split == "heldout"))


def split(corpus: str, name: str) -> tuple[Comment, ...]:
    """The comments of one split: "dev" (less the rows that repeat held-out ones) or "heldout"."""
    drop = _repeats_heldout(corpus) if name == "dev" else frozenset()
    return tuple(c for c in comments(corpus) if c.split == name and c.row not in drop)


def summary() -> dict[str, dict[str, tuple[int, int]]]:
    """(spam, legitimate) counts per corpus and split."""
    def counts(rows: tuple[Comment, ...]) -> tuple[int, int]:
        spam = sum(c.spam for c in rows)
        return spam, len(rows) - spam

    return {corpus: {name: counts(split(corpus, name)) for name in ("dev", "heldout")} for corpus in FILES}
