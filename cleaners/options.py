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

    # A block whose combined score reaches this is removed as spam. 0.5: the highest
    # block score on the 181 bench pages is 0.30 and in the legitimate-article cases
    # 0.22; the lowest score of a removed spam block or sentence in the cases is 0.54
    # (cases + bench, 2026-11-25).
    spam_threshold: float = 0.5
    # Blocks scoring at least this (but below spam_threshold, or with several
    # sentences) are split into sentences/cells and each part is scored on its own, to
    # cut spam appended to a real paragraph. 0.15: the lowest parent-block score of an
    # appended spam sentence in the cases is 0.21; 2 of 181 bench pages have a block
    # this high, so probing costs nothing measurable (cases + bench, 2026-11-25).
    probe_threshold: float = 0.15
    # A lexicon topic carried by at least this share of the document's prose
    # characters (over at least two prose blocks, facts.TOPIC_BLOCKS) is the
    # document's topic; its words then weigh topic_discount as much. 0.25: the
    # gambling-article cases have 0.56-1.00; injected cases reach 0.53, but always
    # from a single block (cases, 2026-11-25).
    topic_share: float = 0.25
    # 0.25: keeps every block of the legitimate gambling cases under 0.12.
    topic_discount: float = 0.25
    # spam.page: at least this share of the text removed as spam, with at least
    # page_confidence mean score, mostly on specific evidence, and no article left.
    # The wholly spam cases score 0.72-1.0 share at 0.77-0.85 confidence; the
    # injected articles stay under 0.25 share (cases, 2026-11-25).
    page_spam_share: float = 0.5
    page_confidence: float = 0.7
    # spam.page also takes a pitch: a landing page sells from its first paragraph to its
    # last, so little of it scores as spam alone and nothing article-like is left. It
    # goes when at least pitch_share of its text sells (a block scoring probe_threshold,
    # or one the n-gram model gives pitch_block) and the model gives the whole text
    # pitch_learned. Dev landing pages of bench/spamcorpus: selling share 0.59-1.0 for
    # 42 of 44 (0.26-0.27 for the other two), whole-text probability 0.46-0.97; dev
    # legitimate articles, with and without injected spam: share at most 0.45,
    # probability at most 0.43; the 181 bench pages: at most 0.16 and 0.40
    # (bench/spamcorpus dev + bench, 2026-12-04).
    pitch_share: float = 0.55
    pitch_block: float = 0.6
    pitch_learned: float = 0.5
    # Kept prose free of commercial words below this many characters is "not an
    # article" (spam.page). 200: a doorway page of the demo site keeps 160 such
    # characters; a three-paragraph news brief has 310 (cases + demo site, 2026-11-25).
    min_article_chars: int = 200
    # guard.over_removal: scored removals taking at least this share of a page that is
    # not judged spam are vetoed (the page is kept whole and the vetoes recorded).
    guard_share: float = 0.5
    # Trafilatura without its fallback extractors. clean_html on the bench: F1 0.962
    # at 49.5 pages/s with fast=True, 0.959 at 37.8 without (one run, 2026-11-25;
    # DESIGN.md found the same order for Trafilatura alone).
    fast_extraction: bool = True
    include_tables: bool = True
    # Trafilatura's full metadata pass (author search in the body, categories, tags):
    # about 5 ms a page more, see extract.py.
    full_metadata: bool = False
    # Fill CleanResult.language; langdetect runs only when stopwords do not decide.
    detect_language: bool = True
    # Characters of text langdetect reads (its cost grows with the sample).
    language_sample: int = 1200
