"""Run Trafilatura with the cleaner's canonical options on an already parsed tree.

Trafilatura is imported here, lazily, so that ``import cleaners`` and plain-text
cleaning stay fast. It copies the tree it is given and does not parse again.

Metadata: ``with_metadata=True`` costs about 5 ms a page on the bench, most of it
in the search for an author name in the page body, which would put the cleaner
below 0.9x of Trafilatura's own speed. By default the cleaner reads the same
sources Trafilatura reads first (meta tags, JSON-LD, title, site name, htmldate
without extensive search, about 1.3 ms); ``CleanOptions.full_metadata`` restores
Trafilatura's full metadata pass.

Fallback per page: the first pass runs without Trafilatura's fallback extractors
(``fast=True``). A page is extracted again with them only when the first pass looks
like it missed the content: less than ``CleanOptions.fallback_below_chars`` of text,
or a small share of the page's own prose (``fallback_visible_ratio``). That is where
they find what the fast pass misses (forum posts, service, listing and collection
pages); elsewhere they more often swap a right text for a longer wrong one. A text
that is still (nearly) empty gets one more try with ``favor_recall``.

Choice per page: the text is then compared with other extractors' (``choice.py``):
widened where Readability and Resiliparse agree that Trafilatura missed part of the
content, or where the page's prose asks for a ``favor_recall`` pass and it holds the
first text; trimmed to Readability's span where Readability's text is nearly a subset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from .choice import candidates, choose, prose_length
from .options import CleanOptions


# The length of all of the body's text, scripts included: an upper bound of the page's
# prose (``choice.prose_length``) at a fraction of its cost. Counted in lxml (as
# characters, as len() counts them), so the text is not copied into a Python string.
BODY_LENGTH = etree.XPath("string-length(//body)")
HEADLINES = etree.XPath("//h1 | //title | //meta[@property='og:title']/@content")
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Extracted:
    """The main text and metadata Trafilatura found ("" and None when it found none)."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None


def extract(tree: HtmlElement, url: str | None, options: CleanOptions, source: str | None = None) -> Extracted:
    """Extract the main text (comments excluded) and metadata from a parsed tree.

    ``source``, the text the tree was parsed from, spares a scan of the tree's text
    for zero-width joiners when it holds none (``may_hold_joiners``)."""
    hidden = (source is None or may_hold_joiners(source)) and _hide_joiners(tree)
    text, doc, _ = extract_text(tree, url, options)
    if hidden:
        _retext(tree, SHOW_JOINERS)  # the metadata readers work on the tree next
        text = text.translate(SHOW_JOINERS)
        if doc is not None:
            doc.title, doc.author, doc.sitename = (x.translate(SHOW_JOINERS) if x else x
                                                   for x in (doc.title, doc.author, doc.sitename))
    if options.full_metadata:
        if doc is None:
            return Extracted("")
        return Extracted(text, doc.title or None, doc.author or None, doc.date or None, doc.sitename or None)
    return Extracted(text, *metadata(tree, url))


def may_hold_joiners(source: str) -> bool:
    """Tell whether HTML source text can put a zero-width joiner in its tree: as the
    character, or as a named or numeric character reference (any case, leading zeros).

    >>> may_hold_joiners("<p>plain</p>"), may_hold_joiners("<p>a&#x200C;b</p>"), may_hold_joiners("a&zwj;b")
    (False, True, True)
    >>> may_hold_joiners("H\u200bute"), may_hold_joiners("H&ZeroWidthSpace;ute")
    (True, True)
    """
    return any(c in source for c in JOINERS) or JOINER_REFERENCE.search(source) is not None


def _hide_joiners(tree: HtmlElement) -> bool:
    """Put stand-ins for the zero-width joiners in the tree's text (True when there were
    any). Trafilatura drops every character Python calls unprintable, and with them the
    joiners Persian, Kurdish and Indic scripts write inside words ("صفحه‌ی" came out as
    "صفحهی"); letters of a script no page of either benchmark uses cross it unharmed."""
    if not HAS_JOINER(tree) or HAS_STAND_IN(tree):
        return False
    _retext(tree, HIDE_JOINERS)
    return True


def _retext(tree: HtmlElement, table: dict[int, str]) -> None:
    """Translate every text and tail of the tree with ``table`` (``str.translate``)."""
    for el in tree.iter():
        if isinstance(el.tag, str):
            if el.text:
                el.text = el.text.translate(table)
            if el.tail:
                el.tail = el.tail.translate(table)


def extract_text(tree: HtmlElement, url: str | None, options: CleanOptions) -> tuple[str, Any, tuple[str, ...]]:
    """Return the main text, Trafilatura's Document (None when it found nothing) and the
    passes that ran ("fast", "fallback", "recall", "readability", "resiliparse"), in order.

    The text is then chosen between extractors (``choice.choose``) when
    ``options.choose_extraction`` is on; the Document stays Trafilatura's."""
    passes = ["fast" if options.fast_extraction else "fallback"]
    doc = _bare(tree, url, options, fast=options.fast_extraction)
    text = (doc.text or "") if doc is not None else ""
    body = int(BODY_LENGTH(tree))  # read once: both decisions below use it
    prose = cache(lambda: prose_length(tree))  # read once too, and only when a decision asks
    if options.fast_extraction and needs_fallback(tree, len(text), options, body, prose):
        passes.append("fallback")
        doc = _bare(tree, url, options, fast=False)
        text = (doc.text or "") if doc is not None else ""
    if len(text) < options.recall_below_chars and body >= options.fallback_below_chars:
        passes.append("recall")
        again = _bare(tree, url, options, fast=False, favor_recall=True)
        if again is not None and again.text:
            doc, text = again, again.text
    if options.choose_extraction and text:
        chosen = choose(text, candidates(tree, lambda: recall_text(tree, url, options), prose), options)
        passes.extend(chosen.passes)
        text = chosen.text
    return text, doc, tuple(passes)


