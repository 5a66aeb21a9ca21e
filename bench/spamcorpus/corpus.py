"""Load the spam-benchmark data: spam markets, legitimate articles, boilerplate, split."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Market:
    """Spam of one language and kind ("tr-gambling"): brands and text templates.

    Templates carry ``{brand}`` and ``{brand2}`` placeholders.
    """

    market: str
    lang: str
    kind: str
    brands: tuple[str, ...]
    prose: tuple[str, ...]
    sentences: tuple[str, ...]
    comments: tuple[str, ...]
    anchors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """A legitimate article about gambling: it must come out of the cleaner whole."""

    id: str
    lang: str
    title: str
    paragraphs: tuple[str, ...]
    site: str
    nav: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Split:
    """What is held out (``split.toml``)."""

    languages: frozenset[str]
    markets: frozenset[str]
    brands: frozenset[str]
    terms: tuple[str, ...]
    styles: frozenset[str]
    hidden_variants: frozenset[str]
    legit: frozenset[str]


def _read(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


@cache
def markets() -> tuple[Market, ...]:
    """Every spam market, in file then table order."""
    out = []
    for path in sorted((HERE / "spam").glob("*.toml")):
        data = _read(path)
        for m in data["market"]:
            out.append(Market(m["market"], data["lang"], m["kind"], tuple(m["brands"]), tuple(m["prose"]),
                              tuple(m["sentences"]), tuple(m["comments"]), tuple(m["anchors"])))
    return tuple(out)


@cache
def articles() -> tuple[Article, ...]:
    """Every legitimate gambling article, in file then table order."""
    out = []
    for path in sorted((HERE / "legit").glob("*.toml")):
        data = _read(path)
        for a in data["article"]:
            out.append(Article(a["id"], data["lang"], a["title"], tuple(a["paragraphs"]),
                               data["site"], tuple(data["nav"])))
    return tuple(out)


@cache
def split() -> Split:
    """The held-out choices."""
    d = _read(HERE / "split.toml")
    return Split(frozenset(d["languages"]), frozenset(d["markets"]), frozenset(d["brands"]), tuple(d["terms"]),
                 frozenset(d["styles"]), frozenset(d["hidden_variants"]), frozenset(d["legit"]))


@cache
def boilerplate() -> dict[str, dict[str, tuple[str, ...]]]:
    """Boilerplate lines of text dumps by language, then group (header, comment_form, ...)."""
    return {lang: {k: tuple(v) for k, v in groups.items()} for lang, groups in _read(HERE / "boilerplate.toml").items()}


def is_heldout_market(m: Market) -> bool:
    """True when a whole market is held out (its language or the market itself)."""
    s = split()
    return m.lang in s.languages or m.market in s.markets


def brands_for(m: Market, heldout: bool) -> tuple[str, ...]:
    """The market's brands usable in a dev case, or in a held-out case."""
    if is_heldout_market(m):
        return m.brands if heldout else ()
    return tuple(b for b in m.brands if (b in split().brands) == heldout)


def fill(template: str, brand: str, brand2: str) -> str:
    """Put brand names into a template."""
    return template.replace("{brand2}", brand2).replace("{brand}", brand)
