"""Crawl guards: forbidden addresses (SSRF), redirect loops, Retry-After, and link traps.

Each guard is a Scrapy middleware built by ``from_crawler``; one switched off by its
setting raises ``NotConfigured``. A refusal is an ``IgnoreRequest`` subclass, which the
spider's errback turns into an ``errors`` row (``spiders/failures.py``).
"""

from __future__ import annotations

import hashlib

import ipaddress
import logging
from collections import defaultdict
from typing import Any, AsyncIterator, Iterator
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.error import DNSLookupError
from twisted.internet.task import deferLater

from .context import context_of
from .keyset import DiskKeySet, KeySet, key_of
from .refusals import redirected_from
from .urls import trap_key, url_shape

logger = logging.getLogger(__name__)
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
DEFAULT_PORTS = {"http": 80, "https": 443}


class ForbiddenAddress(IgnoreRequest):
    """The request's host is, or resolves to, an address the job may not reach."""


class RedirectLoop(IgnoreRequest):
    """A redirect points back at a URL already on the request's redirect chain."""


def host_port(url: str) -> str:
    """Return ``host:port`` of a URL, with the scheme's default port filled in."""
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or DEFAULT_PORTS.get(parts.scheme, 0)}"


def is_forbidden(address: Address) -> bool:
    """True for loopback, private, link-local, shared, reserved, unspecified and multicast addresses."""
    mapped = getattr(address, "ipv4_mapped", None)
    address = mapped or address
    return not address.is_global or address.is_multicast


