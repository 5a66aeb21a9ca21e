"""A paragraph's last sentence in another language (the foreign-tail probe of
``clean._worth_probing``): a word of one letter tells no language, so a Danish or
Swedish offer appended to an English paragraph is probed though it holds "i"."""

from __future__ import annotations

import pytest
from bridge_story import STORY, URL, story_page

from cleaners import clean_text
from cleaners.clean import _says_language
from cleaners.resources import STOPWORDS_OF

HOST = ("Engineers who inspected the old bridge last winter found cracks in two of its pillars and "
        "asked for repairs before the next flood season.")


@pytest.mark.parametrize("tail, footer", [
    ("Penge på kontoen i dag uden kreditvurdering fra Lønforskud24.", "Lønforskud24 penge hurtigt"),
    ("Träffa singlar i din stad redan i kväll på SockerSöt.", "SockerSöt singlar"),
])
def test_a_foreign_offer_holding_a_one_letter_word_goes(tail, footer):
    # The footer's link run names the brand and another word of the tail, so the tail
    # shares words with the page and the other tail probes pass it by: only its
    # language tells (dev dump cases of the spam corpus).
    out = clean_text(story_page(f"{HOST} {tail}", footer), url=URL)
    assert tail not in out.text
    assert HOST in out.text
    assert all(p in out.text for p in STORY)
    assert [r.text for r in out.removed if r.kind == "spam"] == [tail]


def test_one_letter_stopwords_tell_no_language():
    english = STOPWORDS_OF["en"]
    assert "i" in english  # the list holds it, for other uses
    assert not _says_language("i", english)
    assert _says_language("the", english) and not _says_language("dag", english)


def test_a_paragraph_in_a_language_whose_stopwords_its_neighbours_share_goes_whole():
    # Danish stopwords are Norwegian (and some Swedish) ones too: the paragraph's hits split
    # among them and none named its language, so only its sentences that read as spam went
    # and the first stayed. Counted as one family (data/stopword_families.toml) they name
    # Danish, foreign to the English story, and the paragraph goes whole.
    danish = ("Min nabo i Odense vandt 40.000 kr. hos Lykkehjulet 88 i sidste uge, og han har ikke talt om "
              "andet siden. Han spiller altid de samme tal og klarer det hele på telefonen på to minutter.")
    out = clean_text("\n\n".join([STORY[0], danish, *STORY[1:]]), url=URL)
    assert "Min nabo" not in out.text and "Lykkehjulet" not in out.text
    assert all(p in out.text for p in STORY)
    (removal,) = [r for r in out.removed if r.kind == "spam"]
    assert removal.reason == "spam.foreign_block" and removal.text == danish
