#!/usr/bin/env python3
"""Measure what each per-URL structure of a crawl costs per page, at 5,000 and 20,000 pages.

    python bench/memory_structures.py [--pages 5000 20000] [--repo DIR]

Feeds N generated-site URLs (and, for the duplicate index, N generated article texts)
through each structure a crawl keeps per URL or per kept page, through its own
interface, each (structure, N) in a fresh process:

- dupefilter: the crawl's DUPEFILTER_CLASS (Scrapy's RFPDupeFilter before 2026-12-05),
  one request per URL;
- trapguard: middlewares.TrapGuard, as 50 article links and a "next" link per listing;
- dedup: dedup.Deduper, ``mark`` and ``add`` of each kept page;
- state: state.JobState, the notes a crawl takes per page (outcome and out-links);
- frontier: journal.Frontier and resume.JournalDupeFilter (``--jobdir``), each URL
  scheduled, seen and done.

Reports, per page, the Python heap it holds (tracemalloc) and the growth of the
process's RSS (which also sees SQLite's and numpy's memory), from a baseline taken
after one warm-up page (imports and first-use set-up are not per page), and prints a
Markdown table. ``--repo`` measures another checkout (a ``git worktree`` of another commit).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve()
STRUCTURES = ("dupefilter", "trapguard", "dedup", "state", "frontier")
HOST = "http://127.0.0.1:8000"
TAG = re.compile(r"<[^>]+>")


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def article(i: int) -> str:
    return f"{HOST}/gen/article-{i}.html"


def feeder(name: str, pages: int) -> Callable[[int], None]:
    """A function that feeds page ``i`` to a new instance of structure ``name``."""
    if name == "dupefilter":
        from scrapy import Request
        from scrapy.utils.misc import load_object
        from scrapy.utils.request import RequestFingerprinter

        from crawler import settings

        cls = load_object(getattr(settings, "DUPEFILTER_CLASS", "scrapy.dupefilters.RFPDupeFilter"))
        df = cls(fingerprinter=RequestFingerprinter())
        return lambda i: df.request_seen(Request(article(i)))
    if name == "trapguard":
        from scrapy import Request
        from scrapy.http import HtmlResponse
        from scrapy.utils.test import get_crawler

        from crawler.middlewares import TrapGuard

        guard = TrapGuard(get_crawler(settings_dict={"CLEANCRAWL_TRAP_RUN": 10, "CLEANCRAWL_TRAP_QUERY_VARIANTS": 50,
                                                     "CLEANCRAWL_TRAP_PATTERN_URLS": 100, "CLEANCRAWL_TRAP_PRODUCTIVE": 3}))

        async def listing(k: int) -> None:
            url = f"{HOST}/gen/list-{k}.html"
            response = HtmlResponse(url, body=b"", request=Request(url))

            async def links() -> Any:
                for i in range(k * 50, k * 50 + 50):
                    yield Request(article(i))
                yield Request(f"{HOST}/gen/list-{k + 1}.html")

            async for _ in guard.process_spider_output(response, links()):
                pass

        return lambda i: asyncio.run(listing(i // 50)) if i % 50 == 0 else None
    if name == "dedup":
        from crawler.demo.generated import article_page
        from crawler.dedup import Deduper
        from crawler.process import Outcome

        dedup = Deduper()

        def feed(i: int) -> None:
            text = " ".join(TAG.sub(" ", article_page(i, pages) or "").split())
            row = {"url": article(i), "text": text, "text_hash": hashlib.sha256(text.encode()).hexdigest()}
            marked = dedup.mark(Outcome("pages", row))
            dedup.add(marked.row)

        return feed
    if name == "state":
        from crawler.state import JobState

        state = JobState(Path(tempfile.mkdtemp()) / "state.sqlite", "bench").open()

        def note(i: int) -> None:
            state.outcome(article(i), {"etag": f'"{i:016x}"'}, "pages", {"text_hash": f"{i:064x}"})
            state.parsed(article(i), [{"url": f"{HOST}/gen/list-{i // 50}.html", "callback": "parse_page",
                                       "errback": "failed", "meta": {}}])

        return note
    if name == "frontier":
        from scrapy import Request

        from crawler import resume

        journal = getattr(resume, "JobJournal", None) or resume.JobState  # named JobState before the crawl context
        root = Path(tempfile.mkdtemp())
        (root / "job").mkdir()
        job = journal(str(root / "job"), str(root / "out"), "bench")
        df = resume.JournalDupeFilter(job)

        def schedule(i: int) -> None:
            df.request_seen(Request(article(i)))
            job.frontier.finish(article(i))

        return schedule
    raise SystemExit(f"memory_structures: unknown structure {name!r}")


def measure(name: str, pages: int) -> dict[str, Any]:
    """Feed ``pages`` pages to a fresh ``name``; bytes per page on the Python heap and in RSS."""
    feed = feeder(name, pages)
    feed(pages)  # warm-up: imports, first-use set-up, caches
    gc.collect()
    tracemalloc.start()
    heap0, rss0 = tracemalloc.get_traced_memory()[0], rss_kb()
    for i in range(pages):
        feed(i)
    gc.collect()
    heap1, rss1 = tracemalloc.get_traced_memory()[0], rss_kb()
    tracemalloc.stop()
    return {"structure": name, "pages": pages, "heap_bytes_per_page": round((heap1 - heap0) / pages),
            "rss_bytes_per_page": round((rss1 - rss0) * 1024 / pages)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, nargs="+", default=[5000, 20000])
    ap.add_argument("--repo", type=Path, default=HERE.parents[1], help="the checkout to measure")
    ap.add_argument("--only", choices=STRUCTURES, nargs="+", default=list(STRUCTURES))
    ap.add_argument("--one", nargs=2, metavar=("STRUCTURE", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        sys.path.insert(0, str(args.repo))
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return
    results = []
    for name in args.only:
        for n in args.pages:
            out = subprocess.run([sys.executable, str(HERE), "--repo", str(args.repo), "--one", name, str(n)],
                                 cwd=args.repo, capture_output=True, text=True, check=True).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    print("| structure | " + " | ".join(f"heap B/page at {n:,} | RSS B/page at {n:,}" for n in args.pages) + " |")
    print("|---|" + "---|---|" * len(args.pages))
    for name in args.only:
        cells = [f"{r['heap_bytes_per_page']:,} | {r['rss_bytes_per_page']:,}" for r in results if r["structure"] == name]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
