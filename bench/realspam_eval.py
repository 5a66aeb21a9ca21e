"""Measure the cleaner on real, human-labelled comment spam (bench/realworld), dev and held-out.

Three placements of the same comments, per corpus (judol: Indonesian gambling promotion;
uci: English self-promotion) and split:
  alone     each comment cleaned on its own with clean_text
  article   comments placed inside real news articles (the ground-truth bodies of the
            vendored benchmark), as plain text (clean_text) and as HTML paragraphs of the
            article body (clean_html): 1-2 spam comments and 1 legitimate comment a page
  thread    windows of consecutive comments (file order, so spam sits among the
            legitimate comments of the same video) given as text after an "N Comments" line
Figures: spam_removed (share of spam characters gone from the output), legit_lost (share
of legitimate characters gone: article paragraphs and legitimate comments), and the
legitimate comments that discuss gambling (judol, label 0, naming judi/judol/slot)
kept whole.

    .venv/bin/python bench/realspam_eval.py [--split dev|heldout|all] [--json] [--workers 2] [--limit N] [--reasons]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import time
from collections import Counter
from functools import cache
from multiprocessing import Pool
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import realworld  # noqa: E402
from bench.common import norm, truth  # noqa: E402
from cleaners import clean_html, clean_text  # noqa: E402

THREAD = 12  # comments per thread window
ABOUT_GAMBLING = re.compile(r"\b(?:judi|judol|slot|gambl\w*|casino|taruhan)\b", re.I)
SEED = "realspam"
SOFT_HYPHEN = "\u00ad"
# Report rows: a placement, or several pooled, each also split by corpus.
GROUPS = {"alone": ("alone",), "article_text": ("article_text",), "article_html": ("article_html",),
          "thread": ("thread",), "articles": ("article_text", "article_html")}


@cache
def hosts() -> list[tuple[str, list[str]]]:
    """(page id, paragraphs) of the benchmark's articles with at least 4 paragraphs of 80+ characters."""
    out = []
    for pid, page in sorted(truth().items()):
        paras = [p for p in map(norm, (page.get("articleBody") or "").split("\n")) if len(p) >= 80]
        if len(paras) >= 4:
            out.append((pid, paras[:12]))
    return out


def shown(text: str) -> str:
    """Text as the comparison reads it: normalised, without soft hyphens (U+00AD). They
    are invisible, Trafilatura drops them, and a paragraph of a host article written
    with them ("US \\xadforces") is kept word for word without them."""
    return norm(text).replace(SOFT_HYPHEN, "")


def gone(piece: str, out: str) -> bool:
    """A piece is gone when its text is not in the output (``out`` as ``shown`` reads it).

    >>> gone("US \xadforces left", shown("They said US forces left.")), gone("US forces stayed", "US forces left.")
    (False, True)
    """
    return shown(piece) not in out


def _chars(pieces: list[str]) -> int:
    return sum(len(p) for p in pieces)


def article_page(title: str, paras: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head><body>'
            f'<header><a href="http://127.0.0.1/">The Daily Example</a></header><main><article>'
            f"<h1>{html.escape(title)}</h1>\n{body}\n</article></main><footer>© 2025</footer></body></html>")


def cases(corpus: str, split: str, limit: int | None) -> list[dict]:
    """Every case of one corpus and split (deterministic)."""
    # No blank comments: realworld.comments drops them.
    return cases_of(corpus, split, list(realworld.split(corpus, split)), limit)


