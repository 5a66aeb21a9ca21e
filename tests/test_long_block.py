"""A whole article run into one block (a layout table's cell, a text dump without blank
lines) has each of its sentences judged (``clean._worth_probing``, option
``probe_long_units``): the story dilutes the block's own score, and a spam paragraph in
its middle showed nothing at block level. And the hook taken with a cut pitch
(``clean._with_hook``) is one short question (option ``hook_words``): a byline run into
the question after it is no hook."""

from __future__ import annotations

from bridge_story import STORY, URL, story_page

from cleaners import CleanOptions, clean_text
from cleaners.clean import SENTENCE_BREAK

LONG = [
    "The regional transport board met on Tuesday to review the first year of the new tram line.",
    "Ridership rose faster than the planners had expected, especially on the evening services.",
    "Several members asked why the trams still run only every twenty minutes after nine o'clock.",
    "The operator said that more drivers are being trained and that the timetable will change in March.",
    "Residents near the depot complained about noise from the maintenance yard during the night.",
    "The board agreed to fund a sound barrier along the northern fence before the summer.",
    "A study of the ticket machines found that one in ten was out of order on an average day.",
    "The supplier has promised to replace the faulty card readers at its own cost.",
    "Cyclists have asked for safer crossings where the tracks cut across the main bike routes.",
    "Engineers will test a rubber filling for the track gaps at two junctions this autumn.",
    "The next meeting of the board will be held in the council chamber on the second Tuesday of next month.",
]
OFFER = "Apuesta hoy en Ventura 21 y recibe el doble de tu primer depósito, sin esperas ni papeleo."


def test_a_spam_sentence_in_the_middle_of_a_long_block_goes():
    para = " ".join(LONG[:5] + [OFFER] + LONG[5:])
    text = "\n\n".join([STORY[0], para, STORY[1]])
    out = clean_text(text, url=URL)
    assert OFFER not in out.text
    assert all(s in out.text for s in LONG) and STORY[0] in out.text and STORY[1] in out.text
    assert [r.text for r in out.removed if r.kind == "spam"] == [OFFER]
    # A block under probe_long_units words is not probed for it: the offer stays.
    off = clean_text(text, url=URL, options=CleanOptions(probe_long_units=10_000))
    assert OFFER in off.text


def test_a_long_story_block_alone_loses_nothing():
    para = " ".join(LONG + LONG[:4])
    out = clean_text("\n\n".join([STORY[0], para, STORY[1]]), url=URL)
    assert para in out.text and not out.removed


HEAD = ("Notes from the regional transport board meeting held on Tuesday evening in the council chamber "
        "with members of the public and the press ¿Sabes más de fútbol que los expertos?")
PITCH = "Demuéstralo en Ventura 21 y cobra tus ganancias desde el móvil."


def test_a_byline_run_into_a_question_is_no_hook():
    out = clean_text(story_page(f"{HEAD} {PITCH}"), url=URL)
    assert PITCH not in out.text and HEAD in out.text
    # Were any question a hook, the byline would go with the pitch.
    loose = clean_text(story_page(f"{HEAD} {PITCH}"), url=URL, options=CleanOptions(hook_words=100))
    assert "Notes from" not in loose.text


def test_a_danda_ends_a_sentence_before_a_hook():
    # Hindi, Bengali and Urdu end sentences with "।" or "۔": an opening of several of them
    # ending in a question is not one question.
    assert SENTENCE_BREAK.search("पहला वाक्य। दूसरा")
    assert SENTENCE_BREAK.search("پہلا جملہ۔ دوسرا")
