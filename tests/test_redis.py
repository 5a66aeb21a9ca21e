"""Crawls shared by several `cleancrawl crawl --redis` processes against a real redis-server on loopback.

Two workers started at the same moment write every page exactly once and both work
to the end; one killed with SIGKILL mid-crawl and started again loses and repeats
nothing; two workers crawl a site whose pages take a while to answer at >= 1.6x the
pages per second of one (the ratio measured in one run, from the server's own log).
"""

from __future__ import annotations

import doctest
import json
import shutil
import signal
import socket
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

import pyarrow.parquet as pq
import pytest
import redis

from conftest import CLI, FAST, REPO, cli_env, run_cli
from crawler.demo import generated
from crawler.demo.server import SiteServer
from crawler.redis_codec import decode, encode
from crawler.summary import merge

PAGES = 300
SPEED_PAGES = 100
# Seconds each page of the speed test's site takes to answer.
LATENCY = 1.0
TABLES = ("pages", "rejected", "errors")
# Short clocks for tests: a worker silent 5 s is dead, and a crawl idle 1 s is over.
QUICK = ["-s", "CLEANCRAWL_REDIS_WORKER_TIMEOUT=5", "-s", "CLEANCRAWL_REDIS_IDLE_CLOSE=1", "--workers", "1"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A redis-server of the tests' own on a free loopback port, nothing saved to disk."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed (apt-get install redis-server; .ci/run installs it)")
    port = _free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            assert proc.poll() is None, proc.stderr.read().decode()[-500:] if proc.stderr else "redis-server exited"
            assert time.monotonic() < deadline, "redis-server did not answer"
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _worker(url: str, out: Path, redis_db: str, *extra: str) -> subprocess.Popen[str]:
    cmd = [*CLI, "crawl", "--start-url", url, "--out", str(out), "--redis", redis_db, *FAST, *QUICK, *extra]
    return subprocess.Popen(cmd, cwd=REPO, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(procs: list[subprocess.Popen[str]], timeout: float = 240) -> list[tuple[str, str]]:
    outputs = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, stderr[-2000:]
        outputs.append((stdout, stderr))
    return outputs


def _rows(out: Path) -> Counter[str]:
    urls: Counter[str] = Counter()
    for table in TABLES:
        for f in out.glob(f"{table}/crawl_date=*/*.parquet"):
            urls.update(pq.read_table(f, columns=["url"]).column("url").to_pylist())
    return urls


def _expected(server: SiteServer, pages: int = PAGES) -> set[str]:
    return {server.url + "/"} | {f"{server.url}/gen/article-{i}.html" for i in range(pages)} | {
        f"{server.url}/gen/list-{k}.html" for k in range(generated.list_count(pages))}


def _summaries(out: Path) -> tuple[list[dict], dict]:
    runs = sorted((out / "runs").glob("*.json"))
    workers = [json.loads(p.read_text()) for p in runs if json.loads(p.read_text()).get("worker")]
    merged = [json.loads(p.read_text()) for p in runs if not json.loads(p.read_text()).get("worker")]
    assert len(merged) == 1
    return workers, merged[0]


def test_two_workers_started_together_write_every_page_once_and_both_work(redis_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with SiteServer(root=None, generated_pages=PAGES) as server:
        procs = [_worker(server.url + "/gen/list-0.html", out, redis_url + "/1") for _ in range(2)]
        outputs = _finish(procs)
        rows = _rows(out)
        assert set(rows) == _expected(server)
        assert [u for u, n in rows.items() if n > 1] == []
        fetched = Counter(path for method, path, status in server.requests if method == "GET" and status == 200)
        assert [p for p, n in fetched.items() if n > 1] == [], "a page was fetched twice"
    workers, merged = _summaries(out)
    assert len(workers) == 2 and len({w["crawl_id"] for w in workers}) == 1
    total = sum(rows.values())
    for w in workers:  # neither quit early: each did a real share and stayed to the end
        done = w["pages"] + w["rejected"] + w["errors"]
        assert done > total * 0.1, (done, total)
        assert w["finish_reason"] == "finished"
    assert merged["pages"] + merged["rejected"] + merged["errors"] == total
    assert set(merged["workers"]) == {w["worker"] for w in workers}
    # Files carry the worker id: <crawl_id>-<worker>-<seq>.parquet, one set per worker.
    names = {f.name.rsplit("-", 1)[0] for f in out.glob("pages/*/*.parquet")}
    assert names == {f"{w['crawl_id']}-{w['worker']}" for w in workers}
    assert "all workers so far (2)" in outputs[0][0] + outputs[1][0]
    # The finished crawl's keys are gone: the next crawl under the prefix starts afresh.
    assert redis.Redis.from_url(redis_url + "/1").keys("*") == []


def test_a_worker_killed_mid_crawl_and_started_again_loses_and_repeats_nothing(redis_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    db = redis_url + "/2"
    # Commit files every half second and every 10 rows, so the kill finds committed files,
    # rows not yet committed, and requests in flight; and fetch no more than a few pages
    # ahead of the extraction process (a few KB of bodies waiting), or a fast loopback
    # crawl has every page fetched before a worker has written its first file.
    often = ["-s", "CLEANCRAWL_REDIS_COMMIT_SECONDS=0.5", "-s", "CLEANCRAWL_ROWS_PER_FILE=10",
             "-s", "SCRAPER_SLOT_MAX_ACTIVE_SIZE=20000"]
    with SiteServer(root=None, generated_pages=PAGES) as server:
        start = server.url + "/gen/list-0.html"
        victim, other = _worker(start, out, db, *often), _worker(start, out, db, *often)
        deadline = time.monotonic() + 120
        while not (len(server.requests) > PAGES // 4 and list(out.glob(f"pages/*/*-{victim.pid}-*.parquet"))):
            assert victim.poll() is None and other.poll() is None, "a worker ended before the kill"
            assert time.monotonic() < deadline, "the crawl made no progress"
            time.sleep(0.01)
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
        assert len(server.requests) < len(_expected(server)), "the kill came after the crawl"
        again = _worker(start, out, db, *often)
        outputs = _finish([other, again])
        rows = _rows(out)
        assert set(rows) == _expected(server)
        assert [u for u, n in rows.items() if n > 1] == []
    logs = outputs[0][1] + outputs[1][1]
    assert f"-{victim.pid} stopped beating:" in logs
    recovered = [int(line.split("stopped beating: ")[1].split()[0]) for line in logs.splitlines() if "stopped beating" in line]
    assert sum(recovered) > 0, "the killed worker had no request in flight"
    assert not list(out.rglob("*.tmp")), "the killed worker's unfinished files were not swept"


def test_two_workers_crawl_at_least_1_6_times_as_fast_as_one(redis_url: str, tmp_path: Path) -> None:
    # Three requests at a time per worker to a host that takes 1 s a page: the rate a polite
    # worker gets from a real site, where adding workers is what adds speed. (CONCURRENT_REQUESTS
    # bounds it: Scrapy 2.19 lets a slot's queued requests past CONCURRENT_REQUESTS_PER_DOMAIN
    # all at once, since each is marked transferring only once its task starts.)
    rates: dict[int, float] = {}
    for n, db in ((1, "/3"), (2, "/4")):
        with SiteServer(root=None, generated_pages=SPEED_PAGES, latency=LATENCY) as server:
            procs = [_worker(server.url + "/gen/list-0.html", tmp_path / f"out{n}", redis_url + db,
                             "-s", "CONCURRENT_REQUESTS=3", "-s", f"USER_AGENT=worker{i}") for i in range(n)]
            _finish(procs)
            rates[n] = server.steady_rate()
            assert set(_rows(tmp_path / f"out{n}")) == _expected(server, SPEED_PAGES)
            assert len({agent for _, _, agent in server.answered}) == n
    print(f"pages/s: one worker {rates[1]:.2f}, two {rates[2]:.2f}, ratio {rates[2] / rates[1]:.2f}")
    assert rates[2] >= 1.6 * rates[1]


def test_bad_redis_options_get_one_line(tmp_path: Path) -> None:
    base = ["crawl", "--start-url", "http://127.0.0.1:9/", "--out", str(tmp_path)]
    r = run_cli(*base, "--redis", "http://127.0.0.1:6379")
    assert (r.returncode, r.stderr.strip()) == (
        2, "cleancrawl: error: invalid Redis URL 'http://127.0.0.1:6379': expected redis://HOST:PORT/DB, rediss:// or unix://")
    r = run_cli(*base, "--redis", "redis://127.0.0.1:6379", "--jobdir", str(tmp_path / "job"))
    assert (r.returncode, r.stderr.strip()) == (
        2, "cleancrawl: error: --redis and --jobdir do not go together: with Redis, the shared frontier is the job's state")
    port = _free_port()  # nothing listens there
    r = run_cli(*base, "--redis", f"redis://127.0.0.1:{port}/0")
    assert r.returncode == 2
    assert r.stderr.startswith(f"cleancrawl: error: cannot reach Redis at redis://127.0.0.1:{port}/0: ")
    assert len(r.stderr.strip().splitlines()) == 1


def test_requests_travel_as_json_with_their_bytes_intact() -> None:
    request = {"url": "http://a.test/x", "headers": {b"Accept": [b"text/html"]}, "body": b"\x00\xff",
               "meta": {"depth": 2, "redirect_urls": ["http://a.test/y"]}}
    data = encode(request)
    assert data.startswith(b"{") and decode(data) == request


def test_merged_summary_adds_workers_and_spans_their_wall_time() -> None:
    a = {"worker": "a", "pages": 3, "rejected": 1, "errors": 0, "requests": 5, "started": 100.0, "ended": 110.0,
         "languages": {"en": 3}, "finish_reason": "finished", "out": "o"}
    b = {"worker": "b", "pages": 5, "rejected": 0, "errors": 2, "requests": 8, "started": 102.0, "ended": 120.0,
         "languages": {"en": 4, "de": 1}, "finish_reason": "finished", "out": "o"}
    m = merge("c1", [a, b])
    assert (m["pages"], m["rejected"], m["errors"], m["requests"]) == (8, 1, 2, 13)
    assert m["languages"] == {"en": 7, "de": 1}
    assert (m["seconds"], m["pages_per_second"], m["finish_reason"]) == (20.0, 0.55, "finished")
    assert m["workers"] == {"a": "finished", "b": "finished"}


def test_doctests_of_the_redis_modules() -> None:
    import crawler.redis_frontier

    result = doctest.testmod(crawler.redis_frontier)
    assert result.attempted > 0 and result.failed == 0
