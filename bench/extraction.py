"""Benchmark extraction quality and speed: Trafilatura's three modes against the cleaner, on both sets.

Runs, in one process and interleaved page by page (so machine load hits every
configuration alike), over the 181 pages of bench/data/article-extraction-benchmark
(``zyte``) and the 446 pages of bench/data/extraction-dev (``dev``):

  (a) trafilatura.extract(html)                                   default options
  (b) trafilatura.extract(html, include_comments=False)
  (c) trafilatura.extract(html, include_comments=False, fast=True)
  (d) cleaners.clean_html(html)       parse once + DOM pass + extract (fallback per page) + clean

and prints, per set, F1 / precision / recall of each (scorer: bench/scoring.py) overall,
per source and per page type (dev), the dev set's snippet scores (share of `with`
snippets present, share of `without` snippets absent), pages/s of each (median over
--rounds rounds), (d)'s margin over the best of (a)-(c) and its speed against each, and
the spam removals the cleaner made on these legitimate pages (each one is a false
positive). Target (issue #11): F1(d) >= best of (a)-(c) + 0.01 on both sets.

    .venv/bin/python bench/extraction.py [--set zyte|dev|both] [--rounds 1] [--per-page] [--json FILE] [--pages N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura  # noqa: E402

from bench.common import SETS, dev_snippets, norm, set_pages, set_truth  # noqa: E402
from bench.scoring import score  # noqa: E402
from cleaners import clean_html  # noqa: E402

Runner = Callable[[bytes], tuple[str, tuple]]
TRAFILATURA = ("a trafilatura default", "b trafilatura include_comments=False", "c trafilatura no comments, fast")


def _clean(html: bytes) -> tuple[str, tuple]:
    r = clean_html(html)
    return r.text, tuple((x.reason, x.text[:100]) for x in r.removed if x.kind == "spam")


RUNNERS: dict[str, Runner] = {
    TRAFILATURA[0]: lambda html: (trafilatura.extract(html) or "", ()),
    TRAFILATURA[1]: lambda html: (trafilatura.extract(html, include_comments=False) or "", ()),
    TRAFILATURA[2]: lambda html: (trafilatura.extract(html, include_comments=False, fast=True) or "", ()),
    "d cleaners.clean_html": _clean,
}
OURS = "d cleaners.clean_html"


def run_round(pages: dict[str, bytes]) -> tuple[dict[str, float], dict[str, dict[str, tuple]]]:
    """One pass over every page, each page through every runner in turn."""
    seconds = dict.fromkeys(RUNNERS, 0.0)
    outputs: dict[str, dict[str, tuple]] = {name: {} for name in RUNNERS}
    for page_id, html in pages.items():
        for name, runner in RUNNERS.items():
            start = time.perf_counter()
            out = runner(html)
            seconds[name] += time.perf_counter() - start
            outputs[name][page_id] = out
    return seconds, outputs


def groups(truth: dict[str, dict]) -> dict[str, dict[str, dict]]:
    """The truth split by source and by WCXB page type (dev); the whole set under "all"."""
    out: dict[str, dict[str, dict]] = {"all": truth}
    for key, field in (("source", "source"), ("type", "page_type")):
        for page_id, t in truth.items():
            if t.get(field):
                out.setdefault(f"{key}:{t[field]}", {})[page_id] = t
    return out


def snippet_scores(texts: dict[str, str], snippets: dict[str, dict]) -> dict[str, tuple[float, float]]:
    """Per source: (share of `with` snippets present, share of `without` snippets absent)."""
    found: dict[str, list[int]] = {}
    for page_id, s in snippets.items():
        text = norm(texts.get(page_id, "")).casefold()
        counts = found.setdefault(s["source"], [0, 0, 0, 0])
        for snippet in s.get("with") or ():
            counts[0] += norm(snippet).casefold() in text
            counts[1] += 1
        for snippet in s.get("without") or ():
            counts[2] += norm(snippet).casefold() not in text
            counts[3] += 1
    return {src: (c[0] / c[1] if c[1] else 0.0, c[2] / c[3] if c[3] else 0.0) for src, c in sorted(found.items())}


def report(name: str, pages: dict[str, bytes], rounds: int) -> dict:
    """Run and print one set's figures; return them."""
    rates: dict[str, list[float]] = {r: [] for r in RUNNERS}
    outputs: dict[str, dict[str, tuple]] = {}
    for _ in range(rounds):
        seconds, outputs = run_round(pages)
        for runner, s in seconds.items():
            rates[runner].append(len(pages) / s)
    speed = {r: statistics.median(v) for r, v in rates.items()}
    texts = {r: {k: v[0] for k, v in out.items()} for r, out in outputs.items()}
    truth = {k: t for k, t in set_truth(name).items() if k in pages}
    out: dict = {"set": name, "pages": len(pages), "scored": len(truth), "rounds": rounds, "systems": {}}
    print(f"\n{name}: {len(pages)} pages ({len(truth)} with full-text truth), {rounds} rounds, interleaved per page")
    print(f"  {'':38s} {'F1':>7s} {'P':>7s} {'R':>7s} {'pages/s':>8s}")
    for runner in RUNNERS:
        summary, _ = score(truth, {k: {"articleBody": v} for k, v in texts[runner].items()})
        out["systems"][runner] = {"f1": summary["f1"], "precision": summary["precision"],
                                  "recall": summary["recall"], "pages_per_s": speed[runner]}
        print(f"  {runner:38s} {summary['f1']:7.4f} {summary['precision']:7.4f} {summary['recall']:7.4f}"
              f" {speed[runner]:8.1f}")
    best = max(TRAFILATURA, key=lambda r: out["systems"][r]["f1"])
    margin = out["systems"][OURS]["f1"] - out["systems"][best]["f1"]
    out["margin_over_best_trafilatura"] = margin
    print(f"  (d) - best Trafilatura mode ({best[:1]}): {margin:+.4f}  (target +0.0100)")
    print("  speed of (d) against " + ", ".join(f"({r[:1]}) {speed[OURS] / speed[r]:.2f}x" for r in TRAFILATURA))
    parts = groups(truth)
    if len(parts) > 1:
        print(f"  F1 by part {'':27s}" + "".join(f"{r[:1]:>8s}" for r in RUNNERS))
        out["parts"] = {}
        for part, t in parts.items():
            f1s = [score(t, {k: {"articleBody": texts[r].get(k, "")} for k in t})[0]["f1"] for r in RUNNERS]
            out["parts"][part] = dict(zip(RUNNERS, f1s))
            print(f"    {part:26s} {len(t):4d} pages " + "".join(f"{x:8.4f}" for x in f1s))
    if name == "dev":
        print("  snippets: with present / without absent")
        out["snippets"] = {}
        for runner in RUNNERS:
            s = snippet_scores(texts[runner], {k: v for k, v in dev_snippets().items() if k in pages})
            out["snippets"][runner] = s
            print(f"    {runner:36s} " + "  ".join(f"{src} {w:.3f}/{wo:.3f}" for src, (w, wo) in s.items()))
    fps = [(k, reason, text) for k, v in outputs[OURS].items() for reason, text in v[1]]
    out["spam_removals"] = len(fps)
    print(f"  spam removals on these legitimate pages: {len(fps)}")
    for page_id, reason, text in fps[:20]:
        print(f"    {page_id[:24]} {reason}: {text!r}")
    out["_texts"] = texts
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=(*SETS, "both"), default="both")
    ap.add_argument("--rounds", type=int, default=1, help="timed rounds; speed is the median (default 1)")
    ap.add_argument("--per-page", action="store_true", help="print the pages where (d) loses most F1 against (b)")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--pages", type=int, help="only the first N pages of each set (a quick check)")
    args = ap.parse_args()
    results = []
    for name in SETS if args.set == "both" else (args.set,):
        pages = set_pages(name)
        if args.pages:
            pages = dict(list(pages.items())[:args.pages])
        run_round(dict(list(pages.items())[:5]))  # warm-up: imports, langdetect profiles, regex caches
        result = report(name, pages, args.rounds)
        if args.per_page:
            truth = {k: t for k, t in set_truth(name).items() if k in pages}
            _print_losses(truth, result["_texts"][TRAFILATURA[1]], result["_texts"][OURS])
        results.append(result)
    if args.json:
        args.json.write_text(json.dumps([{k: v for k, v in r.items() if k != "_texts"} for r in results], indent=1))
    return 0


def _print_losses(truth: dict, base: dict[str, str], ours: dict[str, str]) -> None:
    def f1(t: dict, texts: dict[str, str], k: str) -> float:
        return score({k: t[k]}, {k: {"articleBody": texts.get(k, "")}})[0]["f1"]
    delta = {k: f1(truth, ours, k) - f1(truth, base, k) for k in truth}
    for k in sorted(delta, key=delta.get)[:10]:
        print(f"    {k[:24]} F1 (d) - (b) {delta[k]:+.3f}")


if __name__ == "__main__":
    sys.exit(main())
