"""Render an article page in one of three CMS themes: newsline, magazine, minimal.

newsline imitates a classic WordPress theme (entry-content, comment-respond form),
magazine a WordPress news theme (td-* blocks, newsletter box, cookie bar), minimal a
Ghost-like HTML5 theme (gh-content, h-entry). Chrome shared with the listings lives in
``chrome.py``, the comment/share/newsletter blocks in ``blocks.py``; spam fragments
come from ``inject.py`` through named slots.
"""

from __future__ import annotations

import html

from . import blocks as B
from .blocks import Rendered
from .chrome import Links, human_date, link_list, nav_html, page_head
from .inject import Injected
from .sitemodel import Article

E = html.escape
DEFAULT_BOILERPLATE = {
    "newsline": ("comment_form", "share", "credits", "copyright"),
    "magazine": ("comment_form", "share", "subscribe", "cookie", "credits", "copyright", "notice"),
    "minimal": ("subscribe", "credits", "copyright", "notice"),
}
CREDITS = {
    "newsline": "Proudly powered by WordPress | Theme: Newsline by Example Themes.",
    "magazine": "Theme: Magazine Pro by ThemeForge | Powered by WordPress",
    "minimal": "Published with Ghost",
}


def render_article(a: Article, ui: dict, inj: Injected, links: Links) -> Rendered:
    """Render one article page; the result lists the boilerplate lines it printed."""
    r = Rendered("")
    bp = set(a.boilerplate if a.boilerplate is not None else DEFAULT_BOILERPLATE[a.theme])
    parts = {
        "comments": B.comments(a, ui, r, "article" if a.theme == "newsline" else "div"),
        "form": B.comment_form(ui, r, button=a.theme != "newsline") if "comment_form" in bp else "",
        "share": B.share(ui, r, "sharedaddy sd-sharing-enabled" if a.theme == "newsline" else "td-post-sharing")
        if "share" in bp else "",
        "subscribe": B.subscribe(ui, r) if "subscribe" in bp else "",
        "cookie": B.cookie(ui, r) if "cookie" in bp else "",
        "copyright": f'<p class="copyright">{E(B.copyright_line(a.theme, ui, r))}</p>' if "copyright" in bp else "",
        "credits": "",
        "notice": B.notice(ui, r) if "notice" in bp else "",
    }
    if "credits" in bp:
        r.boilerplate.append(CREDITS[a.theme])
        parts["credits"] = CREDIT_HTML[a.theme]
    body = THEMES[a.theme](a, ui, inj, links, parts)
    head = page_head(a.title, a.lang, a.path, ui, og_type="article", article=a, extra=inj.head)
    r.html = f"{head}\n{body}\n</html>\n"
    return r


CREDIT_HTML = {
    "newsline": 'Proudly powered by <a href="/">WordPress</a><span class="sep"> | </span>Theme: Newsline by '
                '<a href="/" rel="designer">Example Themes</a>.',
    "magazine": 'Theme: Magazine Pro by <a href="/">ThemeForge</a> | Powered by <a href="/">WordPress</a>',
    "minimal": '<a href="/" target="_blank" rel="noopener">Published with Ghost</a>',
}


def _newsline(a: Article, ui: dict, inj: Injected, links: Links, p: dict[str, str]) -> str:
    date = f'<time class="entry-date published" datetime="{a.published}">{human_date(a.published, ui)}</time>'
    tags = "".join(f' <a href="/tag/{t}/" rel="tag">{E(t)}</a>' for t in a.tags)
    tag_line = f'<span class="tags-links">{E(ui["tagged"])}{tags}</span>' if tags else ""
    related = (f'<div class="related-posts"><h3>{E(ui["related"])}</h3><ul>\n{link_list(links.related)}\n</ul></div>'
               if links.related else "")
    return f"""<body class="post-template-default single single-post single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/" rel="home">Example Times</a></p>
<p class="site-description">{E(ui["site_description"])}</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{nav_html(ui)}</ul></nav>
{inj.slot("header")}
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry category-{a.section}">
<header class="entry-header"><h1 class="entry-title">{E(a.title)}</h1>
<div class="entry-meta"><span class="posted-on">{E(ui["posted_on"])} <a href="{a.path}" rel="bookmark">{date}</a></span>
<span class="byline"> {E(ui["by"])} <span class="author vcard"><span class="fn n">{E(a.author)}</span></span></span></div>
</header>
<div class="entry-content">
{B.body(a, inj)}
{p["share"]}
</div>
<footer class="entry-footer"><span class="cat-links">{E(ui["posted_in"])} <a href="/category/{a.section}/" rel="category tag">{E(ui["nav"][a.section])}</a></span>
{tag_line}</footer>
</article>
{related}
{inj.slot("after_article")}
<div id="comments" class="comments-area">
{p["comments"]}
{p["form"]}
</div>
</main></div>
<aside id="secondary" class="widget-area">
<section class="widget widget_search"><form role="search" method="get" action="/"><label>{E(ui["search"])} <input type="search" name="s"></label></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">{E(ui["recent"])}</h2><ul>
{link_list(links.recent)}
</ul></section>
{p["subscribe"]}
{inj.slot("sidebar")}
</aside>
</div>
<footer id="colophon" class="site-footer">
{inj.slot("footer")}
<div class="site-info">{p["credits"]}</div>
{p["copyright"]}
</footer>
</div>
{p["cookie"]}
{inj.slot("body_end")}
</body>"""


