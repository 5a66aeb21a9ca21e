"""Inject spam into an HTML page in one style, recording the exact visible strings.

Pages are edited as strings (no re-serialisation), so the page without spam and the
page with spam differ only by the injected markup. Every URL of the page is first
moved to loopback (``localize_urls``): the page's own host to 127.0.0.1, other hosts
to 127.1.x.y, and spam links go to http://127.0.0.N:9/, so nothing generated here
points at a real address.
"""

from __future__ import annotations

import hashlib
import html
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

# A URL's scheme and host, also in JSON-escaped form ("https:\/\/host").
URL_HOST = re.compile(r"(?:https?:)?\\?/\\?/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(:\d+)?", re.I)
SCRIPT = re.compile(r"<(script|style|template|textarea)\b.*?</\1\s*>", re.I | re.S)
PARA = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.I | re.S)
TAG = re.compile(r"<[^>]+>")
BODY_END = re.compile(r"</body\s*>", re.I)
HIDDEN_CSS = {
    "display_none": 'style="display:none"',
    "visibility_hidden": 'style="visibility: hidden"',
    "font_size_0": 'style="font-size:0;line-height:0"',
    "height_0": 'style="height:0;overflow:hidden"',
    "offscreen": 'style="position:absolute;left:-9999px;top:-9999px"',
    "opacity_0": 'style="opacity:0"',
    "hidden_attr": "hidden",
    "style_class": "",  # a class hidden by a <style> rule, added below
    "text_indent": 'style="text-indent:-9999px;overflow:hidden;white-space:nowrap;height:1px"',
    "clip_rect": 'style="position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden"',
}


@dataclass(frozen=True, slots=True)
class Pieces:
    """The spam texts one case injects (already filled with brand names)."""

    prose: tuple[str, ...]
    sentences: tuple[str, ...]
    comments: tuple[str, ...]
    anchors: tuple[str, ...]
    commenters: tuple[str, ...]


def localize_urls(page: str, own_url: str | None) -> str:
    """Point every absolute URL of ``page`` at loopback, keeping paths."""
    own = (urlsplit(own_url).hostname or "") if own_url else ""

    def sub(m: re.Match) -> str:
        host = m.group(1).lower()
        if host == own or host == "www." + own or "www." + host == own:
            return "http://127.0.0.1"
        if host.startswith("127."):
            return m.group(0)
        h = hashlib.sha256(host.encode()).digest()
        return f"http://127.1.{h[0]}.{h[1]}"

    return URL_HOST.sub(sub, page)


def spam_href(rng: random.Random, text: str) -> str:
    """A loopback link for a spam anchor."""
    slug = re.sub(r"\W+", "-", text.lower()).strip("-")[:24] or "go"
    return f"http://127.0.0.{rng.randint(2, 254)}:9/{slug}"


def anchor(rng: random.Random, text: str) -> str:
    return f'<a href="{spam_href(rng, text)}">{html.escape(text, quote=False)}</a>'


def paragraph_slots(page: str) -> list[tuple[int, int]]:
    """(start, end) of the long paragraphs outside scripts: places to inject at."""
    masked = SCRIPT.sub(lambda m: " " * len(m.group(0)), page)
    slots = []
    for m in PARA.finditer(masked):
        if "<p" in m.group(1).lower() or len(html.unescape(TAG.sub("", m.group(1))).strip()) < 120:
            continue
        slots.append((m.start(), m.end()))
    return slots


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _comments(rng: random.Random, p: Pieces, variant: str = "") -> str:
    if variant == "bare":  # a hand-made theme: no comment classes for an extractor to recognise
        return "".join(f"<div><p><b>{_esc(p.commenters[i % len(p.commenters)])}</b> says:</p><p>{_esc(t)}</p></div>"
                       for i, t in enumerate(p.comments))
    items = []
    for i, text in enumerate(p.comments):
        who = _esc(p.commenters[i % len(p.commenters)])
        items.append(f'<li class="comment"><div class="comment-author vcard"><b class="fn">'
                     f'<a href="{spam_href(rng, who)}" rel="external nofollow ugc">{who}</a></b> says:</div>'
                     f'<div class="comment-metadata">March {3 + i}, 2024 at {9 + i}:1{i} am</div>'
                     f'<div class="comment-content"><p>{_esc(text)}</p></div>'
                     f'<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></li>')
    return (f'<div id="comments" class="comments-area"><h2 class="comments-title">{len(items)} thoughts</h2>'
            f'<ol class="comment-list">{"".join(items)}</ol></div>')


