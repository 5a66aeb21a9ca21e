"""Parse HTML once and find the elements the DOM rules judge, with their facts.

Candidates are hidden elements (inline style, ``hidden`` attribute, classes or ids
hidden by the page's own ``<style>`` rules), ``marquee``/``noscript`` elements, and
link runs (the nearest block container of ``CleanOptions.link_run_links`` or more
off-site links). The texts of off-site links with commercial evidence are collected
for the text rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement, fromstring

from .facts import block_facts, commercial_text, commercial_texts
from .model import Block
from .options import CleanOptions

# Inline styles that hide an element, by name (the name is recorded as hidden_by).
_END = r"\s*(?:;|$|!)"
HIDDEN_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("display_none", re.compile(r"display\s*:\s*none", re.I)),
    ("visibility_hidden", re.compile(r"visibility\s*:\s*hidden", re.I)),
    ("offscreen", re.compile(r"(?:left|top|right|text-indent|margin-left|margin-top)\s*:\s*-\d{3,}", re.I)),
    ("font_size_zero", re.compile(r"font-size\s*:\s*0*\.?0*(?:px|em|rem|pt|%)?" + _END, re.I)),
    ("opacity_zero", re.compile(r"opacity\s*:\s*0*\.?0*" + _END, re.I)),
    ("zero_size", re.compile(r"^(?=.*overflow\s*:\s*hidden)(?=.*(?:^|[;\s])(?:max-)?(?:height|width)\s*:\s*0(?:px)?" + _END + ")", re.I | re.S)),
)
IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
HOST = re.compile(r"^(?:https?:)?//(?:[^/?#@]*@)?([^/?#:]+)", re.I)
# Declarations that hide, as they appear in a stylesheet rule body.
HIDDEN_DECLARATION = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top|text-indent)\s*:\s*-\d{3,}"
    r"|font-size\s*:\s*0(?:px)?\s*[;}!]|opacity\s*:\s*0\s*[;}!]", re.I)
# Compiled XPath with attribute tests only: string tests in XPath cost 3x more.
STYLED = etree.XPath("//*[@style or @hidden]")
VISIBLE_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::template)]")
ABSOLUTE_LINKS = etree.XPath("//a[starts-with(@href, 'http') or starts-with(@href, '//')]")
# Where a page declares its canonical URL, in the order they are read.
CANONICAL = (etree.XPath('//link[@rel="canonical"]/@href'), etree.XPath('//meta[@property="og:url"]/@content'))
# The headlines a doorway names its brand in, and the words of one.
HEADS = etree.XPath("//title | //h1")
# The separators a <title> puts between a page's name and its site's (headings); not
# a colon, which French spaces before as a headline's ("Brexit : ce qu'il faut savoir").
TITLE_PARTS = re.compile(r"\s+(?:[|–—·»]|::|-{1,2})\s+")
HEAD_WORD = re.compile(r"[^\W_]+")
NOT_WORD = re.compile(r"[\W_]+")
# Every hiding style contains one of these; one search rules out most styles.
MAYBE_HIDDEN = re.compile(r"none|hidden|-\d{3}|font-size\s*:\s*0|opacity\s*:\s*0", re.I)
# Stylesheet-hidden classes/ids looked up in the tree: a resource cap (it bounds the
# XPath), not a decision, so a module constant rather than a CleanOptions field.
MAX_SELECTORS = 40
SIMPLE_SELECTOR = re.compile(r"^[a-z0-9]*([.#])([A-Za-z_][\w-]*)$")
# Only small <style> elements are read for hiding rules: injected spam brings its own
# short rule (".x{display:none}"); theme stylesheets are long, their hidden classes
# serve menus, and scanning them cost 2 ms a page on the bench. A cost cap, not a
# CleanOptions field.
MAX_STYLE_CHARS = 2000
# Containers a run of links is attributed to (inline wrappers and list items are climbed).
CONTAINERS = frozenset({"p", "div", "ul", "ol", "table", "td", "section", "footer", "aside", "center",
                        "header", "nav", "blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "marquee"})
NEVER = frozenset({"html", "body", "article", "main"})
SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go", "gen", "web"})


@dataclass(slots=True)
class Candidate:
    """An element the DOM rules judge, and its facts."""

    element: HtmlElement
    block: Block


def parse(html: str | bytes) -> HtmlElement | None:
    """Parse HTML with charset detection and repair; None when it is not HTML.

    Text is parsed as Trafilatura's ``load_html`` parses text that declares an
    encoding (repaired, then handed to lxml as UTF-8 bytes), with ``PARSER``. From a
    Python string lxml parses about a fifth slower, into the same tree (all 627 pages
    of both extraction sets, serialised and compared, 2026-12-05)."""
    from trafilatura.utils import is_dubious_html, load_html, repair_faulty_html

    if not isinstance(html, str):
        return load_html(html)
    beginning = html[:50].lower()
    try:
        tree = fromstring(repair_faulty_html(html, beginning).encode("utf8", "surrogatepass"), parser=PARSER)
    except (etree.LxmlError, ValueError):  # empty or unparsable: load_html's None
        return None
    if tree is None or (is_dubious_html(beginning) and len(tree) < 2):
        return None  # load_html's test: a fragment with no <html> is not a page
    return tree


def _parser() -> etree.HTMLParser:
    """Trafilatura's HTML parser options, and lxml.html's element classes looked up in C.

    lxml.html's own lookup is a Python method that lxml calls each time it hands an
    element to Python: 818,000 calls on the 181 zyte pages, most inside Trafilatura's
    passes over copies of the tree (which keep its parser). The same classes looked up
    by tag in C (``ElementNamespaceClassLookup``) made clean_html 1.10x as fast on zyte
    (one interleaved run, 2026-12-05), with the same output."""
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity))
    lookup.get_namespace(None).update(lxml_html.HtmlElementClassLookup._default_element_classes)  # form, input, ...
    parser = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                              remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(lookup)
    return parser


PARSER = _parser()


def site_of(url: str | None) -> str | None:
    """Return the registrable part of a URL's host ("news.example.co.uk" -> "example.co.uk").

    >>> site_of("https://www.news.example.co.uk/a"), site_of("/relative"), site_of("http://127.0.0.9:9/x")
    ('example.co.uk', None, '127.0.0.9')
    """
    m = HOST.match(url.strip()) if url else None
    host = m.group(1).lower() if m else ""
    if IPV4.match(host):
        return host  # an address is its own site: 127.0.0.1 and 127.0.0.9 differ
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def canonical_url(tree: HtmlElement, url: str | None) -> str | None:
    """Return the page's declared canonical URL (link rel=canonical, else og:url)."""
    for xpath in CANONICAL:
        found = xpath(tree)
        if found and found[0].strip():
            return urljoin(url or "", found[0].strip())
    return None


