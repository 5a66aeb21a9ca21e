"""A character that shows nothing inside a word is a disguise, never a style (cleaner
1.77.0, ``normalize.unseen``): in the comment region, a comment in a fancy font or spaced
out that no evidence supports counts its disguise half (a reader's style), but a comment
hiding a name with zero-width characters counts it whole. Written for these tests."""

from __future__ import annotations

import pytest

from cleaners import CleanOptions, clean_text
from test_comment_seller import FAN, STORY, page

ZW = "\u200b"
# Soft praise naming a hidden seller: the model reads each under 0.1, no word list holds them.
HIDDEN = [
    f"Lovely story, my aunt won twice last month at Mar{ZW}ig{ZW}old Hall, we still can't believe it.",
    f"Great read. My cousin met her husband on Sil{ZW}ver{ZW}line, you should all try it.",
]
# Styles a reader writes in: spaced out, and a fancy font, with nothing to sell.
STYLED = ["P E A C E  and  L O V E to the whole squad", "𝗪𝗵𝗮𝘁 𝗮 𝗰𝗼𝗺𝗲𝗯𝗮𝗰𝗸, proud of this team"]


@pytest.mark.parametrize("comment", HIDDEN)
def test_a_comment_hiding_a_name_goes_and_the_fan_stays(comment: str) -> None:
    result = clean_text(page([FAN, comment]))
    assert comment not in result.text and FAN in result.text and all(p in result.text for p in STORY)
    assert [(r.reason, r.text.strip()) for r in result.removed if r.kind == "spam"] == [
        ("spam.disguised_name", comment)]


@pytest.mark.parametrize("comment", HIDDEN)
def test_without_its_hidden_characters_the_comment_stays(comment: str) -> None:
    # The zero-width characters are the evidence: written plainly the comment stays, and
    # with spam.disguised_name weighed at nothing the hidden one stays too.
    result = clean_text(page([FAN, comment.replace(ZW, "")]))
    assert comment.replace(ZW, "") in result.text
    faint = CleanOptions(weight_disguised_name=0.0)
    assert comment in clean_text(page([FAN, comment]), options=faint).text


@pytest.mark.parametrize("comment", STYLED)
def test_a_styled_comment_with_nothing_to_sell_stays(comment: str) -> None:
    result = clean_text(page([FAN, comment]))
    assert comment in result.text and FAN in result.text
