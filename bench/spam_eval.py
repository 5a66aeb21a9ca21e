"""Measure the spam cleaner on the generated spam corpus (bench/spamcorpus): dev, fresh, held-out.

Prints, for the splits side by side (fresh: the second development set of
bench/spamcorpus/fresh, templates nobody tuned for, injected in the text styles):
  spam recall          share of injected visible spam characters absent from clean_html's text
  article retention    share of the article text clean_html keeps on the page *without* spam
                       (its paragraphs found in the benchmark's ground-truth body) that survives
                       on the page with spam (isolates the cleaner's harm from extraction)
  legit retention      per legitimate page (gambling articles; the fresh set's news roundups
                       and pages of spam-like kinds, topics legit-news and legit-genre), share
                       of its paragraphs' characters kept (min and mean, with and without
                       injected spam), and the share of those pages kept whole
  dump P / R / F1      clean_text removals against the labelled spam+boilerplate characters
                       of plain-text dumps (non-space characters)
  spam pages rejected  share of landing pages (whole doorway pages pitching one brand) that
                       clean_html rejects: is_spam True, reject_reason "spam.page"
with breakdowns per injection style, spam language, market and market kind (gambling,
crypto, loans, ...), the 10 worst cases, time, and the corpus digest. Held-out cases
show no text (ids only), so tuning the cleaner on this report cannot read held-out spam.

    .venv/bin/python bench/spam_eval.py [--split dev|fresh|heldout|all] [--pages N] [--json] [--workers 2]
    .venv/bin/python bench/spam_eval.py --update-digest    # pin a deliberate corpus change

Exits 1 (after the report) when the corpus digest differs from bench/spamcorpus/DIGEST.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import norm, truth  # noqa: E402
from bench.spamcorpus import cases as gen  # noqa: E402
from bench.spamcorpus import digest, dumps  # noqa: E402
from cleaners import CleanOptions, clean_html, clean_text  # noqa: E402

MIN_RUN = 12  # a surviving piece of a string counts when it is at least this long
ARTICLE_SHARE = 0.8  # a paragraph belongs to the article when this share of it is in the ground-truth body
OPTIONS = CleanOptions()


def extract_only(html: str, url: str) -> str:
    """Trafilatura alone, with the options the cleaner gives it: what extraction removes by itself."""
    import trafilatura

    return trafilatura.extract(html, url=url, fast=OPTIONS.fast_extraction, include_comments=False,
                               include_tables=OPTIONS.include_tables) or ""


def kept_chars(s: str, out: str) -> int:
    """Characters of ``s`` that occur in ``out`` as runs of >= MIN_RUN (whole ``s`` if short).

    >>> kept_chars("abcdefghijklmnop", "xx abcdefghijklm yy")
    13
    """
    if s in out:
        return len(s)
    if len(s) <= MIN_RUN:
        return 0
    i = kept = 0
    while i < len(s):
        lo, hi = i, len(s)
        while lo < hi:  # longest s[i:j] in out: membership shrinks monotonically with j
            mid = (lo + hi + 1) // 2
            if s[i:mid] in out:
                lo = mid
            else:
                hi = mid - 1
        if lo - i >= MIN_RUN:
            kept += lo - i
            i = lo
        else:
            i += 1
    return kept


def _spam(case: gen.Case, out: str, base_out: str) -> tuple[int, int, str]:
    """(spam chars, spam chars left, first leftover) of one case; spam already in base_out is skipped."""
    total = left = 0
    first = ""
    for s in map(norm, case.spam):
        if s in base_out:
            continue
        k = kept_chars(s, out)
        total, left = total + len(s), left + k
        if k and not first:
            first = s
    return total, left, first


def _kept(paras: list[str], out: str) -> tuple[int, int, str]:
    """(chars, chars kept, first lost paragraph) of paragraphs in ``out``."""
    total = kept = 0
    lost = ""
    for p in paras:
        k = kept_chars(p, out)
        total, kept = total + len(p), kept + k
        if k < len(p) and not lost:
            lost = p
    return total, kept, lost


def article_paragraphs(text: str, body: str) -> list[str]:
    """The paragraphs of ``text`` that belong to the article: mostly found in its ground-truth body.

    Menus and footers that extraction kept on the page without spam are not article, and
    extraction may drop them on the page with spam for reasons of its own.

    >>> article_paragraphs("Menu\\nThe council voted on Tuesday to expand the park.", "The council voted on Tuesday to expand the park. It rained.")
    ['The council voted on Tuesday to expand the park.']
    """
    out = []
    for p in text.split("\n"):
        p = norm(p)
        if p and kept_chars(p, body) >= ARTICLE_SHARE * len(p):
            out.append(p)
    return out


def _row(case: gen.Case, seconds: float, **figures) -> dict:
    style = case.style + (f":{case.variant}" if case.variant else "")
    return {"id": case.id, "split": case.split, "kind": case.kind, "style": style, "lang": case.lang,
            "market": case.market, "topic": case.topic or "none", "seconds": seconds, **figures}


def _numbers(splits: tuple[str, ...], n_dev: int, n_heldout: int, n_fresh: int) -> list[tuple[int, str]]:
    """(n, split) of a page's cases in the wanted splits, built for those alone: dev cases
    are numbered 0..n_dev-1, held-out ones after them, fresh ones from 0 apart."""
    return ([(n, "") for n in range(n_dev) if "dev" in splits]
            + [(n, "") for n in range(n_dev, n_dev + n_heldout) if "heldout" in splits]
            + [(n, "fresh") for n in range(n_fresh) if "fresh" in splits])


def splits_of(split: str | tuple[str, ...]) -> tuple[str, ...]:
    """The splits a --split value names ("all": dev, fresh and held-out), or those given."""
    if isinstance(split, tuple):
        return split
    return ("dev", "fresh", "heldout") if split == "all" else (split,)


def eval_page(args: tuple[str, str | tuple[str, ...], bool]) -> list[dict]:
    """Evaluate the HTML and dump cases of one benchmark page (and Trafilatura alone if asked)."""
    page_id, split, with_extract = args
    splits = splits_of(split)
    rows = []
    base = clean_html(gen.base_page(page_id), url=gen.page_url(page_id, "base")).text
    base_n = norm(base)
    body = norm(truth()[page_id].get("articleBody", ""))
    paras = article_paragraphs(base, body)
    ex_paras = article_paragraphs(extract_only(gen.base_page(page_id), gen.page_url(page_id, "base")),
                                  body) if with_extract else []
    for n, which in _numbers(splits, gen.N_DEV, gen.N_HELDOUT, gen.N_FRESH):
        case = gen.html_case(page_id, n, which)
        t = time.perf_counter()
        out = norm(clean_html(case.text, url=case.url).text)
        dt = time.perf_counter() - t
        spam, left, leftover = _spam(case, out, base_n)
        total, kept, lost = _kept(paras, out)
        extra = {}
        if with_extract:  # the same figures for Trafilatura alone: tells extraction's part from the cleaner's
            ex_out = norm(extract_only(case.text, case.url))
            ex_total, ex_kept, _ = _kept(ex_paras, ex_out)
            extra = {"spam_left_extract": _spam(case, ex_out, base_n)[1], "art_ex": ex_total, "art_ex_kept": ex_kept}
        rows.append(_row(case, dt, spam=spam, spam_left=left, leftover=leftover, art=total, art_kept=kept, lost=lost,
                         **extra))
    rows += [eval_dump(dumps.dump_case(page_id, n, which))
             for n, which in _numbers(splits, dumps.N_DEV, dumps.N_HELDOUT, dumps.N_FRESH)]
    return rows


def eval_dump(case: gen.Case) -> dict:
    """Character precision/recall of clean_text removals on one labelled dump."""
    t = time.perf_counter()
    r = clean_text(case.text, url=case.url)
    dt = time.perf_counter() - t
    removed, label, spam = (bytearray(len(case.text)) for _ in range(3))
    for x in r.removed:
        if x.kind in ("spam", "boilerplate") and x.start >= 0:
            removed[x.start:x.end] = b"\1" * (x.end - x.start)
    for s, e, kind in case.labels:
        label[s:e] = b"\1" * (e - s)
        if kind == "spam":
            spam[s:e] = b"\1" * (e - s)
    tp = fp = fn = spam_n = spam_hit = 0
    missed = ""
    for i, ch in enumerate(case.text):
        if ch.isspace():
            continue
        tp += removed[i] and label[i]
        fp += removed[i] and not label[i]
        fn += label[i] and not removed[i]
        spam_n += spam[i]
        spam_hit += spam[i] and removed[i]
    for s, e, _ in case.labels:
        if not all(removed[s:e]) and not missed:
            missed = case.text[s:e]
    wrong = next((x.text for x in r.removed if x.kind in ("spam", "boilerplate") and x.start >= 0
                  and not any(label[x.start:x.end])), "")
    return _row(case, dt, tp=tp, fp=fp, fn=fn, spam=spam_n, spam_left=spam_n - spam_hit, leftover=missed, lost=wrong)


def eval_article(cases: list[gen.Case]) -> list[dict]:
    """The legitimate cases of one article (``legit_cases``: alone, then with spam
    injected): the share of the article each keeps, and the recall of the injected spam,
    measured against the article cleaned alone (cleaned once, for both)."""
    plain = cases[0]
    assert not plain.spam, plain.id  # the article alone comes first
    rows, base = [], ""
    for case in cases:
        t = time.perf_counter()
        out = norm(clean_html(case.text, url=case.url).text)
        dt = time.perf_counter() - t
        if case is plain:
            base = out
        total, kept, lost = _kept([norm(p) for p in case.keep], out)
        spam, left, leftover = _spam(case, out, base) if case.spam else (0, 0, "")
        rows.append(_row(case, dt, spam=spam, spam_left=left, leftover=leftover, legit=total, legit_kept=kept,
                         lost=lost))
    return rows


def eval_landing(case: gen.Case) -> dict:
    """Whether a landing page is rejected as a spam page, and how much of its pitch survives."""
    t = time.perf_counter()
    r = clean_html(case.text, url=case.url)
    dt = time.perf_counter() - t
    out = norm(r.text)
    spam, left, leftover = _spam(case, out, "")
    rejected = bool(r.is_spam and r.reject_reason == "spam.page")
    return _row(case, dt, spam=spam, spam_left=left, leftover=leftover, lost="", rejected=rejected,
                reject_reason=r.reject_reason)


def _first_per_split(cases: list[gen.Case], n: int) -> list[gen.Case]:
    """The first ``n`` cases of each split (a quick run still sees both)."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for c in cases:
        if seen[c.split] < n:
            seen[c.split] += 1
            out.append(c)
    return out


