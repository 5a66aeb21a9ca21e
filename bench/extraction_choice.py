"""Fit and cross-validate the per-page choice between extractors (cleaners/choice.py) on both sets.

For every page with a full-text truth (181 zyte, 316 dev), the tree is parsed and
its DOM pass run as ``clean_html`` does; then Trafilatura's text (the fast pass, the
fallback where ``needs_fallback`` says so), Readability's, Resiliparse's and
Trafilatura's favor_recall text are computed once, with the milliseconds each took.
``choice.choose`` is then replayed on these texts for every point of a small grid of
its thresholds, and F1 (bench/scoring.py, Trafilatura's text before cleaning, the
headline line dropped as clean_html drops it) is printed per set and per source for:

  - the options in ``CleanOptions`` (in-sample: they were chosen on these pages);
  - leave one source out (zyte, fundus, readability, wcxb): the grid point that
    maximises the smallest gain over the other three sources, scored on the one left out;
  - fit on one set, scored on the other.

with how often each move was made and each extractor ran, and its cost per page; and
the F1 of gating Readability on the length of the text's first and last lines (``gates``).

    .venv/bin/python bench/extraction_choice.py [--workers 2] [--pages N]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from dataclasses import replace
from functools import lru_cache
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SETS, set_pages, set_truth  # noqa: E402
from bench.scoring import page_counts  # noqa: E402
from cleaners import CleanOptions, choice, dom  # noqa: E402
from cleaners.charset import decode_html  # noqa: E402
from cleaners.clean import run_dom  # noqa: E402
from cleaners.extract import drop_headline, extract_text, headlines, recall_text  # noqa: E402
from cleaners.facts import page_facts  # noqa: E402

DEFAULT = CleanOptions()
FIRST = replace(DEFAULT, choose_extraction=False)
GRID_KEYS = ("trim_cover", "union_agree", "wider_min_ratio", "wider_recall_prose")
GRID = list(itertools.product((0, 0.5, 0.6, 0.7, 0.8), (0, 0.6, 0.7, 0.8, 0.9), (1.2, 1.3, 1.5), (0, 1.5, 2.0)))


def candidates(job: tuple[str, str, bytes]) -> dict:
    """One page's texts from every extractor, the prose length and the seconds each took."""
    name, pid, raw = job
    tree = dom.parse(decode_html(raw)[1])
    found, anchors = dom.candidates(tree, None, DEFAULT)
    run_dom(found, page_facts([], {}, {}, DEFAULT, None, anchors, True))
    out: dict = {"set": name, "id": pid, "headlines": headlines(tree), "ms": {}}
    for key, fn in (("trafilatura", lambda: extract_text(tree, None, FIRST)[0]),
                    ("readability", lambda: choice.readability_text(tree)),
                    ("resiliparse", lambda: choice.resiliparse_text(tree)),
                    ("recall", lambda: recall_text(tree, None, DEFAULT)),
                    ("prose", lambda: choice.prose_length(tree))):
        start = time.perf_counter()
        out[key] = fn()
        out["ms"][key] = 1000 * (time.perf_counter() - start)
    return out


def replay(page: dict, options: CleanOptions) -> choice.Choice:
    """``choice.choose`` on the page's stored texts."""
    others = choice.Candidates(lambda: page["readability"], lambda: page["resiliparse"], lambda: page["recall"],
                               lambda limit: page["prose"] > limit)
    return choice.choose(page["trafilatura"], others, options)


def f1(counts: list[tuple[float, float, float]]) -> float:
    """F1 of a group of pages' (tp, fp, fn), as bench/scoring.py averages them."""
    perfect = [c for c in counts if c[1] == c[2] == 0]
    rest = [c for c in counts if not c[1] == c[2] == 0]
    p = statistics.mean([1.0] * len(perfect) + [c[0] / (c[0] + c[1]) for c in rest if c[0] + c[1]] or [0.0])
    r = statistics.mean([1.0] * len(perfect) + [c[0] / (c[0] + c[2]) for c in rest if c[0] + c[2]] or [0.0])
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(pages: list[dict], options: CleanOptions | None, memo: dict) -> tuple[dict[str, float], list[str]]:
    """F1 per set and per source of the choice under ``options`` (None: Trafilatura's text alone); the moves."""
    groups: dict[str, list] = {}
    moves = []
    for page in pages:
        made = replay(page, options) if options else choice.Choice(page["trafilatura"], "first")
        moves.append(made.move)
        key = (page["id"], made.move)
        if key not in memo:
            memo[key] = page_counts(page["truth"], drop_headline(made.text, page["headlines"]))
        for group in {page["set"], page["source"]}:  # a zyte page once: its set is its source
            groups.setdefault(group, []).append(memo[key])
    return {g: f1(c) for g, c in groups.items()}, moves


