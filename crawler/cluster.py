"""Run `process` and `reclean` on Ray: each task reads one part of the input and cleans its pages.

The input is split as a local run reads it (crawler/sources.py: a WARC file, 32 HTML
files, or one row group of a dataset's raw table per task). Tasks read their part
themselves, run ``process_page`` on each page and send the outcomes back; the driver
takes them in input order, marks duplicates and writes them with the one
``DatasetWriter``, so the tables are those of a local run of the same input, with the
same file names and the same atomic renames. Duplicate marking needs every earlier row,
which is why the writing stays in one process: at the 50-100 pages a second one core
cleans, writing is a small share of the work.

With no address, a local Ray instance is started with ``workers`` CPUs (all cores when
none is given) and its workers at normal priority; with one, the driver joins that cluster, whose nodes must see the input
paths and the output folder at the same paths (a shared file system) and have
cleancrawl installed.
"""

from __future__ import annotations

import logging
import socket
import time
from collections import Counter, deque
from pathlib import Path
from typing import Any, Callable, Iterable

from .dataset.writer import DatasetWriter
from .errors import InputError
from .process import Outcome, Page, ProcessOptions, error_outcome, process_page, raw_row
from .run import Progress, finish_offline, write_outcome

# Tasks in flight per CPU: enough to keep every CPU busy while the driver writes.
IN_FLIGHT_PER_CPU = 3
PROBE_SECONDS = 5.0

Reader = Callable[[Any, str], Iterable[Page | Outcome]]
Result = list[tuple[dict[str, Any] | None, Outcome]]


def run_on_ray(parts: list[Any], reader: Reader, total: int, out: str, crawl_id: str, address: str | None,
               cpus: int | None = None, store_raw: bool = True,
               options: ProcessOptions | None = None) -> dict[str, Any]:
    """Clean every part's pages in Ray tasks and write them in input order; return the run summary."""
    import ray

    from .dedup import Deduper

    _connect(ray, address, cpus)
    try:
        task = ray.remote(max_retries=1)(clean_part)
        shared = ray.put(options or ProcessOptions())
        slots = IN_FLIGHT_PER_CPU * max(1, int(ray.cluster_resources().get("CPU", 1)))
        counters: Counter[str] = Counter()
        started, done = time.monotonic(), 0
        progress = Progress(total)
        with DatasetWriter(out, crawl_id) as writer:
            dedup = Deduper(out)
            waiting: deque[tuple[Any, Any]] = deque()
            for part in [*parts, None]:
                if part is not None:
                    waiting.append((part, task.remote(part, reader, crawl_id, shared, store_raw)))
                while waiting and (part is None or len(waiting) >= slots):
                    for raw, outcome in _results(ray, *waiting.popleft(), crawl_id):
                        write_outcome(writer, dedup, counters, outcome, raw)
                        done += 1
                        progress.update(done)
        return finish_offline(out, crawl_id, counters, started, progress, done)
    finally:
        ray.shutdown()


def clean_part(part: Any, reader: Reader, crawl_id: str, options: ProcessOptions, store_raw: bool) -> Result:
    """A Ray task: read one part, clean its pages; each outcome with the page's raw row when kept."""
    results: Result = []
    for item in reader(part, crawl_id):
        if not isinstance(item, Page):
            results.append((None, item))
            continue
        try:
            outcome = process_page(item, options)
        except Exception as exc:  # noqa: BLE001 - the worker boundary, as pool._serve
            outcome = error_outcome(item.url, crawl_id, "internal", f"{type(exc).__name__}: {exc}", item.status)
        results.append((raw_row(item) if store_raw else None, outcome))
    return results


def _results(ray: Any, part: Any, ref: Any, crawl_id: str) -> Result:
    """A task's outcomes; a task that failed twice (its worker died) is one ``worker`` error row."""
    try:
        return ray.get(ref)
    except ray.exceptions.RayError as exc:
        first = part[0] if isinstance(part, list) else part
        url = Path(first[0] if isinstance(first, tuple) else first).resolve().as_uri()
        detail = f"Ray task failed: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}"
        return [(None, error_outcome(url, crawl_id, "worker", detail))]


def _connect(ray: Any, address: str | None, cpus: int | None) -> None:
    """Join the cluster at ``address``, or start a local one with ``cpus`` CPUs; InputError if unreachable."""
    quiet: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
    if address:
        _probe(address)
    try:
        if address:
            ray.init(address=address, **quiet)
        else:
            # Ray runs task workers at nice 15 so that its own daemons stay responsive; on a
            # local instance that starved them against any other work (2-CPU runs no faster
            # than 1-CPU runs on a busy machine, bench/ray_reclean.py), so they run at the
            # priority the local process pool has.
            ray.init(num_cpus=cpus or None, include_dashboard=False, _system_config={"worker_niceness": 0}, **quiet)
    except (ConnectionError, ValueError, RuntimeError) as exc:
        raise InputError(f"cannot start or reach Ray{f' at {address}' if address else ''}: "
                         f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None


def _probe(address: str) -> None:
    """Fail at once, with InputError, when nothing listens at a host:port address (ray.init would retry for minutes)."""
    host, _, port = address.rpartition(":")
    if "://" in address or not port.isdigit():
        return  # "auto", ray://... : left to Ray
    try:
        socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=PROBE_SECONDS).close()
    except OSError as exc:
        raise InputError(f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}") from None
