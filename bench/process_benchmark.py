#!/usr/bin/env python3
"""Score and time `cleancrawl process` on the extraction benchmark against Trafilatura alone, same run.

    python bench/process_benchmark.py [--rounds 3] [--workers N] [--out DIR]

Each round runs, in turn and each in its own process from a cold start (so every
system pays its imports and its file reading):

  trafilatura alone     a plain script: read each .html.gz, trafilatura.extract() with
                        default options and with include_comments=False, keep the text
  cleancrawl process    the real command over the same directory (default workers: one
                        per core), writing the Parquet dataset; and with --workers 1

  --baseline DIR        also the same command from another checkout of the repo (a git
                        worktree of an older commit: `git worktree add /tmp/base REV`),
                        to compare two versions of cleancrawl in one run

The rounds are interleaved so machine noise falls on every system alike; pages per
second are the median over rounds. Texts (the last round's) are scored with
bench/scoring.py. Prints one JSON line per system, then the speed
ratios of cleancrawl process against Trafilatura alone: with default options, and with the
options cleancrawl extracts with (include_comments=False), like for like.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import BENCH_DATA, REPO, page_id, truth  # noqa: E402
from bench.scoring import score  # noqa: E402

# The hand-written Trafilatura script a user would run instead of cleancrawl.
TRAFILATURA_ALONE = """
import gzip, json, sys
from pathlib import Path
import trafilatura
options = json.loads(sys.argv[2])
out = {}
for path in sorted(Path(sys.argv[1]).glob("*.html.gz")):
    out[path.name] = trafilatura.extract(gzip.decompress(path.read_bytes()), **options) or ""
Path(sys.argv[3]).write_text(json.dumps(out), encoding="utf8")
"""


def run_trafilatura(options: dict, scratch: Path) -> tuple[dict[str, dict[str, str]], float]:
    """Run the Trafilatura-alone script in a fresh process; return predictions and seconds."""
    result = scratch / "trafilatura.json"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", TRAFILATURA_ALONE, str(BENCH_DATA / "html"), json.dumps(options),
                    str(result)], check=True, cwd=REPO)
    seconds = time.perf_counter() - started
    texts = json.loads(result.read_text(encoding="utf8"))
    return {page_id(name): {"articleBody": text} for name, text in texts.items()}, seconds


def run_process(out: Path, workers: int | None, repo: Path = REPO) -> tuple[dict[str, dict[str, str]], float, int]:
    """Run the CLI over the benchmark into a fresh dataset; return predictions, seconds and rows."""
    import pyarrow.dataset as ds

    cmd = [sys.executable, "-m", "crawler.cli", "process", str(BENCH_DATA / "html"), "--out", str(out)]
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
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, help="worker processes of the default cleancrawl run (default: one per core)")
    ap.add_argument("--out", type=Path, help="where the datasets go (default: a temporary directory)")
    ap.add_argument("--baseline", type=Path, help="another checkout whose `process` runs as one more system")
    args = ap.parse_args()
    if args.baseline and not (args.baseline / "crawler" / "cli.py").is_file():
        sys.exit(f"error: --baseline {args.baseline} is not a cleancrawl checkout (no crawler/cli.py)")
    n_pages = len(list((BENCH_DATA / "html").glob("*.html.gz")))
    scratch = args.out or Path(tempfile.mkdtemp(prefix="cleancrawl-bench-"))
    systems = {
        "trafilatura default": lambda r: run_trafilatura({}, scratch),
        "trafilatura include_comments=False": lambda r: run_trafilatura({"include_comments": False}, scratch),
        "cleancrawl process": lambda r: run_process(scratch / f"default-{r}", args.workers),
        "cleancrawl process --workers 1": lambda r: run_process(scratch / f"one-{r}", 1),
    }
    if args.baseline:
        systems["baseline process"] = lambda r: run_process(scratch / f"base-{r}", args.workers, args.baseline)
        systems["baseline process --workers 1"] = lambda r: run_process(scratch / f"base-one-{r}", 1, args.baseline)
    seconds: dict[str, list[float]] = {name: [] for name in systems}
    last: dict[str, tuple] = {}
    for r in range(args.rounds):
        for name, run in systems.items():
            result = run(r)
            seconds[name].append(result[1])
            last[name] = result
    speed = {name: n_pages / statistics.median(secs) for name, secs in seconds.items()}
    for name, result in last.items():
        summary, _ = score(truth(), result[0])
        line = {"system": name, **{k: round(v, 4) for k, v in summary.items() if isinstance(v, float)},
                "pages": len(result[0]), "pages_per_s": round(speed[name], 1),
                "seconds": [round(s, 2) for s in seconds[name]]}
        if len(result) > 2:
            line["rows"] = result[2]
        print(json.dumps(line))
    base = speed["trafilatura default"]
    # Like for like: cleancrawl extracts with include_comments=False (cleaners/extract.py).
    same = speed["trafilatura include_comments=False"]
    ratios = {"ratio_process_vs_trafilatura": round(speed["cleancrawl process"] / base, 3),
              "ratio_process_one_worker_vs_trafilatura": round(speed["cleancrawl process --workers 1"] / base, 3),
              "ratio_process_vs_trafilatura_same_options": round(speed["cleancrawl process"] / same, 3),
              "ratio_process_one_worker_vs_trafilatura_same_options": round(speed["cleancrawl process --workers 1"] / same, 3)}
    if args.baseline:
        ratios["ratio_baseline_vs_trafilatura"] = round(speed["baseline process"] / base, 3)
        ratios["ratio_baseline_one_worker_vs_trafilatura"] = round(speed["baseline process --workers 1"] / base, 3)
    print(json.dumps({**ratios, "rounds": args.rounds, "note": "median pages/s; every run from a cold process"}))


if __name__ == "__main__":
    main()
