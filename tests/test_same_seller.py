"""spam.same_seller: once a pitch has gone on specific evidence, the other kept text that
names its seller, and that the model leans towards reading as spam, goes with it: the
rest of the same pitch, or the same seller appended to a news paragraph. A story that
names the seller itself, and a reader who warns against it, stay."""

from __future__ import annotations

from cleaners import CleanOptions, clean_text
from cleaners.ngrams import model

STORY = [
    "The harbour board agreed on Thursday to rebuild the north pier, which has been closed to the public "
    "since the storms of last winter damaged its wooden deck.",
    "Engineers told the board that the pilings were sound but that the deck and the railings would have "
    "to be replaced before anyone could walk on the pier again.",
    "Fishermen who moor their boats along the pier said the closure had cost them a season of easy access, "
    "and several spoke at the meeting in favour of the plan.",
    "The work is expected to start in the spring and to take about five months, and the board said it would "
    "publish the tender next week.",
]
PITCH = "Claim 200 free spins at Reelmarrow77 today, sign up now and get your welcome bonus with no deposit!"
# The same seller's second paragraph: read under the spam threshold, no word list matches.
SOFT = "Regulars from the coast say Reelmarrow77 is the friendliest table in town, open every night."
TAIL = "Evenings are better with a few rounds at Reelmarrow77."
WARNING = "Stay away from Reelmarrow77, my brother lost his savings there last winter."
OFF = CleanOptions(same_seller_learned=1.01)


def same(result) -> list[str]:
    return [r.text for r in result.removed if r.reason == "spam.same_seller"]


def test_the_soft_paragraphs_read_between_the_rule_and_the_model_alone():
    for text in (SOFT, TAIL, WARNING):
        assert model().probability(text) >= CleanOptions().same_seller_learned
    page = [STORY[0], PITCH, STORY[1], STORY[2], SOFT, STORY[3] + " " + TAIL]
    kept = clean_text("\n\n".join(page), options=OFF)
    assert SOFT in kept.text and TAIL in kept.text and PITCH not in kept.text


def test_the_rest_of_a_pitch_goes_with_it():
    result = clean_text("\n\n".join([STORY[0], PITCH, STORY[1], STORY[2], SOFT, STORY[3]]))
    assert same(result) == [SOFT]
    assert PITCH not in result.text and all(p in result.text for p in STORY)


def test_the_seller_appended_to_news_takes_only_its_sentence():
    result = clean_text("\n\n".join([STORY[0], PITCH, STORY[1] + " " + TAIL, STORY[2], STORY[3]]))
    assert same(result) == [TAIL]
    assert all(p in result.text for p in STORY)
    (removal,) = [r for r in result.removed if r.reason == "spam.same_seller"]
    assert result.text.count(TAIL) == 0 and removal.signals == (("spam.same_seller", 1.0),)


def test_a_story_that_names_the_seller_itself_keeps_it():
    # The arcade is the story: three kept paragraphs name it, more than same_seller_blocks.
    story = [STORY[0], "Reelmarrow77, the arcade at the foot of the pier, has asked the board to let it stay open "
             "while the work goes on.", PITCH, STORY[1],
             "The board said Reelmarrow77 would have to close its pier entrance for the five months of the work.",
             SOFT, STORY[3]]
    result = clean_text("\n\n".join(story))
    assert not same(result) and SOFT in result.text


def test_a_reader_warning_against_the_seller_stays():
    result = clean_text("\n\n".join([STORY[0], PITCH, STORY[1], STORY[2], WARNING, STORY[3]]))
    assert not same(result) and WARNING in result.text


def test_a_sentence_naming_two_removed_sellers_is_taken_once():
    # Both pitches went, and the kept last sentence names both sellers: it goes once, and
    # the record holds it once (with 1.68.0 to 1.75.2 it was recorded for each seller).
    # The other tail rules and the model's score are off, so only the seller stage takes it.
    second = "Get a 100% deposit bonus at SpinHarbour24 now, withdrawals in minutes, sign up today!"
    tail = "Evenings are better with a few rounds at Reelmarrow77 or SpinHarbour24."
    options = CleanOptions(weight_learned=0.0, appended_seller_learned=1.01, tail_apart_learned=1.01,
                           appended_pitch_learned=1.01)
    result = clean_text("\n\n".join([STORY[0], PITCH, STORY[1] + " " + tail, second, STORY[2], STORY[3]]),
                        options=options)
    assert same(result) == [tail] and tail not in result.text
    assert all(p in result.text for p in STORY)
