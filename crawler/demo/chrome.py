"""Shared page chrome for the demo site: <head> with metadata, navigation, dates, link lists."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from .sitemodel import Article

E = html.escape
NAV = (("home", "/"), ("world", "/category/world/"), ("sport", "/category/sport/"),
       ("business", "/category/business/"), ("science", "/category/science/"), ("culture", "/category/culture/"),
       ("tr", "/tr/"), ("id", "/id/"), ("intl", "/intl/"))
LOCALES = {"en": "en_GB", "tr": "tr_TR", "id": "id_ID", "es": "es_ES", "pt": "pt_BR", "de": "de_DE",
           "fr": "fr_FR", "ru": "ru_RU", "vi": "vi_VN"}
GENERATORS = {"newsline": "WordPress 6.4.3", "magazine": "WordPress 6.5.2", "minimal": "Ghost 5.82"}
STYLE = ("<style>body{font-family:Georgia,serif;margin:0;color:#222}.site-header,.gh-head,.td-header-wrap"
         "{background:#102a43;color:#fff;padding:1em}a{color:#0b5394}.menu li,.nav li,.sf-menu li"
         "{display:inline;margin-right:1em}aside{font-size:.9em}</style>")


@dataclass(frozen=True, slots=True)
class Links:
    """Internal links a page shows besides its body: recent posts and related posts (path, title)."""

    recent: list[tuple[str, str]] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)


def human_date(iso: str, ui: dict) -> str:
    """Format an ISO date the way the language's theme prints it.

    >>> human_date("2024-05-07T09:00:00+00:00", {"months": ["x"] * 4 + ["May"], "date_format": "{month} {day}, {year}"})
    'May 7, 2024'
    """
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return ui["date_format"].format(day=day, month=ui["months"][month - 1], year=year)


def nav_html(ui: dict) -> str:
    """Return the main menu as <li> items, labelled in the page's language."""
    return "".join(f'<li class="menu-item"><a href="{href}">{E(ui["nav"][key])}</a></li>' for key, href in NAV)


def page_head(title: str, lang: str, path: str, ui: dict, og_type: str = "website", article: Article | None = None,
              extra: list[str] | None = None, robots: str = "index, follow") -> str:
    """Return the doctype, <html lang> and a <head> with the metadata a CMS would print."""
    meta = [
        '<meta charset="UTF-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{E(title)} – Example Times</title>",
        f'<meta name="robots" content="{robots}">',
        f'<meta property="og:locale" content="{LOCALES[lang]}">',
        f'<meta property="og:type" content="{og_type}">',
        f'<meta property="og:title" content="{E(title)}">',
        f'<meta property="og:url" content="{{{{BASE}}}}{E(path)}">',
        '<meta property="og:site_name" content="Example Times">',
    ]
    if article is not None:
        lead = article.body_paragraphs[0]
        meta += [
            f'<meta name="description" content="{E(lead[:155].rsplit(" ", 1)[0])}…">',
            f'<meta name="author" content="{E(article.author)}">',
            f'<meta name="generator" content="{GENERATORS[article.theme]}">',
            f'<meta property="article:published_time" content="{article.published}">',
            f'<meta property="article:section" content="{E(ui["nav"][article.section])}">',
            *(f'<meta property="article:tag" content="{E(t)}">' for t in article.tags),
        ]
    meta += [
        f'<link rel="canonical" href="{{{{BASE}}}}{E(path)}">',
        '<link rel="alternate" type="application/rss+xml" title="Example Times » Feed" href="{{BASE}}/feed.xml">',
        '<link rel="alternate" type="application/atom+xml" title="Example Times » Atom" href="{{BASE}}/atom.xml">',
        STYLE,
        *(extra or ()),
    ]
    return f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n' + "\n".join(meta) + "\n</head>"


def link_list(links: list[tuple[str, str]]) -> str:
    """Render (path, title) pairs as <li> links."""
    return "\n".join(f'<li><a href="{E(p)}">{E(t)}</a></li>' for p, t in links)