# Zero-width non-joiner, joiner and space, and their stand-ins: three Adlam letters
# (U+1E900-U+1E902), printable word characters of a script neither extraction benchmark
# holds. The space is kept for what it hides: a name broken up by it ("H\u200bu\u200bt\u200be")
# reads as a disguise only while the text still holds it (normalize.reveal).
JOINERS = {"\u200c": "\U0001E900", "\u200d": "\U0001E901", "\u200b": "\U0001E902"}
HIDE_JOINERS = str.maketrans(JOINERS)
SHOW_JOINERS = str.maketrans({v: k for k, v in JOINERS.items()})
# A character reference that names one, as the HTML parser reads it ("&zwnj;", "&#8204;",
# "&#x200C;", "&ZeroWidthSpace;"), in any case and with or without its semicolon.
JOINER_REFERENCE = re.compile(r"&(?:#0*820[345]|#x0*200[bcd]|zwn?j|zerowidthspace)", re.I)


def _any_text_holds(chars: Iterable[str]) -> etree.XPath:
    """An XPath telling whether any text of a tree holds one of ``chars``."""
    return etree.XPath("boolean(//text()[%s])" % " or ".join(f"contains(., '{c}')" for c in chars))


HAS_JOINER = _any_text_holds(JOINERS)
HAS_STAND_IN = _any_text_holds(JOINERS.values())


def needs_fallback(tree: HtmlElement, found: int, options: CleanOptions, body: int | None = None,
                   prose: Callable[[], int] | None = None) -> bool:
    """Tell whether a fast pass that found ``found`` characters should be redone with the fallback.

    Never on a page whose body holds less than ``fallback_below_chars`` of text in all
    (``body``, the length of the body's text, when the caller has it): there is nothing
    more to find, and the fallback would take a bare text for a page. ``prose`` returns
    the page's prose length when the caller reads it once for several decisions.
    """
    if body is None:
        body = int(BODY_LENGTH(tree))
    if body < options.fallback_below_chars:
        return False
    if found < options.fallback_below_chars:
        return True
    limit = options.fallback_visible_ratio * found
    if not limit or body <= limit:
        return False
    return (prose() if prose else prose_length(tree)) > limit


def recall_text(tree: HtmlElement, url: str | None, options: CleanOptions) -> str:
    """Trafilatura's text with ``favor_recall``, without its fallback extractors ("" when it finds none).

    The choice's favor_recall pass: with the fallback extractors it chose the same text
    on every page of both sets (bench/extraction_choice.py), at about twice the cost.
    """
    doc = _bare(tree, url, options, fast=True, favor_recall=True)
    return (doc.text or "") if doc is not None else ""


def _bare(tree: HtmlElement, url: str | None, options: CleanOptions, fast: bool, favor_recall: bool = False):
    """Trafilatura's Document for the tree (it copies the tree), or None when it finds nothing."""
    import trafilatura

    return trafilatura.bare_extraction(
        tree, url=url, fast=fast, include_comments=False, favor_recall=favor_recall,
        include_tables=options.include_tables, with_metadata=options.full_metadata,
    )


def drop_headline(text: str, headlines: tuple[str, ...], part_chars: int = 20) -> str:
    r"""Drop the text's first line when it repeats one of the page's headlines (folded words).

    A first line of ``part_chars`` folded characters or fewer goes only when it equals a
    headline; a longer one also when a headline contains it ("Headline | Site name").

    >>> drop_headline("Big news | Site\nBody.", ("big news site",))
    'Body.'
    >>> drop_headline("Body.\nMore.", ("big news",))
    'Body.\nMore.'
    """
    first, _, rest = text.partition("\n")
    folded = _fold(first)
    if folded and any(folded == h or (len(folded) > part_chars and folded in h) for h in headlines):
        return rest
    return text


def headlines(tree: HtmlElement) -> tuple[str, ...]:
    """The page's headlines (h1 elements, the <title>, og:title), folded to lower-case words."""
    found = (x if isinstance(x, str) else x.text_content() for x in HEADLINES(tree))
    return tuple(h for h in map(_fold, found) if h)


def _fold(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def metadata(tree: HtmlElement, url: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """Return title, author, published date (ISO) and site name from the page's declarations."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a single token is usually a handle or a site, as Trafilatura judges
    try:
        meta = extract_meta_json(tree, meta)
    except (ValueError, TypeError, AttributeError, KeyError):
        pass  # malformed JSON-LD: keep what the meta tags gave
    title = meta.title or extract_title(tree)
    published = find_date(tree, url=url, extensive_search=False, original_date=True)
    sitename = meta.sitename or extract_sitename(tree)
    return (_clean(title), _clean(meta.author), published or None, _clean(sitename.lstrip("@") if sitename else None))


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None