class AddressGuard:
    """Refuse requests to non-public addresses unless the job named that host:port.

    Runs before RobotsTxtMiddleware (so a refused host gets no robots.txt request either),
    and sees every request: start, followed, robots.txt, sitemaps and each redirect hop.
    Names resolve through the reactor's (Scrapy's caching) resolver, the same one the
    download then uses, so the checked address is the connected one while it is cached.
    """

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        if not s.getbool("CLEANCRAWL_ADDRESS_GUARD"):
            raise NotConfigured
        self.crawler = crawler
        self.extra_hosts: set[str] = set()
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in s.getlist("CLEANCRAWL_ALLOWED_ADDRESSES"):
            try:
                self.networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                self.extra_hosts.add(entry.lower())
        self._named: set[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "AddressGuard":
        return cls(crawler)

    def named(self) -> set[str]:
        """host:port of every URL the job itself names (start URLs, sitemaps, feeds)."""
        if self._named is None:
            spider = self.crawler.spider
            urls = [u for a in ("start_urls", "sitemap_urls", "feed_urls") for u in getattr(spider, a, ())]
            self._named = {host_port(u) for u in urls} | self.extra_hosts
        return self._named

    async def process_request(self, request: Request, spider: Any = None) -> None:
        hp = host_port(request.url)
        host = hp.rsplit(":", 1)[0].strip("[]")
        if hp in self.named() or host in self.named():
            return None
        address = await self._resolve(host)
        if address is not None and is_forbidden(address) and not any(address in n for n in self.networks):
            self.crawler.stats.inc_value("cleancrawl/forbidden_address")
            raise ForbiddenAddress(f"{hp} is {address}, a non-public address the job does not name"
                                   f"{redirected_from(request)}")
        return None

    async def _resolve(self, host: str) -> Address | None:
        try:
            return ipaddress.ip_address(host)
        except ValueError:
            pass
        from twisted.internet import reactor  # at call time: importing it installs a reactor

        try:
            return ipaddress.ip_address(await maybe_deferred_to_future(reactor.resolve(host)))
        except (DNSLookupError, ValueError):
            return None  # the download fails on its own and is recorded as `dns`


class RedirectLoops:
    """Fail a redirect to a URL already on its chain, instead of the scheduler silently dropping it."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RedirectLoops":
        if not crawler.settings.getbool("REDIRECT_ENABLED"):
            raise NotConfigured
        return cls()

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        location = response.headers.get(b"Location")
        if 300 <= response.status < 400 and location:
            target = urljoin(request.url, location.decode("latin-1").strip())
            chain = [*request.meta.get("redirect_urls", ()), request.url]
            if target in chain:
                raise RedirectLoop(f"redirect loop: {' -> '.join([*chain, target])}")
        return response


class RetryAfter(RetryMiddleware):
    """Scrapy's retries, each after a wait on the reactor (other downloads go on meanwhile).

    The wait is what a 429/503's Retry-After asks for, else exponential backoff:
    CLEANCRAWL_RETRY_BACKOFF seconds before the first retry, doubled for each one after
    (1, 2, 4 s by default); either is capped at CLEANCRAWL_RETRY_AFTER_MAX.
    """

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("CLEANCRAWL_RETRY_AFTER_MAX")
        self.backoff = settings.getfloat("CLEANCRAWL_RETRY_BACKOFF")

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            asked = retry_after_seconds(response.headers.get(b"Retry-After")) if response.status in (429, 503) else 0
            self._wait(result, asked)
        return result

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            self._wait(result, 0)
        return result

    def _wait(self, retry: Request, asked: float) -> None:
        wait = asked or self.backoff * 2 ** max(0, retry.meta.get("retry_times", 1) - 1)
        if wait > 0:
            retry.meta["cleancrawl_retry_after"] = min(wait, self.max_wait)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        wait = request.meta.pop("cleancrawl_retry_after", 0)
        if wait > 0:  # a timer on the reactor: other downloads go on meanwhile
            from twisted.internet import reactor

            await maybe_deferred_to_future(deferLater(reactor, wait))
        return None


def retry_after_seconds(value: bytes | None) -> float:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date); 0 if absent or bad.

    >>> retry_after_seconds(b"3"), retry_after_seconds(b"soon"), retry_after_seconds(None)
    (3.0, 0.0, 0.0)
    """
    if not value:
        return 0.0
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    from email.utils import parsedate_to_datetime
    from datetime import datetime, timezone

    try:
        return max(0.0, (parsedate_to_datetime(text) - datetime.now(timezone.utc)).total_seconds())
    except (TypeError, ValueError):
        return 0.0


class TrapGuard:
    """Bound link traps per site: same-shape link chains, and query-string variants per path.

    A link whose shape (``urls.url_shape``) equals the shape of the page it was found on
    continues that page's run; runs longer than CLEANCRAWL_TRAP_RUN are not followed
    (calendars, session ids, endless "next"). A page that leads to at least
    CLEANCRAWL_TRAP_PRODUCTIVE links not met before (the articles of an archive page) is
    pagination, not a trap: its chain starts afresh (a trap page leads to one new link,
    its own next). Independently, each
    host+path is followed with at most CLEANCRAWL_TRAP_QUERY_VARIANTS distinct query strings,
    and each trap pattern (``urls.trap_key``: a session id in the path or query, a path
    ending in a date) with at most CLEANCRAWL_TRAP_PATTERN_URLS distinct URLs, productive or not.
    """

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.max_run = s.getint("CLEANCRAWL_TRAP_RUN")
        self.max_variants = s.getint("CLEANCRAWL_TRAP_QUERY_VARIANTS")
        self.max_pattern = s.getint("CLEANCRAWL_TRAP_PATTERN_URLS")
        if self.max_run <= 0 and self.max_variants <= 0 and self.max_pattern <= 0:
            raise NotConfigured
        self.productive = s.getint("CLEANCRAWL_TRAP_PRODUCTIVE")
        self.stats = crawler.stats
        # A set of digests took 480 bytes a page of the generated site, a set for every path
        # 300 of them (bench/memory_structures.py); query strings, met only on paths that
        # have them, take 8-16 bytes each (keyset.KeySet), and the links met nothing in
        # memory past the latest 16,384 (keyset.DiskKeySet).
        self.variants: dict[int, int] = {}  # host+path key -> query strings admitted; paths with a query only
        self.queries = KeySet()  # keys of the host+path+query strings admitted
        self.patterns: dict[str, set[bytes]] = defaultdict(set)  # trap key -> digests of its URLs admitted
        self.seen = DiskKeySet()  # digests of the links met so far

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "TrapGuard":
        return cls(crawler)

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        # A page's output is read whole first: whether it led anywhere new decides
        # whether its same-shape link continues a run (pages of output are small).
        out = [obj async for obj in result]
        fresh = 0
        for obj in out:
            if isinstance(obj, Request):
                if self.seen.add(_digest(obj.url)):
                    fresh += 1
        productive = self.productive > 0 and fresh >= self.productive
        for obj in out:
            if not isinstance(obj, Request) or self.admit(response, obj, productive):
                yield obj

    def admit(self, response: Response, request: Request, productive: bool = False) -> bool:
        """Admit a request found on ``response``; a productive page starts its chain afresh."""
        shape = url_shape(request.url)
        same = shape == url_shape(response.url)
        run = (0 if productive else response.meta.get("cleancrawl_run", 0) + 1) if same else 0
        parts = urlsplit(request.url)
        if self.max_run > 0 and run >= self.max_run:
            self.stats.inc_value("cleancrawl/limit/trap_run")
            return False
        if parts.query and self.max_variants > 0 and not self._within_variants(parts.netloc + parts.path, parts.query):
            self.stats.inc_value("cleancrawl/limit/trap_query")
            return False
        if not self._within_pattern(request.url):  # last: only an admitted URL takes a place
            self.stats.inc_value("cleancrawl/limit/trap_pattern")
            return False
        request.meta["cleancrawl_run"] = run
        return True

    def _within_variants(self, path: str, query: str) -> bool:
        """Count ``query`` against its host+path's budget of query strings; False once that is spent."""
        variant = _digest(f"{path}?{query}")
        if variant in self.queries:
            return True
        path_key = key_of(_digest(path))
        admitted = self.variants.get(path_key, 0)
        if admitted >= self.max_variants:
            return False
        self.queries.add(variant)
        self.variants[path_key] = admitted + 1
        return True

    def _within_pattern(self, url: str) -> bool:
        """Count ``url`` against its trap pattern's budget; False once the pattern has had its share."""
        key = trap_key(url) if self.max_pattern > 0 else None
        if key is None:
            return True
        urls, digest = self.patterns[key], _digest(url)
        if digest not in urls:
            if len(urls) >= self.max_pattern:
                return False
            urls.add(digest)
        return True


def _digest(url: str) -> bytes:
    """An 8-byte digest of a URL: sets of these stay small however many links a crawl meets."""
    return hashlib.blake2b(url.encode(), digest_size=8).digest()


# Meta keys the incremental components use: a request the spider made (so its URL's
# validators may be sent; robots.txt fetches are not), and one that carries validators.
SPIDER_REQUEST = "cleancrawl_spider_request"
CONDITIONAL = "cleancrawl_conditional"


class ConditionalRequests:
    """Send the stored ETag and Last-Modified as If-None-Match / If-Modified-Since (crawler/state.py).

    Only on requests the spider made, and afresh on every hop, so a redirect never
    carries the validators of the URL it left. A request that carries them accepts a 304.
    Switched off for a full run (CLEANCRAWL_INCREMENTAL = False).
    """

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("CLEANCRAWL_INCREMENTAL"):
            raise NotConfigured
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ConditionalRequests":
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        for name in (b"If-None-Match", b"If-Modified-Since"):
            request.headers.pop(name, None)
        request.meta.pop(CONDITIONAL, None)
        if not request.meta.get(SPIDER_REQUEST):
            return None
        etag, modified = context_of(self.crawler).state.validators(request.url)
        if etag:
            request.headers[b"If-None-Match"] = etag
        if modified:
            request.headers[b"If-Modified-Since"] = modified
        if etag or modified:
            request.meta[CONDITIONAL] = True
            allowed = request.meta.get("handle_httpstatus_list", [])
            request.meta["handle_httpstatus_list"] = [*allowed, 304] if 304 not in allowed else allowed
            self.crawler.stats.inc_value("cleancrawl/conditional_requests")
        return None


class NotModifiedReplay:
    """Remember the requests each response yields; answer a 304 by yielding them again.

    Sits next to the spider (above DepthMiddleware), so it records what the callback
    itself yielded, and the replayed requests pass the same middlewares (depth, trap
    bounds) as when the page was parsed. A 304 is never parsed: its callback is swapped
    for the replay, so a listing that did not change still leads to new articles.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "NotModifiedReplay":
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for obj in start:
            if isinstance(obj, Request):
                obj.meta[SPIDER_REQUEST] = True
            yield obj

    def process_spider_input(self, response: Response, spider: Any = None) -> None:
        if response.status == 304 and response.meta.get(CONDITIONAL):
            response.request.callback = self.replay  # type: ignore[union-attr]
        return None

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        links: list[dict[str, Any]] = []
        made_item = False
        async for obj in result:
            if isinstance(obj, Request):
                link = self._link(obj)
                if link is not None:
                    links.append(link)
                obj.meta[SPIDER_REQUEST] = True
            else:
                made_item = True
            yield obj
        if response.status != 304:
            # A response that made no item (sitemap, feed) has no row to lose: keep its validators now.
            headers = None if made_item else {k.decode("latin-1").lower(): v[0].decode("latin-1")
                                              for k, v in response.headers.items() if v}
            context_of(self.crawler).state.parsed(response.url, links, headers)

    def replay(self, response: Response, **kwargs: Any) -> Iterator[Request]:
        """The callback of a 304: count it, and yield the requests its URL yielded when last parsed."""
        state = context_of(self.crawler).state
        kind = state.not_modified(response.url)
        self.crawler.stats.inc_value("cleancrawl/not_modified")
        self.crawler.stats.inc_value(f"cleancrawl/not_modified/{kind}")
        spider = self.crawler.spider
        for link in state.links(response.url):
            callback = getattr(spider, link["callback"], None)
            if callback is None:
                continue
            errback = getattr(spider, link["errback"], None) if link.get("errback") else None
            yield Request(link["url"], callback=callback, errback=errback, meta=dict(link.get("meta") or {}))

    def _link(self, request: Request) -> dict[str, Any] | None:
        """A request as JSON: URL, callback and errback by name, and the spider's own plain meta values."""
        spider = self.crawler.spider
        names = {}
        for role in ("callback", "errback"):
            func = getattr(request, role)
            name = getattr(func, "__name__", "")
            if func is not None and getattr(spider, name, None) != func:
                return None  # not a spider method: it could not be found again by name
            names[role] = name or None
        if names["callback"] is None:
            return None
        meta = {k: v for k, v in request.meta.items()
                if isinstance(v, (str, int, float, bool, type(None))) and not k.startswith(("cleancrawl_", "_"))}
        return {"url": request.url, **names, "meta": meta}