def _by_article(cases: list[gen.Case]) -> list[list[gen.Case]]:
    """Legitimate cases grouped by their article, in order."""
    groups: dict[str, list[gen.Case]] = {}
    for c in cases:
        groups.setdefault(c.article_ref, []).append(c)
    return list(groups.values())


def run(split: str | tuple[str, ...] = "all", pages: int | None = None, workers: int = 2,
        with_extract: bool = False) -> list[dict]:
    """Evaluate every case of ``split`` (a --split value, or a tuple of split names; over
    the first ``pages`` benchmark pages); one row per case."""
    ids = gen.page_ids()[:pages] if pages else gen.page_ids()
    splits = splits_of(split)
    legit = [c for c in gen.all_legit_cases(fresh="fresh" in splits) if c.split in splits]
    landing = [c for s in splits for c in gen.landing_cases(s)]
    if pages:
        legit = _first_per_split(legit, max(2, pages))
        landing = _first_per_split(landing, max(2, pages))
    with Pool(workers) as pool:
        rows = [r for batch in pool.imap_unordered(eval_page, [(i, split, with_extract) for i in ids]) for r in batch]
        rows += [r for batch in pool.map(eval_article, _by_article(legit)) for r in batch]
        rows += pool.map(eval_landing, landing)
    return sorted(rows, key=lambda r: r["id"])


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


