"""REGISTRY: every rule and signal by reason code, in run order (import registers them)."""

from __future__ import annotations

from . import boilerplate, hidden, anchors, lexicon, learned, foreign, context, comments, neighbour, page  # noqa: F401  (registration)
from .registry import REGISTRY, Entry, entries, rule, signal

__all__ = ["REGISTRY", "Entry", "entries", "rule", "signal"]