def gates(pages: list[dict], memo: dict) -> None:
    """Print F1 per set when Readability runs only on pages whose text opens or ends with a
    line of fewer than K words (the lines trim cuts are teasers, bylines, lists; widening
    is lost where it does not run), and how many pages it ran on: a gate for its cost."""
    for k in (6, 10, 15, 20, 30):
        groups: dict[str, list] = {}
        ran: dict[str, int] = {}
        for page in pages:
            lines = [x for x in page["trafilatura"].split("\n") if x.strip()]
            runs = not lines or min(len(choice.WORD.findall(lines[0])), len(choice.WORD.findall(lines[-1]))) < k
            ran[page["set"]] = ran.get(page["set"], 0) + runs
            others = choice.Candidates(lambda p=page, r=runs: p["readability"] if r else "", lambda p=page: p["resiliparse"],
                                       lambda p=page: p["recall"], lambda limit, p=page: p["prose"] > limit)
            made = choice.choose(page["trafilatura"], others, DEFAULT)
            key = (page["id"], "gate", made.text)
            if key not in memo:
                memo[key] = page_counts(page["truth"], drop_headline(made.text, page["headlines"]))
            groups.setdefault(page["set"], []).append(memo[key])
        print(f"  Readability gated on an end line under {k:2d} words: "
              + ", ".join(f"{g} F1 {f1(c):.4f} ({ran[g]} of {len(c)} pages ran it)" for g, c in sorted(groups.items())))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pages", type=int, help="only the first N scored pages of each set (a quick check)")
    args = ap.parse_args()
    jobs = []
    for name in SETS:
        truth = set_truth(name)
        jobs += [(name, pid, raw) for pid, raw in set_pages(name).items() if pid in truth][:args.pages]
    with Pool(args.workers) as pool:
        pages = pool.map(candidates, jobs, chunksize=4)
    for page in pages:
        t = set_truth(page["set"])[page["id"]]
        page["truth"], page["source"] = t["articleBody"], t.get("source", "zyte")
    choice.shingles = lru_cache(maxsize=None)(lambda text, f=choice.shingles: frozenset(f(text)))
    memo: dict = {}
    base, _ = scores(pages, None, memo)
    ours, moves = scores(pages, DEFAULT, memo)
    table = {g: scores(pages, replace(DEFAULT, **dict(zip(GRID_KEYS, g))), memo)[0] for g in GRID}
    groups = sorted(base, key=lambda g: (g not in SETS, g))
    print(f"F1 of the text before cleaning ({len(pages)} pages)     " + "".join(f"{g:>12s}" for g in groups))
    print(f"  Trafilatura (fast pass, fallback per page)   " + "".join(f"{base[g]:12.4f}" for g in groups))
    print(f"  choice, CleanOptions (in-sample)             " + "".join(f"{ours[g]:12.4f}" for g in groups))
    print(f"  gain                                         " + "".join(f"{ours[g] - base[g]:+12.4f}" for g in groups))
    sources = sorted({page["source"] for page in pages})
    print("leave one source out: grid point maximising the smallest gain over the other sources")
    for held in sources:
        train = [s for s in sources if s != held]
        best = max(GRID, key=lambda g: (min((table[g][s] - base[s] for s in train), default=0.0), sum(table[g][s] for s in train)))
        print(f"  {held:12s} fit {dict(zip(GRID_KEYS, best))}: gain on {held} {table[best][held] - base[held]:+.4f}"
              f" (CleanOptions {ours[held] - base[held]:+.4f})")
    for fit_on, other in (SETS, SETS[::-1]):
        best = max(GRID, key=lambda g: table[g][fit_on])
        print(f"  fit on {fit_on}: {dict(zip(GRID_KEYS, best))}: gain {fit_on} {table[best][fit_on] - base[fit_on]:+.4f},"
              f" {other} {table[best][other] - base[other]:+.4f}")
    for name in SETS:
        made = [m for m, p in zip(moves, pages) if p["set"] == name]
        print(f"  moves on {name}: " + ", ".join(f"{m} {made.count(m)}" for m in sorted(set(made))))
    gates(pages, memo)
    ms = {k: statistics.mean(p["ms"][k] for p in pages) for k in pages[0]["ms"]}
    print("  ms a page, each run on every page (bench/stages.py times the choice as it runs): "
          + ", ".join(f"{k} {v:.1f}" for k, v in ms.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
