"""Page decisions: the whole page is spam, or the guard keeps an over-cleaned page whole."""

from __future__ import annotations

from ..model import PageFacts, Verdict
from .registry import rule

# Kept prose below this share of the page's characters is "nothing article-like left".
ARTICLE_SHARE = 0.2
# At least half the spam characters must rest on evidence beyond topic words for a
# page to be condemned whole (a results table of clubs named "Casino ..." has none).
SPECIFIC_SHARE = 0.5


def confident(verdict: Verdict, page: PageFacts) -> bool:
    """The spam removals are confident, and mostly rest on more than topic words."""
    if verdict.confidence < page.options.page_confidence:
        return False
    return verdict.specific_chars >= SPECIFIC_SHARE * verdict.spam_chars


@rule("spam.page", scope="page")
def spam_page(verdict: Verdict, page: PageFacts) -> bool:
    """Most text is confidently spam and what remains is not an article."""
    opts = page.options
    if verdict.spam_share < opts.page_spam_share or not confident(verdict, page):
        return False
    return verdict.kept_prose_chars < max(opts.min_article_chars, ARTICLE_SHARE * verdict.chars)


@rule("guard.over_removal", scope="page")
def over_removal(verdict: Verdict, page: PageFacts) -> bool:
    """Scored removals would take most of a page without confident, specific evidence."""
    share = verdict.scored_chars / verdict.chars if verdict.chars else 0.0
    if share < page.options.guard_share or spam_page(verdict, page):
        return False
    return not confident(verdict, page)
