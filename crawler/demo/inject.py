"""Render injected spam pieces into page slots, and say what text each one adds.

Each style renderer returns HTML for one slot plus the visible strings a cleaner must
remove. Spam links point at loopback addresses on the discard port, never a real host.
"""

from __future__ import annotations

import html
import unicodedata
import zlib
from dataclasses import dataclass, field
from typing import Callable

from .sitemodel import Spam, norm

# Hiding tricks seen on compromised sites, by name (the `css` field of a hidden piece).
HIDDEN_ATTRS = {
    "display_none": 'style="display:none"',
    "visibility_hidden": 'style="visibility: hidden;"',
    "offscreen": 'style="position:absolute;left:-9999px;top:-9999px"',
    "font_size_0": 'style="font-size:0px;line-height:0"',
    "height_0": 'style="height:0;overflow:hidden"',
    "opacity_0": 'style="opacity:0;filter:alpha(opacity=0)"',
    "text_indent": 'style="text-indent:-9999px;overflow:hidden;white-space:nowrap"',
    "hidden_attr": "hidden",
    "css_class": 'class="sr-hide"',
}
CSS_CLASS_RULE = "<style>.sr-hide{display:none !important}</style>"
# Anchor texts shorter than this are too generic to assert on one by one.
MIN_ASSERTED = 5
LINK_SEPARATORS = (" | ", " · ", ", ", "\n")


@dataclass(slots=True)
class Injected:
    """Everything one page's spam adds: slot HTML, paragraph tails, strings to remove."""

    slots: dict[str, list[str]] = field(default_factory=dict)
    appends: dict[int, str] = field(default_factory=dict)
    head: list[str] = field(default_factory=list)
    must_remove: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)

    def put(self, where: str, fragment: str) -> None:
        self.slots.setdefault(where, []).append(fragment)

    def slot(self, where: str) -> str:
        return "\n".join(self.slots.get(where, ()))

    def remove(self, *texts: str) -> None:
        for text in texts:
            t = norm(text)
            if len(t) >= MIN_ASSERTED and t not in self.must_remove:
                self.must_remove.append(t)


def spam_href(text: str) -> str:
    """Return a deterministic off-site loopback URL (127.0.0.2-250, port 9) for an anchor text.

    >>> spam_href("slot gacor")
    'http://127.0.0.230:9/go/slot-gacor'
    """
    crc = zlib.crc32(text.encode("utf-8"))
    octet = 2 + crc % 249
    ascii_text = unicodedata.normalize("NFKD", text.lower().replace("ı", "i")).encode("ascii", "ignore").decode()
    slug = "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split()) or f"{crc:08x}"
    return f"http://127.0.0.{octet}:9/go/{slug}"


def anchor(spec: str, extra: str = "") -> tuple[str, str]:
    """Render one spam anchor; ``"text|/path"`` links on-site (to a doorway page)."""
    text, _, href = spec.partition("|")
    attrs = extra if href or "rel=" in extra else f' rel="dofollow"{extra}'
    return f'<a href="{html.escape(href or spam_href(text))}"{attrs}>{html.escape(text)}</a>', text


def _anchors(spam: Spam) -> tuple[list[str], list[str]]:
    pairs = [anchor(a) for a in spam.anchors]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _text_html(spam: Spam) -> str:
    """The piece's text as HTML, with ``link`` (if any) wrapped in a spam anchor."""
    text = html.escape(spam.text)
    if spam.link:
        link_html, link_text = anchor(spam.link)
        if link_text not in spam.text:
            raise ValueError(f"link {link_text!r} is not in {spam.text!r}")
        text = text.replace(html.escape(link_text), link_html, 1)
    return text


def _content(spam: Spam, inj: Injected) -> str:
    """Inner HTML of a piece carrying anchors and/or text; records what must go."""
    parts = []
    if spam.text:
        parts.append(f"<p>{_text_html(spam)}</p>")
        inj.remove(spam.text)
    if spam.anchors:
        links, texts = _anchors(spam)
        parts.append(" ".join(links))
        inj.remove(*texts)
    return "\n".join(parts)


def glued_anchors(spam: Spam, inj: Injected) -> None:
    links, texts = _anchors(spam)
    css = "footer-links" if spam.where == "footer" else "textwidget"
    inj.put(spam.where, f'<div class="{css}">{"".join(links)}</div>')
    inj.remove("".join(texts), *texts)


def link_run(spam: Spam, inj: Injected) -> None:
    links, texts = _anchors(spam)
    title = f"<h4 class=\"widget-title\">{html.escape(spam.heading)}</h4>\n" if spam.heading else ""
    if spam.tag == "ul":
        body = '<ul class="partner-links">\n' + "\n".join(f"<li>{a}</li>" for a in links) + "\n</ul>"
    else:
        sep = LINK_SEPARATORS[len(links) % len(LINK_SEPARATORS)]
        body = f'<{spam.tag} class="tags-links">{sep.join(links)}</{spam.tag}>'
    inj.put(spam.where, f'<div class="widget widget_links">\n{title}{body}\n</div>')
    inj.remove(spam.heading, *texts)


def hidden(spam: Spam, inj: Injected) -> None:
    if spam.css == "css_class" and CSS_CLASS_RULE not in inj.head:
        inj.head.append(CSS_CLASS_RULE)
    inj.put(spam.where, f"<div {HIDDEN_ATTRS[spam.css]}>\n{_content(spam, inj)}\n</div>")


def prose(spam: Spam, inj: Injected) -> None:
    inj.put(spam.where, f"<p>{_text_html(spam)}</p>")
    inj.remove(spam.text)


def appended_sentence(spam: Spam, inj: Injected) -> None:
    inj.appends[spam.para] = " " + _text_html(spam)
    inj.remove(spam.text)


def marquee(spam: Spam, inj: Injected) -> None:
    if spam.anchors:
        links, texts = _anchors(spam)
        inner = " ★ ".join(links)
        inj.remove(*texts)
    else:
        inner = _text_html(spam)
        inj.remove(spam.text)
    inj.put(spam.where, f'<marquee behavior="scroll" direction="left" scrollamount="3">{inner}</marquee>')


def noscript(spam: Spam, inj: Injected) -> None:
    inj.put(spam.where, f"<noscript>\n{_content(spam, inj)}\n</noscript>")


def table(spam: Spam, inj: Injected) -> None:
    links, texts = _anchors(spam)
    rows = [links[i:i + 2] for i in range(0, len(links), 2)]
    cells = "\n".join("<tr>" + "".join(f"<td>{a}</td>" for a in row) + "</tr>" for row in rows)
    caption = f"<caption>{html.escape(spam.heading)}</caption>\n" if spam.heading else ""
    inj.put(spam.where, f'<table class="sponsors">\n{caption}<tbody>\n{cells}\n</tbody>\n</table>')
    inj.remove(spam.heading, *texts)


STYLES: dict[str, Callable[[Spam, Injected], None]] = {
    "glued_anchors": glued_anchors, "link_run": link_run, "hidden": hidden, "prose": prose,
    "appended_sentence": appended_sentence, "marquee": marquee, "noscript": noscript, "table": table,
}


def inject(pieces: tuple[Spam, ...]) -> Injected:
    """Render every spam piece of a page; raises KeyError on an unknown style or hiding trick."""
    inj = Injected()
    for spam in pieces:
        STYLES[spam.style](spam, inj)
        if spam.style not in inj.styles:
            inj.styles.append(spam.style)
    return inj