def cases_of(corpus: str, split: str, rows: list, limit: int | None = None, seed: str = "") -> list[dict]:
    """The cases of some comments of one corpus, labelled with ``split``; the draw of
    host pages and partners is seeded by corpus and split (and ``seed``)."""
    rng = random.Random(f"{SEED}-{corpus}-{split}{seed}")
    spam = [c for c in rows if c.spam]
    legit = [c for c in rows if not c.spam]
    if limit:
        spam, legit = spam[:limit], legit[: limit * 3]
    out = [{"place": "alone", "spam": [c.text] if c.spam else [], "legit": [] if c.spam else [c.text],
            "about": bool(not c.spam and ABOUT_GAMBLING.search(c.text))} for c in spam + legit]
    pages = hosts()
    for i in range(0, len(spam), 2):
        pid, paras = pages[rng.randrange(len(pages))]
        pieces = [c.text for c in spam[i:i + rng.choice((1, 2))]]
        good = rng.choice(legit).text if legit else ""
        mixed = list(paras)
        for p in pieces + ([good] if good else []):
            mixed.insert(rng.randint(2, len(mixed)), p)
        lines = [norm(p) for p in mixed]
        for kind in ("article_text", "article_html"):
            out.append({"place": kind, "spam": [norm(p) for p in pieces], "legit": paras + ([norm(good)] if good else []),
                        "doc": "\n\n".join(lines) if kind == "article_text" else article_page(f"Story {pid[:8]}", lines),
                        "url": f"http://127.0.0.1/news/{pid[:16]}"})
    window = rows[: limit * 4] if limit else rows
    for i in range(0, len(window) - THREAD + 1, THREAD):
        part = window[i:i + THREAD]
        if not any(c.spam for c in part):
            continue
        texts = [norm(c.text) for c in part]
        doc = "\n\n".join([f"{len(part)} Comments"] + texts)
        out.append({"place": "thread", "spam": [t for t, c in zip(texts, part) if c.spam],
                    "legit": [t for t, c in zip(texts, part) if not c.spam], "doc": doc,
                    "url": "http://127.0.0.1/news/thread"})
    for c in out:
        c["corpus"], c["split"] = corpus, split
    return out


def run_case(case: dict) -> dict:
    """Clean one case; characters of spam and legitimate text it had and lost, and the
    first of each kept or lost; the legitimate characters lost by the removals' reasons."""
    if case["place"] == "alone":
        result = clean_text((case["spam"] or case["legit"])[0])
    elif case["place"] == "article_html":
        result = clean_html(case["doc"], url=case["url"])
    else:
        result = clean_text(case["doc"], url=case["url"])
    out = shown(result.text)
    left = [s for s in case["spam"] if not gone(s, out)]
    lost = [p for p in case["legit"] if gone(p, out)]
    lost_by: Counter = Counter()
    for p in lost:
        lost_by[reasons(p, result.removed, result.reject_reason)] += len(p)
    return {"place": case["place"], "corpus": case["corpus"], "split": case["split"],
            "spam": _chars(case["spam"]), "spam_gone": _chars(case["spam"]) - _chars(left),
            "legit": _chars(case["legit"]), "legit_gone": _chars(lost), "about": case.get("about", False),
            "lost": lost[0][:120] if lost else "", "left": left[0][:120] if left else "", "lost_by": dict(lost_by)}


def reasons(piece: str, removed, reject_reason: str = "") -> str:
    """The reason codes of the removals that took (part of) ``piece``, joined with "+";
    the page's reject reason when it went whole; "extraction" when no removal names it
    (Trafilatura left it out).

    >>> from cleaners import Removal
    >>> reasons("Beli di sini", [Removal("spam", "spam.learned", "Beli di sini!")])
    'spam.learned'
    """
    if reject_reason:
        return reject_reason
    head = piece[:40]
    codes = sorted({r.reason for r in removed if r.kind != "guard"
                    and (head in (text := norm(r.text)) or text[:40] in piece)})
    return "+".join(codes) or "extraction"


def run(split: str = "all", workers: int = 2, limit: int | None = None) -> list[dict]:
    todo = [c for corpus in realworld.FILES for s in ("dev", "heldout") if split in ("all", s)
            for c in cases(corpus, s, limit)]
    with Pool(workers) as pool:
        return pool.map(run_case, todo, chunksize=20)


