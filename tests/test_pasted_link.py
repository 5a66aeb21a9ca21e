"""A comment with a web address pasted into a story (``spam.pasted_link``): the signal is
what removes it, and a story's own address stays."""

from __future__ import annotations

import json
from pathlib import Path

from cleaners import CleanOptions, clean_text

CASES = json.loads((Path(__file__).parent / "cases" / "text_spam.json").read_text(encoding="utf8"))
LIBRARY = next(c for c in CASES if c.get("url") == "http://127.0.0.1/news/library")


def test_the_signal_is_what_removes_the_pasted_comment():
    gone = LIBRARY["must_remove"][0]
    assert gone not in clean_text(LIBRARY["input"], url=LIBRARY["url"]).text
    off = clean_text(LIBRARY["input"], url=LIBRARY["url"], options=CleanOptions(weight_pasted_link=0.0))
    assert off.text == LIBRARY["input"]


def test_an_address_the_story_does_not_name_is_off_site():
    # The story's own report address goes once the story no longer names its site.
    own = LIBRARY["must_keep"][1]
    text = LIBRARY["input"].replace("www.northfieldlibrary.invalid/reports", "www.clipzone.invalid/reports")
    r = clean_text(text, url=LIBRARY["url"])
    assert own.split(" The report")[0] in r.text  # the report sentence shares the story's words: it stays
