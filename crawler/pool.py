"""A pool of worker processes for process_page, with a per-page time limit.

Each worker is a spawned process fed over its own pipe by one thread in the parent.
A page that runs past the time limit gets its worker killed and replaced, and a dead
worker is replaced too; either way the page becomes an ``errors`` row with code
``worker``, and the pool goes on. A worker that has processed ``max_pages`` pages is
stopped between two pages and replaced by a fresh one, so what its libraries' caches
and allocator keep does not build up over a long crawl. ``submit`` returns a ``concurrent.futures.Future``,
which asyncio code awaits through ``asyncio.wrap_future``.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import queue
import signal
import threading
from concurrent.futures import Future
from multiprocessing.connection import Connection

from .process import Outcome, Page, ProcessOptions, error_outcome, process_page, warm_up

_STOP = None
# Pages a worker processes before a fresh one takes its place. A worker grew by about
# 0.15 MB per 10,000 pages of a 100,000-page crawl (1.5 MB over its first 12,000 pages,
# bench/crawl_memory.py, 2026-12-05); a new one costs 1-3 s of one core to start.
MAX_PAGES = 10_000
logger = logging.getLogger(__name__)


def default_workers() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def capped_workers(requested: int | None) -> tuple[int, str]:
    """Return the workers to start (one per core when None or 0, never more than the cores) and a warning, or "".

    Workers are CPU-bound: past one per core they only add memory (about 80 MB each).
    """
    cores = default_workers()
    if requested and requested > cores:
        return cores, f"{requested} workers asked for, but only {cores} cores: starting {cores}"
    return requested or cores, ""


class WorkerPool:
    """Run ``process_page`` in ``workers`` processes; a page gets ``timeout`` seconds."""

    def __init__(self, workers: int | None = None, timeout: float = 120.0, options: ProcessOptions | None = None,
                 max_pages: int = MAX_PAGES) -> None:
        self.workers, warning = capped_workers(workers)
        if warning:
            logger.warning(warning)
        self.timeout = timeout
        self.max_pages = max_pages  # 0: never replace a healthy worker
        self.options = options or ProcessOptions()
        self._tasks: queue.Queue[tuple[Page, Future[Outcome]] | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._procs: dict[int, mp.process.BaseProcess] = {}
        self._ctx = mp.get_context("spawn")

    def start(self) -> "WorkerPool":
        """Spawn the workers (each loads the cleaner at once, before its first page); a second call does nothing."""
        if self._threads:
            return self
        for n in range(self.workers):
            t = threading.Thread(target=self._feed, args=(n,), name=f"cleancrawl-feeder-{n}", daemon=True)
            t.start()
            self._threads.append(t)
        return self

    def submit(self, page: Page) -> Future[Outcome]:
        fut: Future[Outcome] = Future()
        self._tasks.put((page, fut))
        return fut

    def close(self) -> None:
        """Finish the queued pages, then stop every worker."""
        for _ in self._threads:
            self._tasks.put(_STOP)
        for t in self._threads:
            t.join()
        self._threads.clear()

    def __enter__(self) -> "WorkerPool":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spawn(self) -> tuple[mp.process.BaseProcess, Connection]:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_work, args=(child, self.options), daemon=True)
        proc.start()
        child.close()
        return proc, parent

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        return [p.pid for p in self._procs.values() if p.pid is not None and p.is_alive()]

    def _feed(self, slot: int) -> None:
        """Hand pages to one worker, one at a time, replacing it when it dies or hangs."""
        proc, conn = self._spawn()
        self._procs[slot] = proc
        done = 0
        try:
            while (task := self._tasks.get()) is not _STOP:
                page, fut = task
                if not proc.is_alive():  # died while idle: replace it before it costs a page
                    proc, conn = self._replace(proc, conn, slot)
                outcome, healthy = self._run_one(proc, conn, page)
                fut.set_result(outcome)
                done += 1
                if not healthy or (self.max_pages and done >= self.max_pages):
                    if healthy:  # its pages are all answered: let it exit by itself
                        _stop_worker(proc, conn)
                    proc, conn = self._replace(proc, conn, slot)
                    done = 0
        finally:
            _stop_worker(proc, conn)

    def _replace(self, proc: mp.process.BaseProcess, conn: Connection, slot: int) -> tuple[mp.process.BaseProcess, Connection]:
        proc.kill()
        proc.join()
        conn.close()
        proc, conn = self._spawn()
        self._procs[slot] = proc
        return proc, conn

    def _run_one(self, proc: mp.process.BaseProcess, conn: Connection, page: Page) -> tuple[Outcome, bool]:
        try:
            conn.send(page)
            if conn.poll(self.timeout):
                return conn.recv(), True
            detail = f"processing took longer than {self.timeout:g}s"
        except (EOFError, OSError, BrokenPipeError):
            proc.join(timeout=5)
            detail = f"worker died (exit code {proc.exitcode})"
        return error_outcome(page.url, page.crawl_id, "worker", detail, page.status), False


def _stop_worker(proc: mp.process.BaseProcess, conn: Connection) -> None:
    try:
        conn.send(_STOP)
    except (OSError, BrokenPipeError):
        pass
    proc.join(timeout=10)
    if proc.is_alive():
        proc.kill()
        proc.join()
    conn.close()


def _work(conn: Connection, options: ProcessOptions) -> None:
    """Worker process main loop: a boundary, so one bad page never ends the worker."""
    # Ctrl-C reaches the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        warm_up(options)
    except Exception:  # noqa: BLE001 - the worker boundary: the first page will meet the same trouble as data
        pass
    try:
        _serve(conn, options)
    except (EOFError, OSError):  # the parent went away
        pass
    # Nothing is left to flush (outcomes are sent as they are made), so skip the
    # interpreter's teardown of the cleaner's tables: the parent waits for this exit.
    conn.close()
    os._exit(0)


def _serve(conn: Connection, options: ProcessOptions) -> None:
    while (page := conn.recv()) is not _STOP:
        try:
            outcome = process_page(page, options)
        except Exception as exc:  # noqa: BLE001 - the worker boundary
            outcome = error_outcome(page.url, page.crawl_id, "internal", f"{type(exc).__name__}: {exc}", page.status)
        conn.send(outcome)
