#!/usr/bin/env python3
"""Score `cleancrawl process` on the extraction benchmark against Trafilatura alone, same run.

    python bench/process_benchmark.py [--out DIR] [--workers N]

Runs `cleancrawl process` over the 181 benchmark pages (the real command, in a
subprocess), reads pages + rejected back from Parquet, scores the text with
../shared/bench/extraction_score.py, and in the same run scores Trafilatura alone
(default options, and include_comments=False) on the same pages. Prints one JSON line
per system with F1, precision, recall, row count and pages/s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH_DATA, REPO, bench_pages, page_id, scorer


def run_process(out: Path, workers: int | None) -> tuple[dict[str, dict[str, str]], float, int]:
    """Run the CLI over the benchmark; return predictions, seconds and rows written."""
    import pyarrow.dataset as ds

    cmd = [sys.executable, "-m", "crawler.cli", "process", str(BENCH_DATA / "html"), "--out", str(out)]
    if workers:
        cmd += ["--workers", str(workers)]
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    preds: dict[str, dict[str, str]] = {}
    rows = 0
    for table in ("pages", "rejected"):
        for row in ds.dataset(out / table, format="parquet").to_table(columns=["url", "text"]).to_pylist():
            preds[page_id(row["url"])] = {"articleBody": row["text"] or ""}
            rows += 1
    return preds, seconds, rows


def run_trafilatura(pages: dict[str, bytes], **options: object) -> tuple[dict[str, dict[str, str]], float]:
    import trafilatura

    started = time.perf_counter()
    preds = {k: {"articleBody": trafilatura.extract(html, **options) or ""} for k, html in pages.items()}
    return preds, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, help="dataset directory (default: a temporary one)")
    ap.add_argument("--workers", type=int, help="worker processes for cleancrawl process")
    args = ap.parse_args()
    score = scorer().score
    truth = json.loads((BENCH_DATA / "ground-truth.json").read_text(encoding="utf8"))
    pages = bench_pages()
    out = args.out or Path(tempfile.mkdtemp(prefix="cleancrawl-bench-"))
    systems = {
        "trafilatura default": run_trafilatura(pages),
        "trafilatura include_comments=False": run_trafilatura(pages, include_comments=False),
    }
    preds, seconds, rows = run_process(out, args.workers)
    systems["cleancrawl process"] = (preds, seconds)
    for name, (pred, secs) in systems.items():
        summary, _ = score(truth, pred)
        line = {"system": name, **{k: round(v, 4) for k, v in summary.items() if isinstance(v, float)},
                "pages": len(pred), "pages_per_s": round(len(pages) / secs, 1)}
        if name == "cleancrawl process":
            line.update(rows=rows, out=str(out), note="wall time includes process start and Parquet writing")
        print(json.dumps(line))


if __name__ == "__main__":
    main()
