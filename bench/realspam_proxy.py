"""Real comment spam the model never read, without reading the held-out stretch: each
development fold of the real corpora judged by a model trained without it.

The shipped model trains on every development comment, so bench/realspam_eval.py's dev
figures flatter it (dev judol spam in articles 0.99 removed, held-out 0.97; alone 0.93
against 0.80). Here a model is trained without one fold (and without the development
rows that repeat it, as the held-out split is kept apart), put in the shipped model's
place for this process (``ngrams.install``), and the fold's comments are placed and
cleaned as bench/realspam_eval.py does (alone, inside articles as text and HTML, in
comment threads). Folds, in the shape of the held-out split:

  judol-stretch   the last fifth of the development judol rows, contiguous (the held-out
                  split is the fifth after it)
  uci@VIDEO       each development UCI video (the held-out split is another video)

Figures per fold and pooled per corpus: spam_removed and legit_lost as in
bench/realspam_eval.py. Every other choice of the training (weights, C, data) is the
shipped one, so a change to them can be judged here before the held-out is read.

    .venv/bin/python bench/realspam_proxy.py [--folds judol-stretch uci@Youtube01-Psy ...] [--json]

About 80 s a fold (a fit and its cases) on two cores.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from multiprocessing import Pool
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import realspam_eval, realworld  # noqa: E402
from bench import train_spam_model as training  # noqa: E402
from bench.realspam_eval import cell  # noqa: E402
from cleaners import ngrams  # noqa: E402

STRETCH_SHARE = 0.2  # the judol fold: the last fifth of the development rows
PLACES = {"alone": ("alone",), "articles": ("article_text", "article_html"), "thread": ("thread",)}


def folds() -> dict[str, tuple[str, tuple[realworld.Comment, ...]]]:
    """Fold name -> (corpus, its development comments)."""
    judol = realworld.split("judol", "dev")
    out = {"judol-stretch": ("judol", judol[len(judol) - int(len(judol) * STRETCH_SHARE):])}
    uci = realworld.split("uci", "dev")
    for video in sorted({c.source for c in uci}):
        out[f"uci@{video}"] = ("uci", tuple(c for c in uci if c.source == video))
    return out


def fold_model(corpus: str, rows: tuple[realworld.Comment, ...]) -> ngrams.NgramModel:
    """The shipped training without ``rows`` and the development rows repeating them."""
    leave = frozenset(c.row for c in rows) | realworld.repeats(corpus, rows)
    texts, labels, groups = training.dataset(random.Random(training.SEED), {corpus: leave})
    weights, bias = training.fit(texts, labels, training.C, training.weights_of(groups))
    return ngrams.parse(gzip.decompress(training.serialise(weights, bias, "")))


def run_fold(name: str, corpus: str, rows: tuple[realworld.Comment, ...], workers: int) -> list[dict]:
    """Clean the fold's cases with the model trained without it; the rows of
    ``realspam_eval.run_case``, each labelled with the fold."""
    ngrams.install(fold_model(corpus, rows))
    try:
        cases = realspam_eval.cases_of(corpus, "proxy", list(rows), seed=name)
        with Pool(workers) as pool:  # forked: the workers read the installed model
            out = pool.map(realspam_eval.run_case, cases, chunksize=20)
    finally:
        ngrams.install(None)
    for r in out:
        r["fold"] = name
    return out


def report(rows: list[dict]) -> dict:
    """Figures per fold, and pooled per corpus, per placement group."""
    out: dict = {}
    keys = sorted({r["fold"] for r in rows}) + sorted({f"{r['corpus']} (pooled)" for r in rows})
    for key in keys:
        mine = [r for r in rows if r["fold"] == key or f"{r['corpus']} (pooled)" == key]
        out[key] = {g: realspam_eval.figures([r for r in mine if r["place"] in places]) for g, places in PLACES.items()}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", nargs="*", help="fold names (default: all)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    known = folds()
    unknown = [f for f in args.folds or () if f not in known]
    if unknown:
        print(f"error: unknown fold {unknown[0]!r}; folds: {', '.join(known)}", file=sys.stderr)
        return 2
    t = time.perf_counter()
    rows = [r for name in (args.folds or known) for r in run_fold(name, *known[name], args.workers)]
    rep = report(rows)
    if args.json:
        print(json.dumps(rep, indent=1))
    else:
        print(f"{'':30s}" + "".join(f"{g:>22s}" for g in PLACES))
        print(f"{'':30s}" + "".join(f"{'cases removed  lost':>22s}" for _ in PLACES))
        for key, per in rep.items():
            cells = [f"{f['cases']:5d} {cell(f['spam_removed'])} {cell(f['legit_lost'])}" for f in per.values()]
            print(f"  {key:28s}" + "".join(f"{c:>22s}" for c in cells))
    print(f"wall {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
