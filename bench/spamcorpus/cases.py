"""Build the benchmark's cases, deterministically, from a page or article id.

Three kinds: ``html`` (a benchmark page with spam injected in one style), ``legit``
(a legitimate gambling article in a CMS template, with or without spam) and ``dump``
(see ``dumps.py``). Each case's random choices come from ``random.Random`` seeded by
the case id, so the same id always gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import random
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import corpus, inject
from .corpus import Market, brands_for, fill

BENCH_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "article-extraction-benchmark"
DEV_STYLES = ("prose", "append", "comments", "footer_links", "anchor_list", "hidden", "noscript", "marquee")
HIDDEN_VARIANTS = tuple(inject.HIDDEN_CSS)
AXES = ("language", "brand", "market", "style")
N_DEV, N_HELDOUT = 4, 3  # cases per benchmark page
META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class Case:
    """One benchmark input and its labels.

    ``spam`` are the exact visible strings injected (what must go); ``keep`` the
    paragraphs that must stay (legit articles); ``labels`` the (start, end, kind)
    spans of a text dump that must go. ``text`` is the HTML, or the dump.
    """

    id: str
    split: str
    kind: str
    style: str
    lang: str
    market: str
    text: str
    url: str
    article_ref: str
    variant: str = ""
    spam: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    labels: tuple[tuple[int, int, str], ...] = field(default_factory=tuple)


def seeded(key: str) -> random.Random:
    """A generator seeded by a string, stable across runs and Python versions."""
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


@cache
def truth() -> dict[str, dict]:
    """The benchmark's ground truth: page id -> {articleBody, url}."""
    return json.loads((BENCH_DATA / "ground-truth.json").read_text(encoding="utf8"))


def page_ids() -> list[str]:
    """Benchmark page ids, sorted."""
    return sorted(p.name.split(".html")[0] for p in (BENCH_DATA / "html").glob("*.html.gz"))


def decode(raw: bytes) -> str:
    """Decode a page: UTF-8, else its declared charset, else cp1252."""
    for enc in ("utf-8", *(m.decode() for m in META_CHARSET.findall(raw[:4096])), "cp1252"):
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("latin-1")


@cache
def base_page(page_id: str) -> str:
    """A benchmark page as text with every URL moved to loopback: the page without spam."""
    raw = gzip.decompress((BENCH_DATA / "html" / f"{page_id}.html.gz").read_bytes())
    return inject.localize_urls(decode(raw), truth()[page_id].get("url"))


def page_url(ref: str, n: int | str) -> str:
    return f"http://127.0.0.1/bench/{ref[:16]}/{n}"


def choose(heldout: bool, axis: str, rng: random.Random, lang: str | None = None) -> tuple[Market, tuple[str, ...]]:
    """Pick a market and its usable brands for a dev case or a held-out axis."""
    split = corpus.split()
    pool = []
    for m in corpus.markets():
        if lang and m.lang != lang:
            continue
        whole = corpus.is_heldout_market(m)
        if not heldout or axis == "style":
            ok = not whole and brands_for(m, False)
        elif axis == "language":
            ok = m.lang in split.languages
        elif axis == "market":
            ok = m.market in split.markets
        else:
            ok = not whole and brands_for(m, True)
        if ok:
            pool.append(m)
    if not pool:
        return choose(heldout, axis, rng)
    gambling = [m for m in pool if m.kind == "gambling"]
    m = rng.choice(gambling if gambling and rng.random() < 0.7 else pool)
    return m, brands_for(m, heldout and axis != "style")


def pieces(m: Market, brands: tuple[str, ...], rng: random.Random, n_slots: int) -> inject.Pieces:
    """Fill a market's templates with brands: the spam one case injects."""
    def pick(templates: tuple[str, ...], k: int) -> tuple[str, ...]:
        out = []
        for t in rng.sample(templates, min(k, len(templates))):
            b1, b2 = rng.sample(brands, 2) if len(brands) > 1 else (brands[0], brands[0])
            out.append(fill(t, b1, b2))
        return tuple(out)

    anchors = []
    for i, t in enumerate(rng.sample(m.anchors, min(len(m.anchors), rng.randint(4, 6)))):
        a = fill(t, brands[i % len(brands)], brands[(i + 1) % len(brands)])
        if a not in anchors:
            anchors.append(a)
    names = corpus.boilerplate()["en"]["commenters"]
    return inject.Pieces(prose=pick(m.prose, rng.randint(1, 2)), sentences=pick(m.sentences, min(rng.randint(1, 2), n_slots)),
                         comments=pick(m.comments, 2), anchors=tuple(anchors),
                         commenters=(rng.choice(brands), *rng.sample(names, 2)))


