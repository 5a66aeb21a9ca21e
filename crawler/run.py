"""Run a crawl job with Scrapy, or offline pages through the worker pool, into a dataset."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, deque
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .config import JobConfig
from .dataset.storage import failing_writes
from .errors import ConfigError, WriteFailed
from .journal import JobDir
from .pool import WorkerPool
from .process import Outcome, Page, ProcessOptions, raw_row
from . import summary

if TYPE_CHECKING:
    from scrapy.settings import Settings

    from .dataset.writer import DatasetWriter
    from .dedup import Deduper


def run_crawl(config: JobConfig, crawl_id: str) -> dict[str, Any]:
    """Crawl with the articles spider until done; return the run summary.

    With a job directory, the job's own crawl id (made from ``crawl_id`` on its first
    run) is used, and the directory is locked for the crawl's duration.
    """
    if config.redis:
        return _crawl_shared(config, crawl_id)
    if not config.jobdir:
        return _crawl(config, crawl_id)
    job = JobDir(config.jobdir).lock()
    try:
        return _crawl(config, job.crawl_id(config.out, lambda: crawl_id))
    finally:
        job.unlock()


def _crawl_shared(config: JobConfig, crawl_id: str) -> dict[str, Any]:
    """Crawl as one worker of the job shared through Redis, under the crawl id its first worker chose.

    The summary returned is this worker's, with the merged one of every worker so far under ``merged``.
    """
    from .redis_frontier import new_worker_id, shared_crawl_id

    prefix = crawl_settings(config, crawl_id).get("CLEANCRAWL_REDIS_PREFIX")
    assert config.redis is not None
    return _crawl(config, shared_crawl_id(config.redis, prefix, crawl_id), new_worker_id())


def crawl_settings(config: JobConfig, crawl_id: str, worker: str = "") -> Settings:
    """The Scrapy settings of a job: crawler/settings.py, then the job's (``to_scrapy_settings``)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    try:
        settings.setdict(config.to_scrapy_settings(crawl_id, worker), priority="cmdline")
    except (ValueError, TypeError, KeyError) as exc:
        raise ConfigError(f"bad crawl setting: {exc}") from None
    return settings


def _crawl(config: JobConfig, crawl_id: str, worker: str = "") -> dict[str, Any]:
    from scrapy.crawler import CrawlerProcess

    from .extensions import WRITE_FAILED
    from .spiders.articles import ArticlesSpider
    from .state import state_lock, state_path

    settings = crawl_settings(config, crawl_id, worker)
    state = state_path(settings.get("CLEANCRAWL_OUT"), settings.get("CLEANCRAWL_STATE") or "")
    # One crawl at a time per dataset: taken before Scrapy opens anything.
    with failing_writes(state), state_lock(state):
        _check_writable(settings.get("CLEANCRAWL_OUT"), state)
        try:
            process = CrawlerProcess(settings)
            crawler = process.create_crawler(ArticlesSpider)
            process.crawl(crawler, **config.spider_args())
        except (ValueError, TypeError, KeyError) as exc:
            raise ConfigError(f"bad crawl setting: {exc}") from None
        process.start()
    failure = crawler.stats.get_value(WRITE_FAILED)
    if failure:
        raise WriteFailed(failure)
    path = Path(config.out) / "runs" / f"{summary.run_name(crawl_id, worker)}.json"
    if not path.exists():
        raise ConfigError("the crawl did not start; see the log above")
    result = json.loads(path.read_text(encoding="utf8"))
    if worker:
        result["merged"] = json.loads((path.parent / f"{crawl_id}.json").read_text(encoding="utf8"))
    return result


def _check_writable(out: str, state: Path) -> None:
    """Open the state and the dataset's folders before crawling, so a disk that takes no write stops the run at once."""
    from .dataset.writer import DatasetWriter
    from .state import JobState

    JobState(state).open().close()
    DatasetWriter(out, "check").open()


