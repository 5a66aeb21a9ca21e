"""CrawlContext: the one owner of a running crawl's identity and state; components ask it.

A crawl has a crawl id (shared by every process of a Redis crawl), a worker id (which
process of it this is; in the dataset's file names), the per-URL incremental state
(crawler/state.py), and, with a job directory, the resume journal and row log
(crawler/resume.py); with ``--redis``, the shared frontier (crawler/redis_frontier.py).
The extension is built before the engine and its components, so recovery from a
crash (the row log replayed into the dataset, the journal told what is done) runs
here, once, before anything reads the journal:

    context = context_of(crawler)            # crawler.get_extension(CrawlContext)
    context.crawl_id, context.worker, context.state, context.journal, context.frontier

The local path and the Redis path have the same shape: ``journal`` is None without a
job directory, ``frontier`` None without Redis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.crawler import Crawler

from .config import new_crawl_id
from .errors import ConfigError
from .state import JobState, state_path

if TYPE_CHECKING:
    from .redis_frontier import SharedFrontier
    from .resume import JobJournal

# The worker id of a crawl made by one process (DatasetWriter's default).
LOCAL_WORKER = "0"


class CrawlContext:
    """Extension: crawl id, worker id, incremental state, resume journal and shared frontier of one crawl."""

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.crawl_id: str = s.get("CLEANCRAWL_CRAWL_ID") or new_crawl_id()
        self.worker: str = s.get("CLEANCRAWL_WORKER_ID") or LOCAL_WORKER
        self.out: str = s.get("CLEANCRAWL_OUT")
        self.state = JobState(state_path(self.out, s.get("CLEANCRAWL_STATE") or ""), self.crawl_id,
                              s.getbool("CLEANCRAWL_INCREMENTAL"))
        self.journal: JobJournal | None = None
        jobdir = s.get("CLEANCRAWL_JOBDIR")
        if jobdir:
            from .resume import JobJournal

            self.journal = JobJournal(jobdir, self.out, self.crawl_id)
        self.frontier: SharedFrontier | None = None
        if s.get("CLEANCRAWL_REDIS_URL"):
            from .redis_frontier import SharedFrontier

            self.frontier = SharedFrontier.from_settings(s, self.worker)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "CrawlContext":
        return cls(crawler)


def context_of(crawler: Any) -> CrawlContext:
    """The crawler's CrawlContext; ConfigError when the extension is switched off."""
    context = crawler.get_extension(CrawlContext)
    if context is None:
        raise ConfigError("the crawl needs the extension crawler.context.CrawlContext (EXTENSIONS)")
    return context
