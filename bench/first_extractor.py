#!/usr/bin/env python3
"""Could a faster first extractor carry cleancrawl's text? Resiliparse against clean_html, page by page.

    .venv/bin/python bench/first_extractor.py [--set zyte|dev|both]

For each page of the extraction sets with a ground truth, runs ``clean_html`` (the
whole path: Trafilatura's fast pass, the choice, the cleaner), Resiliparse's
``main_content`` on the decoded page (its own parse included) and Trafilatura's
``extract(include_comments=False, fast=True)``, and scores each page's text with the
benchmarks' 4-word shingles. Prints each one's mean page F1 and milliseconds a page,
and on how many pages Resiliparse's text scores within 0, 0.02 and 0.05 of
``clean_html``'s: the pages where running it first, and Trafilatura only on the others,
could keep the quality, if a signal found them without running Trafilatura (an upper
bound). Page F1 here is per page, so its mean is not the scorer's set F1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402
from resiliparse.extract.html2text import extract_plain_text  # noqa: E402

from bench.common import set_pages, set_truth  # noqa: E402
from bench.scoring import score  # noqa: E402
from cleaners import clean_html  # noqa: E402
from cleaners.charset import decode_html  # noqa: E402

TOLERANCES = (0.0, 0.02, 0.05)


def measure(name: str) -> list[dict]:
    """One row a scored page: each system's page F1 and seconds."""
    pages, truth = set_pages(name), set_truth(name)
    rows = []
    for pid, raw in pages.items():
        if pid not in truth:
            continue
        texts, seconds = {}, {}
        for system, run in (("clean_html", lambda: clean_html(raw).text),
                            ("resiliparse", lambda: extract_plain_text(decode_html(raw)[1], main_content=True,
                                                                       list_bullets=False)),
                            ("trafilatura_fast", lambda: trafilatura.extract(raw, include_comments=False, fast=True))):
            t = time.perf_counter()
            texts[system] = run() or ""
            seconds[system] = time.perf_counter() - t
        rows.append({"id": pid, **{f"f1_{s}": score({pid: truth[pid]}, {pid: {"articleBody": t}})[0]["f1"]
                                   for s, t in texts.items()},
                     **{f"s_{s}": v for s, v in seconds.items()}})
    return rows


def report(name: str, rows: list[dict]) -> None:
    n = len(rows)
    print(f"{name}: {n} pages")
    for system in ("clean_html", "resiliparse", "trafilatura_fast"):
        print(f"  {system:17} mean page F1 {statistics.mean(r['f1_' + system] for r in rows):.4f}"
              f"  {1000 * statistics.mean(r['s_' + system] for r in rows):6.2f} ms a page")
    for tol in TOLERANCES:
        ok = sum(1 for r in rows if r["f1_resiliparse"] >= r["f1_clean_html"] - tol)
        print(f"  Resiliparse within {tol:.2f} of clean_html: {ok} pages ({ok / n:.3f})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("zyte", "dev", "both"), default="both")
    args = ap.parse_args()
    for name in (("zyte", "dev") if args.set == "both" else (args.set,)):
        report(name, measure(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
