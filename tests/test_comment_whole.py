"""A comment with a sentence that goes as spam goes whole (``clean._spam_comment``): the
praise before the pitch is its cover. A reader's own comment beside it stays, and so does
the story; outside the comment region only the spam sentence goes."""

from __future__ import annotations

import pytest

from cleaners import clean_text
from test_comment_seller import FAN, STORY, page

# Praise, then a pitch: made-up sellers, the pitch in the page's language and in another.
PRAISED = [
    ("Great match report, the captain was brilliant all season.",
     "Claim 200 free spins and a 100% deposit bonus at SpinHarbour today, withdrawals in minutes!"),
    ("Lovely write-up, that equaliser was something else.",
     "Ambil bonus deposit 100% hari ini di Slotmerah88, dijamin gacor dan langsung cair!"),
]


@pytest.mark.parametrize("praise, pitch", PRAISED)
def test_the_praise_goes_with_the_pitch_and_the_fan_stays(praise, pitch):
    comment = f"{praise} {pitch}"
    result = clean_text(page([FAN, comment]))
    assert praise not in result.text and pitch not in result.text
    assert FAN in result.text and all(p in result.text for p in STORY)
    spam = [r for r in result.removed if r.kind == "spam"]
    assert [r.text.strip() for r in spam] == [comment] and spam[0].reason.startswith("spam.")


@pytest.mark.parametrize("praise, pitch", PRAISED)
def test_in_the_story_only_the_pitch_goes(praise, pitch):
    # the same two sentences as a paragraph of the story: the praise reads as prose
    story = [*STORY[:2], f"{STORY[2]} {pitch}", STORY[3]]
    result = clean_text("\n\n".join(story))
    assert pitch not in result.text and STORY[2] in result.text


def test_a_story_paragraph_in_a_comment_region_opened_too_early_loses_only_its_pitch():
    # "What the manager said" (a subheading) and "Fanaton says:" read as two comment
    # authors, so the comment region opens at the subheading: the story paragraph under
    # it is no short cover (over comment_cover_words), and keeps its text (cleaner 1.74.1).
    pitch = PRAISED[0][1]
    said = ("The manager was asked after the match whether the referee had been right to allow the second "
            "goal, and he said only that the players would watch the video together on Monday morning.")
    text = "\n\n".join([*STORY[:2], "What the manager said", f"{said} {pitch}", *STORY[2:], "Fanaton says:", FAN])
    result = clean_text(text)
    assert said in result.text and pitch not in result.text and FAN in result.text


def test_a_subheading_with_a_comma_is_no_comment_author():
    # "He said, she said" read as an author line with 1.75.0 (a name of up to four words
    # before "said", the comma inside it), opened the comment region and went as a comment
    # header; a comment author's name holds no comma (data/comments.toml, cleaner 1.75.1)
    said = "The manager would not say more about the referee, only that the video would be watched on Monday."
    text = "\n\n".join([*STORY[:2], "He said, she said", said, *STORY[2:], "Fanaton says:", FAN])
    result = clean_text(text)
    assert "He said, she said" in result.text and said in result.text
    assert not result.removed  # one author line alone opens no comment region
