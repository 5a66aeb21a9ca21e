"""Boilerplate lines: comment forms, credits, copyright, share/subscribe/cookie, navigation lines.

Each rule fullmatches the stripped block against its code's patterns in
``data/boilerplate.toml``, within the pattern's length limit.
"""

from __future__ import annotations

import re

from ..model import Block, PageFacts
from ..resources import BOILERPLATE
from .registry import rule


# Per code: the longest line any of its patterns may remove, and all its patterns in
# one regex (one fullmatch per line; the per-pattern limits are checked on a match).
LONGEST = {code: max(p.max_chars for p in patterns) for code, patterns in BOILERPLATE.items()}
ANY = {code: re.compile("|".join(f"(?:{p.regex.pattern})" for p in patterns), re.IGNORECASE)
       for code, patterns in BOILERPLATE.items()}


def matches(code: str, block: Block) -> bool:
    """Tell whether a block is wholly one of ``code``'s boilerplate lines."""
    text = block.text.strip()
    if len(text) > LONGEST[code] or not ANY[code].fullmatch(text):
        return False
    return any(len(text) <= p.max_chars and p.regex.fullmatch(text) for p in BOILERPLATE[code])


@rule("boilerplate.comment_form")
def comment_form(block: Block, page: PageFacts) -> bool:
    return matches("boilerplate.comment_form", block)


@rule("boilerplate.comment_header")
def comment_header(block: Block, page: PageFacts) -> bool:
    """An author/date/reply line inside the comment region."""
    return block.in_comments and block.comment_header


@rule("boilerplate.credits")
def credits(block: Block, page: PageFacts) -> bool:
    return matches("boilerplate.credits", block)


@rule("boilerplate.copyright")
def copyright_line(block: Block, page: PageFacts) -> bool:
    return matches("boilerplate.copyright", block)


@rule("boilerplate.share")
def share(block: Block, page: PageFacts) -> bool:
    return matches("boilerplate.share", block)


@rule("boilerplate.subscribe")
def subscribe(block: Block, page: PageFacts) -> bool:
    return matches("boilerplate.subscribe", block)


@rule("boilerplate.cookie")
def cookie(block: Block, page: PageFacts) -> bool:
    return matches("boilerplate.cookie", block)


@rule("boilerplate.navigation")
def navigation(block: Block, page: PageFacts) -> bool:
    """A menu word, a breadcrumb, a previous/next or related-posts line, a row of site links."""
    return matches("boilerplate.navigation", block)
