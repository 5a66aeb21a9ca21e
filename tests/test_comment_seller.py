"""spam.comment_seller: a comment under a story that names a seller the story never
names, and that the model leans towards reading as spam, goes; a reader who names the
story's own sponsor, a platform, or who writes under no story at all stays."""

from __future__ import annotations

import pytest

from cleaners import CleanOptions, clean_text
from cleaners.facts import page_facts
from cleaners.ngrams import model
from cleaners.rules.pitch import seller_names

STORY = [
    "Harbourton Rovers came from two goals down on Saturday to draw 2-2 with Millbrook, a result that keeps "
    "them fourth in the league with six matches left.",
    "Millbrook led through two headers from corners before the break, and the home crowd had started to "
    "leave when Rovers pulled one back on the hour.",
    "The equaliser came in stoppage time, a low shot from the edge of the box by the captain, his first "
    "goal of the season for the club.",
    "Rovers travel to Eastleigh next Saturday, and the manager said his players would need to defend "
    "corners far better than they did against Millbrook.",
]
FAN = "What a comeback, the captain deserved that goal after the season he has had."
# Under learned_floor: the model alone does not take it, nor does any word list.
PITCH = ("Loved the report. Bet on the next match with PuntLantern, they pay out within the hour and the "
         "odds are great.")
PLATFORM = "Since when has the club had its own YouTube channel with all the goals from this season?"
OFF = CleanOptions(comment_seller_learned=1.01)


def page(comments: list[str], story: list[str] = STORY) -> str:
    lines = [*story, f"{len(comments)} Comments"]
    for i, comment in enumerate(comments):
        lines += [f"reader{i} says:", comment]
    return "\n\n".join(lines)


def sellers(result) -> list[str]:
    return [r.text.strip() for r in result.removed if r.reason == "spam.comment_seller"]


@pytest.mark.parametrize("text", [PITCH, PLATFORM])
def test_the_comments_read_between_the_rule_and_the_model_alone(text):
    # read at comment_seller_learned or more, and the model alone does not take them: with
    # the rule off each stays under the story (PLATFORM reads 0.62 since cleaner 1.62.0,
    # over learned_floor, and its block score stays under the threshold)
    assert model().probability(text) >= CleanOptions().comment_seller_learned
    assert text in clean_text(page([FAN, text]), options=OFF).text


def test_a_comment_naming_a_new_seller_goes_and_the_fan_stays():
    result = clean_text(page([FAN, PITCH]))
    assert sellers(result) == [PITCH]
    assert FAN in result.text and all(p in result.text for p in STORY)
    kept = clean_text(page([FAN, PITCH]), options=OFF)
    assert PITCH in kept.text and not [r for r in kept.removed if r.kind == "spam"]


def test_a_seller_the_story_names_is_the_story():
    story = [*STORY[:3], STORY[3] + " The club's shirt sponsor PuntLantern paid for the new stand."]
    assert PITCH in clean_text(page([FAN, PITCH], story)).text
    shouted = [*STORY[:3], STORY[3] + " The club's shirt sponsor PUNTLANTERN paid for the new stand."]
    assert PITCH in clean_text(page([FAN, PITCH], shouted)).text  # named in any case


def test_a_platform_is_no_seller_but_its_twin_is():
    assert PLATFORM in clean_text(page([FAN, PLATFORM])).text
    twin = PLATFORM.replace("YouTube", "GoalReel")
    assert sellers(clean_text(page([FAN, twin]))) == [twin]


# Each names a product with a seller's shape; the model reads the first over
# comment_seller_learned, the second far under it.
COURIER = "The club shop finally takes orders through FedEx so I got my shirt in two days."
PHONE = "Watched the whole match on my iPhone on the bus home, what a finish."


