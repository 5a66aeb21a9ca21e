#!/usr/bin/env python3
"""Score and time `cleancrawl process` on an extraction set against Trafilatura alone, same run.

    python bench/process_benchmark.py [--set zyte|dev] [--rounds 3] [--workers N] [--out DIR]

Each round runs, in turn and each in its own process from a cold start (so every
system pays its imports and its file reading):

  trafilatura alone     a plain script: read each page, trafilatura.extract(), keep the
                        text; with default options, with include_comments=False, and with
                        include_comments=False, fast=True (the options of cleancrawl's
                        first pass: like for like); in one process, and the default and
                        same-options loops also split over as many processes as the
                        default cleancrawl run has workers (all cores against all cores)
  cleancrawl process    the real command over the same directory (default workers: one
                        per core), writing the Parquet dataset; and with --workers 1

  --baseline DIR        also the same command from another checkout of the repo (a git
                        worktree of an older commit: `git worktree add /tmp/base REV`),
                        to compare two versions of cleancrawl in one run

The rounds are interleaved so machine noise falls on every system alike; pages per
second are the median over rounds. Texts (the last round's) are scored with
bench/scoring.py. Prints one JSON line per system, then the speed
ratios of cleancrawl process against Trafilatura alone: each cleancrawl run against the
one-process default loop (the script a user would write), --workers 1 against the
one-process loops, and the default run against the parallel loops. The dev set's pages
are unpacked from pages.tar.xz into the scratch directory first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import BENCH_DATA, REPO, SETS, page_id, set_pages, set_truth  # noqa: E402
from bench.scoring import score  # noqa: E402

# The hand-written Trafilatura script a user would run instead of cleancrawl.
# Its pages are sys.argv[4]'s share: every n-th page from the i-th on ("i/n").
TRAFILATURA_ALONE = """
import gzip, json, sys
from pathlib import Path
import trafilatura
options = json.loads(sys.argv[2])
i, n = map(int, sys.argv[4].split("/"))
out = {}
for path in sorted(Path(sys.argv[1]).glob("*.htm*"))[i::n]:
    html = path.read_bytes()
    out[path.name] = trafilatura.extract(gzip.decompress(html) if path.name.endswith(".gz") else html, **options) or ""
Path(sys.argv[3]).write_text(json.dumps(out), encoding="utf8")
"""


def run_trafilatura(pages: Path, options: dict, scratch: Path, processes: int = 1) -> tuple[dict[str, dict[str, str]], float]:
    """Run the Trafilatura-alone script in ``processes`` fresh processes, each on its share of
    the pages; return predictions and the seconds until the last one ended."""
    results = [scratch / f"trafilatura-{i}.json" for i in range(processes)]
    started = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-c", TRAFILATURA_ALONE, str(pages), json.dumps(options),
                                 str(result), f"{i}/{processes}"], cwd=REPO) for i, result in enumerate(results)]
    if any(proc.wait() for proc in running):
        sys.exit("error: the Trafilatura-alone script failed")
    seconds = time.perf_counter() - started
    texts = {name: text for result in results for name, text in json.loads(result.read_text(encoding="utf8")).items()}
    return {page_id(name): {"articleBody": text} for name, text in texts.items()}, seconds


def unpack_dev(scratch: Path) -> Path:
    """Write the dev set's pages as .html files under scratch; return the folder."""
    folder = scratch / "dev-pages"
    folder.mkdir(parents=True, exist_ok=True)
    for pid, html in set_pages("dev").items():
        (folder / f"{pid}.html").write_bytes(html)
    return folder


