"""scrapy-redis's scheduler and duplicate filter, fixed for many workers and for kills (``--redis``).

Stock scrapy-redis 0.9.1 on Scrapy 2.19 shares the queue and the seen set, but a
worker closes as soon as the shared queue is momentarily empty (with simultaneous
starts one often quits with 0 pages), ``SCHEDULER_IDLE_BEFORE_CLOSE`` waits in a
blocking BRPOP that stalls the reactor, and a worker killed with SIGKILL loses the
requests it had popped. Here, through Scrapy's extension points:

- ``SharedScheduler`` pops into the worker's parked set (crawler/redis_frontier.py)
  and never blocks: a timer on the reactor tells Redis whether the worker is busy or
  idle, and while it is idle wakes the engine when the shared queue has work, puts back
  the parked requests of workers whose heartbeat expired, and reports pending requests
  until every worker is idle with nothing queued for ``CLEANCRAWL_REDIS_IDLE_CLOSE``
  seconds. (The heartbeat itself runs in a thread: SharedFrontier.register.)
- ``SharedDupeFilter`` keys requests as the journal does (``journal.request_key``); its
  check and the queue push are one Lua script, so a kill never leaves a request seen but
  not queued.
- ``SettleMiddleware`` lets a response's items pass only after its requests are queued,
  and releases a response that made no item; the pipeline releases the others once
  their rows are committed (``SharedFrontier.wrote`` / ``committed``).
"""

from __future__ import annotations

import logging
import time
from typing import Any, AsyncIterator

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from .context import context_of
from .errors import ConfigError, WriteFailed
from .extensions import stop_crawl
from .journal import request_key
from .redis_codec import decode, encode
from .redis_frontier import SharedFrontier

logger = logging.getLogger(__name__)
# Meta key of a request popped from the shared queue: its request key, carried by the
# requests the downloader makes of it (redirects, retries) so they release it.
POPPED = "cleancrawl_popped"
# Seconds between the timer's looks at Redis while this worker has nothing to do.
TICK = 0.2


class JsonSerializer:
    """scrapy-redis serializer: JSON, never pickle (anyone who can write to Redis could run code)."""

    loads = staticmethod(decode)
    dumps = staticmethod(encode)


class SharedDupeFilter(RFPDupeFilter):
    """The crawl's seen set in Redis, keyed by ``journal.request_key`` (canonical URL)."""

    def __init__(self, frontier: SharedFrontier) -> None:
        super().__init__(frontier.server, key=frontier.seen_key)
        self.frontier = frontier

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "SharedDupeFilter":
        return cls(_frontier(crawler))

    def request_fingerprint(self, request: Request) -> bytes:  # type: ignore[override]
        return request_key(request.url)

    def close(self, reason: str = "") -> None:
        """Keep the seen set: it belongs to the crawl, not to this worker (SharedFrontier.leave)."""


