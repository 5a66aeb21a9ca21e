"""Page decisions: the whole page is spam, or the guard keeps an over-cleaned page whole."""

from __future__ import annotations

from ..language import UNSPACED
from ..model import PageFacts, Verdict
from .registry import rule


def confident(verdict: Verdict, page: PageFacts) -> bool:
    """The spam removals are confident, and mostly rest on more than topic words.

    A text shorter than an article (a comment cleaned on its own) needs only the block
    threshold: there is no article for the guard to protect."""
    opts = page.options
    if verdict.confidence < (opts.page_confidence if _as_latin(verdict.chars, page) >= opts.min_article_chars
                             else opts.spam_threshold):
        return False
    return verdict.specific_chars >= opts.specific_share * verdict.spam_chars


def pitch(verdict: Verdict, page: PageFacts) -> bool:
    """A landing page: most of the text sells, what does not is less than an article
    (a news brief under a spam block larger than itself stays; on a page of
    ``pitch_scattered_blocks`` selling blocks or more, only the longest run of blocks
    that do not sell counts, and below ``pitch_run_share`` of the page it is no article:
    short lines between selling ones, or a customer's story of three, are no article), the
    model reads the whole as spam, there is no comment region (a thread whose comments
    sell is cleaned comment by comment) and at least ``pitch_blocks`` blocks sell (a
    comment cleaned alone is a block's business)."""
    opts = page.options
    unsold = verdict.chars - verdict.selling_chars
    share = opts.article_share
    if verdict.selling_blocks >= opts.pitch_scattered_blocks:
        unsold = min(unsold, verdict.unsold_run_chars)  # scattered between selling blocks: no article
        share = max(share, opts.pitch_run_share)
    if not (verdict.selling_blocks >= opts.pitch_blocks and verdict.selling_share >= opts.pitch_share
            and _short_of_article(unsold, verdict, page, share)
            and not _thread(verdict, page)):
        return False
    # The ruled pitch is a web page's (a doorway): a text (a comment cleaned alone, a dump)
    # has a threshold of its own.
    if not page.is_html:
        return verdict.pitch >= opts.pitch_text_learned
    ruled = verdict.ruled_selling_chars / verdict.chars if verdict.chars else 0.0
    return verdict.pitch >= (opts.pitch_learned if ruled < opts.pitch_ruled_share else opts.pitch_ruled_learned)


def doorway(verdict: Verdict, page: PageFacts) -> bool:
    """A doorway page: short, its headline's linked name in most of its blocks (the
    brand it sells, ``Verdict.brand_share``) and few other names, no comment region,
    and the model reads the whole text as at least ``doorway_learned`` spam (a
    brand-shaped headline's name that no off-site link carries: at least
    ``doorway_unlinked_learned``). An article about a company names it as often, but
    runs longer, names more, and its title is a headline, not a name."""
    opts = page.options
    least = opts.doorway_learned if verdict.brand_linked else opts.doorway_unlinked_learned
    return (page.is_html and verdict.brand_share >= opts.doorway_brand_share
            and verdict.chars <= opts.doorway_max_chars and verdict.other_names <= opts.doorway_other_names
            and verdict.pitch >= least and not _thread(verdict, page))


def _as_latin(chars: int, page: PageFacts) -> float:
    """``chars`` of the page's text as Latin characters, for the length tests against
    ``min_article_chars``: where words are not spaced a character counts ``dense_chars``
    (an article is shorter in characters there)."""
    return chars * page.options.dense_chars if page.script in UNSPACED else chars


def _short_of_article(chars: int, verdict: Verdict, page: PageFacts, share: float | None = None) -> bool:
    """``chars`` of a page's text are no article: fewer than the larger of
    ``min_article_chars`` (``_as_latin``) and ``share`` (``article_share`` unless told)
    of the page."""
    opts = page.options
    return (_as_latin(chars, page) < opts.min_article_chars
            or chars < (opts.article_share if share is None else share) * verdict.chars)


def _thread(verdict: Verdict, page: PageFacts) -> bool:
    """What the decisions keep is mostly the comment region (``thread_comment_share``)."""
    return verdict.kept_comment_chars >= page.options.thread_comment_share * verdict.kept_chars > 0


@rule("spam.page", scope="page")
def spam_page(verdict: Verdict, page: PageFacts) -> bool:
    """Most text is confidently spam and what remains is not an article, nor a thread
    of comments whose spam went one by one (a doorway has no comment region left); or
    the page is a pitch from end to end (``pitch``), or a doorway (``doorway``)."""
    opts = page.options
    if pitch(verdict, page) or doorway(verdict, page):
        return True
    if verdict.spam_share < opts.page_spam_share or not confident(verdict, page):
        return False
    if _thread(verdict, page):
        return False
    return _short_of_article(verdict.kept_prose_chars, verdict, page)


@rule("guard.over_removal", scope="page")
def over_removal(verdict: Verdict, page: PageFacts) -> bool:
    """Scored removals would take most of a page without confident, specific evidence.
    Runs after ``spam.page`` (ORDER), so only on a page not judged spam. Removals in the
    comment region do not count: each comment is judged as its own unit, and a thread
    where half the comments are spam loses half its text rightly (the guard kept whole
    the dev threads of English spam: 0.48 removed, 0.67 without it, 2026-12-05)."""
    share = (verdict.scored_chars - verdict.scored_comment_chars) / verdict.chars if verdict.chars else 0.0
    return share >= page.options.guard_share and not confident(verdict, page)
