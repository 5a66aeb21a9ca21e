"""A sentence appended to an article paragraph: probed when the model reads it as spam
and it shares no words with its page while the rest of its paragraph does
(``clean._apart_tail``, ``pitch.tail_apart``, option ``tail_apart_learned``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners import CleanOptions, clean_html, clean_text
from cleaners.rules.pitch import tail_apart

CASES = json.loads((Path(__file__).parent / "cases" / "text_spam.json").read_text(encoding="utf8"))
QUAY = next(c for c in CASES if c.get("url") == "http://127.0.0.1/news/quay")
TAIL = QUAY["must_remove"][0]


def test_the_probe_is_what_finds_the_appended_offer():
    on = clean_text(QUAY["input"], url=QUAY["url"])
    assert TAIL not in on.text
    # The plain seller's name ("At Ombaklaut ...") would take it too since cleaner 1.66.0
    # (pitch.plain_sellers): off here, to show the probe's part.
    off = clean_text(QUAY["input"], url=QUAY["url"],
                     options=CleanOptions(tail_apart_learned=1.01, appended_plain_learned=1.01))
    assert TAIL in off.text
    assert off.text == QUAY["input"]


def _page(paragraphs: list[str]):
    """Page facts whose block texts are ``paragraphs`` (all tail_apart reads)."""
    from cleaners.clean import _facts

    return _facts("\n\n".join(paragraphs), CleanOptions(), None, (), False)[1]


def test_tail_apart_reads_the_page_words():
    paragraphs = QUAY["input"].split("\n\n")
    page = _page(paragraphs)
    text = paragraphs[1]
    assert tail_apart(text, text.index(TAIL), 1, page)
    # A last sentence on the story's subject (the ferry, the fishing pier of the next
    # paragraph) is not apart.
    own = text[:text.index(" At Ombaklaut")]
    assert not tail_apart(own, own.index("and the ferry"), 1, _page([paragraphs[0], own, *paragraphs[2:]]))


def test_a_tail_whose_paragraph_is_foreign_too_is_not_apart():
    # A paragraph that shares nothing with the page as a whole is the block rules'
    # business (spam.off_topic on the whole block), not an appended sentence.
    paragraphs = QUAY["input"].split("\n\n")
    pitch = ("Lucky spinners everywhere love the jackpot wheel of the evening. "
             "At Ombaklaut every winner is paid 100% within three minutes, join tonight.")
    page = _page([paragraphs[0], pitch, *paragraphs[2:]])
    assert not tail_apart(pitch, pitch.index("At Ombaklaut"), 1, page)


def _with_tail(tail: str) -> str:
    """The quay story with ``tail`` appended to its second paragraph instead of its offer."""
    text = QUAY["input"].replace(" " + TAIL, "")
    return text.replace("while the pontoon is built.", "while the pontoon is built. " + tail)


def test_a_short_selling_tail_goes_with_its_signal():
    # Four words: under off_topic_min_units, which holds for whole blocks only; the
    # tail's stems (tail_apart) and its selling mark (the brand-shaped name) decide.
    tail = "Fastest cashouts tonight: Ombaklaut777."
    on = clean_text(_with_tail(tail), url=QUAY["url"])
    assert tail not in on.text
    assert "while the pontoon is built." in on.text
    assert any(code == "spam.off_topic" for r in on.removed for code, _ in r.signals)
    off = clean_text(_with_tail(tail), url=QUAY["url"], options=CleanOptions(weight_off_topic=0.0))
    assert tail in off.text


def test_a_story_sentence_apart_but_not_selling_stays():
    # A real legitimate article of the dev corpus (nl, match-fixing trial): its
    # paragraph's last sentence brings new words and reads a little foreign to the model,
    # but names no brand and no offer. Without the selling mark it went (dev, 2026-12-05).
    from bench.spamcorpus import cases

    case = next(c for c in cases.all_legit_cases() if c.id == "legit-nl-matchfixing-rechtbank")
    sentence = "Later volgden vergelijkbare signalen uit Egypte en Tunesië."
    assert sentence in case.text
    out = clean_html(case.text, url=case.url)
    assert sentence in out.text
    assert not [r for r in out.removed if r.kind == "spam"]


def test_a_latin_name_opening_a_foreign_sentence_goes_with_it():
    tail = "Lucky Tiger पर ID बनाइए और 500 रुपये का बोनस पाइए।"
    out = clean_text(_with_tail(tail), url=QUAY["url"])
    assert "Lucky Tiger" not in out.text
    assert "while the pontoon is built." in out.text
    # Without the name rule the sentence is cut at its script and the name stays.
    left = clean_text(_with_tail(tail), url=QUAY["url"], options=CleanOptions(script_head_names=0))
    assert "Lucky Tiger" in left.text and "बोनस" not in left.text


def test_a_paragraph_that_shares_little_with_a_short_page_still_holds_its_tail():
    # A dev legitimate article (hu, heat wave at Lake Balaton) with an offer appended to
    # a paragraph: the paragraph shares 0.21 of its stems with the rest of the short page,
    # which off_topic_rest_shared 0.15 takes as the article's own and 0.3 did not.
    from bench.spamcorpus import cases

    case = next(c for c in cases.all_legit_cases() if c.id == "legit-hu-kanikula-balaton-spam")
    tail = "A leggyorsabb kifizetés Magyarországon: Forint777."
    assert tail in case.text
    out = clean_html(case.text, url=case.url)
    assert tail not in out.text
    assert all(k in out.text for k in case.keep)
    strict = clean_html(case.text, url=case.url, options=CleanOptions(off_topic_rest_shared=0.3))
    assert tail in strict.text


@pytest.mark.parametrize("text, script, marks", [
    # A name glued from two capitalised parts, or followed by a small number, sells in
    # Cyrillic, Greek and Latin with diacritics as it does in ASCII (pitch.BRANDISH).
    ("Играј без лимита на Трешња 77.", "cyrillic", 1),
    ("Највеће квоте налазе се на ЗвонкоКоло.", "cyrillic", 1),
    ("Kupon bez ryzyka w ŻubrFart.", "latin", 1),
    ("Παίξε τώρα στο ΧρυσόΑστέρι.", "greek", 1),
    ("Zum Start legt Klicksturm 360 nach.", "latin", 1),
    # Not: a capital after one letter ("McKinley", "ВКонтакте"), a year, a long figure.
    ("McKinley spoke in Ohio.", "latin", 0),
    ("Он пишет во ВКонтакте.", "cyrillic", 0),
    ("В 2024 году было 5.000 случаев.", "cyrillic", 0),
    ("Łódź ma 2024 nowych mieszkań.", "latin", 0),
])
def test_brand_shaped_names_in_any_cased_alphabet(text, script, marks):
    from cleaners.facts import page_facts
    from cleaners.rules.pitch import selling

    assert selling(text, page_facts([], {script: 30}, {}, CleanOptions())) == marks
