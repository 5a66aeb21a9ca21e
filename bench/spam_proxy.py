"""A development proxy for spam the model has never read: retrain it without the dev
spam of some languages (their templates, sentences, comments and landing pages), then
run bench/spam_eval.py's dev cases and judge those languages' spam with it.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python bench/spam_proxy.py --drop-lang es ru tr vi zh                  # the shipped C
    .venv/bin/python bench/spam_proxy.py --drop-lang es ru tr vi zh --c 10 30 100    # a model option
    .venv/bin/python bench/spam_proxy.py --drop-lang de fr pl th --blind             # ... and no word list

The shipped model has read every dev template, so spam_eval's dev figures flatter the
model; the held-out split measures it but must not choose. Here the dropped languages'
spam is unseen by the model, as held-out spam is (other templates, other brands), and
``--blind`` zeroes the word-list signals' weights (commercial lexicon, promo phrases,
calls to action), as the held-out spam is written without the lexicon's words. Spam
figures are over the dropped languages' cases only; legitimate figures (article
retention, the dev legitimate articles) over every dev case, since a model option that
reads more spam must not read articles as spam anywhere. Prints one line per C.
A model option is chosen on this proxy and on bench/train_spam_model.py --by-video
(real English comments of an unseen video), never on held-out figures.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import spam_eval  # noqa: E402
from bench import train_spam_model as train  # noqa: E402
from bench.common import add_settings  # noqa: E402
from bench.landing_proxy import proxy_model, proxy_options, use  # noqa: E402
from bench.spamcorpus import corpus  # noqa: E402

# The figures printed, from spam_eval.figures.
SPAM_KEYS = ("spam_recall", "dump_f1", "dump_spam_recall", "spam_pages_rejected")
LEGIT_KEYS = ("article_retention", "legit_min", "legit_mean")


def judged(drop: set[str], c: float, options, workers: int) -> dict:
    """spam_eval's dev figures under the proxy model: spam over the dropped languages, legitimate over all."""
    use(proxy_model(drop, c, landing=True))
    from cleaners import clean_html, clean_text

    # The evaluation's workers are forked from this process: they score with the proxy
    # model and the run's options.
    spam_eval.clean_html = functools.partial(clean_html, options=options)
    spam_eval.clean_text = functools.partial(clean_text, options=options)
    rows = spam_eval.run("dev", workers=workers)
    unseen = spam_eval.figures([r for r in rows if r["lang"] in drop])
    everything = spam_eval.figures(rows)
    return {**{k: unseen[k] for k in SPAM_KEYS}, **{k: everything[k] for k in LEGIT_KEYS},
            "unseen_cases": unseen["cases"], "rows": rows}


def misses(rows: list[dict], drop: set[str]) -> list[str]:
    """One line per dropped-language case the proxy got wrong (spam left, a landing page
    kept, article text lost), worst first: dev text, safe to read."""
    out = []
    for r in sorted(rows, key=lambda r: -spam_eval.badness(r)):
        if spam_eval.badness(r) <= 0 or (r["lang"] not in drop and not r.get("lost")):
            continue
        what = "kept page" if r["kind"] == "landing" and not r["rejected"] else "left"
        text = r.get("leftover") or r.get("lost") or ""
        out.append(f"  {r['id']} {r['kind']}/{r['style']} {what if not r.get('lost') else 'lost'}: {text[:120]!r}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--drop-lang", nargs="+", required=True, help="leave these languages' dev spam out of training")
    ap.add_argument("--c", type=float, nargs="*", default=[train.C], help="regularisation values to compare")
    ap.add_argument("--blind", action="store_true", help="zero the word-list signals' weights")
    add_settings(ap)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("-v", action="store_true", help="list the cases the proxy got wrong")
    args = ap.parse_args()
    known = {m.lang for m in corpus.markets("dev")}
    unknown = sorted(set(args.drop_lang) - known)
    if unknown:
        ap.error(f"no dev spam in {', '.join(unknown)}")
    options = proxy_options(ap, args.settings, args.blind)
    drop = set(args.drop_lang)
    print(f"unseen languages: {' '.join(sorted(drop))}{' (blind)' if args.blind else ''}")
    for c in args.c:
        t = time.perf_counter()
        fig = judged(drop, c, options, args.workers)
        shown = "  ".join(f"{k} {fig[k]:.4f}" if isinstance(fig[k], float) else f"{k} {fig[k]}"
                          for k in (*SPAM_KEYS, *LEGIT_KEYS))
        print(f"C {c:g}: {shown}  ({fig['unseen_cases']} unseen cases, {time.perf_counter() - t:.0f} s)", flush=True)
        if args.v:
            print("\n".join(misses(fig["rows"], drop)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