def run_process(pages: Path, out: Path, workers: int | None, repo: Path = REPO) -> tuple[dict[str, dict[str, str]], float, int]:
    """Run the CLI over the pages into a fresh dataset; return predictions, seconds and rows."""
    import pyarrow.dataset as ds

    cmd = [sys.executable, "-m", "crawler.cli", "process", str(pages), "--out", str(out)]
    if workers:
        cmd += ["--workers", str(workers)]
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=repo, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    preds: dict[str, dict[str, str]] = {}
    rows = 0
    for table in ("pages", "rejected"):
        for row in ds.dataset(out / table, format="parquet").to_table(columns=["url", "text"]).to_pylist():
            preds[page_id(row["url"])] = {"articleBody": row["text"] or ""}
            rows += 1
    return preds, seconds, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=SETS, default="zyte", help="extraction set (default zyte)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, help="worker processes of the default cleancrawl run (default: one per core)")
    ap.add_argument("--out", type=Path, help="where the datasets go (default: a temporary directory)")
    ap.add_argument("--baseline", type=Path, help="another checkout whose `process` runs as one more system")
    args = ap.parse_args()
    if args.baseline and not (args.baseline / "crawler" / "cli.py").is_file():
        sys.exit(f"error: --baseline {args.baseline} is not a cleancrawl checkout (no crawler/cli.py)")
    scratch = args.out or Path(tempfile.mkdtemp(prefix="cleancrawl-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    pages = BENCH_DATA / "html" if args.set == "zyte" else unpack_dev(scratch)
    n_pages = len(list(pages.glob("*.htm*")))
    parallel = args.workers or len(os.sched_getaffinity(0))
    default, same = {}, {"include_comments": False, "fast": True}
    systems = {
        "trafilatura default": lambda r: run_trafilatura(pages, default, scratch),
        "trafilatura include_comments=False": lambda r: run_trafilatura(pages, {"include_comments": False}, scratch),
        "trafilatura include_comments=False fast=True": lambda r: run_trafilatura(pages, same, scratch),
        f"trafilatura default x{parallel}": lambda r: run_trafilatura(pages, default, scratch, parallel),
        f"trafilatura include_comments=False fast=True x{parallel}": lambda r: run_trafilatura(pages, same, scratch, parallel),
        "cleancrawl process": lambda r: run_process(pages, scratch / f"default-{r}", args.workers),
        "cleancrawl process --workers 1": lambda r: run_process(pages, scratch / f"one-{r}", 1),
    }
    if args.baseline:
        systems["baseline process"] = lambda r: run_process(pages, scratch / f"base-{r}", args.workers, args.baseline)
        systems["baseline process --workers 1"] = lambda r: run_process(pages, scratch / f"base-one-{r}", 1, args.baseline)
    seconds: dict[str, list[float]] = {name: [] for name in systems}
    last: dict[str, tuple] = {}
    for r in range(args.rounds):
        for name, run in systems.items():
            result = run(r)
            seconds[name].append(result[1])
            last[name] = result
    speed = {name: n_pages / statistics.median(secs) for name, secs in seconds.items()}
    for name, result in last.items():
        summary, _ = score(set_truth(args.set), result[0])
        line = {"system": name, **{k: round(v, 4) for k, v in summary.items() if isinstance(v, float)},
                "pages": len(result[0]), "pages_per_s": round(speed[name], 1),
                "seconds": [round(s, 2) for s in seconds[name]]}
        if len(result) > 2:
            line["rows"] = result[2]
        print(json.dumps(line))
    ours, one = speed["cleancrawl process"], speed["cleancrawl process --workers 1"]
    ratios = {
        "ratio_process_vs_trafilatura_default": round(ours / speed["trafilatura default"], 3),
        "ratio_one_worker_vs_trafilatura_default": round(one / speed["trafilatura default"], 3),
        "ratio_one_worker_vs_trafilatura_no_comments": round(one / speed["trafilatura include_comments=False"], 3),
        "ratio_one_worker_vs_trafilatura_same_options": round(one / speed["trafilatura include_comments=False fast=True"], 3),
        f"ratio_process_vs_trafilatura_default_x{parallel}": round(ours / speed[f"trafilatura default x{parallel}"], 3),
        f"ratio_process_vs_trafilatura_same_options_x{parallel}":
            round(ours / speed[f"trafilatura include_comments=False fast=True x{parallel}"], 3),
    }
    if args.baseline:
        ratios["ratio_baseline_vs_trafilatura_default"] = round(speed["baseline process"] / speed["trafilatura default"], 3)
        ratios["ratio_baseline_one_worker_vs_trafilatura_default"] = round(
            speed["baseline process --workers 1"] / speed["trafilatura default"], 3)
    print(json.dumps({"set": args.set, **ratios, "rounds": args.rounds,
                      "note": "median pages/s; every run from a cold process"}))


if __name__ == "__main__":
    main()
