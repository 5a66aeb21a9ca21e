"""Load the demo site's content sources (content/*.toml) into frozen values.

Only the site builder uses this; the server never reads content/.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

CONTENT = Path(__file__).resolve().parent / "content"
LANGUAGES = ("en", "tr", "id", "es", "pt", "de", "fr", "ru", "vi")
THEMES = ("newsline", "magazine", "minimal")
SECTIONS = ("world", "sport", "business", "science", "culture")
# How a crawler can find an article: listing/related links, sitemap-posts, sitemap-news, feeds.
ROUTES = frozenset({"links", "sitemap", "news", "feed"})
# A sentence ends at . ! ? or … (maybe a closing quote) and whitespace, when the next
# sentence starts upper-case or with a digit. Good enough for picking must_keep sentences.
SENTENCE_END = re.compile(r"[.!?…][”»\"’)]?\s+")
OPENERS = "„“«\"(¿¡"


@dataclass(frozen=True, slots=True)
class Spam:
    """One injected spam piece: a style, where it goes, and its anchors or text."""

    style: str
    where: str = "footer"
    anchors: tuple[str, ...] = ()
    text: str = ""
    link: str = ""  # a substring of ``text`` to wrap in a spam anchor
    css: str = ""  # hidden: which hiding trick
    tag: str = "div"  # link_run: ul | div | p
    heading: str = ""
    para: int = -1  # appended_sentence: index of the paragraph to extend


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment; ``spam`` comments are injected, the others are genuine."""

    author: str
    date: str
    text: str
    spam: bool = False
    link: bool = False  # the author name links to a (loopback) spam site


@dataclass(frozen=True, slots=True)
class Article:
    """One article page as written in content/<lang>.toml."""

    path: str
    lang: str
    theme: str
    section: str
    title: str
    author: str
    published: str
    paragraphs: tuple[str, ...]
    tags: tuple[str, ...] = ()
    via: frozenset[str] = frozenset({"links", "sitemap"})
    legit_gambling: bool = False
    related: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    spam: tuple[Spam, ...] = ()
    comments: tuple[Comment, ...] = ()
    boilerplate: tuple[str, ...] | None = None  # None: the theme's default set
    kind: str = "article"

    @property
    def body_paragraphs(self) -> list[str]:
        """Paragraph texts without sub-headings ("## ") and quote markers ("> ")."""
        return [p.removeprefix("> ") for p in self.paragraphs if not p.startswith("## ")]

    @property
    def when(self) -> datetime:
        """Publication time as an aware datetime (ISO strings with offsets do not sort)."""
        return datetime.fromisoformat(self.published)


def norm(text: str) -> str:
    """Collapse whitespace to single spaces, as expected.json strings are written.

    >>> norm("  a\\n  b ")
    'a b'
    """
    return re.sub(r"\s+", " ", text).strip()


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (heuristic; never loses text).

    >>> sentences("It rained. Then “it stopped.” 3 people left!")
    ['It rained.', 'Then “it stopped.”', '3 people left!']
    """
    text, out, start = norm(paragraph), [], 0
    for m in SENTENCE_END.finditer(text):
        following = text[m.end():].lstrip(OPENERS)[:1]
        if following.isupper() or following.isdigit():
            out.append(text[start:m.end()].strip())
            start = m.end()
    return [*out, text[start:]] if text[start:] else out


def _spam(raw: dict[str, Any], runs: dict[str, list[str]]) -> Spam:
    data = dict(raw)
    anchors = list(data.pop("anchors", []))
    for name in data.pop("runs", []):
        anchors += runs[name]
    return Spam(anchors=tuple(anchors), **data)


def load_ui() -> dict[str, dict[str, Any]]:
    """Return theme strings per language from content/ui.toml."""
    return tomllib.loads((CONTENT / "ui.toml").read_text("utf-8"))


def load_runs() -> dict[str, list[str]]:
    """Return the named spam anchor runs from content/spam.toml."""
    return tomllib.loads((CONTENT / "spam.toml").read_text("utf-8"))["runs"]


def load_articles(kind: str = "article") -> list[Article]:
    """Load every [[article]] of content/articles/*.toml (or doorway pages), validated."""
    runs = load_runs()
    folder = {"article": "articles", "spam_page": "doorways", "private": "private"}[kind]
    out = []
    for file in sorted((CONTENT / folder).glob("*.toml")):
        for raw in tomllib.loads(file.read_text("utf-8"))["article"]:
            out.append(_article(raw, runs, kind, file.name))
    return out


def _article(raw: dict[str, Any], runs: dict[str, list[str]], kind: str, source: str) -> Article:
    data = dict(raw)
    data["paragraphs"] = tuple(norm(p) for p in data["paragraphs"])
    for key in ("tags", "related", "keep"):
        data[key] = tuple(data.get(key, ()))
    if "boilerplate" in data:
        data["boilerplate"] = tuple(data["boilerplate"])
    data["via"] = frozenset(data.get("via", ("links", "sitemap")))
    data["spam"] = tuple(_spam(s, runs) for s in data.get("spam", ()))
    data["comments"] = tuple(Comment(**c) for c in data.get("comments", ()))
    article = Article(kind=kind, **data)
    problems = [
        f"unknown lang {article.lang}" * (article.lang not in LANGUAGES),
        f"unknown theme {article.theme}" * (article.theme not in THEMES),
        f"unknown section {article.section}" * (article.section not in SECTIONS),
        f"unknown route in {sorted(article.via)}" * bool(article.via - ROUTES),
        "path must start with /" * (not article.path.startswith("/")),
    ]
    problems = [p for p in problems if p]
    if problems:
        raise ValueError(f"{source}: {article.path}: {'; '.join(problems)}")
    return article
