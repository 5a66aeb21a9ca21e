"""Soft pitches in the page's own language: English spam by other writers placed in the
Zyte benchmark's English articles, and how much of it the cleaner removes.

    .venv/bin/python bench/soft_pitches.py [--show N] [-s FIELD=VALUE ...]

The texts (bench/spamcorpus/soft) were written from a brief by writers who read no
file of this repository, and are never trained on. Most name an invented seller and
praise it in the voice of the news ("CourtKing Sports has been the quiet favourite
among Lakers fans this week, thanks mostly to its same-game parlays on the playoff
series."): no lexicon word, no link, no call to action, and the n-gram model reads them
as news (median 0.13). Placements, each text once, in the article chosen by its index:
  sentence  a "sentence" text appended to the end of a paragraph (the first of the
            second to second-last paragraphs of 120 characters or more ending a sentence)
  advert    an "advert" text as a paragraph of its own after the article's first
Figures: removed (share of the spam characters gone from the output, a placed text
counting as gone when its whole text is), kept (share of the article's own paragraphs
left whole). The articles are the ground-truth bodies of the Zyte pages in Latin script
with five paragraphs or more, cleaned as plain text (``clean_text``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import add_settings, run_options, truth  # noqa: E402
from bench.spamcorpus import corpus  # noqa: E402
from cleaners import CleanOptions, clean_text  # noqa: E402

MIN_PARAGRAPHS = 5
MIN_CHARS = 1500
HOST_CHARS = 120  # a paragraph a sentence is appended to holds at least this many characters
SENTENCE_ENDS = ".!?\"”"


def hosts() -> list[tuple[str, ...]]:
    """The host articles: ground-truth paragraphs of the Zyte pages in Latin script (no
    character past Latin Extended-B in their first 500), at least ``MIN_PARAGRAPHS``
    paragraphs and ``MIN_CHARS`` characters, by page id."""
    out = []
    for _, page in sorted(truth().items()):
        paras = tuple(p for p in page["articleBody"].split("\n") if p.strip())
        if (len(paras) >= MIN_PARAGRAPHS and sum(map(len, paras)) >= MIN_CHARS
                and all(ord(c) < 0x250 for c in "".join(paras)[:500])):
            out.append(paras)
    return out


def placed(paras: tuple[str, ...], form: str, text: str) -> list[str]:
    """The article's paragraphs with ``text`` placed as ``form`` says (module docstring)."""
    out = list(paras)
    if form == "advert":
        out.insert(1, text)
        return out
    for k in range(1, len(out) - 1):
        if len(out[k]) >= HOST_CHARS and out[k].rstrip()[-1:] in SENTENCE_ENDS:
            out[k] = out[k].rstrip() + " " + text
            return out
    out[1] = out[1].rstrip() + " " + text
    return out


def run(options: CleanOptions) -> dict[str, dict]:
    """Per placement: cases, removed, kept, and the texts left."""
    articles = hosts()
    figures: dict[str, dict] = {}
    for form in ("sentence", "advert"):
        spam = left = own = own_kept = 0
        missed: list[str] = []
        texts = [t for _, f, t in corpus.soft_texts().get("en", ()) if f == form]
        for i, text in enumerate(texts):
            paras = articles[i % len(articles)]
            out = clean_text("\n\n".join(placed(paras, form, text)), options=options).text
            spam += len(text)
            if text in out:
                left += len(text)
                missed.append(text)
            own += sum(map(len, paras))
            own_kept += sum(len(p) for p in paras if p in out)
        figures[form] = {"cases": len(texts), "removed": round(1 - left / spam, 4) if spam else None,
                         "kept": round(own_kept / own, 4) if own else None, "missed": missed}
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print N texts left in each placement")
    add_settings(parser)
    args = parser.parse_args()
    options = run_options(parser, args.settings)
    print("English soft pitches in English articles (bench/spamcorpus/soft)")
    print(f"  {'placement':10s} {'cases':>5s} {'removed':>8s} {'kept':>7s}")
    for form, f in run(options).items():
        print(f"  {form:10s} {f['cases']:5d} {f['removed']:8.3f} {f['kept']:7.4f}")
        for text in f["missed"][:args.show]:
            print(f"    LEFT {text[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
