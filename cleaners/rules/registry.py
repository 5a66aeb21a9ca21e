"""The rule registry: reason code -> rule or signal, in the order they run.

Run order is explicit, not import order: ``rules/__init__.py`` lists every code in
``ORDER`` and ``entries`` returns them in that order (a code registered but not
listed, or listed but not registered, fails at import).

Two shapes only. A ``@rule`` decides (true: the block goes, under its code); a
``@signal`` gives evidence in [0, 1] that ``score.py`` combines per block, with the
signal's ``weight`` (the name of a ``CleanOptions`` field, so a job can change it) and
``role`` ("content" evidence can condemn a block; "context" evidence only strengthens
content evidence). ``scope`` says what a function reads:
"block" (a text block and the page facts), "dom" (an HTML element's facts),
"neighbour" (a kept block next to removed spam: the block, a ``Near`` telling which
side is spam and giving the block's score on demand, and the page facts), "seller" (a
kept block, or its last sentence, naming a seller that removed spam on the page named:
the unit as a block of its own, and the page facts) or "page"
(a ``Verdict`` and the page facts; the first page rule that fires decides: a "spam"
code rejects the page, a "guard" code vetoes the scored removals).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from ..options import CleanOptions

CODE = re.compile(r"^(spam|boilerplate|guard)\.[a-z_]+$")
# The registry's vocabulary (what a function reads, how its evidence counts): names, not
# numbers to tune.
SCOPES = ("block", "dom", "neighbour", "seller", "page")
ROLES = ("content", "context")
WEIGHTS = frozenset(f.name for f in fields(CleanOptions) if f.name.startswith("weight_"))
DEFAULTS = CleanOptions()


@dataclass(frozen=True, slots=True)
class Entry:
    """One registered rule or signal; a signal's ``weight`` names its CleanOptions field."""

    code: str
    shape: str
    scope: str
    fn: Callable[..., Any]
    weight: str = ""
    role: str = "content"

    @property
    def kind(self) -> str:
        """The removal kind: the code's prefix ("spam", "boilerplate", "guard")."""
        return self.code.split(".", 1)[0]


REGISTRY: dict[str, Entry] = {}
ORDER: list[str] = []  # filled by rules/__init__.py


def _register(entry: Entry) -> None:
    if not CODE.match(entry.code):
        raise ValueError(f"bad reason code {entry.code!r}: want kind.snake_name")
    if entry.code in REGISTRY:
        raise ValueError(f"reason code registered twice: {entry.code}")
    if entry.scope not in SCOPES or entry.role not in ROLES:
        raise ValueError(f"{entry.code}: bad scope {entry.scope!r} or role {entry.role!r}")
    if entry.shape == "signal" and entry.weight not in WEIGHTS:
        raise ValueError(f"{entry.code}: weight {entry.weight!r} is not a CleanOptions weight_* field")
    REGISTRY[entry.code] = entry


def rule(code: str, scope: str = "block") -> Callable[[Callable[..., bool]], Callable[..., bool]]:
    """Register a deterministic rule under ``code``."""
    def wrap(fn: Callable[..., bool]) -> Callable[..., bool]:
        _register(Entry(code, "rule", scope, fn))
        return fn
    return wrap


def signal(code: str, weight: str, role: str = "content") -> Callable[[Callable[..., float]], Callable[..., float]]:
    """Register an evidence signal under ``code``; ``weight`` names the CleanOptions field
    holding its weight in the block score (``weight_...``)."""
    def wrap(fn: Callable[..., float]) -> Callable[..., float]:
        _register(Entry(code, "signal", "block", fn, weight, role))
        return fn
    return wrap


def default_weight(entry: Entry) -> float:
    """A signal's weight under the default options."""
    return getattr(DEFAULTS, entry.weight)


def set_order(codes: tuple[str, ...]) -> None:
    """Fix the run order: every registered code exactly once."""
    missing, unknown = set(REGISTRY) - set(codes), set(codes) - set(REGISTRY)
    if missing or unknown or len(set(codes)) != len(codes):
        raise ValueError(f"rule order: not listed {sorted(missing)}, not registered {sorted(unknown)}, or repeated")
    ORDER[:] = codes


def specific(evidence: tuple[tuple[str, float], ...], learned_min: float = 0.0) -> bool:
    """Tell whether evidence goes beyond topic words: a content signal other than the
    commercial lexicon (a brand, a call, a promo, a link, glued words); the model's
    (spam.learned) only from ``learned_min``."""
    return any(code != "spam.commercial_lexicon" and REGISTRY[code].role == "content"
               and (code != "spam.learned" or value >= learned_min) for code, value in evidence)


def entries(shape: str, scope: str) -> tuple[Entry, ...]:
    """Return the registered entries of one shape and scope, in run order."""
    if not ORDER:
        raise RuntimeError("rule order not set: import cleaners.rules, not one rule module")
    return tuple(REGISTRY[c] for c in ORDER if REGISTRY[c].shape == shape and REGISTRY[c].scope == scope)
