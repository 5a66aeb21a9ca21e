"""A sentence in another language glued to a heading without a full stop
(``clean._seam``, option ``seam_stopwords``): plain text loses the line break between
a heading and what follows it, so the two read as one sentence."""

from __future__ import annotations

from bridge_story import STORY, URL, story_page

from cleaners import CleanOptions, clean_text


def test_a_foreign_offer_glued_to_a_heading_goes_and_the_heading_stays():
    heading = "Participating in a podcast interview"
    glued = "Link alternatif Ombakjitu bisa diakses tanpa VPN."
    out = clean_text(story_page(f"{heading} {glued}"), url=URL)
    assert glued not in out.text
    assert heading in out.text
    assert all(p in out.text for p in STORY)
    (removal,) = [r for r in out.removed if r.kind == "spam"]
    assert removal.text == glued
    off = clean_text(story_page(f"{heading} {glued}"), url=URL, options=CleanOptions(seam_stopwords=-1))
    assert glued in off.text


def test_the_seam_leaves_the_names_the_story_uses():
    # The heading ends in names the story uses elsewhere: the seam starts after them.
    names = "William Wallace, the Scottish hero, was played by the director himself in the film."
    head = "In the final scene of the film, the once-hated Scottish hero William Wallace"
    line = f"{head} Verovapaat voitot ja kotiutus viidessä minuutissa: Tunturitähti."
    out = clean_text(story_page(line, names), url=URL)
    assert head in out.text
    assert "Tunturitähti" not in out.text


def test_an_english_sentence_after_a_heading_is_not_cut():
    # Same language: the tail holds the page's stopwords ("her", "by"), so there is no seam.
    from cleaners.clean import _facts, _seam
    from cleaners.segment import last_part

    line = "Budget at a glance Treasurer Ann Moss posts her detailed numbers online by Friday evening."
    out = clean_text(story_page(line), url=URL)
    assert line in out.text
    assert not [r for r in out.removed if r.kind == "spam"]
    # The stopwords are what rule the seam out: let them in and it is found at "Treasurer".
    for options, found in ((CleanOptions(), None), (CleanOptions(seam_stopwords=20), line.index("Treasurer"))):
        blocks, page, _ = _facts(story_page(line), options, "127.0.0.1", (), False)
        block = next(b for b in blocks if b.text == line)
        assert _seam(block, *last_part(line, options), page) == found


def test_a_foreign_sentence_is_not_cut_after_a_short_word_of_the_page():
    # "a" is a word of the English story and of this Hungarian offer: the offer's opening
    # words are no English heading, and the sentence goes whole, not from its brand on.
    offer = "A nyári szezonban a Pörgő 77 minden új játékos első befizetését megduplázza."
    page = "\n\n".join([STORY[0], f"{STORY[1]} {offer}", *STORY[2:]])
    out = clean_text(page, url=URL)
    assert offer not in out.text and "A nyári" not in out.text
    assert all(p in out.text for p in STORY)
    # Any page word before it, however short, made it a heading: cut at the brand.
    short = clean_text(page, url=URL, options=CleanOptions(seam_word_letters=1))
    assert "A nyári szezonban a" in short.text and "Pörgő" not in short.text


def test_a_foreign_sentence_is_not_cut_where_its_own_language_runs_on():
    # "in" makes the words before "Apotheken" look English, but what follows holds German
    # stopwords ("doch", "hat", "sie", "auf") and so do they ("sind", "allen"): one German
    # sentence (clean._one_language), which goes whole.
    offer = "Die Schlankheitsspritzen sind in allen Apotheken ausverkauft, doch Pillora hat sie noch auf Lager."
    page = "\n\n".join([STORY[0], f"{STORY[1]} {offer}", *STORY[2:]])
    out = clean_text(page, url=URL)
    assert "Schlankheitsspritzen" not in out.text and "Pillora" not in out.text
    assert all(p in out.text for p in STORY)
    split = clean_text(page, url=URL, options=CleanOptions(seam_tail_stopwords=99))
    assert "Schlankheitsspritzen" in split.text and "Pillora" not in split.text