def html_case(page_id: str, n: int) -> Case:
    """Case ``n`` of a benchmark page: n < N_DEV are dev, the next N_HELDOUT held out."""
    case_id = f"{page_id[:16]}-{n}"
    rng = seeded(case_id)
    h = int(page_id[:8], 16)
    heldout = n >= N_DEV
    axis = AXES[(h // 8 + n) % len(AXES)] if heldout else ""
    split = corpus.split()
    page = base_page(page_id)
    slots = inject.paragraph_slots(page)
    style = DEV_STYLES[(h + n) % len(DEV_STYLES)]
    variant = ""
    if axis == "style" and (h // 32 + n) % 2:
        style = sorted(split.styles)[(h // 3) % len(split.styles)]
    elif axis == "style" or style == "hidden":
        style = "hidden"
        pool = sorted(split.hidden_variants) if axis == "style" else [v for v in HIDDEN_VARIANTS if v not in split.hidden_variants]
        variant = pool[(h // 5 + n) % len(pool)]
    if style == "comments":
        variant = ("wp", "bare")[(h // 7 + n) % 2]
    if style == "append" and not slots:
        style = "footer_links"
    m, brands = choose(heldout, axis, rng)
    p = pieces(m, brands, rng, len(slots))
    return Case(case_id, "heldout" if heldout else "dev", "html", style, m.lang, m.market,
                inject.inject(page, style, rng, p, variant), page_url(page_id, n), page_id, variant,
                spam=tuple(inject.visible(style, p)))


def legit_page(a: corpus.Article, rng: random.Random) -> str:
    """Wrap an article in a plausible CMS page (header, nav, byline, related, footer)."""
    nav = "".join(f'<li><a href="http://127.0.0.1/{i}/">{html.escape(x)}</a></li>' for i, x in enumerate(a.nav[:-2]))
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in a.paragraphs)
    related = "".join(f'<li><a href="http://127.0.0.1/news/{i}">{html.escape(t)}</a></li>'
                      for i, t in enumerate(x.title for x in corpus.articles() if x.lang == a.lang and x.id != a.id))
    day = rng.randint(1, 28)
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}"><head><meta charset="utf-8"><title>{html.escape(a.title)}'
            f' | {html.escape(a.site)}</title><link rel="canonical" href="http://127.0.0.1/news/{a.id}"></head>\n'
            f'<body><header class="site-header"><a class="logo" href="http://127.0.0.1/">{html.escape(a.site)}</a>'
            f'<nav><ul>{nav}</ul></nav></header>\n<main id="content"><article class="post">'
            f'<h1 class="entry-title">{html.escape(a.title)}</h1><div class="byline">{html.escape(a.nav[-2])} · '
            f'2025-03-{day:02d}</div>\n<div class="entry-content">\n{body}\n</div></article>\n'
            f'<aside class="related"><h3>{html.escape(a.nav[-1])}</h3><ul>{related}</ul></aside></main>\n'
            f'<footer class="site-footer"><p>© 2025 {html.escape(a.site)}</p></footer>\n</body></html>\n')


def legit_cases(a: corpus.Article) -> list[Case]:
    """The article alone, and the article with spam injected in one style."""
    split = "heldout" if a.id in corpus.split().legit else "dev"
    rng = seeded(a.id)
    page = legit_page(a, rng)
    plain = Case(f"legit-{a.id}", split, "legit", "none", a.lang, "none", page, page_url(a.id, 0), a.id, keep=a.paragraphs)
    style = rng.choice(("prose", "append", "comments", "footer_links", "anchor_list"))
    variant = "bare" if style == "comments" and rng.random() < 0.5 else ""
    axis = "brand" if split == "heldout" else ""
    m, brands = choose(split == "heldout", axis, rng, lang=a.lang)
    p = pieces(m, brands, rng, len(inject.paragraph_slots(page)))
    spammed = Case(f"legit-{a.id}-spam", split, "legit", style, m.lang, m.market, inject.inject(page, style, rng, p, variant),
                   page_url(a.id, 1), a.id, variant, spam=tuple(inject.visible(style, p)), keep=a.paragraphs)
    return [plain, spammed]


def html_cases(ids: list[str] | None = None) -> list[Case]:
    """Every HTML spam case of the given benchmark pages (all pages by default)."""
    return [html_case(pid, n) for pid in (ids or page_ids()) for n in range(N_DEV + N_HELDOUT)]


def all_legit_cases() -> list[Case]:
    """Every legitimate-article case."""
    return [c for a in corpus.articles() for c in legit_cases(a)]
