"""A paragraph pasted from somewhere else goes whole once it reads as spam (cleaner
1.78.0, ``clean._pitch_whole``), and a Latin seller's name written on an Arabic or
Hebrew proclitic is a name (``pitch.NAME_START``). Written for these tests."""

from __future__ import annotations

from cleaners import CleanOptions, clean_text
from cleaners.rules.pitch import seller_names

# A story of its own words, long enough to be an article.
STORY = [
    "The city council voted on Tuesday to rebuild the old harbour bridge, which has been "
    "closed to lorries since cracks were found in its western pier last winter.",
    "Engineers told the council that the pier can be repaired in place, but that the deck "
    "of the bridge must be replaced before lorries can cross the harbour again.",
    "The harbour bridge carried about nine thousand vehicles a day before the closure, and "
    "lorries now take a detour of twelve kilometres through the council's eastern districts.",
    "Work on the pier and the deck is due to start in March, and the council expects the "
    "bridge to reopen to lorries before the end of next year.",
]
# A video site's self-promotion pasted between the story's paragraphs: its sentences
# share no word with the story, and some of them read as spam on their own.
PASTED = ("Hi everyone! My name is Tilda and I sing and play guitar in my bedroom since I was "
          "nine. It would mean the world if you could check out my channel and subscribe, "
          "I upload a new cover every Friday! Please share it with your friends, thank you "
          "so much and have a lovely day!")


def _page(paragraphs: list[str]) -> str:
    return "Harbour bridge to be rebuilt\n\n" + "\n\n".join(paragraphs)


def test_a_pasted_paragraph_goes_whole() -> None:
    result = clean_text(_page(STORY[:2] + [PASTED] + STORY[2:]))
    assert all(p in result.text for p in STORY)
    assert "Tilda" not in result.text and "guitar" not in result.text
    assert [r.text.strip() for r in result.removed if r.kind == "spam"] == [PASTED]


def test_the_story_alone_loses_nothing() -> None:
    result = clean_text(_page(STORY))
    assert result.text.split() == _page(STORY).split() and not result.removed


def test_without_the_rule_only_its_sentences_go() -> None:
    # Read sentence by sentence, the pasted paragraph loses its call to subscribe and
    # keeps its opening.
    result = clean_text(_page(STORY[:2] + [PASTED] + STORY[2:]), options=CleanOptions(apart_whole=False))
    assert "Tilda" in result.text and "subscribe" not in result.text


def test_a_name_written_on_a_proclitic_is_a_name() -> None:
    # Arabic and Hebrew write a preposition or a conjunction on the word that follows
    # ("فـ", "ב"); a Latin name written so is still the seller's name.
    assert seller_names("شجّع فريقك واربح معه، فـSandPalm يدفع لك على كل هدف.") == ["SandPalm"]
    assert seller_names("הכסף מחכה לכם בSandPalm כל ערב.") == ["SandPalm"]
    # A Latin name inside Japanese or Chinese prose is no seller's for its script alone.
    assert seller_names("再びKeePassが起動するようになります。") == []
    assert seller_names("我们用KeePass管理密码。") == []
