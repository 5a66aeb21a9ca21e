"""The bundled demo site, its truth file and its loopback server, checked over real HTTP."""

from __future__ import annotations

import doctest
import http.client
import importlib
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import lxml.html
import pytest

from crawler.demo.build import build, differences, file_for
from crawler.demo.server import DEMO_SITE, SiteServer

REPO = Path(__file__).resolve().parents[1]
EXPECTED: dict[str, dict] = json.loads((REPO / "crawler" / "demo" / "expected.json").read_text("utf-8"))
STYLES = {"glued_anchors", "link_run", "hidden", "prose", "appended_sentence", "comment_spam", "marquee",
          "noscript", "table", "boilerplate"}
KINDS = {"article", "listing", "spam_page", "private"}
# XML namespace names are identifiers no client fetches; the only non-loopback URLs allowed.
NAMESPACES = {"http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.google.com/schemas/sitemap-news/0.9",
              "http://www.w3.org/2005/Atom"}
URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""", re.I)
ATTR = re.compile(r"""\b(?:href|src|action|srcset|poster|data)\s*=\s*["']([^"']*)["']""", re.I)
XMLNS = re.compile(r"""xmlns(?::\w+)?\s*=\s*["']([^"']*)["']""")
ARTICLES = {p: e for p, e in EXPECTED.items() if e["kind"] == "article"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _text(page: str) -> str:
    doc = lxml.html.document_fromstring(page)
    for el in doc.xpath("//script|//style|//head"):
        el.drop_tree()
    return _norm(doc.text_content())


def _get(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    try:
        with urlopen(Request(url, method=method), timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def _raw(server: SiteServer, target: str, method: str = "GET") -> tuple[int, bytes, str | None]:
    """Send ``target`` byte for byte (urllib would normalise it)."""
    host, port = urlsplit(server.url).hostname, urlsplit(server.url).port
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        conn.endheaders()
        r = conn.getresponse()
        return r.status, r.read(), r.getheader("Location")
    finally:
        conn.close()


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    with SiteServer() as server:
        yield server


def test_home_article_robots_sitemaps_and_feeds(site: SiteServer) -> None:
    status, headers, body = _get(site.url + "/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert b"Example Times" in body and b"{{BASE}}" not in body
    assert f'href="{site.url}/'.encode() in body  # canonical/feed links carry the real port
    path, want = next(iter(ARTICLES.items()))
    status, _, body = _get(site.url + path)
    assert status == 200 and want["must_keep"][0] in _text(body.decode())
    status, headers, robots = _get(site.url + "/robots.txt")
    assert headers["content-type"] == "text/plain; charset=utf-8"
    assert "Disallow: /private/" in robots.decode() and f"Sitemap: {site.url}/sitemap_index.xml" in robots.decode()
    status, headers, index = _get(site.url + "/sitemap_index.xml")
    assert status == 200 and headers["content-type"] == "application/xml" and site.url.encode() in index
    locs = [e.text for e in ET.fromstring(index).iter() if e.tag.endswith("loc")]
    assert locs == [site.url + "/sitemap-posts.xml", site.url + "/sitemap-news.xml"]
    for loc in locs:
        urls = [e.text for e in ET.fromstring(_get(loc)[2]).iter() if e.tag.endswith("}loc")]
        assert urls and all(_get(u, "HEAD")[0] == 200 for u in urls)
    status, headers, rss = _get(site.url + "/feed.xml")
    assert status == 200 and headers["content-type"] == "application/rss+xml"
    assert all(_get(link.text, "HEAD")[0] == 200 for link in ET.fromstring(rss).iter("link"))
    assert _get(site.url + "/atom.xml")[1]["content-type"] == "application/atom+xml"


def test_missing_pages_head_redirects_and_methods(site: SiteServer) -> None:
    assert _get(site.url + "/no/such/page/")[0] == 404
    assert _get(site.url + "/2024/")[0] == 404  # a directory without index.html: no listing
    status, headers, body = _get(site.url + "/", "HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 1000
    status, _, location = _raw(site, "/category/world")
    assert status == 301 and location == "/category/world/"
    assert _raw(site, "/", "POST")[0] == 405
    assert ("HEAD", "/", 200) in site.requests and ("GET", "/no/such/page/", 404) in site.requests


def _conditional(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    names = {"inm": "If-None-Match", "ims": "If-Modified-Since"}
    try:
        with urlopen(Request(url, headers={names[k]: v for k, v in headers.items()}), timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def test_validators_and_conditional_requests() -> None:
    with SiteServer() as site:
        page = "/2024/06/heatwave-warning-extended/"
        status, headers, body = _get(site.url + page)
        etag, modified = headers["etag"], headers["last-modified"]
        assert status == 200 and etag.startswith('"') and modified.endswith(" GMT")
        assert _conditional(site.url + page, inm=etag)[:3:2] == (304, b"")
        assert _conditional(site.url + page, inm='"other", ' + etag)[0] == 304
        assert _conditional(site.url + page, ims=modified)[0] == 304
        assert _conditional(site.url + page, ims="not a date")[0] == 200
        # If-None-Match decides alone when both are sent (RFC 9110 13.2.2).
        assert _conditional(site.url + page, inm='"other"', ims=modified)[0] == 200
        site.change(page, body.replace(b"</p>", b" Updated at noon.</p>", 1))
        status, headers, changed = _conditional(site.url + page, inm=etag, ims=modified)
        assert status == 200 and headers["etag"] != etag and b"Updated at noon." in changed
        assert _conditional(site.url + page, ims=modified)[0] == 200  # strictly later than before
        assert _conditional(site.url + page, ims=headers["last-modified"])[0] == 304
        site.send_validators = False
        status, headers, _ = _conditional(site.url + page, inm=headers["etag"])
        assert status == 200 and "etag" not in headers and "last-modified" not in headers
        assert site.validators[1] == (page, etag, None, 304)


@pytest.mark.parametrize("target", [
    "/../server.py", "/../../../../etc/passwd", "/%2e%2e/server.py", "/%2e%2e/%2e%2e/etc/passwd",
    "/..%2fserver.py", "/category/../../server.py", "/%2e%2e%5cserver.py", "//etc/passwd", "/etc/passwd%00.html",
])
def test_path_traversal_is_rejected(site: SiteServer, target: str) -> None:
    status, body, _ = _raw(site, target)
    assert status == 404 and b"SiteServer" not in body and b"root:" not in body


def test_generated_section_is_deterministic() -> None:
    with SiteServer(root=None, generated_pages=120) as a, SiteServer(root=None, generated_pages=120) as b:
        first = _get(a.url + "/gen/article-42.html")
        assert first[0] == 200 and first[2] == _get(a.url + "/gen/article-42.html")[2] == _get(
            b.url + "/gen/article-42.html")[2]
        assert 2500 <= len(first[2]) <= 6500 and b'property="og:type" content="article"' in first[2]
        assert b"/gen/list-0.html" in _get(a.url + "/")[2]
        listing = _get(a.url + "/gen/list-0.html")[2].decode()
        assert len(re.findall(r'href="/gen/article-\d+\.html"', listing)) == 50
        assert 'href="/gen/list-1.html"' in listing
        last = _get(a.url + "/gen/list-2.html")[2].decode()
        assert len(re.findall(r'href="/gen/article-\d+\.html"', last)) == 20 and "list-3" not in last
        assert _get(a.url + "/gen/article-120.html")[0] == 404 and _get(a.url + "/gen/list-3.html")[0] == 404
        assert _raw(a, "/gen/")[0] == 301 and _get(a.url + "/robots.txt")[0] == 404
        spam = sum(b"footer-widgets" in _get(a.url + f"/gen/article-{i}.html")[2] for i in range(20))
        assert 0 < spam < 20
    with SiteServer(generated_pages=3) as both:
        assert _get(both.url + "/gen/article-2.html")[0] == 200 and b"Example Times" in _get(both.url + "/")[2]


def test_server_command_prints_its_url() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "crawler.demo.server", "--port", "0"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url)
        assert _get(url)[0] == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert proc.stderr.read() == ""  # requests are not logged to stderr


def test_manifest_covers_the_brief() -> None:
    kinds = [e["kind"] for e in EXPECTED.values()]
    assert set(kinds) <= KINDS and kinds.count("spam_page") == 2 and "private" in kinds
    assert len(ARTICLES) >= 32
    langs = {e["lang"] for e in ARTICLES.values()}
    assert len(langs) >= 6 and sum(e["lang"] == "en" for e in ARTICLES.values()) >= 3
    assert sum(e["lang"] == "tr" for e in ARTICLES.values()) >= 3
    legit = [e for e in ARTICLES.values() if e["legit_gambling"]]
    assert len(legit) >= 5 and len({e["lang"] for e in legit}) >= 3
    assert any(set(e["styles"]) - {"boilerplate"} for e in legit)  # legit pages carry spam too
    styles = [s for e in EXPECTED.values() for s in e["styles"]]
    assert set(styles) == STYLES
    clean = [p for p, e in ARTICLES.items() if set(e["styles"]) <= {"boilerplate"}]
    assert 2 <= len(clean) <= len(ARTICLES) // 4
    for path, e in ARTICLES.items():
        assert 3 <= len(e["must_keep"]) <= 6, path
        assert not [r for r in e["must_remove"] for k in e["must_keep"] if r in k], path


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_manifest_strings_are_in_the_page(path: str) -> None:
    want = EXPECTED[path]
    file = file_for(DEMO_SITE, path)
    assert file.is_file(), path
    page = file.read_text("utf-8")
    text = _text(page)
    assert f'<html lang="{want["lang"]}">' in page
    for s in want["must_keep"] + want["must_remove"]:
        assert s == _norm(s) and s in text, s


def test_every_manifest_page_is_served(site: SiteServer) -> None:
    for path in EXPECTED:
        assert _get(site.url + path, "HEAD")[0] == 200, path


def _site_files() -> list[Path]:
    return sorted(p for p in DEMO_SITE.rglob("*") if p.is_file())


def test_every_url_in_the_site_is_loopback() -> None:
    offenders = []
    for file in _site_files():
        text = file.read_text("utf-8").replace("{{BASE}}", "http://127.0.0.1:8000")
        namespaces = set(XMLNS.findall(text))
        assert namespaces <= NAMESPACES, (file, namespaces - NAMESPACES)
        text = XMLNS.sub("", text)
        for url in [*URL.findall(text), *ATTR.findall(text)]:
            if not url.startswith("//") and not re.match(r"https?:", url, re.I):
                continue  # relative, fragment or mailto-free: stays on the page's host
            host = urlsplit(url if "://" in url else "http:" + url).hostname or ""
            if not (host == "localhost" or re.fullmatch(r"127(\.\d{1,3}){3}", host)):
                offenders.append(f"{file.relative_to(DEMO_SITE)}: {url}")
    assert not offenders, offenders[:20]
    assert len(_site_files()) > 60


def test_internal_links_resolve_and_routes_match_the_manifest() -> None:
    linked: set[str] = set()
    for file in _site_files():
        if file.suffix == ".html":
            own = "/" + str(file.relative_to(DEMO_SITE)).removesuffix("index.html")
            hrefs = {h.split("#")[0] for h in ATTR.findall(file.read_text("utf-8")) if h.startswith("/")}
            linked |= hrefs - {own}  # a permalink to itself does not make a page reachable
    linked.discard("")
    linked -= {"/wp-comments-post.php", "/newsletter/"}  # form actions, not links
    assert not [h for h in linked if not file_for(DEMO_SITE, h).is_file()]
    sitemap = (DEMO_SITE / "sitemap-posts.xml").read_text("utf-8")
    feed = (DEMO_SITE / "feed.xml").read_text("utf-8")
    for path, e in EXPECTED.items():
        assert (path in linked) == ("links" in e["via"]), path
        if e["kind"] == "article":
            assert (f"{{{{BASE}}}}{path}<" in sitemap) == ("sitemap" in e["via"]), path
            assert (f"{{{{BASE}}}}{path}<" in feed) == ("feed" in e["via"]), path
    assert "/private/editorial-preview/" in linked


def test_committed_site_matches_a_fresh_build(tmp_path: Path) -> None:
    build(tmp_path / "site", tmp_path / "expected.json")
    assert differences(DEMO_SITE, tmp_path / "site") == []
    assert json.loads((tmp_path / "expected.json").read_text("utf-8")) == EXPECTED


@pytest.mark.parametrize("name", ["crawler.demo.sitemodel", "crawler.demo.inject", "crawler.demo.generated",
                                  "crawler.demo.chrome"])
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