def figures(rows: list[dict]) -> dict:
    """Aggregate figures of some rows (one split, style or language)."""
    html = [r for r in rows if r["kind"] in ("html", "legit")]
    dump = [r for r in rows if r["kind"] == "dump"]
    landing = [r for r in rows if r["kind"] == "landing"]
    legit = [r["legit_kept"] / r["legit"] for r in rows if r.get("legit")]
    spam = sum(r["spam"] for r in html)
    tp, fp, fn = (sum(r[k] for r in dump) for k in ("tp", "fp", "fn"))
    p, rc = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "cases": len(rows),
        "spam_recall": _ratio(spam - sum(r["spam_left"] for r in html), spam),
        "extract_only_recall": _ratio(sum(r["spam"] - r["spam_left_extract"] for r in html if "spam_left_extract" in r),
                                      sum(r["spam"] for r in html if "spam_left_extract" in r)),
        "article_retention": _ratio(sum(r.get("art_kept", 0) for r in html), sum(r.get("art", 0) for r in html)),
        "extract_only_retention": _ratio(sum(r.get("art_ex_kept", 0) for r in html), sum(r.get("art_ex", 0) for r in html)),
        "legit_min": round(min(legit), 4) if legit else None,
        "legit_mean": round(sum(legit) / len(legit), 4) if legit else None,
        "legit_whole": round(sum(k == 1 for k in legit) / len(legit), 4) if legit else None,
        "legit_cases": len(legit),
        "dump_precision": p, "dump_recall": rc,
        "dump_f1": round(2 * p * rc / (p + rc), 4) if p and rc else (0.0 if dump else None),
        "dump_spam_recall": _ratio(sum(r["spam"] - r["spam_left"] for r in dump), sum(r["spam"] for r in dump)),
        "spam_pages_rejected": _ratio(sum(r["rejected"] for r in landing), len(landing)),
        "landing_recall": _ratio(sum(r["spam"] - r["spam_left"] for r in landing), sum(r["spam"] for r in landing)),
        "landing_cases": len(landing),
    }


