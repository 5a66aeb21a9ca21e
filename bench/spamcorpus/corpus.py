"""Load the spam-benchmark data: spam markets, legitimate articles, boilerplate, split.

Dev data lives in ``spam/`` and ``legit/``; held-out data only in ``heldout/`` and
``heldout/legit/``. The two never mix: a held-out case is built from held-out files
alone, so nothing written while tuning the cleaner on dev can leak into it.

``fresh/`` is a second development set: spam templates in 35 languages and ten
markets, and news paragraphs (``fresh/legit/``), written from scratch after the
cleaner's rules and model, by writers who were shown neither the dev templates nor
the held-out split. ``fresh/genres/`` adds pages of legitimate kinds that look like
spam on the surface (recipes, a site's own calls to action, event listings, shop and
travel copy, classifieds, reader comments), by other writers again. The model never
trains on any of it. The dev templates share the
lexicon's words and the model has read them all, so dev figures flatter; the fresh
set tells whether a change holds on spam nobody tuned for, and a rule is chosen on
both. It is injected with the dev styles and page templates (``cases.FRESH_STYLES``).

``pitches/`` (spam: landing paragraphs, sentences appended to news, adverts, comments)
and ``mentions/`` (legitimate text naming what spam sells: warnings, reports, readers'
questions) are training data only, in 46 languages, by writers who saw none of the
evaluated sets; texts sharing a run of eight words or a brand with the fresh or held-out
sets were dropped (tests/test_spam_corpus.py). No case is built from them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "heldout")
SPAM_DIRS = {"dev": HERE / "spam", "heldout": HERE / "heldout", "fresh": HERE / "fresh"}
LEGIT_DIRS = {"dev": HERE / "legit", "heldout": HERE / "heldout" / "legit"}
# Legitimate text of the kinds in fresh/genres, by other writers: dev, trained on.
GENRES = HERE / "genres"
# Spam text by other writers again (landing paragraphs, appended sentences, adverts,
# comments in eight markets): dev, trained on, never injected nor evaluated.
PITCHES = HERE / "pitches"
# Legitimate text that mentions what spam sells (warnings, reports quoting scams,
# readers' questions, ordinary sentences with market words), by the same kind of
# writers: dev, trained on as legitimate, never evaluated.
MENTIONS = HERE / "mentions"
# English soft pitches by other writers (sentences appended to news, adverts dressed as
# journalism, landing paragraphs): evaluated by bench/soft_pitches.py, never trained on.
SOFT = HERE / "soft"


@dataclass(frozen=True, slots=True)
class Market:
    """Spam of one language and kind ("tr-gambling"): brands and text templates.

    Templates carry ``{brand}`` and ``{brand2}`` placeholders. ``landing`` holds the
    paragraphs of a whole doorway page for the brand (empty: built from the prose).
    """

    market: str
    lang: str
    kind: str
    brands: tuple[str, ...]
    prose: tuple[str, ...]
    sentences: tuple[str, ...]
    comments: tuple[str, ...]
    anchors: tuple[str, ...]
    landing: tuple[str, ...] = ()
    split: str = "dev"
    train: bool = True  # its file's top-level ``train`` (False: evaluation only, see trained())

    def templates(self) -> tuple[str, ...]:
        """Every template of the market: prose, sentences, comments, anchors, then landing."""
        return (*self.prose, *self.sentences, *self.comments, *self.anchors, *self.landing)


@dataclass(frozen=True, slots=True)
class Article:
    """A legitimate article about gambling: it must come out of the cleaner whole."""

    id: str
    lang: str
    title: str
    paragraphs: tuple[str, ...]
    site: str
    nav: tuple[str, ...]
    split: str = "dev"
    train: bool = True  # its file's top-level ``train`` (False: evaluation only, see trained())
    kind: str = "gambling"  # what it is: gambling (legit/), news or genre (fresh/)


@dataclass(frozen=True, slots=True)
class Split:
    """What the held-out split is made of and how it is injected (``split.toml``)."""

    languages: frozenset[str]
    kinds: frozenset[str]
    markets: frozenset[str]
    styles: frozenset[str]
    hidden_variants: frozenset[str]
    obfuscate_share: dict[str, float]
    landing_templates: tuple[str, ...]


def _read(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


@cache
def markets(split: str = "dev") -> tuple[Market, ...]:
    """Every spam market of a split, in file then table order."""
    out = []
    for path in sorted(SPAM_DIRS[split].glob("*.toml")):
        data = _read(path)
        for m in data["market"]:
            out.append(Market(m["market"], data["lang"], m["kind"], tuple(m["brands"]), tuple(m["prose"]),
                              tuple(m["sentences"]), tuple(m["comments"]), tuple(m["anchors"]),
                              tuple(m.get("landing", ())), split, data.get("train", True)))
    return tuple(out)


def _paragraphs(folder: Path) -> dict[str, tuple[str, ...]]:
    """The ``paragraphs`` of every file of a folder, by its ``lang``."""
    return {d["lang"]: tuple(d["paragraphs"]) for d in map(_read, sorted(folder.glob("*.toml")))}


@cache
def news() -> dict[str, tuple[str, ...]]:
    """The fresh set's legitimate news paragraphs by language (``fresh/legit/``): text that must stay."""
    return _paragraphs(SPAM_DIRS["fresh"] / "legit")


