"""Judge whether a page's extracted text reads as prose; the crawler's quality decision, beside page type.

A reason code here rejects a page that is not spam but is no article either; the
cleaner's spam rules never see this question.
"""

from __future__ import annotations

import re

NO_SENTENCES = "quality.no_sentences"
# Where a sentence or a paragraph ends, in the scripts the cleaner reads.
SENTENCE_END = re.compile(r"[.!?…。！？؟।॥።\n]")
# 10,000: the longest stretch without a sentence end or line break in the extracted text
# of the 181 benchmark pages is 534 characters (bench/data/article-extraction-benchmark,
# 2026-12-04); nearly twenty times that leaves room for scripts written without stops.
MAX_UNBROKEN_CHARS = 10_000


def prose_problem(text: str) -> str | None:
    """Return a reject reason when ``text`` has no sentence structure, else None.

    >>> prose_problem("word " * 3000)
    'quality.no_sentences'
    >>> prose_problem("One sentence. " * 2000) is None, prose_problem("A line\\n" * 3000) is None
    (True, True)
    """
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.start() - start > MAX_UNBROKEN_CHARS:
            return NO_SENTENCES
        start = match.end()
    return NO_SENTENCES if len(text) - start > MAX_UNBROKEN_CHARS else None
