"""ProcessPipeline: hand each fetched page to the worker pool and write what comes back."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

from scrapy.crawler import Crawler

from .config import crawl_id_of
from .dataset.writer import DatasetWriter
from .items import FailureItem, PageItem
from .pool import WorkerPool
from .state import state_of
from .summary import count_outcome
from .process import Outcome, Page, ProcessOptions, domain_of, raw_row


class ProcessPipeline:
    """Extract and clean pages off the reactor, in worker processes; write the dataset."""

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.crawler = crawler
        self.crawl_id = crawl_id_of(crawler)
        self.store_raw = s.getbool("CLEANCRAWL_STORE_RAW")
        self.pool = WorkerPool(workers=s.getint("CLEANCRAWL_WORKERS") or None,
                               timeout=s.getfloat("CLEANCRAWL_PAGE_TIMEOUT"), options=ProcessOptions())
        self.writer = DatasetWriter(s.get("CLEANCRAWL_OUT"), self.crawl_id)
        self.state = state_of(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ProcessPipeline":
        return cls(crawler)

    def open_spider(self) -> None:
        self.writer.open()
        self.pool.start()

    def close_spider(self) -> None:
        self.pool.close()
        self.writer.close()
        self.state.commit()  # only now are this run's rows on disk (crawler/state.py)
        self.state.close()

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, FailureItem):
            outcome = Outcome("errors", {
                "url": item.url, "domain": domain_of(item.url), "crawl_id": self.crawl_id, "error": item.error,
                "detail": item.detail, "http_status": item.status, "time": item.time})
            if self._is_new(item.url, {}, outcome):
                self._record(outcome)
            return item
        page = Page(url=item.url, body=item.body, crawl_id=self.crawl_id, fetched_at=item.fetched_at,
                    status=item.status, headers=item.headers, page_type=item.page_type)
        outcome = await asyncio.wrap_future(self.pool.submit(page))
        if not self._is_new(item.url, item.headers, outcome):
            return item
        if self.store_raw and outcome.table != "errors":
            self.writer.write("raw", raw_row(page))
        self._record(outcome)
        return item

    def _is_new(self, url: str, headers: dict[str, str], outcome: Outcome) -> bool:
        """False when the dataset already holds this very row for the URL (counted as unchanged)."""
        if self.state.outcome(url, headers, outcome.table, outcome.row):
            return True
        self.crawler.stats.inc_value("cleancrawl/unchanged")
        self.crawler.stats.inc_value(f"cleancrawl/unchanged/{outcome.table}")
        return False

    def _record(self, outcome: Outcome) -> None:
        self.writer.write(outcome.table, outcome.row)
        counters: Counter[str] = Counter()
        count_outcome(counters, outcome)
        for key, n in counters.items():
            self.crawler.stats.inc_value(key, n)