def candidates(tree: HtmlElement, site: str | None, options: CleanOptions) -> tuple[list[Candidate], tuple[str, ...]]:
    """Return the DOM candidates in document order and the off-site commercial anchor texts."""
    found: dict[HtmlElement, str] = {}
    for el, why in _hidden(tree):
        found.setdefault(el, why)
    for el in tree.iter("marquee", "noscript"):
        found.setdefault(el, "")
    runs, anchors = _link_runs(tree, site, options.link_run_links)
    for el, n in runs.items():
        found.setdefault(el, "")
    out = []
    total = 0
    for i, (el, why) in enumerate(found.items()):
        text = _text(el)
        if not text:
            continue
        offsite = runs.get(el, 0)
        if not (commercial_text(text) or el.tag == "marquee"):
            # Every DOM rule needs commercial evidence (marquee: or links), except that
            # hidden prose carrying off-site links needs none (rules/hidden.py).
            if not why or not (offsite := _offsite_count(el, site)):
                continue
        if why:
            total = total or len(_text(tree))
        block, _, _ = block_facts(text, options, index=i, learned=False)
        link_chars = sum(len(a.text_content().strip()) for a in el.iter("a"))
        out.append(Candidate(el, replace(
            block, start=-1, end=-1, dom=True, tag=el.tag, hidden_by=why,
            offsite_links=offsite or _offsite_count(el, site), link_share=min(1.0, link_chars / len(text)),
            page_share=len(text) / total if why else 0.0,
        )))
    return out, anchors


def _text(el: HtmlElement) -> str:
    """An element's visible-to-readers text: whitespace folded, scripts and styles left out."""
    return " ".join(" ".join(VISIBLE_TEXT(el)).split())


