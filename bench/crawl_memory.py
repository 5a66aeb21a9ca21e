#!/usr/bin/env python3
"""Crawl N generated pages (or the fault site) on loopback and report peak memory of the crawl.

    python bench/crawl_memory.py [--pages 5000]
    python bench/crawl_memory.py --fault-site     # tests/faultsite.py: 20 MB page, bombs, traps

Serves the demo server's generated section (N article pages behind listing pages) on
127.0.0.1, runs `cleancrawl crawl` on it in a subprocess, and samples /proc every
0.2 s: peak RSS of the crawler process, of the largest worker, and of the whole
process tree summed. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import REPO

sys.path.insert(0, str(REPO))
from crawler.demo.server import SiteServer  # noqa: E402


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def children(pid: int) -> list[int]:
    """Every descendant of pid; workers are started from threads, so read every task's list."""
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(x) for x in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return kids + [g for k in kids for g in children(k)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--fault-site", action="store_true", help="crawl the fault site instead of generated pages")
    args = ap.parse_args()
    out = Path(tempfile.mkdtemp(prefix="cleancrawl-mem-"))
    flags = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
             "-s", "LOG_LEVEL=WARNING"]
    if args.fault_site:
        sys.path.insert(0, str(REPO / "tests"))
        from faultsite import FaultSite

        server, start = FaultSite(), "/"
        flags += ["-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=1"]  # as tests/test_faults.py
    else:
        server, start = SiteServer(root=None, generated_pages=args.pages), "/gen/list-0.html"
    with server:
        cmd = [sys.executable, "-m", "crawler.cli", "crawl", "--start-url", server.url + start,
               "--out", str(out), *flags]
        started = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True)
        peak_main = peak_worker = peak_tree = 0
        while proc.poll() is None:
            kids = children(proc.pid)
            main_kb = rss_kb(proc.pid)
            worker_kbs = [rss_kb(k) for k in kids] or [0]
            peak_main = max(peak_main, main_kb)
            peak_worker = max(peak_worker, *worker_kbs)
            peak_tree = max(peak_tree, main_kb + sum(worker_kbs))
            time.sleep(0.2)
        stdout = proc.stdout.read() if proc.stdout else ""
        seconds = time.monotonic() - started
    import pyarrow.dataset as ds

    kept = ds.dataset(out / "pages", format="parquet").count_rows()
    print(json.dumps({"site": "fault" if args.fault_site else "generated", "pages_generated": None if args.fault_site else args.pages, "pages_kept": kept, "exit": proc.returncode,
                      "seconds": round(seconds, 1), "peak_rss_main_mb": round(peak_main / 1024, 1),
                      "peak_rss_largest_worker_mb": round(peak_worker / 1024, 1),
                      "peak_rss_tree_mb": round(peak_tree / 1024, 1), "summary": stdout.strip().splitlines()[:1]}))


if __name__ == "__main__":
    main()