class SharedScheduler(Scheduler):
    """Serve requests from the shared queue; report work pending until the whole crawl is idle."""

    def __init__(self, crawler: Crawler, frontier: SharedFrontier) -> None:
        super().__init__(frontier.server, persist=True, queue_key=frontier.queue_key,
                         dupefilter=SharedDupeFilter(frontier), serializer=JsonSerializer)
        self.crawler, self.frontier = crawler, frontier
        self.stats = crawler.stats
        s = crawler.settings
        self.grace = s.getfloat("CLEANCRAWL_REDIS_IDLE_CLOSE")
        self.beat_every = s.getfloat("CLEANCRAWL_REDIS_WORKER_TIMEOUT") / 5
        self.done = False
        self.idle_since: float | None = None
        self.last_beat = self.last_recovery = self.last_tick = 0.0
        self.was_idle = False
        self.progress_every = s.getfloat("CLEANCRAWL_PROGRESS_INTERVAL")
        self.last_progress = time.monotonic()
        self._timer: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "SharedScheduler":
        return cls(crawler, _frontier(crawler))

    def open(self, spider: Any) -> None:
        super().open(spider)
        self.frontier.register()
        self.last_beat = self.last_tick = time.monotonic()
        self._timer = task.LoopingCall(self._tick)
        self._timer.start(TICK, now=False)
        logger.info("worker %s joined the crawl at %s (%d requests queued)", self.frontier.worker,
                    self.frontier.prefix, self.frontier.queued())

    def close(self, reason: str) -> None:
        if self._timer is not None and self._timer.running:
            self._timer.stop()
        context = context_of(self.crawler)
        self.frontier.leave(reason == "finished" and self.done, context.out, context.crawl_id)

    def enqueue_request(self, request: Request) -> bool:
        origin = request.meta.pop(POPPED, None)
        data = self.queue._encode_request(request)
        queued = self.frontier.push(request.url, data, request.priority, request.dont_filter, origin)
        if queued:
            self.stats.inc_value("scheduler/enqueued/redis")
        else:
            self.df.log(request, self.spider)
        return queued

    def next_request(self) -> Request | None:
        if self.done:
            return None
        data = self.frontier.pop()
        if data is None:
            return None
        request = self.queue._decode_request(data)
        key = request_key(request.url)
        request.meta[POPPED] = key
        self.frontier.track(key, data)
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        return not self.done

    def _idle(self) -> bool:
        engine = self.crawler.engine
        return engine is not None and not engine.downloader.active and engine.scraper.slot.is_idle()

    def _tick(self) -> None:
        now = time.monotonic()
        if now - self.last_tick > 2.5 * self.beat_every:  # half the timeout: worth a line in the log
            logger.warning("worker %s: the reactor stalled %.1f s between heartbeats", self.frontier.worker,
                           now - self.last_tick)
        self.last_tick = now
        self.frontier.ticked()
        idle = self._idle()
        if now - self.last_beat >= self.beat_every or idle != self.was_idle:
            self.last_beat, self.was_idle = now, idle
            if not self.frontier.beat("idle" if idle else "busy"):
                self._evicted()
                return
        if self.progress_every and now - self.last_progress >= self.progress_every:
            self.last_progress = now
            logger.info("shared crawl %s: %s", self.frontier.prefix, self.frontier.progress())
        if not idle or self.done:
            self.idle_since = None
            return
        self._take_start_entries()
        if self.frontier.queued():
            self.idle_since = None
            _wake(self.crawler)
            return
        if now - self.last_recovery >= self.beat_every:
            self.last_recovery = now
            self._recover()
        if not self.frontier.finished():
            self.idle_since = None
        elif self.idle_since is None:
            self.idle_since = now
        elif now - self.idle_since >= self.grace:
            self.done = True
            _wake(self.crawler)

    def _take_start_entries(self) -> None:
        """Queue what was pushed to the start key since this worker started (``spider.start`` drains it first)."""
        while (entry := self.frontier.take_start()) is not None:
            for request in self.spider.requests_from_entry(entry):
                self.enqueue_request(request)

    def _recover(self) -> None:
        context = context_of(self.crawler)
        for worker in self.frontier.dead_workers():
            n = self.frontier.recover(worker, context.out, context.crawl_id)
            if n >= 0:
                logger.warning("worker %s stopped beating: %d of its requests queued again", worker, n)
                self.stats.inc_value("cleancrawl/redis/requests_recovered", n)

    def _evicted(self) -> None:
        self.done = True
        stop_crawl(self.crawler, WriteFailed(
            f"worker {self.frontier.worker} missed its heartbeat for longer than CLEANCRAWL_REDIS_WORKER_TIMEOUT"
            " and its requests went to other workers; stopping without writing more"))


class SettleMiddleware:
    """Spider middleware next to the engine: a response's requests pass before its items; release it when it made none."""

    def __init__(self, frontier: SharedFrontier) -> None:
        self.frontier = frontier

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "SettleMiddleware":
        frontier = context_of(crawler).frontier
        if frontier is None:
            raise NotConfigured
        return cls(frontier)

    async def process_spider_output(self, response: Any, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        items = []
        async for out in result:
            if isinstance(out, Request):
                yield out
            else:
                items.append(out)
        # Items go last: the pipeline releases the request once their rows are committed.
        key = response.meta.get(POPPED)
        if not items and key:
            self.frontier.settle([key])
        for item in items:
            yield item


def _frontier(crawler: Crawler) -> SharedFrontier:
    frontier = context_of(crawler).frontier
    if frontier is None:
        raise ConfigError("the shared scheduler needs CLEANCRAWL_REDIS_URL (cleancrawl crawl --redis URL)")
    return frontier


def _wake(crawler: Crawler) -> None:
    """Have the engine ask the scheduler again now, not at its next 5 s heartbeat.

    Scrapy has no public call for this; ``engine.crawl()`` does the same after scheduling.
    """
    slot = getattr(crawler.engine, "_slot", None)
    if slot is not None:
        slot.nextcall.schedule()
