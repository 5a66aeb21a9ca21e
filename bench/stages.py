#!/usr/bin/env python3
"""Publish where clean_html's time goes, stage by stage, on the extraction sets.

    .venv/bin/python bench/stages.py [--set zyte|dev|both] [--rounds 3]

Runs each page through the stages of ``cleaners.clean_html`` in its order, calling
the same functions, and times each: decode (bytes to text), parse (lxml, once),
DOM pass (canonical URL, candidates, DOM rules), extraction (Trafilatura's fast pass,
the fallback and favor_recall passes where ``extract.extract_text`` runs them, the
page's headlines), choice (the other extractors where they run and the choice between
texts, ``choice.py``; printed with what its time went to: the Readability, Resiliparse
and favor_recall passes, the page's prose length, and the shingles and the rest), metadata, cleaning (the text engine without the language probe) and
language (the document's language: the same engine run again with the probe, minus
the run without it). Trafilatura's own ``extract(html, include_comments=False,
fast=True)``, which parses the page itself, is timed beside it, page by page, as
the yardstick. Each page's text is checked against ``clean_html``'s, so the stages
cannot drift from the real path unnoticed. Prints milliseconds per page (median over
rounds of the per-round mean) and each stage's share, and how many pages took each
extraction pass.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402

from bench.common import SETS, set_pages  # noqa: E402
from cleaners import CleanOptions, clean_html, dom  # noqa: E402
from cleaners.charset import decode_html  # noqa: E402
from cleaners.clean import run_dom, run_text  # noqa: E402
from cleaners.choice import candidates, choose, prose_length  # noqa: E402
from cleaners.extract import (  # noqa: E402
    SHOW_JOINERS, _hide_joiners, _retext, drop_headline, extract_text, headlines, may_hold_joiners, metadata,
    recall_text,
)
from cleaners.facts import page_facts  # noqa: E402

STAGES = ("decode", "parse", "dom pass", "extraction", "choice", "metadata", "cleaning", "language")
# What the choice's time went to (inside "choice", not added to the total): the other
# extractors where they ran, the page's prose length, and the shingles and the rest.
CHOICE_PARTS = ("readability", "resiliparse", "recall", "prose", "shingles and rest")
OPTIONS = CleanOptions()
FIRST = replace(OPTIONS, choose_extraction=False)  # Trafilatura's passes alone; the choice is timed apart
NO_LANGUAGE = replace(OPTIONS, detect_language=False)


def stages(html: bytes, passes: Counter) -> tuple[dict[str, float], str]:
    """Seconds of each stage for one page, and the cleaned text."""
    t: dict[str, float] = {}
    clock = time.perf_counter
    start = clock()
    text = decode_html(html)[1]
    t["decode"] = clock() - start
    start = clock()
    tree = dom.parse(text)
    t["parse"] = clock() - start
    if tree is None:
        return t, ""
    start = clock()
    canonical = dom.canonical_url(tree, None)
    site = dom.site_of(canonical)
    found, anchors = dom.candidates(tree, site, OPTIONS)
    dom_removals = run_dom(found, page_facts([], {}, {}, OPTIONS, site, anchors, True))
    t["dom pass"] = clock() - start
    start = clock()
    titles = headlines(tree)
    hidden = may_hold_joiners(text) and _hide_joiners(tree)  # as extract.extract does
    main, _, ran = extract_text(tree, None, FIRST)
    t["extraction"] = clock() - start
    start = clock()
    if main and OPTIONS.choose_extraction:
        others = candidates(tree, _timed(t, "recall", lambda: recall_text(tree, None, OPTIONS)),
                            _timed(t, "prose", lambda: prose_length(tree)))
        others = replace(others, readability=_timed(t, "readability", others.readability),
                         resiliparse=_timed(t, "resiliparse", others.resiliparse))
        made = choose(main, others, OPTIONS)
        main, ran = made.text, (*ran, *made.passes, f"move {made.move}")
    if hidden:
        _retext(tree, SHOW_JOINERS)
        main = main.translate(SHOW_JOINERS)
    t["choice"] = clock() - start
    t["shingles and rest"] = t["choice"] - sum(t.get(k, 0.0) for k in CHOICE_PARTS[:-1])
    passes.update(ran)
    start = clock()
    metadata(tree, None)
    t["metadata"] = clock() - start
    start = clock()
    run_text(main, NO_LANGUAGE, site, anchors, dom_removals, is_html=True)
    t["cleaning"] = clock() - start
    start = clock()
    result = run_text(main, OPTIONS, site, anchors, dom_removals, is_html=True)
    t["language"] = max(0.0, clock() - start - t["cleaning"])
    return t, drop_headline(result.text, titles, OPTIONS.headline_part_chars)


def _timed(t: dict[str, float], key: str, fn):
    """``fn``, adding the seconds each call takes to ``t[key]``."""
    def run(*args):
        start = time.perf_counter()
        try:
            return fn(*args)
        finally:
            t[key] = t.get(key, 0.0) + time.perf_counter() - start
    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=(*SETS, "both"), default="both")
    ap.add_argument("--rounds", type=int, default=3, help="rounds; each figure is the median of the rounds' means")
    args = ap.parse_args()
    for name in SETS if args.set == "both" else (args.set,):
        pages = set_pages(name)
        for html in list(pages.values())[:5]:  # warm-up: imports, profiles, caches
            stages(html, Counter())
        per_round: dict[str, list[float]] = {s: [] for s in (*STAGES, *CHOICE_PARTS, "trafilatura fast")}
        passes: Counter = Counter()
        for r in range(args.rounds):
            sums = dict.fromkeys(per_round, 0.0)
            for page_id, html in pages.items():
                start = time.perf_counter()
                trafilatura.extract(html, include_comments=False, fast=True)
                sums["trafilatura fast"] += time.perf_counter() - start
                t, text = stages(html, passes if r == 0 else Counter())
                for stage, seconds in t.items():
                    sums[stage] += seconds
                if r == 0 and text != clean_html(html).text:
                    print(f"error: {page_id}: the stages' text differs from clean_html's", file=sys.stderr)
                    return 1
            for stage, seconds in sums.items():
                per_round[stage].append(1000 * seconds / len(pages))
        ms = {stage: statistics.median(v) for stage, v in per_round.items()}
        total = sum(ms[s] for s in STAGES)
        print(f"{name}: {len(pages)} pages, {args.rounds} rounds; ms a page (share of clean_html)")
        for stage in STAGES:
            print(f"  {stage:12s} {ms[stage]:7.2f}  {ms[stage] / total:6.1%}")
            if stage == "choice":
                for part in CHOICE_PARTS:
                    print(f"    {part:18s} {ms[part]:7.2f}")
        print(f"  {'all stages':12s} {total:7.2f}")
        print(f"  trafilatura.extract(include_comments=False, fast=True) {ms['trafilatura fast']:.2f}"
              f"  (clean_html / it: {total / ms['trafilatura fast']:.2f}x)")
        print("  extraction passes: " + ", ".join(f"{k} {v}" for k, v in sorted(passes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