def _magazine(a: Article, ui: dict, inj: Injected, links: Links, p: dict[str, str]) -> str:
    tags = "".join(f'<li><a href="/tag/{t}/">{E(t)}</a></li>' for t in a.tags)
    related = "".join(f'<div class="td_module_related_posts"><h3 class="entry-title td-module-title">'
                      f'<a href="{E(path)}" rel="bookmark">{E(t)}</a></h3></div>' for path, t in links.related)
    return f"""<body class="post-template-default single td-standard-pack global-block-template-1">
<div class="td-scroll-up"></div>
<div id="td-outer-wrap" class="td-theme-wrap">
<div class="td-header-wrap td-header-style-1">
<div class="td-header-top-menu"><div class="td_data_time">{human_date(a.published, ui)}</div></div>
{inj.slot("header")}
<div class="td-header-logo"><a class="td-main-logo" href="/"><span class="td-logo-text">Example Times</span></a></div>
<div class="td-header-menu-wrap"><nav id="td-header-menu" role="navigation"><ul class="sf-menu">{nav_html(ui)}</ul></nav></div>
</div>
<div class="td-main-content-wrap td-container-wrap"><div class="td-container">
<div class="td-crumb-container"><div class="entry-crumbs"><span><a href="/" class="entry-crumb">{E(ui["nav"]["home"])}</a></span> <i class="td-bread-sep"></i> <span><a href="/category/{a.section}/" class="entry-crumb">{E(ui["nav"][a.section])}</a></span></div></div>
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<article class="post type-post status-publish format-standard">
<div class="td-post-header">
<ul class="td-category"><li class="entry-category"><a href="/category/{a.section}/">{E(ui["nav"][a.section])}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">{E(a.title)}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">{E(ui["by"])}</div> <span class="td-author-name">{E(a.author)}</span><div class="td-author-line"> - </div></div>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{a.published}">{human_date(a.published, ui)}</time></span></div>
</header></div>
<div class="td-post-content tagdiv-type">
{B.body(a, inj)}
{p["notice"]}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix">{tags}</ul></div>
{p["share"]}</footer>
</article>
<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title"><span>{E(ui["related"])}</span></h4>{related}</div>
{inj.slot("after_article")}
<div class="comments" id="comments">
{p["comments"]}
{p["form"]}
</div>
</div></div>
<div class="td-pb-span4 td-main-sidebar" role="complementary"><aside class="td-ss-main-sidebar">
{p["subscribe"]}
<div class="td_block_wrap td_block_popular"><h4 class="block-title"><span>{E(ui["recent"])}</span></h4><ul>
{link_list(links.recent)}
</ul></div>
{inj.slot("sidebar")}
</aside></div>
</div></div></div>
<div class="td-footer-wrapper td-container-wrap">
{inj.slot("footer")}
<div class="td-sub-footer-container"><div class="td-sub-footer-copy">{p["copyright"]}</div>
<div class="td-sub-footer-menu">{p["credits"]}</div></div>
</div>
</div>
{p["cookie"]}
{inj.slot("body_end")}
</body>"""


def _minimal(a: Article, ui: dict, inj: Injected, links: Links, p: dict[str, str]) -> str:
    words = sum(len(x.split()) for x in a.body_paragraphs)
    cards = "\n".join(f'<div class="post-card"><h3 class="post-card-title"><a class="post-card-content-link" '
                      f'href="{E(path)}">{E(t)}</a></h3></div>' for path, t in [*links.related, *links.recent][:4])
    return f"""<body class="post-template tag-{a.section}">
<div class="viewport">
<header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner">
<div class="gh-head-brand"><a class="gh-head-logo" href="/">Example Times</a></div>
<nav class="gh-head-menu"><ul class="nav">{nav_html(ui)}</ul></nav>
</div>{inj.slot("header")}</header>
<div class="site-content">
<main id="site-main" class="site-main">
<article class="article post h-entry">
<header class="article-header gh-canvas">
<div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/category/{a.section}/">{E(ui["nav"][a.section])}</a></span></div>
<h1 class="article-title p-name">{E(a.title)}</h1>
<div class="article-byline"><div class="article-byline-content"><div class="article-byline-meta">
<h4 class="author-name"><span class="p-author">{E(a.author)}</span></h4>
<div class="byline-meta-content"><time class="byline-meta-date dt-published" datetime="{a.published}">{human_date(a.published, ui)}</time>
<span class="byline-reading-time"><span class="bull">•</span> {max(1, words // 200)} {E(ui["min_read"])}</span></div>
</div></div></div>
</header>
<section class="gh-content gh-canvas e-content">
{B.body(a, inj)}
{p["notice"]}
</section>
</article>
{inj.slot("after_article")}
<section class="article-comments gh-canvas" id="comments">
{p["comments"]}
{p["form"]}
</section>
<section class="footer-cta outer"><div class="inner">{p["subscribe"]}</div></section>
</main>
<aside class="read-more-wrap outer"><div class="read-more inner">
<h3 class="read-more-title">{E(ui["read_more"])}</h3>
{cards}
{inj.slot("sidebar")}
</div></aside>
</div>
<footer class="site-footer outer"><div class="inner">
{inj.slot("footer")}
<section class="copyright">{p["copyright"]}</section>
<nav class="site-footer-nav"><a href="/">{E(ui["nav"]["home"])}</a></nav>
<div class="gh-powered-by">{p["credits"]}</div>
</div></footer>
</div>
{p["cookie"]}
{inj.slot("body_end")}
</body>"""


THEMES = {"newsline": _newsline, "magazine": _magazine, "minimal": _minimal}
