"""Requests the crawl refuses before fetching, turned into errors rows instead of vanishing.

Scrapy drops an offsite request when it is scheduled, and a request whose URL passes
URLLENGTH_LIMIT when a callback yields it, with a log line and no errback either time.
These two components refuse the same requests where a row can still be written: an
offsite request (a redirect to another host, a sitemap entry elsewhere) fails in the
downloader, so the spider's errback records it (``offsite``), and an over-long URL
becomes a FailureItem in its place (``url_too_long``).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, AsyncIterator

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.httpobj import urlparse_cached

from .items import FailureItem


class Offsite(IgnoreRequest):
    """The request's host is outside the crawl's allowed domains."""


class OffsiteRows(OffsiteMiddleware):
    """Scrapy's offsite filter, refusing in the downloader (so the errback records the URL)."""

    def request_scheduled(self, request: Request, spider: Any) -> None:
        """Let the request reach the downloader, where process_request refuses it with an errback."""
        return None

    def process_request(self, request: Request, spider: Any = None) -> None:
        try:
            super().process_request(request)
        except IgnoreRequest:
            host = urlparse_cached(request).hostname or ""
            allowed = ", ".join(getattr(self.crawler.spider, "allowed_domains", None) or ())
            raise Offsite(f"{host} is outside the allowed domains ({allowed}){redirected_from(request)}") from None
        return None


def redirected_from(request: Request) -> str:
    """"; redirected from URL" when a redirect led to ``request``, else ""."""
    chain = request.meta.get("redirect_urls") or ()
    return f"; redirected from {chain[0]}" if chain else ""


class LongUrls:
    """Record a request whose URL passes URLLENGTH_LIMIT as an ``url_too_long`` errors row, unfetched."""

    def __init__(self, crawler: Crawler) -> None:
        self.limit = crawler.settings.getint("URLLENGTH_LIMIT")
        if self.limit <= 0:
            raise NotConfigured
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "LongUrls":
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for obj in start:
            yield self._checked(obj)

    async def process_spider_output(self, response: Any, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for obj in result:
            yield self._checked(obj)

    def _checked(self, obj: Any) -> Any:
        if not isinstance(obj, Request) or len(obj.url) <= self.limit:
            return obj
        self.stats.inc_value("cleancrawl/url_too_long")
        return FailureItem(url=obj.url, error="url_too_long",
                           detail=f"the URL is {len(obj.url)} characters, over URLLENGTH_LIMIT ({self.limit})",
                           time=datetime.now(timezone.utc))
