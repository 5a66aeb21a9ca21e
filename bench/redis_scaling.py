#!/usr/bin/env python3
"""Pages per second of one and of two `cleancrawl crawl --redis` workers on one site, and their memory.

    python bench/redis_scaling.py [--pages 200] [--latency 0.4] [--concurrency 2] [--rounds 3]
    python bench/redis_scaling.py --memory --pages 20000 --latency 0 --concurrency 16 --rounds 1 [--only 2]
    python bench/redis_scaling.py --memory --pages 100000 --latency 0 --concurrency 16 --rounds 1 --only 1 \
        --every 10000 [--census DIR | --trace DIR] [--python VENV/bin/python]

Starts a redis-server of its own on a free loopback port and the demo server's
generated section on another, each page answering after ``--latency`` seconds (a
remote host's latency; 0 for a loopback crawl bound by the CPU). Each round crawls
the site with one worker and then with two (the order alternates between rounds),
every worker with ``CONCURRENT_REQUESTS`` set to ``--concurrency``, and measures the
rate from the server's own clock: requests answered over the time from the first to
the last, and while every worker is at work (from each one's first article to the 90th
percentile of the requests; the ratio is of these, as in tests/test_redis.py). With ``--memory``, /proc is sampled every 0.5 s: peak RSS of each worker's
process tree and of its crawler process alone, and the crawler's RSS against the
pages the server had answered: each crawler's growth in MB per 10,000 pages of the crawl
(``crawler_mb_per_10k``, through the medians of each tenth, from 20,000 pages on).
``--every K`` also notes, each time K more pages have been answered, each crawler's RSS
then, its median since the last mark and its RSS by kind of mapping (as
bench/crawl_memory.py does); with ``--census DIR`` or ``--trace DIR`` the crawlers run
under bench/memory_shim.py and write an object census or a heap snapshot at each mark
(``DIR/wN/``; compare two with ``python bench/memory_shim.py --diff A B``).
Prints one JSON line per run and a summary line with the median ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import REPO

sys.path.insert(0, str(REPO))
from crawl_memory import children as descendants, mappings_mb, rss_kb  # noqa: E402
from crawler.demo.server import SiteServer  # noqa: E402

FLAGS = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING",
         "-s", "CLEANCRAWL_REDIS_IDLE_CLOSE=1", "-s", "CLEANCRAWL_REDIS_WORKER_TIMEOUT=10"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_redis() -> tuple[subprocess.Popen[bytes], int]:
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis_scaling.py: error: redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                            stdout=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    sys.exit("redis_scaling.py: error: redis-server did not start")


def crawl(n: int, args: argparse.Namespace, redis_url: str) -> dict[str, object]:
    """Crawl the site with ``n`` workers; return the rate and, with --memory, the workers' memory."""
    out = Path(tempfile.mkdtemp(prefix="cleancrawl-redis-"))
    with SiteServer(root=None, generated_pages=args.pages, latency=args.latency) as site:
        cmd = ["crawl", "--start-url", site.url + "/gen/list-0.html",
               "--out", str(out), "--redis", redis_url, "--workers", str(args.workers),
               "-s", f"CONCURRENT_REQUESTS={args.concurrency}", *FLAGS]
        procs = [subprocess.Popen([*entry(args, i), *cmd, "-s", f"USER_AGENT=worker{i}"], cwd=REPO,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for i in range(n)]
        peaks = [{"tree_kb": 0, "crawler_kb": 0} for _ in procs]
        curve: list[tuple[int, list[int]]] = []  # (pages answered, each crawler's RSS)
        marks: list[dict[str, object]] = []
        next_mark, since = args.every, len(curve)
        while any(p.poll() is None for p in procs):
            if args.memory:
                for p, peak in zip(procs, peaks):
                    crawler = rss_kb(p.pid)
                    peak["crawler_kb"] = max(peak["crawler_kb"], crawler)
                    peak["tree_kb"] = max(peak["tree_kb"], crawler + sum(rss_kb(c) for c in descendants(p.pid)))
                curve.append((len(site.answered), [rss_kb(p.pid) for p in procs]))
                while args.every and curve[-1][0] >= next_mark:
                    marks.append(mark(next_mark, procs, curve[since:], args))
                    print(json.dumps({"mark": marks[-1]}), file=sys.stderr, flush=True)  # a long run's progress
                    next_mark, since = next_mark + args.every, len(curve)
            time.sleep(0.5)
        failed = [p.stderr.read().decode()[-500:] for p in procs if p.returncode]  # type: ignore[union-attr]
        times = list(site.answered)
        steady = site.steady_rate()
    shutil.rmtree(out, ignore_errors=True)
    if failed:
        sys.exit("redis_scaling.py: error: a worker failed:\n" + "\n".join(failed))
    result: dict[str, object] = {"workers": n, "requests": len(times),
                                 "pages_per_second": round((len(times) - 1) / (times[-1][0] - times[0][0]), 2),
                                 "steady_pages_per_second": round(steady, 2),
                                 "requests_by_worker": [sum(1 for _, _, agent in times if agent == f"worker{i}")
                                                        for i in range(n)]}
    if args.memory:
        result["peaks"] = peaks
        result["crawler_mb_per_10k"] = growth(curve)
        if marks:
            result["marks"] = marks
    return result


def entry(args: argparse.Namespace, i: int) -> list[str]:
    """The command that starts worker ``i`` before cleancrawl's arguments: plain, or under bench/memory_shim.py."""
    shim = str(REPO / "bench" / "memory_shim.py")
    if args.census:
        return [args.python, shim, "--census", str(args.census / f"w{i}")]
    if args.trace:
        return [args.python, shim, str(args.trace / f"w{i}")]
    return [args.python, "-m", "crawler.cli"]


def mark(pages: int, procs: list[subprocess.Popen[bytes]], window: list[tuple[int, list[int]]],
         args: argparse.Namespace) -> dict[str, object]:
    """Each crawler's RSS at ``pages`` pages answered, its median since the last mark, and its mappings; signal the shims."""
    if args.census or args.trace:
        for p in procs:
            if p.poll() is None:
                os.kill(p.pid, signal.SIGUSR1)
    return {"pages": pages, "crawler_mb": [round(rss_kb(p.pid) / 1024, 1) for p in procs],
            "median_crawler_mb": [round(statistics.median(r[i] for _, r in window) / 1024, 1) if window else None
                                  for i in range(len(procs))],
            "crawler_maps_mb": [mappings_mb(p.pid) for p in procs]}


def growth(curve: list[tuple[int, list[int]]]) -> list[float | None]:
    """Each crawler's RSS growth, MB per 10,000 pages of the whole crawl, from 20,000 pages on (a fifth of a shorter crawl).

    Least squares through the medians of its samples over each tenth of the crawl (each
    10,000 pages from 100,000 on): a single sample may fall in a row group's flush.
    """
    if not curve:
        return []
    last = curve[-1][0]
    window = min(10_000, max(1, last // 10))
    start = 20_000 if last >= 50_000 else last // 5
    slopes: list[float | None] = []
    for i in range(len(curve[0][1])):
        windows: dict[int, list[int]] = {}
        for x, rss in curve:
            if x >= start and rss[i]:
                windows.setdefault(x // window, []).append(rss[i])
        points = [((w + 0.5) * window, statistics.median(v) / 1024) for w, v in sorted(windows.items())]
        if len(points) < 3:
            slopes.append(None)
            continue
        slope = statistics.linear_regression([x for x, _ in points], [y for _, y in points]).slope
        slopes.append(round(slope * 10_000, 2))
    return slopes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--latency", type=float, default=0.4, help="seconds each page takes to answer")
    ap.add_argument("--concurrency", type=int, default=2, help="CONCURRENT_REQUESTS of each worker")
    ap.add_argument("--workers", type=int, default=1, help="extraction processes of each worker (--workers)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--memory", action="store_true", help="sample the workers' memory too")
    ap.add_argument("--only", type=int, choices=(1, 2), help="crawl with this many workers only (no ratio)")
    ap.add_argument("--every", type=int, default=0, metavar="K", help="with --memory, note each crawler's RSS each K pages")
    ap.add_argument("--census", type=Path, metavar="DIR", help="with --every, an object census of each crawler at each mark")
    ap.add_argument("--trace", type=Path, metavar="DIR", help="with --every, a tracemalloc snapshot of each crawler at each mark")
    ap.add_argument("--python", default=sys.executable,
                    help="the workers' interpreter (default this one), e.g. a virtualenv with cleancrawl installed alone")
    args = ap.parse_args()
    server, port = start_redis()
    ratios: list[float] = []
    try:
        for r in range(args.rounds if not args.only else 0):
            rates = {}
            for db, n in enumerate((1, 2) if r % 2 == 0 else (2, 1)):
                result = crawl(n, args, f"redis://127.0.0.1:{port}/{db}")
                rates[n] = result["steady_pages_per_second"]
                print(json.dumps({"round": r, **result}), flush=True)
            ratios.append(rates[2] / rates[1])  # type: ignore[operator]
        if args.only:
            for r in range(args.rounds):
                print(json.dumps({"round": r, **crawl(args.only, args, f"redis://127.0.0.1:{port}/{r % 16}")}), flush=True)
            return
    finally:
        server.terminate()
        server.wait()
    print(json.dumps({"ratios": [round(x, 2) for x in ratios], "median_ratio": round(statistics.median(ratios), 2),
                      "pages": args.pages, "latency": args.latency, "concurrency": args.concurrency}))


if __name__ == "__main__":
    main()
