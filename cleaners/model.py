"""Frozen values shared by the cleaner: block and page facts, removals, results."""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .options import CleanOptions


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of text the cleaner took out, and why.

    ``kind`` is the family ("spam", "boilerplate", "guard"); ``reason`` the registered
    code (``spam.glued_anchors``); ``text`` what was removed, verbatim. ``score`` is the
    combined evidence in [0, 1] (1.0 for deterministic rules) and ``signals`` the codes
    that fired with their evidence. ``start``/``end`` are character offsets into the
    text the cleaner worked on (-1 when the removal happened in the DOM, before text).
    """

    kind: str
    reason: str
    text: str
    score: float = 1.0
    signals: tuple[tuple[str, float], ...] = ()
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What ``clean_html``/``clean_text`` return.

    ``text`` is "" when the page is wholly spam (``is_spam``) or has no main text.
    ``reject_reason`` says why a page should not be kept ("" when it should):
    "spam.page" or "extract.no_text". ``spam_score`` is the share, in [0, 1], of the
    page's characters (cleaned text plus what the DOM pass removed) removed as spam;
    for a page judged wholly spam, the share that scored as spam. ``removed`` lists
    every removal in page order, DOM removals first; entries of kind "guard" were
    *not* removed: ``guard.over_removal`` kept the page whole and records each
    removal it vetoed (text, score, signals), so the decision can be audited.
    ``language`` is an ISO 639-1 code with ``language_score`` its confidence.
    Metadata fields are None when unknown; ``published`` is an ISO date string.
    """

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    language_score: float | None = None
    spam_score: float = 0.0
    is_spam: bool = False
    reject_reason: str = ""
    removed: tuple[Removal, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Block:
    """One unit the rules judge, with every fact they read precomputed.

    A block is a line of text (a paragraph, a table row), a sentence or cell of one, or
    an HTML element seen by the DOM pass (``dom`` true). ``start``/``end`` are offsets
    into the text being cleaned (-1 for DOM elements). Counts are over the block's text:
    ``units`` are words, or for scripts written without spaces, characters / 3.
    ``mixed``: a second script has a sentence's worth of letters (a foreign sentence
    glued to a paragraph); ``second_letters`` counts the letters of that second script. ``quoted``: the block is one quotation. ``disguised``: words written in a
    disguise (see ``normalize.reveal``); ``learned``: the n-gram model's spam probability
    (``ngrams``), from ``learned_evidence`` (its summed feature weights and feature count,
    which add up over blocks). ``self_promo``: self-promotion phrases ("check out my
    channel"), its cues ("subscribe") at ``self_promotion_cue`` each, one for each link
    to a host self-promotion points to (``facts.promo_links``), plus one for a comment
    made mostly of web addresses. ``foreign``: the
    language the block is written in when it is not the page's (see
    ``facts.foreign_language``), else None.
    """

    index: int
    text: str
    start: int
    end: int
    units: int
    script: str
    stop_lang: str | None
    stop_ratio: float
    stop_hits: tuple[tuple[str, float], ...]
    sentence_end: bool
    brands: float
    glued: int
    topics: tuple[tuple[str, int], ...]
    cta: int
    promo: int
    position: float = 0.0
    anchor_share: float = 0.0
    repeats: int = 0
    in_comments: bool = False
    comment_header: bool = False
    dom: bool = False
    tag: str = ""
    hidden_by: str = ""
    offsite_links: int = 0
    link_share: float = 0.0
    page_share: float = 0.0  # a hidden element's share of the whole page's text
    mixed: bool = False
    second_letters: int = 0
    quoted: bool = False
    foreign: str | None = None
    disguised: int = 0
    learned: float = 0.0
    learned_evidence: tuple[float, int] = (0.0, 0)
    self_promo: float = 0.0
    link_units: int = 0  # the units inside web addresses beyond one an address
    letter_words: int = 0  # the words the n-gram model reads that are not figures

    def stop_share(self, lang: str) -> float:
        """Share of the block's units that are stopwords of ``lang``."""
        return sum(n for lg, n in self.stop_hits if lg == lang) / self.units if self.units else 0.0

    def commercial(self) -> bool:
        """Tell whether the block carries any commercial evidence at all (one
        self-promotion cue, such as "subscribe", is not: news uses it too)."""
        return bool(self.topics or self.brands >= 1 or self.glued or self.promo or self.self_promo >= 1)

    def hits(self, topic: str | None = None) -> int:
        """Lexicon hits of one topic, or of all topics when ``topic`` is None."""
        return sum(n for t, n in self.topics if topic is None or t == topic)


@dataclass(frozen=True, slots=True)
class PageFacts:
    """Facts about the whole document that block rules compare against.

    ``script``/``language`` are the document's dominant script and stopword language;
    ``topics`` the lexicon topics the document as a whole is about (its prose carries
    them), so that their words alone do not condemn a block. ``offsite_anchors`` are
    the texts of off-site links with commercial evidence (HTML only).
    ``foreign_share`` is the share of characters in blocks not written in the page's
    script and language: high on a bilingual page, low where a foreign block was slipped in;
    ``foreign_blocks`` counts those blocks of prose length. ``own_prose`` holds
    (index, text) of the blocks in the page's stopword language without commercial
    evidence; ``texts`` every block's text, by block index; ``comments_from`` the index
    of the comment region's first block; ``comment_headers`` the indexes of the blocks
    that are a comment's header ("reader says:"); ``memo`` what is derived from
    them on demand (facts.page_vocabulary, rules/pitch.page_stems).
    """

    host: str | None
    chars: int
    blocks: int
    script: str
    language: str | None
    topics: frozenset[str]
    options: CleanOptions
    offsite_anchors: tuple[str, ...] = ()
    is_html: bool = False
    foreign_share: float = 0.0
    foreign_blocks: int = 0
    own_prose: tuple[tuple[int, str], ...] = ()
    texts: tuple[str, ...] = ()
    comments_from: int = 0  # index of the comment region's first block (page_facts: past the last without one)
    comment_headers: frozenset[int] = frozenset()
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(slots=True)
class Near:
    """A kept block next to removed spam: which side went, and the block's score on
    demand (``score()``, computed once; ``scored`` tells whether a rule read it)."""

    before_spam: bool
    after_spam: bool
    scorer: Callable[[], Any]
    _score: Any = None

    def score(self) -> Any:  # -> score.Score
        if self._score is None:
            self._score = self.scorer()
        return self._score

    @property
    def scored(self) -> bool:
        return self._score is not None


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the block decisions would do to a page; the page rules judge it.

    Characters are counted over the text the cleaner worked on plus, for HTML, the
    text the DOM pass removed as spam (``dom_spam_chars``). ``confidence`` is the
    character-weighted mean score of the spam removals; ``specific_chars`` the spam
    characters removed on evidence beyond topic words (brands, calls to action,
    promos, glue, links, DOM rules). ``kept_prose_chars`` counts the kept prose that
    carries no commercial evidence at all: the article, if there is one;
    ``kept_comment_chars`` the kept text of the comment region (a thread's own comments),
    ``scored_comment_chars`` the scored spam removals there.
    ``selling_chars`` (``selling_blocks``) counts the text (the blocks) of blocks that sell: scored at least the probe
    threshold, or read as spam by the n-gram model, removed or not. ``pitch`` is the
    n-gram model's probability for the whole text, combined from its blocks' evidence:
    a landing page is a pitch from its first paragraph to its last. ``brand_share`` is the
    largest share of blocks naming one name of a short headline that an off-site link
    also carries (HTML only): a doorway's brand; ``other_names`` counts the other names
    the blocks give (``clean._names``), when there is such a brand. Without such a link,
    ``brand_share`` is that of a brand-shaped short headline's names, and
    ``brand_linked`` is false. ``unsold_run_chars`` is the longest run of consecutive
    blocks none of which sells.
    """

    chars: int
    spam_chars: int
    scored_chars: int
    confidence: float
    kept_chars: int
    kept_prose_chars: int
    specific_chars: int = 0
    dom_spam_chars: int = 0
    kept_comment_chars: int = 0
    selling_chars: int = 0
    selling_blocks: int = 0
    pitch: float = 0.0
    ruled_selling_chars: int = 0
    brand_share: float = 0.0
    other_names: int = 0
    scored_comment_chars: int = 0
    brand_linked: bool = True
    unsold_run_chars: int = 0

    @property
    def selling_share(self) -> float:
        return self.selling_chars / self.chars if self.chars else 0.0

    @property
    def spam_share(self) -> float:
        return self.spam_chars / self.chars if self.chars else 0.0
