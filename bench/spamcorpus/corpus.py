"""Load the spam-benchmark data: spam markets, legitimate articles, boilerplate, split.

Dev data lives in ``spam/`` and ``legit/``; held-out data only in ``heldout/`` and
``heldout/legit/``. The two never mix: a held-out case is built from held-out files
alone, so nothing written while tuning the cleaner on dev can leak into it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "heldout")
SPAM_DIRS = {"dev": HERE / "spam", "heldout": HERE / "heldout"}
LEGIT_DIRS = {"dev": HERE / "legit", "heldout": HERE / "heldout" / "legit"}


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


@cache
def articles(split: str | None = None) -> tuple[Article, ...]:
    """Every legitimate gambling article (of one split, or dev then held-out), in file then table order."""
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
