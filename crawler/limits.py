"""PageBudget: ``--max-pages N`` as a bound on the article rows a crawl writes, held where requests are scheduled.

Scrapy's CLOSESPIDER_ITEMCOUNT counts items once they are scraped, while every request
already queued goes on being fetched: ``--max-pages 1`` on a site linking 60 articles
kept 16 pages. Here a page request (one for the spider's ``parse_page``) reaches the
scheduler only while the article rows written plus the page requests in flight stay
under N; the others wait in a queue of this component's own. A page request settles
when its item has been through the pipeline, or when it ends without one (dropped as a
duplicate, a 304, a callback error). A settled listing or error frees its place for a
waiting request; once N article rows are written the spider closes (``max_pages``), and
the requests still waiting are counted in the run summary (limits: max_pages).
Redirect and retry hops keep their request's ticket, so they are never held back.
"""

from __future__ import annotations

import itertools
from collections import deque
from typing import Any, AsyncIterator

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from .items import FailureItem, PageItem

TICKET = "cleancrawl_page_ticket"
# The finish reason of a crawl that wrote its N article rows (commands.FINISHED).
REASON = "max_pages"


class PageBudget:
    """A spider middleware next to the engine: admit page requests while the budget has room."""

    def __init__(self, crawler: Crawler) -> None:
        self.limit = crawler.settings.getint("CLEANCRAWL_MAX_PAGES")
        if self.limit <= 0:
            raise NotConfigured
        self.crawler = crawler
        self.stats = crawler.stats
        self.in_flight: set[int] = set()
        self.held: deque[Request] = deque()
        self.tickets = itertools.count(1)
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "PageBudget":
        budget = cls(crawler)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(budget.item_done, signal=signal)
        crawler.signals.connect(budget.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(budget.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(budget.spider_closed, signal=signals.spider_closed)
        return budget

    def written(self) -> int:
        """Article rows written so far: pages, and rejected rows other than listings (the pipeline's counters)."""
        get = self.stats.get_value
        return get("cleancrawl/pages", 0) + get("cleancrawl/rejected", 0) - get("cleancrawl/rejected/pagetype.listing", 0)

    def room(self) -> bool:
        return not self.closing and self.written() + len(self.in_flight) < self.limit

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for obj in start:
            if self._admit(obj):
                yield obj

    async def process_spider_output(self, response: Any, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        made_item = False
        async for obj in result:
            made_item = made_item or isinstance(obj, (PageItem, FailureItem))
            if self._admit(obj):
                yield obj
        if not made_item:  # a 304, a sitemap: no item will settle this response's ticket
            self._settle(response.request.meta.get(TICKET) if response.request else None)

    def process_spider_exception(self, response: Any, exception: Exception) -> None:
        self._settle(response.request.meta.get(TICKET) if response.request else None)
        return None

    def _admit(self, obj: Any) -> bool:
        """True to pass ``obj`` on now; a page request without room is held (False)."""
        if not isinstance(obj, Request) or TICKET in obj.meta or not self._is_page(obj):
            return True
        if not self.room():
            self.held.append(obj)
            return False
        self._ticket(obj)
        return True

    def _ticket(self, request: Request) -> None:
        ticket = next(self.tickets)
        request.meta[TICKET] = ticket
        self.in_flight.add(ticket)

    def _is_page(self, request: Request) -> bool:
        spider = self.crawler.spider
        return request.callback is not None and request.callback == getattr(spider, "parse_page", None)

    def item_done(self, item: Any, response: Any = None, **kwargs: Any) -> None:
        """An item went through the pipeline: settle the page request it is the outcome of.

        ``response`` is the Response (or the Failure) the item came from. Only the item
        for that very URL settles it: a page's over-long link (``url_too_long``) comes
        from the page's response too, and may be written before the page's own row.
        """
        request = getattr(response, "request", None)
        if request is not None and getattr(item, "url", None) == request.url:
            self._settle(request.meta.get(TICKET))

    def request_dropped(self, request: Request, **kwargs: Any) -> None:
        """The scheduler dropped a request (a duplicate): its place is free again."""
        self._settle(request.meta.get(TICKET))

    def _settle(self, ticket: int | None) -> None:
        if ticket is None or ticket not in self.in_flight:
            return
        self.in_flight.discard(ticket)
        self._release_held()

    def _release_held(self) -> None:
        """Close once N article rows are written; else send waiting requests on while there is room."""
        if self.written() >= self.limit:
            self._close()
            return
        while self.held and self.room():
            request = self.held.popleft()
            self._ticket(request)
            self.crawler.engine.crawl(request)

    def _close(self) -> None:
        if not self.closing:
            self.closing = True
            self._count_held()  # now: the run summary is made when the spider closes
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=REASON))

    def _count_held(self) -> None:
        if self.held:
            self.stats.inc_value("cleancrawl/limit/max_pages", len(self.held))
            self.held.clear()

    def spider_idle(self, **kwargs: Any) -> None:
        """Nothing is in flight any more; let waiting requests in, or close once the budget is spent."""
        self.in_flight.clear()  # whatever did not settle on the way has ended now
        waiting = bool(self.held)
        self._release_held()
        if waiting and not self.closing:
            raise DontCloseSpider

    def spider_closed(self, **kwargs: Any) -> None:
        self._count_held()
