"""Benchmark `reclean --ray`: pages per second on a local Ray instance of 2 CPUs against 1 CPU.

Writes a dataset whose raw table holds the 181 benchmark pages --copies times over (each
copy under its own URLs), then runs, interleaved over --rounds rounds, the real command

    cleancrawl reclean BASE --out OUT --ray --workers N        (N = 1 and 2)

and, for reference, the local process pool (`reclean BASE --out OUT --workers 2`). Pages
per second are the run summary's (OUT/runs/*.json: from the first task to the last
write; Ray's start-up is reported apart, as the whole command's time), and the share of
the machine's CPU time left idle during the run (/proc/stat): a second CPU can only
help when the machine has one to give, so a ratio measured while other work keeps the
machine busy says little. Prints the medians and the 2-CPU / 1-CPU ratio.

    .venv/bin/python bench/ray_reclean.py [--copies 12] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO, bench_pages  # noqa: E402
from crawler.dataset.writer import DatasetWriter  # noqa: E402

RUNS = {"ray, 1 CPU": ["--ray", "--workers", "1"], "ray, 2 CPUs": ["--ray", "--workers", "2"],
        "local pool, 2 workers": ["--workers", "2"]}


def make_dataset(root: Path, copies: int) -> int:
    """Write a dataset with only raw rows: the benchmark pages, ``copies`` times under distinct URLs."""
    pages = bench_pages()
    when = datetime(2026, 12, 5, tzinfo=timezone.utc)
    with DatasetWriter(root, "bench") as writer:
        for n in range(copies):
            for name, body in pages.items():
                writer.write("raw", {"url": f"http://bench.test/{n}/{name}", "crawl_id": "bench", "fetched_at": when,
                                     "http_status": 200, "headers": {"content-type": "text/html"}, "body": body,
                                     "page_type": "article"})
    return copies * len(pages)


def cpu_jiffies() -> tuple[int, int]:
    """The machine's idle (idle + iowait) and total CPU time so far, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return fields[3] + fields[4], sum(fields)


def run(base: Path, out: Path, flags: list[str]) -> tuple[float, float, float]:
    """Run one reclean; return (summary pages/s, whole command seconds, share of the machine left idle)."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    idle_before, total_before = cpu_jiffies()
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "crawler.cli", "reclean", str(base), "--out", str(out), *flags],
                          capture_output=True, text=True, env=env, cwd=REPO)
    seconds = time.monotonic() - started
    idle_after, total_after = cpu_jiffies()
    idle = (idle_after - idle_before) / max(total_after - total_before, 1)
    if proc.returncode != 0:
        sys.exit(f"reclean {' '.join(flags)} failed: {proc.stderr.strip()}")
    summary = json.loads(next((out / "runs").glob("*.json")).read_text(encoding="utf8"))
    return summary["pages_per_second"], seconds, idle


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=12, help="times the 181 pages are stored (default 12: 2,172 pages)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        pages = make_dataset(base, args.copies)
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in RUNS}
        for r in range(args.rounds):
            for name, flags in RUNS.items():
                results[name].append(run(base, Path(tmp) / "out", flags))
                rate, seconds, idle = results[name][-1]
                print(f"round {r + 1}: {name:22} {rate:6.1f} pages/s, command {seconds:5.1f}s, "
                      f"machine idle {idle:.0%}", flush=True)
        print(f"\n{pages} raw pages, medians of {args.rounds} rounds:")
        medians = {name: statistics.median(rate for rate, _, _ in rs) for name, rs in results.items()}
        for name, rs in results.items():
            idle = statistics.median(i for _, _, i in rs)
            print(f"  {name:22} {medians[name]:6.1f} pages/s  (command {statistics.median(s for _, s, _ in rs):.1f}s,"
                  f" machine idle {idle:.0%})")
        print(f"  ray 2 CPUs / 1 CPU: {medians['ray, 2 CPUs'] / medians['ray, 1 CPU']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
