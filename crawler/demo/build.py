"""Build the bundled demo site (site/) and its truth file (expected.json) from content/*.toml.

    python -m crawler.demo.build           # rewrite crawler/demo/site/ and expected.json
    python -m crawler.demo.build --check   # exit 1 if they differ from a fresh build

The site is committed; this is the tool that keeps pages, sitemaps, feeds and the
manifest consistent with one another. Every build re-checks the manifest against the
rendered pages and refuses to write one that lies.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Sequence

import lxml.html

from . import listings as L
from .chrome import Links
from .inject import inject
from .sitemodel import Article, load_articles, load_ui, norm, sentences
from .themes import render_article

HERE = Path(__file__).resolve().parent
SITE, MANIFEST = HERE / "site", HERE / "expected.json"
WORDS = (250, 600)
PARAGRAPHS = (4, 10)
PER_PAGE = {"home": 10, "section": 6}
SECTION_HEADINGS = {"world": "World", "sport": "Sport", "business": "Business", "science": "Science",
                    "culture": "Culture"}
EDITIONS = (("/tr/", "tr", "Türkçe haberler", ("tr",)), ("/id/", "id", "Berita Indonesia", ("id",)),
            ("/intl/", "en", "International editions", ("es", "pt", "de", "fr", "ru", "vi")))
PRIVATE_LINK = '<p class="staff-links"><a href="/private/editorial-preview/">Editorial preview (staff only)</a></p>'


def visible_text(page: str) -> str:
    """Return a page's body text as expected.json strings are written (hidden text included)."""
    doc = lxml.html.document_fromstring(page)
    for bad in doc.xpath("//script|//style|//head"):
        bad.drop_tree()
    return norm(doc.text_content())


def file_for(root: Path, path: str) -> Path:
    """Map a served path to its file: "/a/b/" -> a/b/index.html, "/a/b.html" -> a/b.html."""
    rel = path.lstrip("/")
    return root / rel / "index.html" if path.endswith("/") else root / rel


