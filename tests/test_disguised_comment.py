"""spam.disguised_name in the comment region: a comment written in a fancy font
throughout is a commenter's style and its disguise counts half (comment_style_disguise);
a name disguised inside a plain comment that the model leans towards reading as spam
hides a name, and counts whole."""

from __future__ import annotations

from cleaners import CleanOptions, clean_text
from cleaners.clean import _facts
from test_comment_seller import FAN, page


def bold(text: str) -> str:
    """``text`` in mathematical bold letters."""
    return "".join(chr(0x1D400 + ord(c) - 65) if "A" <= c <= "Z" else chr(0x1D41A + ord(c) - 97) if "a" <= c <= "z"
                   else c for c in text)


# Written for this test: no word of the lexicon.
PLAIN = "My husband ordered from {} last month and it saved our marriage, fast shipping and a discreet box."
HIDDEN = PLAIN.format(bold("Meds Harbour"))
STYLED = bold(PLAIN.format("Meds Harbour"))
LOW = f"My sister won a car in the draw at {bold('Lucky Lark')} last month, we could not believe it was real."


def comment(text: str):
    return _facts(page([FAN, text]), CleanOptions(), None, (), False)[0][-1]


def test_the_hidden_name_reads_between_comment_style_learned_and_learned_floor() -> None:
    opts = CleanOptions()
    block = comment(HIDDEN)
    assert block.disguised and not block.commercial()
    assert opts.comment_style_learned <= block.learned < opts.learned_floor
    assert block.disguised < opts.comment_style_share * block.letter_words
    assert comment(LOW).learned < opts.comment_style_learned


def test_a_name_disguised_inside_a_plain_comment_goes() -> None:
    result = clean_text(page([FAN, HIDDEN]))
    assert "husband ordered" not in result.text and FAN in result.text
    assert any(r.reason == "spam.disguised_name" for r in result.removed)


def test_with_the_style_discount_for_every_disguise_it_stays() -> None:
    result = clean_text(page([FAN, HIDDEN]), options=CleanOptions(comment_style_share=0.0))
    assert HIDDEN in result.text


def test_a_comment_in_a_fancy_font_throughout_stays() -> None:
    assert comment(STYLED).disguised >= CleanOptions().comment_style_share * comment(STYLED).letter_words
    assert STYLED in clean_text(page([FAN, STYLED])).text


def test_a_disguised_name_the_model_reads_as_chat_stays() -> None:
    assert LOW in clean_text(page([FAN, LOW])).text
