"""A sentence in another script that opens with a Latin name: the name, and a dash or a
colon after it, open the sentence (``segment._names_only``), so the sentence is read,
and cut, whole."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.options import CleanOptions
from cleaners.segment import split_parts

STORY = [
    "Міська рада Полтави в четвер ухвалила план ремонту центрального мосту через Ворсклу, який закрили "
    "для вантажівок ще минулої осені.",
    "Інженери повідомили депутатам, що опори мосту в доброму стані, але настил і поручні доведеться "
    "замінити до кінця наступного року.",
    "Мешканці лівого берега скаржаться, що через обмеження руху дорога до лікарні тепер займає на двадцять "
    "хвилин більше.",
    "Роботи мають розпочатися навесні й триватимуть близько пів року, а тендер оголосять уже наступного тижня.",
]
TAIL = "Ladovira 12 — знайомства для дорослих без зобов'язань і зайвих запитань."


def test_a_name_and_a_dash_open_their_sentence():
    text = f"{STORY[1]} {TAIL}"
    assert [text[a:b] for a, b in split_parts(text, CleanOptions())] == [STORY[1], TAIL]
    colon = TAIL.replace(" —", ":")
    assert [colon[a:b] for a, b in split_parts(colon, CleanOptions())] == [colon]


def test_the_pitch_goes_with_its_seller_and_the_story_stays():
    paras = list(STORY)
    paras[1] = f"{STORY[1]} {TAIL}"
    result = clean_text("\n\n".join(paras))
    assert "Ladovira" not in result.text and all(p in result.text for p in STORY)
    assert [r.text.strip() for r in result.removed] == [TAIL]
