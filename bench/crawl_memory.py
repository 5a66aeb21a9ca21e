#!/usr/bin/env python3
"""Crawl N generated pages (or the fault site) on loopback and report the crawl's memory as it grows.

    python bench/crawl_memory.py [--pages 5000]
    python bench/crawl_memory.py --pages 100000 --every 10000      # RSS at 10k, 20k, ... 100k pages
    python bench/crawl_memory.py --pages 3000 --compare /tmp/base --rounds 3   # speed against another checkout
    python bench/crawl_memory.py --fault-site     # tests/faultsite.py: 20 MB page, bombs, traps

Serves the demo server's generated section (N article pages behind listing pages, made
on the fly from their number: nothing is stored) on 127.0.0.1, runs `cleancrawl crawl`
on it in a subprocess, and samples /proc every 0.25 s: RSS of the crawler process, of
the largest worker, and of the whole process tree summed. With ``--every K`` it also
notes, each time K more article pages have been served, the tree's RSS then, its peak
so far and its median since the last mark, and fits a line through the marks from
``--from`` pages on: the growth in MB per 10,000 pages. Prints one JSON line per crawl.

``--compare DIR`` runs the same crawl from another checkout (a ``git worktree`` of the
commit to compare with) in alternate rounds, and prints the median pages per second of
each and their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import REPO

sys.path.insert(0, str(REPO))
from crawler.demo.server import SiteServer  # noqa: E402

SAMPLE_SECONDS = 0.25


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def mappings_mb(pid: int) -> dict[str, float]:
    """RSS of a process by kind of mapping, in MB: brk heap, anonymous mmaps (malloc's thread arenas,
    pymalloc's arenas, Arrow's pool), files (libraries, SQLite's shared memory)."""
    kinds = {"heap": 0, "anon": 0, "file": 0}
    kind = "anon"
    try:
        for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
            head = line.split()
            if "-" in head[0] and not head[0].endswith(":"):  # a mapping's first line: range perms offset dev inode [path]
                path = head[5] if len(head) > 5 else ""
                kind = "heap" if path == "[heap]" else "anon" if not path or path.startswith("[") else "file"
            elif head[0] == "Rss:":
                kinds[kind] += int(head[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return {k: round(v / 1024, 1) for k, v in kinds.items()}


def children(pid: int) -> list[int]:
    """Every descendant of pid; workers are started from threads, so read every task's list."""
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(x) for x in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return kids + [g for k in kids for g in children(k)]


class ArticleCounter:
    """How many generated article pages the server has answered, read off its request log incrementally."""

    def __init__(self, server: Any) -> None:
        self.server, self.read, self.articles = server, 0, 0

    def __call__(self) -> int:
        log = self.server.requests
        end = len(log)
        self.articles += sum(1 for _, path, _ in log[self.read:end] if path.startswith("/gen/article-"))
        self.read = end
        return self.articles


def crawl(repo: Path, pages: int, every: int = 0, jobdir: bool = False, fault_site: bool = False,
          python: str = sys.executable, trace: Path | None = None, census: Path | None = None) -> dict[str, Any]:
    """Run one crawl from the checkout at ``repo`` with the interpreter ``python``; return its memory and speed figures."""
    out = Path(tempfile.mkdtemp(prefix="cleancrawl-mem-"))
    flags = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
             "-s", "LOG_LEVEL=WARNING"]
    if jobdir:
        flags += ["--jobdir", str(out / "job")]
    if fault_site:
        sys.path.insert(0, str(REPO / "tests"))
        from faultsite import FaultSite

        server, start = FaultSite(), "/"
        flags += ["-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=1"]  # as tests/test_faults.py
    else:
        server, start = SiteServer(root=None, generated_pages=pages), "/gen/list-0.html"
    marks: list[dict[str, Any]] = []
    with server:
        counter = ArticleCounter(server)
        # --trace: the crawler runs under tracemalloc and writes a heap snapshot at each mark;
        # --census: an object census and malloc's figures at each mark, at full speed.
        shim = str(REPO / "bench" / "memory_shim.py")
        entry = [shim, str(trace)] if trace else [shim, "--census", str(census)] if census else ["-m", "crawler.cli"]
        cmd = [python, *entry, "crawl", "--start-url", server.url + start,
               "--out", str(out / "data"), *flags]
        started = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=repo, stdout=subprocess.PIPE, text=True)
        peak_main = peak_worker = peak_tree = 0
        next_mark = every
        window: list[tuple[int, int]] = []  # (tree, crawler) samples since the last mark
        while proc.poll() is None:
            kids = children(proc.pid)
            main_kb = rss_kb(proc.pid)
            worker_kbs = [rss_kb(k) for k in kids] or [0]
            tree_kb = main_kb + sum(worker_kbs)
            peak_main = max(peak_main, main_kb)
            peak_worker = max(peak_worker, *worker_kbs)
            peak_tree = max(peak_tree, tree_kb)
            window.append((tree_kb, main_kb))
            served = counter()
            while every and served >= next_mark:
                # The medians over the interval since the last mark: a single sample may fall in
                # a row group's flush (tens of MB for a moment) or between two.
                marks.append({"pages": next_mark, "seconds": round(time.monotonic() - started, 1),
                              "tree_mb": round(tree_kb / 1024, 1), "peak_tree_mb": round(peak_tree / 1024, 1),
                              "median_tree_mb": round(statistics.median(t for t, _ in window) / 1024, 1),
                              "main_mb": round(main_kb / 1024, 1),
                              "median_main_mb": round(statistics.median(m for _, m in window) / 1024, 1),
                              "largest_worker_mb": round(max(worker_kbs) / 1024, 1),
                              "crawler_maps_mb": mappings_mb(proc.pid),
                              "worker_maps_mb": [mappings_mb(k) for k in kids]})
                if trace or census:
                    os.kill(proc.pid, signal.SIGUSR1)
                window = []
                print(json.dumps({"mark": marks[-1]}), file=sys.stderr, flush=True)  # a long run shows its progress
                next_mark += every
            time.sleep(SAMPLE_SECONDS)
        stdout = proc.stdout.read() if proc.stdout else ""
        seconds = time.monotonic() - started
    import pyarrow.dataset as ds

    kept = ds.dataset(out / "data" / "pages", format="parquet").count_rows()
    return {"site": "fault" if fault_site else "generated", "repo": str(repo), "python": python,
            "pages_generated": None if fault_site else pages, "pages_kept": kept, "exit": proc.returncode,
            "seconds": round(seconds, 1), "pages_per_second": round(counter() / seconds, 1),
            "peak_rss_main_mb": round(peak_main / 1024, 1), "peak_rss_largest_worker_mb": round(peak_worker / 1024, 1),
            "peak_rss_tree_mb": round(peak_tree / 1024, 1), "marks": marks,
            "summary": stdout.strip().splitlines()[:1]}


def growth_per_10k(marks: list[dict[str, Any]], key: str, start: int) -> float | None:
    """Least-squares slope of ``key`` over the marks at ``start`` pages and later, in MB per 10,000 pages.

    >>> growth_per_10k([{"pages": 20000, "m": 100.0}, {"pages": 30000, "m": 101.0}, {"pages": 40000, "m": 102.0}], "m", 20000)
    1.0
    """
    points = [(m["pages"], m[key]) for m in marks if m["pages"] >= start]
    if len(points) < 2:
        return None
    slope = statistics.linear_regression([p for p, _ in points], [v for _, v in points]).slope
    return round(slope * 10_000, 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--every", type=int, default=0, metavar="K", help="note the RSS each K article pages")
    ap.add_argument("--from", dest="start", type=int, default=20_000, metavar="N",
                    help="fit the growth through the marks from N pages on (default 20000)")
    ap.add_argument("--jobdir", action="store_true", help="crawl with --jobdir (the resumable path)")
    ap.add_argument("--fault-site", action="store_true", help="crawl the fault site instead of generated pages")
    ap.add_argument("--compare", type=Path, metavar="DIR", help="also crawl from the checkout at DIR, in alternate rounds")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--python", default=sys.executable,
                    help="the interpreter the crawl runs in (default this one), e.g. a virtualenv with cleancrawl"
                         " installed alone: pyarrow imports pandas whenever it can, 54 MB")
    ap.add_argument("--trace", type=Path, metavar="DIR",
                    help="run the crawler under tracemalloc and write a heap snapshot into DIR at each mark"
                         " (slower; diff two with bench/memory_shim.py --diff A B)")
    ap.add_argument("--census", type=Path, metavar="DIR",
                    help="write an object census and malloc's figures of the crawler into DIR at each mark (full speed)")
    args = ap.parse_args()
    runs: dict[str, list[dict[str, Any]]] = {"this": [], "other": []}
    for _ in range(args.rounds):
        for name, repo in (("this", REPO), ("other", args.compare)):
            if repo is None:
                continue
            result = crawl(repo, args.pages, args.every, args.jobdir, args.fault_site, args.python, args.trace,
                           args.census)
            if args.every:
                result["growth_mb_per_10k"] = {k: growth_per_10k(result["marks"], k, args.start)
                                               for k in ("tree_mb", "median_tree_mb", "peak_tree_mb", "main_mb",
                                                         "median_main_mb")}
            runs[name].append(result)
            print(json.dumps({"checkout": name, **result}), flush=True)
    if args.compare is not None:
        this = statistics.median(r["pages_per_second"] for r in runs["this"])
        other = statistics.median(r["pages_per_second"] for r in runs["other"])
        print(json.dumps({"median_pages_per_second": {"this": this, "other": other},
                          "ratio_this_to_other": round(this / other, 3), "rounds": args.rounds}))


if __name__ == "__main__":
    main()