def badness(r: dict) -> float:
    """How badly the cleaner did on one case: spam left plus article lost (0 = perfect)."""
    if r["kind"] == "dump":
        return (r["fp"] + r["fn"]) / max(1, r["tp"] + r["fn"])
    if r["kind"] == "landing":
        return 0.0 if r["rejected"] else r["spam_left"] / max(1, r["spam"])
    lost = 1 - (r.get("art_kept", 0) / r["art"] if r.get("art") else r.get("legit_kept", 0) / r["legit"] if r.get("legit") else 1)
    return (r["spam_left"] / r["spam"] if r["spam"] else 0.0) + lost


def _worst(rows: list[dict], n: int) -> list[dict]:
    """The ``n`` worst cases, at most two per (style, language), so one weakness does not fill the list."""
    seen: dict[tuple[str, str], int] = defaultdict(int)
    out = []
    for r in sorted(rows, key=lambda r: (-badness(r), r["id"])):
        if badness(r) <= 0 or len(out) == n:
            break
        if seen[(r["style"], r["lang"])] < 2:
            seen[(r["style"], r["lang"])] += 1
            out.append(r)
    return out


def _shown(r: dict, key: str) -> str:
    """A row's text field, or nothing for held-out rows: held-out text stays out of reports."""
    return "" if r["split"] == "heldout" else r.get(key, "")[:110]