@cache
def genre_pages() -> dict[str, tuple[str, ...]]:
    """The fresh set's pages of spam-like legitimate kinds by language (``fresh/genres/``),
    three paragraphs a page: text that must stay."""
    return _paragraphs(SPAM_DIRS["fresh"] / "genres")


def _entries(folder: Path, *fields: str) -> dict[str, tuple[tuple, ...]]:
    """The ``[[text]]`` entries of every file of a folder, by its ``lang``: each as the
    tuple of its ``fields`` (a list as a tuple)."""
    return {d["lang"]: tuple(tuple(tuple(v) if isinstance(v := t[f], list) else v for f in fields) for t in d["text"])
            for d in map(_read, sorted(folder.glob("*.toml")))}


@cache
def genre_texts() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The dev texts of spam-like legitimate kinds (``genres/``) by language: (genre,
    paragraphs) each; the model trains on them (a ``comments`` text is one comment a paragraph)."""
    return _entries(GENRES, "genre", "paragraphs")


@cache
def pitch_texts() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """The dev spam texts of ``pitches/`` by language: (kind, form, text) each, form one of
    landing, sentence, advert, comment; the model trains on them as spam."""
    return _entries(PITCHES, "kind", "form", "text")


@cache
def soft_texts() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """The soft pitches of ``soft/`` by language: (kind, form, text) each, form one of
    sentence, advert, landing; bench/soft_pitches.py places them in articles."""
    return _entries(SOFT, "kind", "form", "text")


@cache
def mention_texts() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """The dev legitimate texts of ``mentions/`` by language: (topic, form, text) each,
    form one of warning, report, comment, sentence, copy (a shop's, school's or
    service's own honest copy: topic "business")."""
    return _entries(MENTIONS, "topic", "form", "text")


FRESH_PARAGRAPHS = 3  # news paragraphs an article of the fresh set is made of


def _opening(paragraph: str) -> str:
    """A headline from a paragraph's opening: its first clause, at most 8 words (24
    characters where words are not spaced), so it never repeats the whole paragraph."""
    clause = re.split(r"[,.;:!?，。、；：！？]", paragraph, maxsplit=1)[0]
    words = clause.split()
    return " ".join(words[:8]) if len(words) > 1 else clause[:24]


def fresh_articles() -> tuple[Article, ...]:
    """The fresh set's legitimate pages: each run of FRESH_PARAGRAPHS news paragraphs in file
    order (a news roundup: gambling news, consumer warnings that quote the sellers, other
    news), then each genre page, titled with the first paragraph's opening words, in the
    site template of the dev articles of the language (English where dev has none)."""
    sites = {a.lang: a for a in articles("dev")}
    out = []
    for prefix, kind, texts in (("fresh", "news", news()), ("fresh-genre", "genre", genre_pages())):
        for lang, paras in texts.items():
            site = sites.get(lang, sites["en"])
            for i in range(0, len(paras) - FRESH_PARAGRAPHS + 1, FRESH_PARAGRAPHS):
                out.append(Article(f"{prefix}-{lang}-{i // FRESH_PARAGRAPHS}", lang, _opening(paras[i]),
                                   paras[i:i + FRESH_PARAGRAPHS], site.site, site.nav, "fresh", False, kind))
    return tuple(out)


@cache
def articles(split: str | None = None) -> tuple[Article, ...]:
    """Every legitimate gambling article (of one split, or dev then held-out), in file then table order."""
    if split == "fresh":
        return fresh_articles()
    out = []
    for s in (split,) if split else SPLITS:
        for path in sorted(LEGIT_DIRS[s].glob("*.toml")):
            data = _read(path)
            for a in data["article"]:
                out.append(Article(a["id"], data["lang"], a["title"], tuple(a["paragraphs"]),
                                   data["site"], tuple(data["nav"]), s, data.get("train", True)))
    return tuple(out)


def trained(path: Path) -> bool:
    """A corpus file the n-gram model trains on: all but those whose top-level ``train``
    is false (written after the shipped model, evaluated but not yet trained on)."""
    return _read(path).get("train", True)


@cache
def split() -> Split:
    """The held-out description."""
    d = _read(HERE / "split.toml")
    return Split(frozenset(d["languages"]), frozenset(d["kinds"]), frozenset(d["markets"]), frozenset(d["styles"]),
                 frozenset(d["hidden_variants"]), dict(d["obfuscate_share"]), tuple(d["landing_templates"]))


@cache
def boilerplate() -> dict[str, dict[str, tuple[str, ...]]]:
    """Boilerplate lines of text dumps by language, then group (header, comment_form, ...)."""
    return {lang: {k: tuple(v) for k, v in groups.items()} for lang, groups in _read(HERE / "boilerplate.toml").items()}


def fill(template: str, brand: str, brand2: str) -> str:
    """Put brand names into a template."""
    return template.replace("{brand2}", brand2).replace("{brand}", brand)