def must_keep(a: Article) -> list[str]:
    """Pick the first sentence, a middle one and the last one of the body, plus the article's own picks."""
    paras = a.body_paragraphs
    first, middle, last = sentences(paras[0]), sentences(paras[len(paras) // 2]), sentences(paras[-1])
    # Short sentences ("No todos están satisfechos.") are joined to a neighbour to stay distinctive.
    picks = [first[0] if len(first[0]) >= 40 else " ".join(first[:2]),
             middle[0] if len(middle[0]) >= 40 else " ".join(middle[:2]),
             last[-1] if len(last[-1]) >= 40 else " ".join(last[-2:]), *a.keep]
    return list(dict.fromkeys(picks))


def _recent(pool: list[Article], lang: str, exclude: str = "", n: int = 5) -> list[tuple[str, str]]:
    same = sorted([a for a in pool if a.lang == lang and a.path != exclude], key=lambda a: a.when, reverse=True)
    other = sorted([a for a in pool if a.lang != lang], key=lambda a: a.when, reverse=True)
    return [(a.path, a.title) for a in [*same, *other][:n]]


def _entry(a: Article, rendered: Any, inj: Any) -> dict[str, Any]:
    styles = list(inj.styles) + ["comment_spam"] * bool(rendered.comment_spam) + ["boilerplate"] * bool(
        rendered.boilerplate)
    promo = [sentences(p)[0] for p in a.body_paragraphs] if a.kind == "spam_page" else []
    remove = [norm(s) for s in [*promo, *inj.must_remove, *rendered.comment_spam, *rendered.boilerplate]
              if len(norm(s)) >= 5]
    return {"kind": a.kind, "lang": a.lang, "legit_gambling": a.legit_gambling,
            "must_keep": must_keep(a) if a.kind == "article" else [],
            "must_remove": list(dict.fromkeys(remove)), "styles": styles,
            "title": a.title, "theme": a.theme, "published": a.published, "via": sorted(a.via)}


def _check(a: Article, page: str, entry: dict[str, Any]) -> list[str]:
    """Return what is wrong with one rendered page and its manifest entry."""
    problems, text = [], visible_text(page)
    legit = norm(" ".join([a.title, *a.body_paragraphs, *(c.text for c in a.comments if not c.spam)]))
    for s in entry["must_keep"] + entry["must_remove"]:
        if s not in text:
            problems.append(f"not in page text: {s!r}")
    if a.kind == "article":
        problems += [f"must_remove string also in legitimate text: {s!r}" for s in entry["must_remove"] if s in legit]
        words = sum(len(p.split()) for p in a.body_paragraphs)
        if not WORDS[0] <= words <= WORDS[1] or not PARAGRAPHS[0] <= len(a.body_paragraphs) <= PARAGRAPHS[1]:
            problems.append(f"{words} words in {len(a.body_paragraphs)} paragraphs")
        if not 3 <= len(entry["must_keep"]) <= 6:
            problems.append(f"{len(entry['must_keep'])} must_keep strings")
    return [f"{a.path}: {p}" for p in problems]


def build(site: Path, manifest: Path) -> dict[str, dict[str, Any]]:
    """Render every page into ``site`` (emptied first) and write ``manifest``; raise ValueError on any lie."""
    ui = load_ui()
    articles = load_articles("article")
    pages = [*articles, *load_articles("spam_page"), *load_articles("private")]
    paths = [p.path for p in pages]
    dupes = {p for p in paths if paths.count(p) > 1}
    linkable = [a for a in articles if "links" in a.via]
    titles = {a.path: a.title for a in linkable}
    problems = [f"duplicate path {p}" for p in sorted(dupes)]
    problems += [f"{a.path}: related {r} is not a linked article" for a in pages for r in a.related if r not in titles]
    if problems:
        raise ValueError("\n".join(problems))
    shutil.rmtree(site, ignore_errors=True)
    out: dict[str, dict[str, Any]] = {}
    files: dict[Path, str] = {}
    for a in pages:
        inj = inject(a.spam)
        links = Links(recent=_recent(linkable, a.lang, exclude=a.path), related=[(r, titles[r]) for r in a.related])
        rendered = render_article(a, ui[a.lang], inj, links)
        entry = _entry(a, rendered, inj)
        problems += _check(a, rendered.html, entry)
        files[file_for(site, a.path)] = rendered.html
        out[a.path] = entry
    for listing in _listings(linkable):
        lang_ui = ui[listing.lang]
        files[file_for(site, listing.path)] = L.render_listing(listing, lang_ui, _recent(linkable, listing.lang),
                                                              _tags(linkable))
        out[listing.path] = {"kind": "listing", "lang": listing.lang, "legit_gambling": False, "must_keep": [],
                             "must_remove": [], "styles": [], "title": listing.heading, "via": ["links"]}
    files.update(_indexes(site, articles, pages))
    if problems:
        raise ValueError("\n".join(problems))
    for file, text in files.items():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, "utf-8")
    manifest.write_text(json.dumps(dict(sorted(out.items())), ensure_ascii=False, indent=1) + "\n", "utf-8")
    return out


def _tags(linkable: list[Article]) -> list[str]:
    return sorted({t for a in linkable for t in a.tags})


def _listings(linkable: list[Article]) -> list[L.Listing]:
    pages = L.paginate("/", "en", "Example Times", linkable, PER_PAGE["home"], footer_extra=PRIVATE_LINK)
    for section, heading in SECTION_HEADINGS.items():
        members = [a for a in linkable if a.section == section]
        pages += L.paginate(f"/category/{section}/", "en", f"Category: {heading}", members, PER_PAGE["section"])
    for base, lang, heading, langs in EDITIONS:
        pages += L.paginate(base, lang, heading, [a for a in linkable if a.lang in langs], PER_PAGE["section"])
    for tag in _tags(linkable):
        pages += L.paginate(f"/tag/{tag}/", "en", f"Tag: {tag}", [a for a in linkable if tag in a.tags], 50)
    return pages


def _indexes(site: Path, articles: list[Article], pages: list[Article]) -> dict[Path, str]:
    posts = [a for a in pages if "sitemap" in a.via]
    news = [a for a in articles if "news" in a.via]
    feed = [a for a in articles if "feed" in a.via]
    atom = sorted(feed, key=lambda a: a.when, reverse=True)[:8]
    return {site / "robots.txt": L.robots_txt(), site / "sitemap_index.xml": L.sitemap_index(posts, news),
            site / "sitemap-posts.xml": L.sitemap_posts(posts), site / "sitemap-news.xml": L.sitemap_news(news),
            site / "feed.xml": L.rss_feed(feed), site / "atom.xml": L.atom_feed(atom)}


def differences(a: Path, b: Path) -> list[str]:
    """List files that differ between two directory trees (relative paths)."""
    cmp = filecmp.dircmp(a, b)
    out = [*cmp.left_only, *cmp.right_only, *cmp.diff_files, *cmp.funny_files]
    for name, sub in cmp.subdirs.items():
        out += [f"{name}/{d}" for d in differences(a / name, b / name)]
    return sorted(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild the site, or with --check report whether the committed one is stale."""
    ap = argparse.ArgumentParser(prog="python -m crawler.demo.build", description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare a fresh build with the committed files")
    args = ap.parse_args(argv)
    if not args.check:
        out = build(SITE, MANIFEST)
        kinds = {k: sum(e["kind"] == k for e in out.values()) for k in ("article", "spam_page", "listing", "private")}
        print(f"wrote {SITE} and {MANIFEST.name}: {kinds}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / "site", Path(tmp) / "expected.json")
        stale = differences(SITE, Path(tmp) / "site")
        if (Path(tmp) / "expected.json").read_bytes() != MANIFEST.read_bytes():
            stale.append("expected.json")
    for name in stale:
        print(f"stale: {name}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