def report(rows: list[dict]) -> dict:
    """Overall figures and per style, language, market and market kind, by split; the worst cases."""
    splits = sorted({r["split"] for r in rows})
    out: dict = {"overall": {s: figures([r for r in rows if r["split"] == s]) for s in splits}}
    for key in ("style", "lang", "market", "topic"):
        groups = defaultdict(list)
        for r in rows:
            groups[(r[key], r["split"])].append(r)
        out[f"by_{key}"] = {g: {s: figures(groups[(g, s)]) for s in splits if (g, s) in groups}
                           for g in sorted({g for g, _ in groups})}
    out["worst"] = [{"id": r["id"], "split": r["split"], "style": r["style"], "lang": r["lang"],
                     "badness": round(badness(r), 3), "spam_left": _shown(r, "leftover"), "lost": _shown(r, "lost")}
                    for r in _worst(rows, 10)]
    out["seconds_cleaning"] = round(sum(r["seconds"] for r in rows), 1)
    out["digest"] = digest.corpus_digest()
    out["digest_pinned"] = out["digest"] == digest.pinned()
    return out


def _fmt(v: float | int | None) -> str:
    return "   -  " if v is None else f"{v:6.4f}" if isinstance(v, float) else f"{v:6d}"


def print_report(rep: dict, wall: float) -> None:
    """Print the report as aligned tables, splits side by side."""
    splits = list(rep["overall"])
    print("overall".ljust(26) + "".join(s.rjust(9) for s in splits))
    for k in rep["overall"][splits[0]]:
        print(f"  {k:24s}" + "".join(f"   {_fmt(rep['overall'][s][k])}" for s in splits))
    cols = {"cases": "cases", "spam_recall": "recall", "extract_only_recall": "trafOnly", "article_retention": "retain",
            "legit_min": "legit", "legit_whole": "whole", "dump_f1": "dumpF1", "spam_pages_rejected": "pagesRej"}
    for key in ("by_topic", "by_style", "by_lang", "by_market"):
        print(f"\n{key:24s}" + " | ".join(f"{s:>{9 * len(cols) - 1}s}" for s in splits))
        print(" " * 24 + " | ".join("".join(f"{c:>9s}" for c in cols.values())[1:] for _ in splits))
        for g, per in rep[key].items():
            print(f"  {g:22s}" + " | ".join("".join(f"{_fmt(per.get(s, {}).get(c)):>9s}" for c in cols)[1:]
                                          for s in splits))
    print("\nworst cases (badness = spam share left + article share lost; dumps: (FP+FN)/labelled)")
    for w in rep["worst"]:
        print(f"  {w['badness']:.3f} {w['split']:7s} {w['id']:30s} {w['style']:22s} {w['lang']}")
        if w["spam_left"]:
            print(f"      left: {w['spam_left']!r}")
        if w["lost"]:
            print(f"      lost: {w['lost']!r}")
    print(f"\ncleaning time {rep['seconds_cleaning']} s (sum over cases), wall {wall:.1f} s")
    print(f"corpus digest {rep['digest']}" + ("" if rep["digest_pinned"] else "  (differs from bench/spamcorpus/DIGEST)"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "fresh", "heldout", "all"), default="all")
    ap.add_argument("--pages", type=int, default=None, help="only the first N benchmark pages (and N legit cases)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true",
                    help="print everything as JSON: figures, breakdowns, worst cases, per-case rows, digest")
    ap.add_argument("--update-digest", action="store_true",
                    help="write the current corpus digest to bench/spamcorpus/DIGEST (after a deliberate change)")
    ap.add_argument("--no-extract-only", action="store_true",
                    help="skip the Trafilatura-alone spam recall column (halves the time)")
    args = ap.parse_args()
    if args.update_digest:
        print(f"{digest.update()}  written to {digest.PINNED}")
        return 0
    t = time.perf_counter()
    rows = run(args.split, args.pages, args.workers, not args.no_extract_only)
    rep = report(rows)
    if args.json:
        cases = [{k: _shown(r, k) if k in ("leftover", "lost") else v for k, v in r.items()} for r in rows]
        print(json.dumps({**rep, "cases": cases, "wall_seconds": round(time.perf_counter() - t, 1)},
                         ensure_ascii=False, indent=1))
    else:
        print_report(rep, time.perf_counter() - t)
    # Figures on an unpinned corpus are not comparable with earlier ones: printed, but not a success.
    return 0 if rep["digest_pinned"] else 1


if __name__ == "__main__":
    sys.exit(main())
