"""Benchmark extraction quality and speed: Trafilatura alone against the cleaner.

Runs, in one process and interleaved page by page (so machine load hits every
configuration alike), over the 181 pages of bench/data/article-extraction-benchmark:

  (a) trafilatura.extract(html)                         Trafilatura, default options
  (b) trafilatura.extract(html, include_comments=False)
  (c) cleaners.clean_html(html)                         parse once + DOM pass + extract + clean

and prints F1 / precision / recall of each (scorer: bench/scoring.py),
pages/s of each (median over --rounds rounds), the speed ratio of (c) to (a), and how
many spam removals the cleaner made on these legitimate articles (each one is a false
positive). Targets: F1(c) >= 0.960 and >= F1(b); speed(c) >= 0.9 x speed(a).

    .venv/bin/python bench/extraction.py [--rounds 5] [--per-page]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402

from bench.common import bench_pages, truth  # noqa: E402
from bench.scoring import score  # noqa: E402
from cleaners import clean_html  # noqa: E402

Runner = Callable[[bytes], str]
RUNNERS: dict[str, Runner] = {
    "a trafilatura default": lambda html: trafilatura.extract(html) or "",
    "b trafilatura include_comments=False": lambda html: trafilatura.extract(html, include_comments=False) or "",
    "c cleaners.clean_html": lambda html: clean_html(html).text,
}


def run_round(pages: dict[str, bytes]) -> tuple[dict[str, float], dict[str, dict[str, str]]]:
    """One pass over every page, each page through every runner in turn."""
    seconds = dict.fromkeys(RUNNERS, 0.0)
    outputs: dict[str, dict[str, str]] = {name: {} for name in RUNNERS}
    for page_id, html in pages.items():
        for name, runner in RUNNERS.items():
            start = time.perf_counter()
            text = runner(html)
            seconds[name] += time.perf_counter() - start
            outputs[name][page_id] = text
    return seconds, outputs


def false_positives(pages: dict[str, bytes]) -> list[tuple[str, str, str]]:
    """Spam removals the cleaner makes on the benchmark's legitimate pages."""
    out = []
    for page_id, html in pages.items():
        for r in clean_html(html).removed:
            if r.kind == "spam":
                out.append((page_id, r.reason, r.text[:100]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds; speed is the median (default 5)")
    ap.add_argument("--per-page", action="store_true", help="print the pages where (c) loses most F1 against (b)")
    args = ap.parse_args()
    pages = bench_pages()
    run_round(dict(list(pages.items())[:5]))  # warm-up: imports, langdetect profiles, regex caches
    rates: dict[str, list[float]] = {name: [] for name in RUNNERS}
    outputs: dict[str, dict[str, str]] = {}
    for _ in range(args.rounds):
        seconds, outputs = run_round(pages)
        for name, s in seconds.items():
            rates[name].append(len(pages) / s)
    speed = {name: statistics.median(r) for name, r in rates.items()}
    print(f"{len(pages)} pages, {args.rounds} rounds, interleaved per page")
    results = {}
    for name in RUNNERS:
        summary, counts = score(truth(), {k: {"articleBody": v} for k, v in outputs[name].items()})
        results[name] = (summary, counts)
        print(f"{name:40s} F1 {summary['f1']:.4f}  P {summary['precision']:.4f}  R {summary['recall']:.4f}"
              f"  {speed[name]:6.1f} pages/s")
    a, c = "a trafilatura default", "c cleaners.clean_html"
    print(f"speed ratio (c)/(a): {speed[c] / speed[a]:.3f}")
    fps = false_positives(pages)
    print(f"spam removals on these legitimate pages: {len(fps)}")
    for page_id, reason, text in fps:
        print(f"  {page_id[:16]} {reason}: {text!r}")
    if args.per_page:
        _print_losses(results["b trafilatura include_comments=False"][1], results[c][1])
    return 0


def _print_losses(base: dict, ours: dict) -> None:
    f1 = lambda c: 2 * c[0] / (2 * c[0] + c[1] + c[2]) if c[0] else 0.0  # noqa: E731
    worst = sorted(ours, key=lambda k: f1(ours[k]) - f1(base[k]))[:10]
    for k in worst:
        print(f"  {k[:16]} F1 (b) {f1(base[k]):.3f} (c) {f1(ours[k]):.3f}")


if __name__ == "__main__":
    sys.exit(main())
