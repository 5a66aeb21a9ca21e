"""ProcessPipeline: hand each fetched page to the worker pool and write what comes back.

With a job directory (crawler/resume.py), a page's rows go through the write-ahead log
and the page is journaled as done right after, so a killed crawl neither loses nor
repeats it; a page that comes back although done is not written again. On a re-run
into the same dataset (crawler/state.py), a row the dataset already holds for its URL
is not written again either; it counts as unchanged. Before that, a kept page that
repeats one the dataset keeps is marked (crawler/dedup.py): here, in the one writer
process, so the decision sees every row before it.

A write that fails (full disk, file-size limit, permissions) stops the crawl: the
failure is kept in the stats (``cleancrawl/write_failed``, one line naming the file and
the cause), the unfinished files are deleted, and the state is not advanced, so the
next run fetches again whatever this one could not write.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections import Counter
from typing import Any, Sequence

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from .config import cleaner_options
from .context import context_of
from .dataset.wal import LoggedWriter
from .dataset.storage import failing_writes
from .dataset.writer import DatasetWriter
from .dedup import Deduper
from .errors import WriteFailed
from .extensions import stop_crawl
from .items import FailureItem
from .pool import WorkerPool
from .process import Outcome, Page, ProcessOptions, domain_of, raw_row
from .summary import count_outcome


def process_options(settings: BaseSettings) -> ProcessOptions:
    """A crawl's extract+clean options: the job's cleaner options (CLEANCRAWL_CLEANER) over the defaults."""
    return ProcessOptions(clean=cleaner_options(settings.getdict("CLEANCRAWL_CLEANER"), "CLEANCRAWL_CLEANER"))


class ProcessPipeline:
    """Extract and clean pages off the reactor, in worker processes; write the dataset."""

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.crawler = crawler
        context = context_of(crawler)
        self.crawl_id = context.crawl_id
        self.store_raw = s.getbool("CLEANCRAWL_STORE_RAW")
        self.pool = WorkerPool(workers=s.getint("CLEANCRAWL_WORKERS") or None,
                               timeout=s.getfloat("CLEANCRAWL_PAGE_TIMEOUT"), options=process_options(s))
        self.writer = DatasetWriter(s.get("CLEANCRAWL_OUT"), self.crawl_id, worker=context.worker,
                                    rows_per_group=s.getint("CLEANCRAWL_ROWS_PER_GROUP"),
                                    rows_per_file=s.getint("CLEANCRAWL_ROWS_PER_FILE"))
        self.job = context.journal
        self.logged = (LoggedWriter(self.writer, self.job.log, s.getint("CLEANCRAWL_CHECKPOINT_BYTES"))
                       if self.job else None)
        self.state = context.state
        # A worker of a shared crawl releases its requests once their rows are committed (redis_frontier.py).
        self.frontier = context.frontier
        self.commit_every = s.getfloat("CLEANCRAWL_REDIS_COMMIT_SECONDS")
        self.committed_at = time.monotonic()
        self.failure: WriteFailed | None = None
        self.dedup = Deduper(s.get("CLEANCRAWL_OUT"))  # read at the first page: after a job directory's rows are replayed

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ProcessPipeline":
        return cls(crawler)

    def open_spider(self) -> None:
        try:
            self.writer.open()
        except WriteFailed as exc:
            self._fail(exc)
        self.pool.start()

    def close_spider(self) -> None:
        self.pool.close()
        if self.failure is None:
            try:
                with failing_writes(self.state.path):
                    if self.logged:
                        self.logged.close()
                    else:
                        self.writer.close()
                    self.state.commit()  # only now are this run's rows on disk (crawler/state.py)
                    if self.frontier is not None:
                        self.frontier.committed()
            except WriteFailed as exc:
                self._fail(exc)
        if self.failure is not None:
            self.writer.abort()  # with a job directory, the row log still holds the rows (dataset/wal.py)
        try:
            self.state.close()
        except sqlite3.Error:
            pass  # the failure is reported already; what the state had is kept, pending notes are dropped

    def _fail(self, exc: WriteFailed) -> None:
        if self.failure is None:
            self.failure = exc
            stop_crawl(self.crawler, exc)

    async def process_item(self, item: Any) -> Any:
        if self.failure is not None:  # stopping: nothing more is written, the state is not advanced
            return item
        try:
            await self._process(item)
        except WriteFailed as exc:
            self._fail(exc)
        return item

    async def _process(self, item: Any) -> None:
        if isinstance(item, FailureItem):
            outcome = Outcome("errors", {
                "url": item.url, "domain": domain_of(item.url), "crawl_id": self.crawl_id, "error": item.error,
                "detail": item.detail, "http_status": item.status, "time": item.time})
            self._record(item.url, outcome, new=self._is_new(item.url, {}, outcome))
            return
        page = Page(url=item.url, body=item.body, crawl_id=self.crawl_id, fetched_at=item.fetched_at,
                    status=item.status, headers=item.headers, page_type=item.page_type)
        outcome = await asyncio.wrap_future(self.pool.submit(page))
        if self.failure is not None:
            return
        outcome = self.dedup.mark(outcome)
        raw = [("raw", raw_row(page))] if self.store_raw and outcome.table != "errors" else []
        self._record(item.url, outcome, raw, new=self._is_new(item.url, item.headers, outcome))

    def _release(self, url: str) -> None:
        """Release ``url``'s request from this worker's parked set once its rows are committed; commit now and then."""
        assert self.frontier is not None
        self.frontier.wrote(url)
        if time.monotonic() - self.committed_at >= self.commit_every:
            self.writer.commit()
            self.frontier.committed()
            self.committed_at = time.monotonic()

    def _is_new(self, url: str, headers: dict[str, str], outcome: Outcome) -> bool:
        """False when the dataset already holds this very row for the URL (counted as unchanged)."""
        with failing_writes(self.state.path):
            new = self.state.outcome(url, headers, outcome.table, outcome.row)
            if self.state.failure is not None:
                raise self.state.failure
        if new:
            return True
        self.crawler.stats.inc_value("cleancrawl/unchanged")
        self.crawler.stats.inc_value(f"cleancrawl/unchanged/{outcome.table}")
        return False

    def _record(self, url: str, outcome: Outcome, extra: Sequence[tuple[str, dict[str, Any]]] = (),
                new: bool = True) -> None:
        """Write a page's rows (none when unchanged); with a job directory, journal it as done."""
        rows = [*extra, (outcome.table, outcome.row)] if new else []
        if self.logged:
            assert self.job is not None
            if self.job.frontier.is_done(url):  # fetched again after a crash: its rows are in already
                self.crawler.stats.inc_value("cleancrawl/already_done")
                return
            with failing_writes(self.job.log.path):
                if rows:
                    self.logged.write_rows(rows)
                self.job.frontier.finish(url)
                self.logged.checkpoint_if_due()
        else:
            for table, row in rows:
                self.writer.write(table, row)
            if self.frontier is not None:
                self._release(url)
        if not new:
            return
        if outcome.table == "pages":
            self.dedup.add(outcome.row)
        counters: Counter[str] = Counter()
        count_outcome(counters, outcome)
        for key, n in counters.items():
            self.crawler.stats.inc_value(key, n)