class Progress:
    """Say how far an offline run has got on standard error: a tqdm bar with rate and ETA on a
    terminal, else a plain line every ``every`` seconds (cron, CI, a log file) and one at the end."""

    def __init__(self, total: int, every: float = 10.0) -> None:
        self.total, self.every = total, every
        self.started = self.last = time.monotonic()
        self.bar: Any = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total or None, unit=" pages", file=sys.stderr, mininterval=0.5, smoothing=0.1)

    def update(self, done: int, final: bool = False) -> None:
        if self.bar is not None:
            self.bar.update(done - self.bar.n)
            if final:
                self.bar.close()
            return
        now = time.monotonic()
        if not final and now - self.last < self.every:
            return
        self.last = now
        rate = done / max(now - self.started, 1e-9)
        of = f"/{self.total}" if self.total else ""
        left = f", about {(self.total - done) / rate:.0f}s left" if self.total and rate and not final else ""
        print(f"processed {done}{of} pages ({rate:.1f} pages/s{left})", file=sys.stderr, flush=True)


def run_offline(items: Iterable[Page | Outcome], total: int, out: str, crawl_id: str,
                workers: int | None = None, store_raw: bool = True,
                options: ProcessOptions | None = None) -> dict[str, Any]:
    """Process pages through the pool into a dataset, in input order; return the run summary.

    Duplicates are marked against the dataset's kept pages and those written before (crawler/dedup.py).
    """
    counters: Counter[str] = Counter()
    started = time.monotonic()
    progress = Progress(total)
    # The workers start first: each loads the cleaner, Trafilatura and the language
    # profiles (about a second) while this process imports pyarrow and opens the dataset.
    pool = WorkerPool(workers, options=options).start()
    try:
        from .dataset.writer import DatasetWriter
        from .dedup import Deduper

        with DatasetWriter(out, crawl_id) as writer, pool:
            dedup = Deduper(out)  # read when the first outcome is written, once the workers have pages
            window: deque[tuple[Page | None, Future[Outcome] | Outcome]] = deque()
            limit = pool.workers * 4
            done = 0
            for item in items:
                window.append((item, pool.submit(item)) if isinstance(item, Page) else (None, item))
                while len(window) > limit or (window and _ready(window[0][1])):
                    _write_next(writer, dedup, counters, window, store_raw)
                    done += 1
                    progress.update(done)
            while window:
                _write_next(writer, dedup, counters, window, store_raw)
                done += 1
                progress.update(done)
    finally:
        pool.close()  # a no-op once closed above; here when the dataset could not be opened
    return finish_offline(out, crawl_id, counters, started, progress, done)


def finish_offline(out: str, crawl_id: str, counters: Counter[str], started: float, progress: Progress,
                   done: int) -> dict[str, Any]:
    """Close the progress display, save the run summary in OUT/runs/ and return it."""
    if done or progress.bar is not None:
        progress.update(done, final=True)
    result = summary.from_counters(crawl_id, counters, time.monotonic() - started, extra={"out": out})
    with failing_writes(Path(out) / "runs"):
        summary.save(result, out)
    return result


def _ready(value: Future[Outcome] | Outcome) -> bool:
    return not isinstance(value, Future) or value.done()


def _write_next(writer: DatasetWriter, dedup: Deduper, counters: Counter[str],
                window: deque[tuple[Page | None, Future[Outcome] | Outcome]], store_raw: bool) -> None:
    page, value = window.popleft()
    outcome = value.result() if isinstance(value, Future) else value
    write_outcome(writer, dedup, counters, outcome, raw_row(page) if page is not None and store_raw else None)


def write_outcome(writer: DatasetWriter, dedup: Deduper, counters: Counter[str], outcome: Outcome,
                  raw: dict[str, Any] | None) -> None:
    """Mark duplicates, write the page's raw row (kept and rejected pages only) and its row; count it."""
    outcome = dedup.mark(outcome)
    if raw is not None and outcome.table != "errors":
        writer.write("raw", raw)
    writer.write(outcome.table, outcome.row)
    if outcome.table == "pages":
        dedup.add(outcome.row)
    summary.count_outcome(counters, outcome)
