"""The articles spider: start URLs, sitemaps, robots.txt sitemaps and feeds, in-domain links."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any, AsyncIterator, Iterable
from urllib.parse import urlsplit

import scrapy
from scrapy.http import HtmlResponse, Response
from scrapy.linkextractors import IGNORED_EXTENSIONS, LinkExtractor
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from cleaners.charset import html_encoding

from ..config import check_url
from ..context import context_of
from ..errors import InputError
from ..items import FailureItem, PageItem
from ..pagetype import classify, count_dom
from ..process import is_html
from ..urls import canonical_url
from .failures import describe_failure

FEED_LINKS = "//item/link/text() | //*[local-name()='entry']/*[local-name()='link'][not(@rel) or @rel='alternate']/@href"
ADVERTISED_FEEDS = "//head/link[@rel='alternate'][contains(@type, 'rss') or contains(@type, 'atom')]/@href"
# The tags LinkExtractor takes links from (its default tags and attrs), found in the raw
# bytes, so a page's links are counted before any of it is parsed.
ANCHOR_TAG = re.compile(rb"<(?:a|area)\s[^>]*?\bhref\s*=", re.I)
# Extensions that are never article pages; Scrapy's own list plus feeds and data.
SKIP_EXTENSIONS = ["xml", "rss", "atom", "json", "csv", "txt"]
# Sitemaps and feeds have no use for entity declarations; refusing them outright keeps
# "billion laughs" out of every XML parser, whatever its entity settings.
ENTITY_DECL = b"<!ENTITY"


def _as_list(value: Any) -> list[str]:
    """Accept a list, or a comma/space separated string from `scrapy crawl -a`."""
    if not value:
        return []
    if isinstance(value, str):
        return [v for v in re.split(r"[\s,]+", value) if v]
    return list(value)


class ArticlesSpider(scrapy.Spider):
    """Yield every fetched page as a PageItem and every failure as a FailureItem."""

    name = "articles"

    def __init__(self, start_urls: Any = None, sitemap_urls: Any = None, feed_urls: Any = None,
                 allowed_domains: Any = None, robots_sitemaps: Any = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = _as_list(start_urls)
        self.sitemap_urls = _as_list(sitemap_urls)
        self.feed_urls = _as_list(feed_urls)
        sources = [*self.start_urls, *self.sitemap_urls, *self.feed_urls]
        self.allowed_domains = _as_list(allowed_domains) or sorted({urlsplit(u).hostname for u in sources if urlsplit(u).hostname})
        self.robots_sitemaps = str(robots_sitemaps).lower() not in ("0", "false", "no")
        # Hosts are checked by _allowed: LinkExtractor's allow_domains compares host:port.
        self.links = LinkExtractor(deny_extensions=[*IGNORED_EXTENSIONS, *SKIP_EXTENSIONS])

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.sitemap_urls:
            yield self._request(url, self.parse_sitemap)
        for url in self.feed_urls:
            yield self._request(url, self.parse_feed)
        if self.robots_sitemaps:
            for root in sorted({f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.start_urls}):
                yield self._request(f"{root}/robots.txt", self.parse_robots, prior=None)
        for url in self.start_urls:
            yield self._request(url, self.parse_page, prior=None)
        # A crawl shared through Redis (--redis) also starts from what was pushed to its start key.
        frontier = context_of(self.crawler).frontier
        while frontier is not None and (entry := frontier.take_start()) is not None:
            for request in self.requests_from_entry(entry):
                yield request

    def requests_from_entry(self, entry: bytes) -> list[scrapy.Request]:
        """Requests for one entry of the Redis start key: a URL, or ``{"url": U, "kind": "page"|"sitemap"|"feed"}``.

        An entry that is neither, or whose host the job does not allow, is logged and skipped.
        """
        text = entry.decode("utf8", "replace").strip()
        try:
            data = json.loads(text) if text.startswith("{") else {"url": text}
            url, kind = check_url(str(data["url"])), data.get("kind", "page")
            callback = {"page": self.parse_page, "sitemap": self.parse_sitemap, "feed": self.parse_feed}[kind]
        except (ValueError, KeyError, TypeError, InputError) as exc:
            self.logger.warning("skipped start entry %r: %s", text[:200], exc)
            self.crawler.stats.inc_value("cleancrawl/redis/bad_start_entries")
            return []
        if not self._allowed(url):  # every worker runs the same job: its allowed domains bound the crawl
            self.logger.warning("skipped start entry %s: outside the allowed domains", url)
            self.crawler.stats.inc_value("cleancrawl/redis/bad_start_entries")
            return []
        return [self._request(url, callback, prior=None if kind == "page" else "article")]

    def _request(self, url: str, callback: Any, prior: str | None = "article", **meta: Any) -> scrapy.Request:
        return scrapy.Request(canonical_url(url), callback=callback, errback=self.failed, meta={"prior": prior, **meta})

    def parse_page(self, response: Response) -> Iterable[Any]:
        """Yield the page, then requests for the in-domain links it carries."""
        prior = response.meta.get("prior") or "unknown"
        # Joined as _item joins it, so the pipeline judges the same header value.
        content_type = b", ".join(response.headers.getlist(b"Content-Type")).decode("latin-1")
        if not is_html(response.body, content_type):  # the pipeline records why; its links are not read
            yield self._item(response, "article")
            return
        response = _as_html(response, content_type)
        view = self._capped_view(response)
        page_type = classify(response.url, count_dom(view.selector), prior)
        yield self._item(response, page_type)
        for link in self.links.extract_links(view):
            if self._allowed(link.url):
                yield self._request(link.url, self.parse_page, prior=None)
        # Feeds a page advertises list articles that listings may not link (the scheduler drops repeats).
        for href in view.xpath(ADVERTISED_FEEDS).getall():
            url = response.urljoin(href.strip())
            if self._allowed(url):
                yield self._request(url, self.parse_feed)

    def _capped_view(self, response: Response) -> Response:
        """The response to read links and DOM counts from: cut before the anchor past CLEANCRAWL_MAX_LINKS_PER_PAGE.

        The anchors cut off are counted (``links_over_cap`` in the run summary), never
        parsed: a page of 200,000 links built a 150 MB tree and queued 200,009 requests.
        The item keeps the whole body, so extraction still sees the whole page.
        """
        cap = self.settings.getint("CLEANCRAWL_MAX_LINKS_PER_PAGE")
        if cap <= 0:
            return response
        anchors, cut = 0, len(response.body)
        for anchors, match in enumerate(ANCHOR_TAG.finditer(response.body), 1):
            if anchors == cap + 1:
                cut = match.start()
        if anchors <= cap:
            return response
        self.crawler.stats.inc_value("cleancrawl/limit/links_over_cap", anchors - cap)
        return response.replace(body=response.body[:cut])

    def parse_sitemap(self, response: Response) -> Iterable[scrapy.Request]:
        body = _sitemap_body(response)
        if body is None:
            yield self._failure(response.url, "not_html", "not a sitemap (not XML)", response.status)
            return
        if ENTITY_DECL in body:
            yield self._failure(response.url, "unsafe_xml", "the sitemap declares XML entities", response.status)
            return
        sitemap = Sitemap(body)
        for entry in sitemap:
            loc = entry.get("loc", "").strip()
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield self._request(loc, self.parse_sitemap)
            elif self._allowed(loc):
                yield self._request(loc, self.parse_page, prior="article")

    def parse_feed(self, response: Response) -> Iterable[Any]:
        if ENTITY_DECL in response.body:
            yield self._failure(response.url, "unsafe_xml", "the feed declares XML entities", response.status)
            return
        try:
            links = response.xpath(FEED_LINKS).getall()
        except (AttributeError, ValueError):
            links = []
        for link in links:
            url = response.urljoin(link.strip())
            if self._allowed(url):
                yield self._request(url, self.parse_page, prior="article")

    def parse_robots(self, response: Response) -> Iterable[scrapy.Request]:
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield self._request(url, self.parse_sitemap)

    def failed(self, failure: Any) -> Iterable[FailureItem]:
        """Errback: turn a failed request into an errors row (robots.txt misses are not pages)."""
        request = failure.request
        if request.callback == self.parse_robots:
            return
        error, detail, status = describe_failure(failure)
        if error:
            yield self._failure(request.url, error, detail, status)

    def _allowed(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def _item(self, response: Response, page_type: str) -> PageItem:
        headers = {k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
        return PageItem(url=response.url, status=response.status, headers=headers, body=response.body,
                        fetched_at=datetime.now(timezone.utc), page_type=page_type)

    def _failure(self, url: str, error: str, detail: str, status: int | None = None) -> FailureItem:
        return FailureItem(url=url, error=error, detail=detail, status=status, time=datetime.now(timezone.utc))


def _as_html(response: Response, content_type: str) -> HtmlResponse:
    """The response as HTML, decoded as every other path decodes it (``cleaners.charset``).

    Scrapy picks the response class from the header and guesses the encoding on its
    own; here the body has been sniffed as HTML (``process.is_html``, as the pipeline
    does), and the encoding is fixed to the one ``decode_html`` chooses, so links and
    page type are read off the text the worker cleans. Only the name is chosen here:
    the body is decoded once, when its selector is built.
    """
    return response.replace(cls=HtmlResponse, encoding=html_encoding(response.body, content_type or None))


def _sitemap_body(response: Response) -> bytes | None:
    """Return a sitemap's XML, gunzipped within DOWNLOAD_MAXSIZE; None if it is not XML."""
    body = response.body
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=10 * 1024 * 1024)
        except (OSError, ValueError):
            return None
    return body if body.lstrip()[:1] == b"<" else None