def test_a_reader_naming_a_courier_or_a_phone_stays():
    opts = CleanOptions()
    assert model().probability(COURIER) >= opts.comment_seller_learned > model().probability(PHONE)
    result = clean_text(page([FAN, COURIER, PHONE]))
    assert COURIER in result.text and PHONE in result.text
    twin = COURIER.replace("FedEx", "ShirtDash")
    assert sellers(clean_text(page([FAN, twin]))) == [twin]


# Readers against a seller, each read at comment_seller_learned or more (mention.toml
# [critical]); without the phrase, the same names go.
CRITICS = [
    "Stay away from BetHarbour, they closed my account after I won and never paid out.",
    "The club should drop its deal with OddsForge, betting adverts on kids' shirts are a disgrace.",
]


@pytest.mark.parametrize("text", CRITICS)
def test_a_reader_warning_others_off_a_seller_stays(text, monkeypatch):
    assert model().probability(text) >= CleanOptions().comment_seller_learned
    assert text in clean_text(page([FAN, text])).text
    # The phrase is what keeps it: read as a pitch, the same comment goes.
    monkeypatch.setattr("cleaners.rules.comments.against_seller", lambda _text: False)
    assert sellers(clean_text(page([FAN, text]))) == [text]


def test_the_same_names_in_a_pitch_go():
    for name in ("BetHarbour", "OddsForge"):
        pitch = PITCH.replace("PuntLantern", name)
        assert sellers(clean_text(page([FAN, pitch]))) == [pitch]


def test_a_thread_without_a_story_has_nothing_to_compare_with():
    assert PITCH in clean_text(page([FAN, PITCH], STORY[:2])).text


def test_seller_names_leave_out_sentence_openings_shorthand_and_platforms():
    latin = page_facts([], {"latin": 30}, {}, CleanOptions())
    cyrillic = page_facts([], {"cyrillic": 30}, {}, CleanOptions())
    assert seller_names("Rund 20 Prozent der Kunden. Ich spiele bei Kasa 77.", latin) == ["Kasa 77"]
    assert seller_names("Jangan promo judi2 di sini, weton88 juga.", latin) == ["weton88"]
    assert seller_names("Смотрите на YouTube, а играйте в Vexel.", cyrillic) == ["Vexel"]
    assert seller_names("Windows10での操作方法です。Spin247で遊ぶ。", latin) == ["Spin247"]


# Names its seller with plain capitalised words: nothing shaped like a seller's name.
PLAIN = ("Great report, thanks. Anyone who fancies a flutter on the weekend games should try Lantern "
         "Sports, my winnings were paid out in ten minutes.")
NO_PLAIN = CleanOptions(comment_plain_learned=1.01)


def test_a_comment_naming_a_seller_plainly_goes_when_the_model_leans_to_spam():
    """``comment_plain_learned``: a capitalised word that does not open a sentence and
    that the page does not write elsewhere ("Lantern Sports") names a seller when the
    model reads the comment at that or more; with the reading required above 1 it stays."""
    assert model().probability(PLAIN) >= CleanOptions().comment_plain_learned
    assert seller_names(PLAIN, page_facts([], {"latin": 30}, {}, CleanOptions())) == []
    result = clean_text(page([FAN, PLAIN]))
    assert sellers(result) == [PLAIN] and FAN in result.text and all(p in result.text for p in STORY)
    assert PLAIN in clean_text(page([FAN, PLAIN]), options=NO_PLAIN).text


def test_a_run_of_names_the_story_gives_is_the_storys():
    # "Millbrook Sports": Millbrook is the story's opponent, so the run is the page's name
    story_named = PLAIN.replace("Lantern Sports", "Millbrook Sports")
    assert story_named in clean_text(page([FAN, story_named])).text


def test_a_seller_signing_its_comment_is_still_new():
    # the comment's header ("Lantern Sports says:") is the seller's signature, not the page's
    text = page([FAN, PLAIN]).replace("reader1 says:", "Lantern Sports says:")
    assert "Lantern Sports says:" in text
    assert PLAIN not in clean_text(text).text
