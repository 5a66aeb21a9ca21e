"""Choose the main text between extractors per page, by how their outputs agree.

Trafilatura's text (its fast pass, or the fallback where ``extract.needs_fallback``
ran it) is compared with the Readability algorithm's (Trafilatura's own port, run on
the same parsed tree) as sets of 4-word shingles, and one of three moves is made:

- widen: Readability found a large part of the page outside Trafilatura's text (an
  article split over two containers, one of which each algorithm took), and
  Resiliparse's ``main_content`` holds both: take Resiliparse's text.
- widen with favor_recall: the page's own prose is well over Trafilatura's text, so
  Trafilatura is run again with ``favor_recall``; when that text holds the first one
  and is longer by a bounded factor (forum threads, product and service pages),
  take it.
- trim: Readability's text is nearly a subset of Trafilatura's and covers most of it:
  cut the lines before the first and after the last line Readability also found
  (related-article lists, newsletter boxes, bylines around the article).

Otherwise Trafilatura's text stays. The other extractors run only where they can
change the answer: Resiliparse only when Readability holds enough outside
Trafilatura's text to pass the widen test, favor_recall only when the page's prose
says more is there. Every threshold is a ``CleanOptions`` field, measured with
``bench/extraction_choice.py`` on both extraction sets.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from .options import CleanOptions

WORD = re.compile(r"\w+")
SHINGLE = 4
# Elements after which a line ends when a Readability summary is turned into text.
BLOCK_TAGS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 td th tr blockquote pre article section br dd dt figcaption ul ol table".split())
# The page's own prose: text outside links, scripts, styles, navigation, headers,
# footers and asides (compared with what an extractor found). Read by a walk that does
# not enter them: the XPath with eight ancestor tests per text node
# ("//body//text()[not(ancestor::a or ancestor::script ...)]") gave the same length on all
# 627 pages of both sets at about four times the cost (3.1 against 0.9 ms a page on zyte,
# 6.0 against 1.4 on dev; one interleaved run, 2026-12-05).
NOT_PROSE = frozenset({"a", "script", "style", "noscript", "nav", "footer", "header", "aside"})
BODIES = etree.XPath("//body[not(ancestor::body)]")


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen text, the move that chose it ("kept", "trimmed", "widened", "recall") and the passes run."""

    text: str
    move: str
    passes: tuple[str, ...] = ()


def shingles(text: str) -> set[tuple[str, ...]]:
    """The set of lower-cased 4-word shingles of ``text`` (one shorter one for a text under 4 words).

    >>> sorted(shingles("One two three four five"))
    [('one', 'two', 'three', 'four'), ('two', 'three', 'four', 'five')]
    """
    return _shingles(WORD.findall(text.lower()))


def _shingles(toks: list[str]) -> set[tuple[str, ...]]:
    if len(toks) < SHINGLE:
        return {tuple(toks)} if toks else set()
    return set(zip(*(toks[i:] for i in range(SHINGLE))))


def share(part: set, whole: set) -> float:
    """The share of ``part``'s shingles found in ``whole`` (0.0 for an empty ``part``)."""
    return len(part & whole) / len(part) if part else 0.0


@dataclass(frozen=True, slots=True)
class Candidates:
    """The other extractors' texts for one page, each computed only when first asked for."""

    readability: Callable[[], str]
    resiliparse: Callable[[], str]
    recall: Callable[[], str]
    prose_over: Callable[[float], bool]  # is the page's own prose longer than this many characters?


