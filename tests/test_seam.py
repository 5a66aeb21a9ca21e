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