def _hidden(rng: random.Random, p: Pieces, variant: str) -> str:
    inner = "".join(f"<p>{_esc(t)}</p>" for t in p.prose) + " ".join(anchor(rng, a) for a in p.anchors)
    if variant == "style_class":
        cls = "x" + hashlib.sha256(inner.encode()).hexdigest()[:6]
        return f"<style>.{cls}{{display:none}}</style><div class=\"{cls}\">{inner}</div>"
    return f"<div {HIDDEN_CSS[variant]}>{inner}</div>"


def _table(rng: random.Random, p: Pieces) -> str:
    cells = "".join(f"<td>{anchor(rng, a)}</td>" for a in p.anchors)
    rows = "".join(f'<tr><td colspan="{len(p.anchors)}">{_esc(s)}</td></tr>' for s in p.sentences)
    return f'<table class="partners"><tr>{cells}</tr>{rows}</table>'


def fragment(style: str, rng: random.Random, p: Pieces, variant: str = "") -> str:
    """The markup of one injection style (``append`` is handled by ``inject``)."""
    makers: dict[str, Callable[[], str]] = {
        "prose": lambda: "".join(f"<p>{_esc(t)}</p>" for t in p.prose),
        "lead": lambda: f"<p>{_esc(p.prose[0])}</p>",
        "comments": lambda: _comments(rng, p, variant),
        "footer_links": lambda: '<div class="footer-widgets">' + "".join(anchor(rng, a) for a in p.anchors) + "</div>",
        "anchor_list": lambda: "<ul>" + "".join(f"<li>{anchor(rng, a)}</li>" for a in p.anchors) + "</ul>",
        "hidden": lambda: _hidden(rng, p, variant),
        "noscript": lambda: "<noscript>" + "".join(f"<p>{_esc(t)}</p>" for t in p.prose)
                            + " ".join(anchor(rng, a) for a in p.anchors) + "</noscript>",
        "marquee": lambda: "<marquee>" + " | ".join(anchor(rng, a) for a in p.anchors) + "</marquee>",
        "table_cell": lambda: _table(rng, p),
    }
    return makers[style]()


def visible(style: str, p: Pieces) -> list[str]:
    """The visible strings a style injects: what must not survive cleaning."""
    return {
        "prose": list(p.prose), "lead": list(p.prose[:1]), "append": list(p.sentences), "comments": list(p.comments),
        "footer_links": list(p.anchors), "anchor_list": list(p.anchors), "marquee": list(p.anchors),
        "hidden": list(p.prose) + list(p.anchors), "noscript": list(p.prose) + list(p.anchors),
        "table_cell": list(p.anchors) + list(p.sentences),
    }[style]


def inject(page: str, style: str, rng: random.Random, p: Pieces, variant: str = "") -> str:
    """Return ``page`` with the pieces injected in ``style`` at a deterministic place."""
    slots = paragraph_slots(page)
    if style == "append":
        # Append the sentences to real paragraphs, before their closing tag.
        chosen = sorted(rng.sample(slots, min(len(p.sentences), len(slots))), reverse=True)
        for (_, end), sentence in zip(chosen, p.sentences, strict=False):
            close = page.rfind("</", 0, end)
            page = page[:close] + " " + _esc(sentence) + page[close:]
        return page
    markup = fragment(style, rng, p, variant)
    if style in ("footer_links", "marquee") or not slots:
        m = list(BODY_END.finditer(page))
        at = m[-1].start() if m else len(page)
    elif style == "comments":
        at = slots[-1][1]
    elif style == "lead":  # before the first long paragraph: the article seems to open with the pitch
        at = slots[0][0]
    else:
        at = slots[rng.randrange(len(slots))][1]
    return page[:at] + markup + page[at:]


# Site templates of doorway pages: a bare hero page, a blog-like page, a shop-like page
# (dev); held-out pages use only the layouts split.toml names (a question-and-answer
# page, a grid of offer cards), so no page wrapper is shared between the splits.
LANDING_TEMPLATES = ("hero", "blog", "shop")
# More dev layouts, used only by bench/landing_fragments.py (the corpus's cases keep the
# three above): a landing page's text in a numbered list, table rows, bare <div>s, one
# block broken by <br>s, or sections headed by the link texts. The page rules must hold
# on shapes no benchmark layout has; none of these is a held-out layout.
SHAPE_TEMPLATES = ("steps", "table", "divs", "breaks", "sections")


