"""WarcRecorder: a downloader middleware that writes every response, with its request, as WARC.

It sits nearest the downloader (crawler/settings.py), so it sees each response as it
came off the wire: before decompression (the payload keeps its ``Content-Encoding``),
and redirects, retried failures and 304s included. Only ``Transfer-Encoding`` is
dropped from the recorded headers, since the HTTP client has already undone the
chunking. Off unless ``CLEANCRAWL_WARC`` (``crawl --warc``, ``warc = true``); files go
to ``OUT/warc/`` (crawler/warcout.py). A write that fails stops the crawl as a failed
Parquet write does.
"""

from __future__ import annotations

from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

from .context import context_of
from .errors import WriteFailed
from .extensions import stop_crawl
from .warcout import Exchange, WarcWriter

DROPPED_HEADERS = {"transfer-encoding"}


class WarcRecorder:
    """Record each response and its request into the crawl's WARC files."""

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        if not s.getbool("CLEANCRAWL_WARC"):
            raise NotConfigured
        self.crawler = crawler
        context = context_of(crawler)  # a Redis crawl's processes share the crawl id, not the worker id
        self.writer = WarcWriter(Path(s.get("CLEANCRAWL_OUT")) / "warc", context.crawl_id, worker=context.worker,
                                 max_bytes=s.getint("CLEANCRAWL_WARC_MAX_BYTES"))
        self.failed = False
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "WarcRecorder":
        return cls(crawler)

    def spider_opened(self) -> None:
        self._guard(self.writer.open)

    def spider_closed(self) -> None:
        if self.failed:
            self.writer.abort()
        else:
            self._guard(self.writer.close)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        if not self.failed:
            self._guard(lambda: self.writer.write(exchange(request, response)))
        return response

    def _guard(self, call: Any) -> None:
        try:
            call()
        except WriteFailed as exc:
            self.failed = True
            self.writer.abort()
            stop_crawl(self.crawler, exc)


def exchange(request: Request, response: Response) -> Exchange:
    """The request and response as WARC records hold them."""
    request_headers = _pairs(request.headers)
    if not any(name.lower() == "host" for name, _ in request_headers):
        request_headers.insert(0, ("Host", urlsplit(request.url).netloc))  # the HTTP client adds it on the wire
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    response_headers = [(k, v) for k, v in _pairs(response.headers) if k.lower() not in DROPPED_HEADERS]
    return Exchange(url=request.url, method=request.method, request_headers=request_headers,
                    status=response.status, reason=reason, response_headers=response_headers,
                    body=response.body, request_body=request.body, when=datetime.now(timezone.utc))


def _pairs(headers: Any) -> list[tuple[str, str]]:
    return [(name.decode("latin-1"), value.decode("latin-1")) for name, values in headers.items() for value in values]
