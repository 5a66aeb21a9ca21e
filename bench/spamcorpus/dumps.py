"""Build plain-text dump cases like the seed: article text plus boilerplate and spam lines.

Every boilerplate and spam span is labelled with exact character offsets:
``text[start:end]`` is the label's string.
"""

from __future__ import annotations

import random

from ..common import truth
from . import corpus
from .cases import Case, choose, page_ids, pieces, seeded

N_DEV, N_HELDOUT, N_FRESH = 1, 1, 1  # dumps per benchmark page


class DumpBuilder:
    """Append lines to a text, recording the offsets of the ones that must go."""

    def __init__(self) -> None:
        self.text = ""
        self.labels: list[tuple[int, int, str]] = []

    def add(self, line: str, kind: str = "", sep: str = "\n\n") -> None:
        """Add ``line`` after ``sep``; label it ``kind`` ("spam", "boilerplate") unless ""."""
        if self.text:
            self.text += sep
        start = len(self.text)
        self.text += line
        if kind:
            self.labels.append((start, len(self.text), kind))


def dump_case(page_id: str, n: int, split: str = "") -> Case:
    """Dump ``n`` of a benchmark page: the ground-truth body wrapped like the seed
    (``split`` "fresh": its fresh dump, from a fresh market)."""
    case_id = f"dump-{page_id[:16]}-{'f' if split == 'fresh' else ''}{n}"
    rng = seeded(case_id)
    split = split or ("heldout" if n >= N_DEV else "dev")
    m = choose(split, rng)
    paras = [p.strip() for p in truth()[page_id]["articleBody"].split("\n") if p.strip()]
    p = pieces(m, rng, len(paras))
    bp = corpus.boilerplate()["en"]
    b = DumpBuilder()
    for line in rng.sample(bp["header"], rng.randint(0, 2)):
        b.add(line, "boilerplate", "\n")
    spam_at = rng.randrange(1, len(paras)) if len(paras) > 2 and rng.random() < 0.6 else -1
    append_at = set(rng.sample(range(len(paras)), min(len(p.sentences), len(paras)))) if rng.random() < 0.6 else set()
    sentences = list(p.sentences)
    for i, para in enumerate(paras):
        if i == spam_at:
            b.add(p.prose[0], "spam")
        b.add(para)
        if i in append_at and sentences:
            b.add(sentences.pop(), "spam", " ")
    _tail(b, bp, p, rng)
    return Case(case_id, split, "dump", "dump", m.lang, m.market, b.text,
                f"http://127.0.0.1/dump/{page_id[:16]}/{n}", page_id, labels=tuple(b.labels),
                spam=tuple(b.text[s:e] for s, e, k in b.labels if k == "spam"), topic=m.kind)


def _tail(b: DumpBuilder, bp: dict[str, tuple[str, ...]], p, rng: random.Random) -> None:
    """What follows the article in a dump: share, related, comments, form, anchors, footer."""
    if rng.random() < 0.5:
        for line in bp["share"][: rng.randint(1, 3)]:
            b.add(line, "boilerplate", "\n")
    if rng.random() < 0.4:
        b.add(rng.choice(bp["related"]), "boilerplate")
    if rng.random() < 0.6:
        for who, text in zip(p.commenters, p.comments, strict=False):
            b.add(f"{who} says:", "boilerplate")
            b.add(text, "spam", "\n")
    form = bp["comment_form"]
    for line in form[: rng.randint(2, len(form))]:
        b.add(line, "boilerplate")
    glue = "" if rng.random() < 0.7 else " "
    if p.anchors:  # the fresh markets have none
        b.add(glue.join(p.anchors), "spam")
    for line in rng.sample(bp["footer"], rng.randint(1, 2)):
        b.add(line, "boilerplate", "\n")


def dump_cases(ids: list[str] | None = None) -> list[Case]:
    """Every dump case of the given benchmark pages (all pages by default)."""
    return [dump_case(pid, n) for pid in (ids or page_ids()) for n in range(N_DEV + N_HELDOUT)]
