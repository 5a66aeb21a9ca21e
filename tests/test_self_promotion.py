"""A self-pitch pasted into a story (``spam.self_promotion``): one phrase in a long
comment counts at ``self_promotion_apart_density`` when the block shares (almost) none
of its words with the rest of the page (``rules/lexicon._apart``) and the model gives it
``self_promotion_apart_learned``, and at ``self_promotion_density`` otherwise."""

from __future__ import annotations

from cleaners import CleanOptions, clean_text

STORY = [
    "The regional rail operator will replace its oldest diesel trains with battery units on the coastal "
    "line from next spring, the transport ministry said on Tuesday.",
    "The battery trains charge at the terminal stations and under the short electrified stretch near the "
    "harbour, which lets the operator retire the diesel fleet without new overhead wires.",
    "Passenger groups welcomed the plan but asked the operator to keep the late evening services that were "
    "cut during the winter timetable.",
    "The ministry expects the coastal line to carry a fifth more passengers once the battery trains run "
    "every half hour.",
]
URL = "http://127.0.0.1/news/rail"
# One sentence, as a reader's comment runs on: no part of it is judged alone.
COMMENT = "love this song so much and the dancing is amazing, visit my blog about handmade bags thanks a lot"


def _page(extra: str) -> str:
    return "\n\n".join([STORY[0], STORY[1], extra, STORY[2], STORY[3]])


def test_a_pasted_comment_with_one_phrase_goes():
    out = clean_text(_page(COMMENT), url=URL)
    assert COMMENT not in out.text
    assert all(p in out.text for p in STORY)
    # At the page's own density it stayed. (Since cleaner 1.24.0 the model reads the
    # comment at 0.61, over learned_floor, which makes it spam.off_topic evidence too:
    # the floor is raised here so that the density alone is compared.)
    strict = clean_text(_page(COMMENT), url=URL,
                        options=CleanOptions(self_promotion_apart_density=0.1, learned_floor=0.7))
    assert COMMENT in strict.text


def test_the_phrase_in_the_page_own_prose_stays():
    # The same phrase in a paragraph that shares the story's words: a blogger's own
    # aside is the page's prose, read at self_promotion_density.
    own = "The battery trains charge at the terminal stations in minutes; visit my blog for the ministry's briefing."
    # With the model's guard off (self_promotion_apart_learned), only _apart decides.
    out = clean_text(_page(own), url=URL, options=CleanOptions(self_promotion_apart_learned=0.0))
    assert own in out.text


def test_a_phrase_the_model_reads_as_news_stays_at_the_page_density():
    # Apart from the story's words, but the model reads it as news: a report that cites a
    # fundraiser (tests/cases/text_spam.json holds a whole article of that kind).
    cited = ("Supporters of the cinema raised the money for a survey through gofundme, and a reader wrote "
             "to ask everyone to visit my blog of old photographs too.")
    guarded = clean_text(_page(cited), url=URL)
    loose = clean_text(_page(cited), url=URL, options=CleanOptions(self_promotion_apart_learned=0.0))
    assert cited in guarded.text
    assert cited not in loose.text
