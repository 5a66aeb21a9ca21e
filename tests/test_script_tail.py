"""Sentences around a Latin seller's name in another script: the name, and a dash or a
colon after it, open their sentence (``segment._names_only``), so it is read, and cut,
whole; and a last sentence after a danda that names a Latin seller is a sentence of its
own (``segment._seller_stop``), where a danda ends no other."""

from __future__ import annotations

import pytest

from cleaners import clean_text
from cleaners.options import CleanOptions
from cleaners.segment import split_parts

UKRAINIAN = [
    "Міська рада Полтави в четвер ухвалила план ремонту центрального мосту через Ворсклу, який закрили "
    "для вантажівок ще минулої осені.",
    "Інженери повідомили депутатам, що опори мосту в доброму стані, але настил і поручні доведеться "
    "замінити до кінця наступного року.",
    "Мешканці лівого берега скаржаться, що через обмеження руху дорога до лікарні тепер займає на двадцять "
    "хвилин більше.",
    "Роботи мають розпочатися навесні й триватимуть близько пів року, а тендер оголосять уже наступного тижня.",
]
DASHED = "Ladovira 12 — знайомства для дорослих без зобов'язань і зайвих запитань."
# A Hindi story: its sentences end in a danda ("।"), which is no sentence end to the
# segmenter (the model reads many short sentences of these languages as spam).
HINDI = [
    "नगर निगम ने गुरुवार को पुराने पुल की मरम्मत की योजना को मंज़ूरी दी। पुल पिछले साल की बाढ़ के बाद से बंद है।",
    "इंजीनियरों ने बताया कि खंभे मज़बूत हैं, लेकिन सड़क की परत बदलनी होगी। काम अगले महीने शुरू होगा।",
    "स्थानीय दुकानदारों ने कहा कि पुल बंद होने से उनकी बिक्री आधी रह गई है।",
    "निगम ने कहा कि मरम्मत में करीब छह महीने लगेंगे और निविदा अगले सप्ताह जारी की जाएगी।",
]
AFTER_DANDA = "क्रिकेट पर दांव लगाइए TaraSpin पर, हर जीत का पैसा तुरंत बैंक में।"
# A plain capitalised seller (cleaner 1.72.0), in Hindi and in Hindi written in Latin
# letters (made-up seller; "try your luck tonight at Ranvik, the winnings straight to
# your account").
PLAIN_NAME = "आज रात अपनी किस्मत Ranvik पर आज़माइए, जीत का पैसा तुरंत आपके खाते में।"
ROMAN = "Aaj raat apni kismat Ranvik par aazmaiye, jeet ka paisa turant khate mein."
PITCHES = [(UKRAINIAN, DASHED, "Ladovira"), (HINDI, AFTER_DANDA, "TaraSpin"), (HINDI, PLAIN_NAME, "Ranvik"),
           (HINDI, ROMAN, "Ranvik")]


@pytest.mark.parametrize("story, pitch, seller", PITCHES)
def test_the_pitch_is_one_sentence_after_the_story_sentence(story, pitch, seller):
    text = f"{story[1]} {pitch}"
    assert [text[a:b] for a, b in split_parts(text, CleanOptions())] == [story[1], pitch]


@pytest.mark.parametrize("story, pitch, seller", PITCHES)
def test_the_pitch_goes_with_its_seller_and_the_story_stays(story, pitch, seller):
    paras = list(story)
    paras[1] = f"{story[1]} {pitch}"
    result = clean_text("\n\n".join(paras))
    assert seller not in result.text and all(p in result.text for p in story)
    assert [r.text.strip() for r in result.removed] == [pitch]


def test_a_colon_after_the_name_keeps_the_sentence_whole():
    colon = DASHED.replace(" —", ":")
    assert [colon[a:b] for a, b in split_parts(colon, CleanOptions())] == [colon]


def test_without_a_latin_seller_a_danda_splits_nothing():
    # the paragraph stays one piece, as before cleaner 1.71.0
    assert split_parts(HINDI[1], CleanOptions()) == [(0, len(HINDI[1]))]


def test_a_story_sentence_naming_a_place_in_latin_letters_stays():
    # split after the danda like a pitch, and judged as a last sentence is: the story's
    # own words and the model's reading keep it
    story = list(HINDI)
    said = "पुल बंद होने से Noida जाने वाली बसों का रास्ता बदला गया है।"  # "with the bridge shut, buses to Noida were rerouted"
    story[1] = f"{HINDI[1]} {said}"
    assert split_parts(story[1], CleanOptions())[-1] == (len(HINDI[1]) + 1, len(story[1]))
    result = clean_text("\n\n".join(story))
    assert all(p in result.text for p in story) and not result.removed
