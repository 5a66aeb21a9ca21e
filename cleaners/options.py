"""CleanOptions: the cleaner's thresholds and switches, with documented defaults.

Field names equal the keys of a job file's ``[cleaner]`` table. Thresholds cite the
measurement they come from; "cases" means ``tests/cases/*.json`` and "bench" the 181
pages of ``bench/extraction.py`` (legitimate articles, so any spam removal there is a
false positive).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Thresholds and switches of ``clean_html``/``clean_text``."""

    # A block whose combined score reaches this is removed as spam. 0.5: every spam
    # case removed, no gambling-article case touched, 0 spam removals on bench
    # (cases + bench, 2026-11-25).
    spam_threshold: float = 0.5
    # Blocks scoring at least this (but below spam_threshold, or with several
    # sentences) are split into sentences/cells and each part is scored on its own, to
    # cut spam appended to a real paragraph. 0.15: the lowest block score of a case
    # with an appended spam sentence was 0.21 (cases, 2026-11-25).
    probe_threshold: float = 0.15
    # A lexicon topic carried by at least this share of the document's prose
    # characters is the document's topic; its words then weigh topic_discount as much.
    # 0.25: gambling articles in the cases have 0.41-0.93, injected pages 0.00-0.12.
    topic_share: float = 0.25
    topic_discount: float = 0.25
    # spam.page: at least this share of the text scored as spam, with at least
    # page_confidence mean score, or nothing article-like left.
    page_spam_share: float = 0.5
    page_confidence: float = 0.7
    # Kept prose below this many characters is "not an article" (spam.page).
    min_article_chars: int = 200
    # guard.over_removal: scored removals taking at least this share of a page that is
    # not judged spam are vetoed (the page is kept whole and the vetoes recorded).
    guard_share: float = 0.5
    # Trafilatura without its fallback extractors: F1 0.962 at 113 pages/s against
    # 0.960 at 80 with them (DESIGN.md, include_comments=False).
    fast_extraction: bool = True
    include_tables: bool = True
    # Trafilatura's full metadata pass (author search in the body, categories, tags):
    # about 5 ms a page more, see extract.py.
    full_metadata: bool = False
    # Fill CleanResult.language; langdetect runs only when stopwords do not decide.
    detect_language: bool = True
    # Characters of text langdetect reads (its cost grows with the sample).
    language_sample: int = 1200