def _hidden(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    out = []
    for el in STYLED(tree):
        if el.get("hidden") is not None:
            out.append((el, "hidden_attribute"))
            continue
        style = el.get("style", "")
        if not MAYBE_HIDDEN.search(style):
            continue
        for name, pattern in HIDDEN_STYLES:
            if pattern.search(style):
                out.append((el, name))
                break
    classes, ids = _hidden_selectors(tree)
    tests = [f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in sorted(classes)[:MAX_SELECTORS]]
    tests += [f"@id='{i}'" for i in sorted(ids)[:MAX_SELECTORS]]
    if tests:
        out.extend((el, "stylesheet") for el in tree.xpath(f"//*[{' or '.join(tests)}]"))
    return out


def _hidden_selectors(tree: HtmlElement) -> tuple[set[str], set[str]]:
    """Classes and ids that the page's own <style> rules hide (simple selectors only)."""
    css = "".join(s.text for s in tree.iter("style") if s.text and len(s.text) <= MAX_STYLE_CHARS)
    classes: set[str] = set()
    ids: set[str] = set()
    for m in HIDDEN_DECLARATION.finditer(css):
        brace = css.rfind("{", 0, m.start())
        if brace < 0 or css.rfind("}", brace, m.start()) >= 0:
            continue  # not inside a rule body
        start = max(css.rfind("}", 0, brace), css.rfind("{", 0, brace), css.rfind("*/", 0, brace) + 1) + 1
        for sel in css[start:brace].split(","):
            found = SIMPLE_SELECTOR.match(sel.strip())
            if found:
                (classes if found.group(1) == "." else ids).add(found.group(2))
    return classes, ids


def _is_offsite(href: str, site: str | None, cache: dict[str, bool]) -> bool:
    m = HOST.match(href)
    if not m:
        return False
    host = m.group(1).lower()
    if host not in cache:
        other = site_of("//" + host)
        cache[host] = other is not None and other != site
    return cache[host]


def _offsite_count(el: HtmlElement, site: str | None) -> int:
    cache: dict[str, bool] = {}
    return sum(1 for a in el.iter("a") if _is_offsite(a.get("href", "").strip(), site, cache))


def headings(tree: HtmlElement) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The texts of the page's <title> and h1 elements, as written, and the parts of a
    <title> that joins its page's name and its site's with a separator ("Best odds –
    Oddsforge", "Oddsforge | Sports betting"), when it has two or more: a landing page's
    site name is its brand. Read in one pass, once a page.

    >>> headings(parse("<title>Sports betting | Oddsforge</title><h1>Odds</h1>"))
    (('Sports betting | Oddsforge', 'Odds'), ('Sports betting', 'Oddsforge'))
    >>> headings(parse("<title>Covid-19: what we know</title><p>x</p>"))[1]
    ()
    >>> headings(parse("<title>Brexit : ce qu'il faut savoir</title><p>x</p>"))[1]
    ()
    """
    texts: list[str] = []
    parts: list[str] = []
    for el in HEADS(tree):
        text = el.text_content()
        texts.append(text)
        if el.tag == "title" and len(split := TITLE_PARTS.split(text)) > 1:
            parts.extend(p for p in split if p.strip())
    return tuple(texts), tuple(parts)


def headline_names(heading: tuple[str, ...], most_words: int) -> tuple[str, ...]:
    """The names in a short headline (of ``heading``, the <title> and h1 texts: one of at
    most ``most_words`` words), folded to lower case: a landing page's title is its
    brand. A name is a word that is capitalised or carries a digit, or in a script
    without capitals (Chinese, Thai, Korean) any word of two characters or more."""
    found = set()
    for text in heading:
        if len(text.split()) <= most_words:
            found.update(w.casefold() for w in HEAD_WORD.findall(text) if _name_like(w))
    return tuple(sorted(found))


def linked_headline_names(tree: HtmlElement, heading: tuple[str, ...], site: str | None,
                          most_words: int) -> tuple[str, ...]:
    """The names of a short headline (``headline_names`` of ``heading``) that an
    off-site link of ``tree`` also carries, in its text or its address: a doorway's
    brand, named in its title and linked to the site it sells."""
    found = headline_names(heading, most_words)
    if not found:
        return ()
    cache: dict[str, bool] = {}
    linked = " ".join(_fold_link(a) for a in ABSOLUTE_LINKS(tree) if _is_offsite(a.get("href", "").strip(), site, cache))
    return tuple(sorted(w for w in found if NOT_WORD.sub("", w) in linked))


def name_shaped(word: str) -> bool:
    """Capitalised, or carrying a digit: the shape of a name (a brand, a person, a place)."""
    return word[0].isupper() or (not word.isalpha() and any(c.isdigit() for c in word))


def _name_like(word: str) -> bool:
    if word.lower() == word.upper():  # a script without capitals
        return len(word) >= 2
    return name_shaped(word)


def _fold_link(a: HtmlElement) -> str:
    """An anchor's text and address, lower case, without separators."""
    return NOT_WORD.sub("", (a.text_content() + " " + a.get("href", "")).casefold())


def _link_runs(tree: HtmlElement, site: str | None, least: int) -> tuple[dict[HtmlElement, int], tuple[str, ...]]:
    """Return the containers of at least ``least`` off-site links, with their counts, and the
    commercial off-site anchor texts."""
    per: dict[HtmlElement, int] = {}
    texts: dict[str, bool] = {}
    cache: dict[str, bool] = {}
    for a in ABSOLUTE_LINKS(tree):
        if not _is_offsite(a.get("href", "").strip(), site, cache):
            continue
        container = next((p for p in a.iterancestors() if p.tag in CONTAINERS or p.tag in NEVER), None)
        if container is not None and container.tag not in NEVER:
            per[container] = per.get(container, 0) + 1
        text = " ".join(a.text_content().split()).lower()
        if len(text) >= 3:
            texts[text] = False
    found = list(texts)
    commercial = commercial_texts(found)
    return {el: n for el, n in per.items() if n >= least}, tuple(sorted(t for t, yes in zip(found, commercial) if yes))
