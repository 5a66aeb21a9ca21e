"""Render the demo site's navigation surfaces: listing pages, robots.txt, sitemaps and feeds.

Absolute URLs are written with the ``{{BASE}}`` placeholder that the server replaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from .chrome import E, human_date, link_list, nav_html, page_head
from .sitemodel import Article, sentences

BASE = "{{BASE}}"
# XML namespace names are identifiers that no client fetches; they are the only
# non-loopback URLs in the site (tests/test_demo_site.py allows exactly these).
NS_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NS_NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS_ATOM = "http://www.w3.org/2005/Atom"
XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>'


@dataclass(frozen=True, slots=True)
class Listing:
    """One listing page: where it is, its heading, the articles on it, and its neighbours."""

    path: str
    lang: str
    heading: str
    articles: tuple[Article, ...]
    prev: str = ""
    next: str = ""
    footer_extra: str = ""


def paginate(base: str, lang: str, heading: str, articles: list[Article], per_page: int,
             footer_extra: str = "") -> list[Listing]:
    """Split ``articles`` into pages at ``base``, ``base``page/2/, ...; newest first."""
    ordered = sorted(articles, key=lambda a: a.when, reverse=True)
    chunks = [ordered[i:i + per_page] for i in range(0, len(ordered), per_page)] or [[]]
    path = lambda n: base if n == 1 else f"{base}page/{n}/"  # noqa: E731
    return [Listing(path(n), lang, heading, tuple(chunk), path(n - 1) if n > 1 else "",
                    path(n + 1) if n < len(chunks) else "", footer_extra if n == 1 else "")
            for n, chunk in enumerate(chunks, start=1)]


def excerpt(a: Article, words: int = 30) -> str:
    """Return the teaser a listing shows: the lead sentence, cut to ``words`` words."""
    lead = sentences(a.body_paragraphs[0])[0].split()
    return " ".join(lead[:words]) + (" […]" if len(lead) > words else "")


def render_listing(page: Listing, ui: dict, recent: list[tuple[str, str]], tags: list[str]) -> str:
    """Render a listing page (archive theme): teasers as <article> blocks plus pagination."""
    teasers = "\n".join(
        f'<article class="post type-post hentry category-{a.section}">\n'
        f'<header class="entry-header"><h2 class="entry-title"><a href="{E(a.path)}" rel="bookmark">{E(a.title)}</a></h2>\n'
        f'<div class="entry-meta"><time class="entry-date published" datetime="{a.published}">'
        f'{human_date(a.published, ui)}</time> · <span class="author">{E(a.author)}</span></div></header>\n'
        f'<div class="entry-summary"><p>{E(excerpt(a))}</p></div>\n'
        f'<footer class="entry-footer"><a class="more-link" href="{E(a.path)}">{E(ui["read_more"])}</a></footer>\n'
        "</article>" for a in page.articles)
    nav = []
    if page.prev:
        nav.append(f'<a class="prev page-numbers" href="{page.prev}">{E(ui["newer"])}</a>')
    if page.next:
        nav.append(f'<a class="next page-numbers" href="{page.next}">{E(ui["older"])}</a>')
    cloud = " ".join(f'<a href="/tag/{t}/" class="tag-cloud-link">{E(t)}</a>' for t in tags)
    head = page_head(page.heading, page.lang, page.path, ui)
    return f"""{head}