def _r(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


def figures(rows: list[dict]) -> dict:
    about = [r for r in rows if r["about"]]
    return {"cases": len(rows), "spam_removed": _r(sum(r["spam_gone"] for r in rows), sum(r["spam"] for r in rows)),
            "legit_lost": _r(sum(r["legit_gone"] for r in rows), sum(r["legit"] for r in rows)),
            "about_gambling_kept": _r(sum(r["legit_gone"] == 0 for r in about), len(about))}


def report(rows: list[dict]) -> dict:
    """Figures per split: all rows, then each of ``GROUPS`` and each group per corpus."""
    out: dict = {}
    for split in sorted({r["split"] for r in rows}):
        mine = [r for r in rows if r["split"] == split]
        per = {"all": figures(mine)}
        for name, places in GROUPS.items():
            group = [r for r in mine if r["place"] in places]
            per[name] = figures(group)
            for corpus in realworld.FILES:
                per[f"{name}/{corpus}"] = figures([r for r in group if r["corpus"] == corpus])
        out[split] = per
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="at most N spam comments per corpus and split")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-corpus", choices=("judol", "uci"), help="with --show: only this corpus's texts")
    ap.add_argument("--show-place", choices=("alone", "article_text", "article_html", "thread"),
                    help="with --show: only this placement's texts")
    ap.add_argument("--show", type=int, default=0, help="print N missed spam and N lost legitimate texts (dev only)")
    ap.add_argument("--reasons", action="store_true",
                    help="print the legitimate characters lost by removal reason, per placement and corpus (dev only)")
    args = ap.parse_args()
    t = time.perf_counter()
    rows = run(args.split, args.workers, args.limit)
    rep = report(rows)
    if args.json:
        print(json.dumps(rep, indent=1))
    else:
        splits = list(rep)
        print(f"{'':26s}" + "".join(f"{s:>30s}" for s in splits))
        print(f"{'':26s}" + "".join(f"{'cases  removed  lost  about':>30s}" for _ in splits))
        for key in rep[splits[0]]:
            cells = []
            for s in splits:
                f = rep[s][key]
                cells.append(f"{f['cases']:6d} {cell(f['spam_removed'])} {cell(f['legit_lost'])} "
                             f"{cell(f['about_gambling_kept'])}")
            print(f"  {key:24s}" + "".join(f"{c:>30s}" for c in cells))
    if args.show:
        dev = [r for r in rows if r["split"] == "dev" and args.show_corpus in (None, r["corpus"])
               and args.show_place in (None, r["place"])]
        for r in [r for r in dev if r["left"]][: args.show]:
            print("LEFT", r["place"], r["corpus"], repr(r["left"]))
        for r in [r for r in dev if r["lost"]][: args.show]:
            print("LOST", r["place"], r["corpus"], repr(r["lost"]))
    if args.reasons:
        print_reasons([r for r in rows if r["split"] == "dev"])
    print(f"wall {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return 0


def print_reasons(rows: list[dict]) -> None:
    """The legitimate characters lost by reason, per placement group and corpus, as a
    share of the legitimate characters there: which rule to look at first."""
    for name, places in GROUPS.items():
        if name == "articles":  # its two placements are printed one by one
            continue
        for corpus in realworld.FILES:
            group = [r for r in rows if r["place"] in places and r["corpus"] == corpus]
            total = sum(r["legit"] for r in group)
            by: Counter = sum((Counter(r["lost_by"]) for r in group), Counter())
            if not by:
                continue
            print(f"legitimate text lost, {name}/{corpus} ({total} characters):")
            for why, n in by.most_common():
                print(f"  {n / total:7.4f} {n:7d}  {why}")


def cell(v: float | None) -> str:
    """A figure as the reports print it ("-" for none)."""
    return "   -  " if v is None else f"{v:6.3f}"


if __name__ == "__main__":
    sys.exit(main())
