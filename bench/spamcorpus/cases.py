"""Build the benchmark's cases, deterministically, from a page or article id.

Four kinds: ``html`` (a benchmark page with spam injected in one style), ``legit``
(a legitimate gambling article in a CMS template, with or without spam), ``landing``
(a whole doorway page pitching one brand, its site template as the variant) and
``dump`` (see ``dumps.py``). Each case's random choices come from ``random.Random``
seeded by the case id, so the same id always gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import random
import re
from dataclasses import dataclass, field
from functools import cache

from ..common import BENCH_DATA, page_id as bench_page_id, truth
from . import corpus, inject, obfuscate
from .corpus import Market, fill

DEV_STYLES = ("prose", "append", "comments", "footer_links", "anchor_list", "hidden", "noscript", "marquee", "lead")
HIDDEN_VARIANTS = tuple(inject.HIDDEN_CSS)
N_DEV, N_HELDOUT = 4, 3  # cases per benchmark page
# The fresh set (corpus.py) has no anchor templates: it measures the text styles, where
# spam that nobody tuned for gets through (link runs are told by their links).
FRESH_STYLES = ("prose", "append", "comments", "lead")
N_FRESH = 2  # fresh cases per benchmark page
GAMBLING_SHARE = {"dev": 0.7, "heldout": 0.45, "fresh": 0.45}  # chance a case draws from gambling markets only
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
    topic: str = ""  # the market's kind: gambling, crypto, loans, ...


def seeded(key: str) -> random.Random:
    """A generator seeded by a string, stable across runs and Python versions."""
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def page_ids() -> list[str]:
    """Benchmark page ids, sorted."""
    return sorted(bench_page_id(p.name) for p in (BENCH_DATA / "html").glob("*.html.gz"))


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


def choose(split: str, rng: random.Random, lang: str | None = None) -> Market:
    """Pick a market of ``split`` (of ``lang`` when it has one); gambling most often."""
    pool = [m for m in corpus.markets(split) if not lang or m.lang == lang] or list(corpus.markets(split))
    gambling = [m for m in pool if m.kind == "gambling"]
    # Dev keeps its old mix; held-out leans less on gambling so the other kinds get enough cases.
    return rng.choice(gambling if gambling and rng.random() < GAMBLING_SHARE[split] else pool)


def pieces(m: Market, rng: random.Random, n_slots: int) -> inject.Pieces:
    """Fill a market's templates with its brands: the spam one case injects.

    A share of comments (``obfuscate_share`` of split.toml) carry a disguised brand.
    """
    brands = m.brands

    def pair() -> tuple[str, str]:
        return tuple(rng.sample(brands, 2)) if len(brands) > 1 else (brands[0], brands[0])

    def pick(templates: tuple[str, ...], k: int) -> tuple[str, ...]:
        return tuple(fill(t, *pair()) for t in rng.sample(templates, min(k, len(templates))))

    # The fresh set is disguised as often as dev is (split.toml describes dev and held-out).
    share = corpus.split().obfuscate_share.get("dev" if m.split == "fresh" else m.split, 0.0)
    comments = []
    for t in rng.sample(m.comments, min(2, len(m.comments))):
        b1, b2 = pair()
        comments.append(obfuscate.comment(t, b1, b2, rng) if rng.random() < share else fill(t, b1, b2))
    anchors = []
    for i, t in enumerate(rng.sample(m.anchors, min(len(m.anchors), rng.randint(4, 6)))):
        a = fill(t, brands[i % len(brands)], brands[(i + 1) % len(brands)])
        if a not in anchors:
            anchors.append(a)
    names = corpus.boilerplate()["en"]["commenters"]
    return inject.Pieces(prose=pick(m.prose, rng.randint(1, 2)), sentences=pick(m.sentences, min(rng.randint(1, 2), n_slots)),
                         comments=tuple(comments), anchors=tuple(anchors),
                         commenters=(rng.choice(brands), *rng.sample(names, 2)))


def html_case(page_id: str, n: int, split: str = "") -> Case:
    """Case ``n`` of a benchmark page: n < N_DEV are dev, the next N_HELDOUT held out;
    with ``split`` "fresh", fresh case ``n`` (N_FRESH a page: FRESH_STYLES, fresh spam)."""
    fresh = split == "fresh"
    ref = f"f{n}" if fresh else n
    case_id = f"{page_id[:16]}-{ref}"
    rng = seeded(case_id)
    h = int(page_id[:8], 16)
    split = split or ("heldout" if n >= N_DEV else "dev")
    held = corpus.split()
    page = base_page(page_id)
    slots = inject.paragraph_slots(page)
    styles = FRESH_STYLES if fresh else DEV_STYLES + tuple(sorted(held.styles)) if split == "heldout" else DEV_STYLES
    style = styles[(h + n) % len(styles)]
    variant = ""
    if style == "hidden":
        pool = [v for v in HIDDEN_VARIANTS if split == "heldout" or v not in held.hidden_variants]
        variant = pool[(h // 5 + n) % len(pool)]
    if style == "comments":
        variant = ("wp", "bare")[(h // 7 + n) % 2]
    if style in ("append", "lead") and not slots:
        style = "prose" if fresh else "footer_links"  # the fresh markets have no anchors
    m = choose(split, rng)
    p = pieces(m, rng, len(slots))
    return Case(case_id, split, "html", style, m.lang, m.market, inject.inject(page, style, rng, p, variant),
                page_url(page_id, ref), page_id, variant, spam=tuple(inject.visible(style, p)), topic=m.kind)


def legit_page(a: corpus.Article, rng: random.Random) -> str:
    """Wrap an article in a plausible CMS page (header, nav, byline, related, footer)."""
    nav = "".join(f'<li><a href="http://127.0.0.1/{i}/">{html.escape(x)}</a></li>' for i, x in enumerate(a.nav[:-2]))
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in a.paragraphs)
    related = "".join(f'<li><a href="http://127.0.0.1/news/{i}">{html.escape(t)}</a></li>'
                      for i, t in enumerate(x.title for x in corpus.articles(a.split) if x.lang == a.lang and x.id != a.id))
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
    split = a.split
    rng = seeded(a.id)
    page = legit_page(a, rng)
    plain = Case(f"legit-{a.id}", split, "legit", "none", a.lang, "none", page, page_url(a.id, 0), a.id,
                 keep=a.paragraphs, topic=f"legit-{a.kind}")
    style = rng.choice(("prose", "append", "comments", "footer_links", "anchor_list"))
    variant = "bare" if style == "comments" and rng.random() < 0.5 else ""
    m = choose(split, rng, lang=a.lang)
    p = pieces(m, rng, len(inject.paragraph_slots(page)))
    spammed = Case(f"legit-{a.id}-spam", split, "legit", style, m.lang, m.market, inject.inject(page, style, rng, p, variant),
                   page_url(a.id, 1), a.id, variant, spam=tuple(inject.visible(style, p)), keep=a.paragraphs,
                   topic=m.kind)
    return [plain, spammed]


N_LANDING = 2  # landing pages per market, each with another brand and site template


def landing_case(m: Market, n: int) -> Case:
    """Landing page ``n`` of a market: a whole page pitching one brand, to be rejected as spam.

    Without written ``landing`` paragraphs (older dev markets) the page is built from the
    market's prose and sentences.
    """
    case_id = f"landing-{m.market}-{n}"
    rng = seeded(case_id)
    brand, paragraphs, links = landing_pitch(m, n)
    templates = corpus.split().landing_templates if m.split == "heldout" else inject.LANDING_TEMPLATES
    template = templates[(n + len(m.market)) % len(templates)]
    page = inject.landing_page(rng, brand, m.lang, paragraphs, links, template)
    return Case(case_id, m.split, "landing", "landing", m.lang, m.market, page, page_url(m.market, n),
                m.market, template, spam=paragraphs, topic=m.kind)


def landing_pitch(m: Market, n: int) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(brand, paragraphs, link texts) of landing page ``n`` of a market: its ``landing``
    paragraphs, or its prose and sentences, filled with the brand."""
    brand = m.brands[n % len(m.brands)]
    other = m.brands[(n + 1) % len(m.brands)]
    texts = m.landing or (*m.prose, " ".join(m.sentences))
    paragraphs = tuple(fill(t, brand, other) for t in texts)
    return brand, paragraphs, tuple(dict.fromkeys(fill(a, brand, other) for a in m.anchors))


def landing_cases(split: str | None = None) -> list[Case]:
    """Every landing-page case (of one split, or dev then held-out; the fresh set only when asked)."""
    return [landing_case(m, n) for s in ((split,) if split else corpus.SPLITS) for m in corpus.markets(s)
            for n in range(N_LANDING)]


def html_cases(ids: list[str] | None = None) -> list[Case]:
    """Every HTML spam case of the given benchmark pages (all pages by default)."""
    return [html_case(pid, n) for pid in (ids or page_ids()) for n in range(N_DEV + N_HELDOUT)]


def all_legit_cases(fresh: bool = False) -> list[Case]:
    """Every legitimate-article case (dev and held-out; with ``fresh``, the fresh set's too)."""
    return [c for a in corpus.articles() + (corpus.articles("fresh") if fresh else ()) for c in legit_cases(a)]