<body class="archive blog">
<div id="page" class="site">
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/" rel="home">Example Times</a></p>
<p class="site-description">{E(ui["site_description"])}</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{nav_html(ui)}</ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<header class="page-header"><h1 class="page-title">{E(page.heading)}</h1></header>
{teasers}
<nav class="navigation pagination" aria-label="Posts"><div class="nav-links">{" ".join(nav)}</div></nav>
</main></div>
<aside id="secondary" class="widget-area">
<section class="widget widget_recent_entries"><h2 class="widget-title">{E(ui["recent"])}</h2><ul>
{link_list(recent)}
</ul></section>
<section class="widget widget_tag_cloud"><div class="tagcloud">{cloud}</div></section>
</aside>
</div>
<footer id="colophon" class="site-footer">
{page.footer_extra}
<div class="site-info">Proudly powered by <a href="/">WordPress</a><span class="sep"> | </span>Theme: Newsline by <a href="/">Example Themes</a>.</div>
<p class="copyright">{E(ui["copyright"])}</p>
</footer>
</div>
</body>
</html>
"""


def robots_txt() -> str:
    """Return robots.txt: /private/ is off limits; the sitemap index is announced."""
    return ("User-agent: *\nDisallow: /private/\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
            f"Sitemap: {BASE}/sitemap_index.xml\n")


def sitemap_index(posts: list[Article], news: list[Article]) -> str:
    """Return the sitemap index naming sitemap-posts.xml and sitemap-news.xml."""
    entries = [(f"{BASE}/sitemap-posts.xml", max(posts, key=lambda a: a.when).published),
               (f"{BASE}/sitemap-news.xml", max(news, key=lambda a: a.when).published)]
    body = "\n".join(f"<sitemap>\n<loc>{loc}</loc>\n<lastmod>{mod}</lastmod>\n</sitemap>" for loc, mod in entries)
    return f'{XML_DECL}\n<sitemapindex xmlns="{NS_SITEMAP}">\n{body}\n</sitemapindex>\n'


def sitemap_posts(posts: list[Article]) -> str:
    """Return a regular URL sitemap with lastmod, newest first."""
    body = "\n".join(f"<url>\n<loc>{BASE}{E(a.path)}</loc>\n<lastmod>{a.published}</lastmod>\n</url>"
                     for a in sorted(posts, key=lambda a: a.when, reverse=True))
    return f'{XML_DECL}\n<urlset xmlns="{NS_SITEMAP}">\n{body}\n</urlset>\n'


def sitemap_news(news: list[Article]) -> str:
    """Return a Google News sitemap (news:news with publication, date and title)."""
    body = "\n".join(
        f"<url>\n<loc>{BASE}{E(a.path)}</loc>\n<news:news>\n<news:publication>\n<news:name>Example Times</news:name>\n"
        f"<news:language>{a.lang}</news:language>\n</news:publication>\n"
        f"<news:publication_date>{a.published}</news:publication_date>\n<news:title>{E(a.title)}</news:title>\n"
        "</news:news>\n</url>" for a in sorted(news, key=lambda a: a.when, reverse=True))
    return f'{XML_DECL}\n<urlset xmlns="{NS_SITEMAP}" xmlns:news="{NS_NEWS}">\n{body}\n</urlset>\n'


def _rfc822(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso))


def rss_feed(items: list[Article]) -> str:
    """Return an RSS 2.0 feed of ``items``, newest first."""
    items = sorted(items, key=lambda a: a.when, reverse=True)
    body = "\n".join(
        f"<item>\n<title>{E(a.title)}</title>\n<link>{BASE}{E(a.path)}</link>\n"
        f"<pubDate>{_rfc822(a.published)}</pubDate>\n<category>{a.section}</category>\n"
        f'<guid isPermaLink="true">{BASE}{E(a.path)}</guid>\n'
        f"<description>{E(excerpt(a))}</description>\n</item>" for a in items)
    return (f'{XML_DECL}\n<rss version="2.0">\n<channel>\n<title>Example Times</title>\n<link>{BASE}/</link>\n'
            "<description>News from everywhere, every day</description>\n<language>en</language>\n"
            f"<lastBuildDate>{_rfc822(items[0].published)}</lastBuildDate>\n<generator>WordPress 6.4.3</generator>\n"
            f"{body}\n</channel>\n</rss>\n")


def atom_feed(items: list[Article]) -> str:
    """Return an Atom feed of ``items``, newest first."""
    items = sorted(items, key=lambda a: a.when, reverse=True)
    body = "\n".join(
        f'<entry>\n<title>{E(a.title)}</title>\n<link rel="alternate" type="text/html" href="{BASE}{E(a.path)}"/>\n'
        f"<id>{BASE}{E(a.path)}</id>\n<published>{a.published}</published>\n<updated>{a.published}</updated>\n"
        f"<author><name>{E(a.author)}</name></author>\n<summary>{E(excerpt(a))}</summary>\n</entry>"
        for a in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{NS_ATOM}" xml:lang="en">\n'
            f'<title>Example Times</title>\n<id>{BASE}/atom.xml</id>\n<link rel="self" href="{BASE}/atom.xml"/>\n'
            f'<link rel="alternate" type="text/html" href="{BASE}/"/>\n<updated>{items[0].published}</updated>\n'
            f"{body}\n</feed>\n")

