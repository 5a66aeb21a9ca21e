"""Resumable crawls in Scrapy: the job's journal and row log, a journaling dupefilter and spider middleware.

With ``CLEANCRAWL_JOBDIR`` set (``cleancrawl crawl --jobdir``), the frontier journal
(crawler/journal.py) is written at three places, so that whatever instant the process
dies at, a request is journaled as done only after what it produced is durable:

- ``FrontierJournal`` (spider middleware, next to the engine) journals every request a
  callback yields as it passes, and lets a response's items through only after all of
  its requests; a response that yields requests and no item is done once they are all
  journaled. On start it re-issues the pending requests of earlier runs.
- ``JournalDupeFilter`` journals the requests that reach the scheduler by other ways
  (start requests, redirects), marks a redirect's source done once its target is
  journaled, and drops a request already done or already queued in this run.
- ``ProcessPipeline`` marks a page done right after its rows are in the write-ahead log.

Scrapy's own JOBDIR then holds only the disk queue, emptied at every start. When the
journal or that queue cannot be written (full disk, file-size limit), ``JournalScheduler``
and ``FrontierJournal`` stop the crawl with one line (extensions.stop_crawl); what was not
journaled as done is fetched again on resume.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, AsyncIterator

from scrapy import Request
from scrapy.core.scheduler import Scheduler
from scrapy.crawler import Crawler
from scrapy.dupefilters import BaseDupeFilter
from scrapy.exceptions import NotConfigured

from .context import context_of
from .dataset.storage import write_failed
from .dataset.wal import RowLog, recover
from .errors import ConfigError
from .extensions import stop_crawl
from .journal import Entry, Frontier, JobDir, request_key
from .keyset import DiskKeySet

# Request meta that must survive a restart: the spider's page-type hint, TrapGuard's
# run length, and Scrapy's depth and redirect bookkeeping (loop detection, limits).
PERSISTED_META = ("prior", "cleancrawl_run", "depth", "redirect_urls", "redirect_times", "redirect_ttl",
                  "redirect_reasons")


class JobJournal:
    """The frontier journal and row log of a job directory, recovered from a crash when opened.

    Opened once per crawl, by the crawl's context (crawler/context.py), before any
    component reads the journal.
    """

    def __init__(self, jobdir: str, out: str, crawl_id: str) -> None:
        job = JobDir(jobdir)
        self.frontier = Frontier(job.frontier_path)
        self.log = RowLog(job.wal_path)
        for url in recover(Path(out), self.log, crawl_id):
            self.frontier.finish(url)
        job.reset_queue()


def entry_of(request: Request) -> Entry:
    """Describe ``request`` for the journal: callbacks by their spider method's name."""
    meta = {k: request.meta[k] for k in PERSISTED_META if k in request.meta}
    return Entry(request.url, _name(request.callback), _name(request.errback), meta, request.priority)


def request_of(entry: Entry, spider: Any) -> Request:
    """Rebuild a journaled request for ``spider``."""
    return Request(entry.url, callback=getattr(spider, entry.callback) if entry.callback else None,
                   errback=getattr(spider, entry.errback) if entry.errback else None,
                   meta=dict(entry.meta), priority=entry.priority)


def _name(method: Any) -> str | None:
    return getattr(method, "__name__", None) if method is not None else None


class JournalDupeFilter(BaseDupeFilter):
    """Drop requests done in any run or queued in this one; journal the others as scheduled."""

    def __init__(self, job: JobJournal, stats: Any = None) -> None:
        self.frontier = job.frontier
        self.stats = stats
        self.queued = DiskKeySet()  # flat in memory: the latest keys, the rest on disk (crawler/keyset.py)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "JournalDupeFilter":
        job = context_of(crawler).journal
        if job is None:
            raise ConfigError("JournalDupeFilter needs CLEANCRAWL_JOBDIR (cleancrawl crawl --jobdir DIR)")
        return cls(job, crawler.stats)

    def request_seen(self, request: Request) -> bool:
        key = request_key(request.url)
        seen = key in self.queued or key in self.frontier.done
        if not seen:
            self.queued.add(key)
            self.frontier.schedule(entry_of(request))
        # The target is journaled (or known): the hops before it have nothing left to do.
        for url in request.meta.get("redirect_urls", ()):
            self.frontier.finish(url)
        return seen

    def log(self, request: Request, spider: Any) -> None:
        if self.stats is not None:
            self.stats.inc_value("dupefilter/filtered")

    def close(self, reason: str) -> None:
        self.frontier.close()


class FrontierJournal:
    """Spider middleware: journal yielded requests before items pass; re-issue pending requests on start."""

    def __init__(self, crawler: Crawler) -> None:
        job = context_of(crawler).journal
        if job is None:
            raise NotConfigured
        self.crawler = crawler
        self.frontier = job.frontier

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "FrontierJournal":
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        pending = self.frontier.take_pending()
        if pending:
            self.crawler.stats.set_value("cleancrawl/resumed_requests", len(pending))
        for entry in pending:
            yield request_of(entry, self.crawler.spider)
        async for request in start:
            yield request

    async def process_spider_output(self, response: Any, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        items = []
        try:
            async for out in result:
                if isinstance(out, Request):
                    self.frontier.schedule(entry_of(out))
                    yield out
                else:
                    items.append(out)
            # Items go last: a page's row marks it done, and by then its links are journaled.
            if not items:
                self.frontier.finish(response.request.url if response.request else response.url)
        except OSError as exc:  # the journal takes no more: nothing of this response passes, it is fetched again
            stop_crawl(self.crawler, write_failed(exc, self.frontier.path))
            return
        for item in items:
            yield item


class JournalScheduler(Scheduler):
    """Scrapy's scheduler, stopping the crawl with one line when the journal or the disk queue cannot be written."""

    def enqueue_request(self, request: Request) -> bool:
        try:
            return super().enqueue_request(request)
        except OSError as exc:
            self._stop(exc)
            return False

    def next_request(self) -> Request | None:
        try:
            return super().next_request()
        except OSError as exc:
            self._stop(exc)
            return None

    def close(self, reason: str) -> Any:
        try:
            return super().close(reason)
        except OSError as exc:  # the queue is rebuilt from the journal on resume: nothing is lost with it
            self._stop(exc)
            return None

    def _stop(self, exc: OSError) -> None:
        assert self.crawler is not None
        stop_crawl(self.crawler, write_failed(exc, self.crawler.settings.get("CLEANCRAWL_JOBDIR")))
