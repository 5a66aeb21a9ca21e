"""A comment with a web address pasted into a story (``spam.pasted_link``): the signal is
what removes it, and a story's own address stays."""

from __future__ import annotations

import json
from pathlib import Path

from cleaners import CleanOptions, clean_text, dom

CASES = json.loads((Path(__file__).parent / "cases" / "text_spam.json").read_text(encoding="utf8"))
LIBRARY = next(c for c in CASES if c.get("url") == "http://127.0.0.1/news/library")


def test_the_signal_is_what_removes_the_pasted_comment():
    gone = LIBRARY["must_remove"][0]
    assert gone not in clean_text(LIBRARY["input"], url=LIBRARY["url"]).text
    off = clean_text(LIBRARY["input"], url=LIBRARY["url"], options=CleanOptions(weight_pasted_link=0.0))
    assert off.text == LIBRARY["input"]


def _signal(line: str, url: str = LIBRARY["url"]) -> float:
    """``spam.pasted_link`` for ``line`` put in the library story, read by the model as spam
    (its probability set to 0.9, so that only the signal's other tests decide)."""
    from dataclasses import replace

    from cleaners.clean import _facts
    from cleaners.rules.pitch import pasted_link

    paragraphs = LIBRARY["input"].split("\n\n")
    paragraphs[2] = line
    blocks, page, _ = _facts("\n\n".join(paragraphs), CleanOptions(), dom.site_of(url), (), False)
    return pasted_link(replace(blocks[2], learned=0.9), page)


def test_the_signal_reads_the_address_and_the_page_words():
    assert _signal("Nice video! http://clipzone.invalid/v/8812") == 1.0
    # The story's own words around the address: not pasted.
    assert _signal("The central branch evening visits, month by month: http://clipzone.invalid/v") == 0.0
    # A site the story names elsewhere ("northfieldlibrary" in the report paragraph).
    assert _signal("Nice video! http://www.northfieldlibrary.invalid/v/8812") == 0.0
    # The page's own site.
    assert _signal("Nice video! http://clipzone.invalid/v/8812", "http://news.clipzone.invalid/a") == 0.0
