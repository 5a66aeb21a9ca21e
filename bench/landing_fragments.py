"""Landing pages cut into short lines and in other layouts: the dev and fresh landing texts
of bench/spamcorpus rendered one sentence a paragraph and as written, in the development
page layouts (``inject.LANDING_TEMPLATES``, and ``inject.SHAPE_TEMPLATES``: a numbered
list, table rows, bare divs, line breaks, headed sections), and as written under a
title that joins a tagline to the brand ("Sports betting | Oddsforge", the headline the
tagline), and how many ``clean_html`` rejects as ``spam.page``.

    .venv/bin/python bench/landing_fragments.py [--split fresh|dev] [-s FIELD=VALUE ...]

A landing page is often a run of short lines (bullets, feature lists, a sentence a
box), and a line may sell nothing alone; and its text may sit in table cells, list
items or bare divs: these are shapes the page rules must hold on whatever a benchmark's
own layouts are. Development material only (never the
held-out split or its layouts). Legitimate pages are not here: the page rules'
options are checked against them by bench/spam_eval.py (legitimate pages whole),
bench/same_output.py (the extraction pages) and bench/landing_proxy.py.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import add_settings, run_options  # noqa: E402
from bench.spamcorpus import corpus, inject  # noqa: E402
from bench.spamcorpus.cases import N_LANDING, landing_pitch, page_url, seeded  # noqa: E402
from cleaners import CleanOptions, clean_html  # noqa: E402
from cleaners.segment import split_parts  # noqa: E402


def run(split: str, options: CleanOptions) -> dict[tuple[str, str], tuple[int, int]]:
    """(shape, layout) -> (pages rejected as spam.page, pages): shape "as written" or "a
    sentence a paragraph"."""
    found: Counter = Counter()
    total: Counter = Counter()
    for m in corpus.markets(split):
        for n in range(N_LANDING):
            brand, paragraphs, links = landing_pitch(m, n)
            lines = tuple(p[a:b] for p in paragraphs for a, b in split_parts(p, options))
            tagline = links[0] if links else paragraphs[0][:40]
            for shape, texts in (("as written", paragraphs), ("a sentence a paragraph", lines),
                                 ("titled with a tagline", paragraphs)):
                for layout in inject.LANDING_TEMPLATES + inject.SHAPE_TEMPLATES:
                    rng = seeded(f"fragments-{m.market}-{n}-{layout}")
                    page = inject.landing_page(rng, brand, m.lang, texts, links, layout)
                    if shape == "titled with a tagline":
                        page = retitled(page, brand, tagline)
                    result = clean_html(page, url=page_url(m.market, n), options=options)
                    found[shape, layout] += result.reject_reason == "spam.page"
                    total[shape, layout] += 1
    return {k: (found[k], total[k]) for k in total}


def retitled(page: str, brand: str, tagline: str) -> str:
    """The page titled "tagline | brand" (the site's name after its page's), its first
    headline that is the brand alone the tagline instead."""
    b, t = html.escape(brand, quote=False), html.escape(tagline, quote=False)
    title = f"<title>{b}</title>"
    if title not in page:  # a layout titled otherwise would measure nothing new
        raise ValueError(f"no {title} to retitle")
    page = page.replace(title, f"<title>{t} | {b}</title>", 1)
    return re.sub(r"(<h[12][^>]*>)" + re.escape(b) + r"(</h[12]>)", lambda m: m.group(1) + t + m.group(2), page,
                  count=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("fresh", "dev"), default="fresh")
    add_settings(parser)
    args = parser.parse_args()
    options = run_options(parser, args.settings)
    print(f"{args.split} landing pages rejected as spam.page")
    for (shape, layout), (ok, n) in sorted(run(args.split, options).items()):
        print(f"  {shape:24s} {layout:8s} {ok:4d} / {n:4d}  {ok / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
