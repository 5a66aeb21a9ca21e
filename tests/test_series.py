"""A row of a dated or numbered list stays when only the model reads it as spam
(``rules/learned.in_series``, option ``series_prefix_tokens``): a tour date at a casino's
venue is the tour's own row."""

from __future__ import annotations

from cleaners import CleanOptions, clean_text

URL = "http://127.0.0.1/news/tour"
STORY = [
    "The band announced on Monday that it will tour the Midwest this autumn, its first run of concerts "
    "since the singer's surgery last spring.",
    "Tickets go on sale on Friday through the venues' own box offices, the band's manager said. The dates are:",
]
ROWS = [
    "Oct. 3 -- Riverside Arena, Tulsa, OK",
    "Oct. 5 -- Civic Center Music Hall, Wichita, KS",
    "Oct. 9 -- Hollywood Casino Event Center – St. Louis, St. Louis, MO",
    "Oct. 12 -- Grand Theater, Omaha, NE",
    "Oct. 15 -- Orpheum Theatre, Memphis, TN",
]
END = "The tour ends in Memphis, where the band recorded its first album twenty years ago."


def _page(rows: list[str]) -> str:
    return "\n\n".join([*STORY, *rows, END])


def test_a_tour_date_at_a_casino_venue_stays():
    out = clean_text(_page(ROWS), url=URL)
    assert not out.removed
    assert all(r in out.text for r in ROWS)
    # The model reads that row as spam ("Casino" beside "St. Louis"): without the guard
    # (no row has 40 tokens' shape in common) it goes.
    off = clean_text(_page(ROWS), url=URL, options=CleanOptions(series_prefix_tokens=40))
    assert [r.text for r in off.removed] == [ROWS[2]]


def test_a_row_with_a_rule_s_evidence_still_goes():
    # Shaped like its neighbours, but a promo phrase and a call to action are the rules'
    # evidence, not the model's alone.
    spam = "Oct. 13 -- Claim 200 free spins at SpinPalace88 today, register now and get your bonus"
    out = clean_text(_page([*ROWS[:4], spam, *ROWS[4:]]), url=URL)
    assert spam not in out.text
    assert all(r in out.text for r in ROWS)
