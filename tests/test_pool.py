"""The worker pool: pages are processed off the caller's thread; hung or dead workers are replaced."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from crawler.pool import WorkerPool
from crawler.process import Page

ARTICLE = ("<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>"
           + "".join(f"<p>The council met on Tuesday for the {i}th time to debate the city budget, "
                     "and members argued about road repairs, school meals and the library.</p>" for i in range(8))
           + "</article></body></html>").encode()


def page(n: int) -> Page:
    return Page(url=f"http://127.0.0.1/a/{n}", body=ARTICLE, crawl_id="t", fetched_at=datetime.now(timezone.utc),
                headers={"content-type": "text/html; charset=utf-8"})


def test_pages_come_back_as_outcomes() -> None:
    with WorkerPool(workers=2) as pool:
        outcomes = [f.result(timeout=60) for f in [pool.submit(page(n)) for n in range(6)]]
    assert [o.table for o in outcomes] == ["pages"] * 6
    assert [o.row["url"] for o in outcomes] == [f"http://127.0.0.1/a/{n}" for n in range(6)]
    assert "council met on Tuesday" in outcomes[0].row["text"]


def test_a_page_over_the_time_limit_becomes_an_error_and_the_pool_goes_on() -> None:
    # A fresh worker needs far more than 1 ms to import the extractor, so the first
    # page is certain to overrun; the replacement worker gets the same limit.
    with WorkerPool(workers=1, timeout=0.001) as pool:
        first = pool.submit(page(1)).result(timeout=60)
        pool.timeout = 60
        second = pool.submit(page(2)).result(timeout=60)
    assert (first.table, first.row["error"]) == ("errors", "worker")
    assert "longer than 0.001s" in first.row["detail"]
    assert second.table == "pages"


def test_a_killed_worker_is_replaced() -> None:
    with WorkerPool(workers=1) as pool:
        assert pool.submit(page(1)).result(timeout=60).table == "pages"
        (pid,) = pool.pids()
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)
        assert pool.submit(page(2)).result(timeout=60).table == "pages"
        assert pool.pids() and pool.pids() != [pid]


def test_non_html_and_http_errors_are_error_rows() -> None:
    pdf = Page(url="http://127.0.0.1/x.pdf", body=b"%PDF-1.7 ...", crawl_id="t",
               fetched_at=datetime.now(timezone.utc), headers={"content-type": "text/html"})
    with WorkerPool(workers=1) as pool:
        out = pool.submit(pdf).result(timeout=60)
    assert (out.table, out.row["error"]) == ("errors", "not_html")


def test_workers_load_the_cleaner_before_their_first_page_and_exit_cleanly() -> None:
    pool = WorkerPool(workers=1).start()
    assert pool.start() is pool and len(pool._threads) == 1  # a second start spawns nothing
    with pool:
        assert pool.submit(page(1)).result(timeout=60).table == "pages"
        (proc,) = pool._procs.values()
    assert proc.exitcode == 0
    # What the worker ran first: the cleaner, Trafilatura and langdetect's profiles, loaded.
    probe = ("import sys; from crawler.process import warm_up; from cleaners import language; warm_up(); "
             "print('trafilatura' in sys.modules, language._factory.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.split() == ["True", "1"]


def test_a_worker_past_its_page_budget_is_replaced_and_no_page_is_lost() -> None:
    with WorkerPool(workers=1, max_pages=3) as pool:
        first = pool.submit(page(0)).result(timeout=60)
        (pid,) = pool.pids()
        outcomes = [first] + [f.result(timeout=60) for f in [pool.submit(page(n)) for n in range(1, 8)]]
        later = pool.pids()
    assert [o.table for o in outcomes] == ["pages"] * 8
    assert [o.row["url"] for o in outcomes] == [f"http://127.0.0.1/a/{n}" for n in range(8)]
    assert later and later != [pid]  # pages 0-2 went to one worker, 3-5 to another, 6-7 to a third
