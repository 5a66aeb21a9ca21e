"""DiskScheduler: Scrapy's scheduler, keeping the requests waiting to be fetched on disk even without JOBDIR.

Scrapy holds its pending requests in memory unless JOBDIR is set, each with its
headers, meta, bound callback and parsed-URL cache. A crawl finds links faster than it
fetches them wherever a page leads to many: on the generated site's chain of listing
pages (50 articles and a "next" link each), the newest listing is fetched first and its
50 articles wait: the requests held grew by about 1,000 a minute (gc counts), and the
crawler process from 194 to 222 MB between 10,000 and 20,000 pages
(bench/crawl_memory.py, 2026-12-05, on a loaded machine at 20 pages a second).

Without JOBDIR this scheduler gives Scrapy's own disk queues (SCHEDULER_DISK_QUEUE,
last in first out as the memory queue it replaces) a temporary directory of their own,
deleted when the scheduler closes; a request that cannot be serialized stays in memory
as before (Scrapy's fallback). With JOBDIR, Scrapy's own or `--jobdir`'s (whose
resume.JournalScheduler rebuilds its queue from the journal), nothing changes. The
directory is made under TMPDIR; a crawl killed with SIGKILL leaves it there.
"""

from __future__ import annotations

import shutil
import tempfile
from typing import Any

from scrapy.core.scheduler import Scheduler


class DiskScheduler(Scheduler):
    """Scrapy's Scheduler with disk queues in a temporary directory when no JOBDIR is given."""

    def __init__(self, dupefilter: Any, jobdir: str | None = None, *args: Any, **kwargs: Any) -> None:
        self.tempdir = None if jobdir else tempfile.mkdtemp(prefix="cleancrawl-queue-")
        super().__init__(dupefilter, jobdir or self.tempdir, *args, **kwargs)

    def close(self, reason: str) -> Any:
        try:
            return super().close(reason)
        finally:
            if self.tempdir is not None:
                shutil.rmtree(self.tempdir, ignore_errors=True)