def choose(text: str, others: Candidates, options: CleanOptions) -> Choice:
    """Choose the page's main text between Trafilatura's ``text`` and the other extractors'.

    The measured rule of the module docstring; ``others`` are called only where they
    can change the answer, and the passes that ran are returned with the choice.
    """
    ours = shingles(text)
    if not ours:
        return Choice(text, "kept")
    passes = ["readability"]
    theirs_text = others.readability()
    theirs = shingles(theirs_text)
    holds, least, most = options.choice_contains, options.wider_min_ratio, options.wider_max_ratio
    # Widen: Readability's part outside ours must be able to reach union_agree of the
    # extra a wider text needs ((least - 1) * |ours| shingles), or Resiliparse cannot pass.
    if options.union_agree and len(theirs - ours) >= options.union_agree * (least - 1) * len(ours):
        passes.append("resiliparse")
        wide_text = others.resiliparse()
        wide = shingles(wide_text)
        if (share(ours, wide) >= holds and least <= len(wide) / len(ours) <= most
                and share(wide - ours, theirs) >= options.union_agree):
            return Choice(wide_text, "widened", tuple(passes))
    if options.wider_recall_prose and others.prose_over(options.wider_recall_prose * len(text)):
        passes.append("recall")
        wide_text = others.recall()
        wide = shingles(wide_text)
        if share(ours, wide) >= holds and least <= len(wide) / len(ours) <= most:
            return Choice(wide_text, "recall", tuple(passes))
    if options.trim_cover and share(theirs, ours) >= holds and share(ours, theirs) >= options.trim_cover:
        trimmed = trim_to(text, theirs, theirs_text)
        if trimmed != text:
            return Choice(trimmed, "trimmed", tuple(passes))
    return Choice(text, "kept", tuple(passes))


def candidates(tree: HtmlElement, recall: Callable[[], str], prose: Callable[[], int]) -> Candidates:
    """The other extractors on a parsed tree; ``recall`` runs Trafilatura with favor_recall,
    ``prose`` returns the page's prose length (``prose_length``, read once by the caller)."""
    return Candidates(lambda: readability_text(tree), lambda: resiliparse_text(tree), recall,
                      lambda limit: prose() > limit)


def trim_to(text: str, theirs: set, theirs_text: str) -> str:
    """Keep the lines of ``text`` from the first to the last one the other extractor also found.

    A line counts as found when half its shingles are in ``theirs``, or, under four
    words, when its words appear in that order in ``theirs_text``.

    >>> trim_to("Menu\\nBody one two three four.\\nMore body text here now.\\nRelated", \
shingles("body one two three four more body text here now"), "body one two three four more body text here now")
    'Body one two three four.\\nMore body text here now.'
    """
    lines = text.split("\n")
    folded = " ".join(WORD.findall(theirs_text.lower()))
    found = [i for i, line in enumerate(lines) if _found(line, theirs, folded)]
    return "\n".join(lines[found[0]:found[-1] + 1]) if found else text


def _found(line: str, theirs: set, folded: str) -> bool:
    toks = WORD.findall(line.lower())
    if not toks:
        return False
    if len(toks) < SHINGLE:
        return " ".join(toks) in folded
    return share(_shingles(toks), theirs) >= 0.5


def prose_length(tree: HtmlElement) -> int:
    """The length of the page's own prose: the body's text outside ``NOT_PROSE`` elements, each piece stripped."""
    total = 0
    for body in BODIES(tree):
        stack = [body]
        while stack:
            el = stack.pop()
            if el.text:
                total += len(el.text.strip())
            for child in el:
                if child.tail:  # a tail is its parent's text, even after a link
                    total += len(child.tail.strip())
                if isinstance(child.tag, str) and child.tag not in NOT_PROSE:
                    stack.append(child)
    return total


def readability_text(tree: HtmlElement) -> str:
    """The text of Trafilatura's port of the Readability algorithm on a copy of the tree, a line per block."""
    from trafilatura.external import try_readability

    summary = try_readability(copy.deepcopy(tree))
    for el in summary.iter():
        if isinstance(el.tag, str) and el.tag in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    return _lines(summary.text_content())


def resiliparse_text(tree: HtmlElement) -> str:
    """Resiliparse's main-content text of the tree (serialised again: it parses with its own parser)."""
    from lxml.html import tostring
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLParserException

    try:
        text = extract_plain_text(tostring(tree, encoding="unicode"), main_content=True, list_bullets=False)
    except (TypeError, HTMLParserException):  # text it cannot encode (a lone surrogate): no wider text
        return ""
    return _lines(text)


def _lines(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