def landing_page(rng: random.Random, brand: str, lang: str, paragraphs: tuple[str, ...], links: tuple[str, ...],
                 template: str) -> str:
    """A whole page that is nothing but a pitch for ``brand``: the doorway spam sites build."""
    nav = "".join(f"<li>{anchor(rng, a)}</li>" for a in links)
    b = _esc(brand)

    def each(item: Callable[[int, str], str]) -> str:
        """Every paragraph in its item's markup, given its number and escaped text."""
        return "\n".join(item(i + 1, _esc(t)) for i, t in enumerate(paragraphs))

    body = each(lambda n, t: f"<p>{t}</p>")
    head = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{b}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"></head>\n<body>')
    logo = f'<a class="logo" href="http://127.0.0.1/">{b}</a>'
    if template == "hero":
        main = (f'<header class="top">{logo}</header>\n<main><section class="hero"><h1>{b}</h1>\n{body}\n'
                f'<a class="button" href="{spam_href(rng, brand)}">{b}</a></section></main>')
    elif template == "blog":
        main = (f'<header class="site-header">{logo}<nav><ul>{nav}</ul></nav></header>\n<main id="content">'
                f'<article class="post"><h1 class="entry-title">{b}</h1>\n<div class="entry-content">\n{body}\n'
                f'</div></article></main>')
    elif template == "shop":
        main = (f'<div class="wrap"><div class="bar">{logo}</div><div class="cols"><div class="side"><ul>{nav}'
                f'</ul></div>\n<div class="main"><h2>{b}</h2>\n{body}\n</div></div></div>')
    elif template == "faq":
        # Each paragraph answers a question made of the brand and a number.
        items = each(lambda n, t: f'<dt>{b} #{n}</dt><dd><p>{t}</p></dd>')
        main = (f'<div id="page"><div class="masthead">{logo}</div><section class="qa"><h1>{b}</h1>\n'
                f'<dl class="answers">\n{items}\n</dl></section><aside><ol>{nav}</ol></aside></div>')
    elif template == "cards":
        cards = each(lambda n, t: f'<div class="card"><h3>{b}</h3><p>{t}</p>'
                                  f'<a class="cta" href="{spam_href(rng, brand)}">{b}</a></div>')
        main = (f'<nav class="menu">{logo}<span>{nav.replace("<li>", "").replace("</li>", " ")}</span></nav>\n'
                f'<main class="grid">\n{cards}\n</main>')
    elif template == "steps":
        items = each(lambda n, t: f'<li class="step"><h3>{n}.</h3><p>{t}</p></li>')
        main = (f'<div class="top"><ul class="nav">{nav}</ul></div><main><h1>{b}</h1><ol class="steps">\n{items}\n'
                f'</ol><p><a class="btn" href="{spam_href(rng, brand)}">{b}</a></p></main>')
    elif template == "table":
        rows = each(lambda n, t: f'<tr><td class="n">{n}</td><td>{t}</td></tr>')
        main = f'<div class="header">{logo}</div><h1>{b}</h1><table class="info">\n{rows}\n</table><ul>{nav}</ul>'
    elif template == "divs":
        items = each(lambda n, t: f'<div class="txt">{t}</div>')
        main = (f'<div class="wrapper"><div class="logo">{b}</div>\n<div class="content">\n{items}\n</div>'
                f'<div class="links"><ul>{nav}</ul></div></div>')
    elif template == "breaks":
        text = "<br><br>\n".join(_esc(t) for t in paragraphs)
        main = f'<div id="main"><h2>{b}</h2><div class="text">{text}</div></div><div id="side"><ul>{nav}</ul></div>'
    elif template == "sections":
        heads = [*links, brand] * len(paragraphs)  # a section is headed by a link text
        items = each(lambda n, t: f'<section><h2>{_esc(heads[n - 1])}</h2><p>{t}</p></section>')
        main = f'<header>{logo}<nav><ul>{nav}</ul></nav></header><main>\n{items}\n</main>'
    else:
        raise ValueError(f"unknown landing template {template!r}")
    return f'{head}\n{main}\n<footer><p>© 2025 {b}</p></footer>\n</body></html>\n'
