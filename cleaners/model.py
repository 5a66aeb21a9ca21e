"""Frozen values shared by the cleaner: blocks, removals, results."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    ``reject_reason`` says why a page should not be kept ("" when it should).
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
