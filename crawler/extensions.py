"""RunSummary: progress lines while crawling, and the run summary when the spider closes.

``stop_crawl`` is how any component stops the crawl after a write failed: the failure
goes into the stats, where the summary and ``run_crawl`` find it.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from . import summary
from .context import context_of
from .dataset.storage import write_failed
from .errors import WriteFailed

logger = logging.getLogger(__name__)
WRITE_FAILED = "cleancrawl/write_failed"


def stop_crawl(crawler: Crawler, exc: WriteFailed) -> None:
    """Stop the crawl after a failed write; only the first failure is kept (stats: ``WRITE_FAILED``) and logged."""
    if crawler.stats.get_value(WRITE_FAILED):
        return
    crawler.stats.set_value(WRITE_FAILED, str(exc))
    logger.error("%s; stopping the crawl", exc)
    if crawler.engine is not None and crawler.engine.running:
        deferred_from_coro(crawler.engine.close_spider_async(reason="write_failed"))


class RunSummary:
    """Write ``OUT/runs/<crawl_id>.json`` at the end of a crawl and log progress on the way."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.interval = crawler.settings.getfloat("CLEANCRAWL_PROGRESS_INTERVAL")
        self.started = time.monotonic()
        self.result: dict[str, Any] | None = None
        self._loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RunSummary":
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Any) -> None:
        self.started = time.monotonic()
        if self.interval > 0:
            self._loop = task.LoopingCall(self._progress)
            self._loop.start(self.interval, now=False)

    def _progress(self) -> None:
        stats = self.crawler.stats
        done = sum(stats.get_value(f"cleancrawl/{t}", 0) for t in ("pages", "rejected", "errors"))
        # Incremental runs: pages already in the dataset are done too.
        known = stats.get_value("cleancrawl/not_modified/page", 0) + stats.get_value("cleancrawl/unchanged", 0)
        rate = (done + known) / max(time.monotonic() - self.started, 1e-9)
        logger.info("progress: %d pages done (%d kept, %d already in the dataset), %d requests, %.1f pages/s",
                    done + known, stats.get_value("cleancrawl/pages", 0), known,
                    stats.get_value("downloader/request_count", 0), rate)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self._loop and self._loop.running:
            self._loop.stop()
        s = self.crawler.settings
        context = context_of(self.crawler)
        seconds = time.monotonic() - self.started
        extra = {"finish_reason": reason, "requests": self.crawler.stats.get_value("downloader/request_count", 0),
                 "out": s.get("CLEANCRAWL_OUT")}
        if context.frontier is not None:  # one worker of a shared crawl: its summary, and all workers' merged
            extra.update(worker=context.worker, ended=time.time(), started=time.time() - seconds)
        self.result = summary.from_counters(context.crawl_id, self.crawler.stats.get_stats(), seconds, extra=extra)
        try:
            path = summary.save(self.result, s.get("CLEANCRAWL_OUT"))
            if context.frontier is not None:
                summary.merge_workers(s.get("CLEANCRAWL_OUT"), context.crawl_id)
        except OSError as exc:  # the disk that stopped the crawl may take no summary either
            logger.error("run summary not written: %s", write_failed(exc))
            return
        logger.info("run summary written to %s\n%s", path, summary.render(self.result))
