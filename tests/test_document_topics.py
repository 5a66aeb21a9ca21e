"""facts.document_topics: what a page is about comes from its own prose. Pitches pasted
into a story, which the model reads as spam, do not make the story a page about their
market (whose words would then weigh topic_discount as much); a legitimate article about
gambling stays one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaners import CleanOptions
from cleaners.clean import _facts
from cleaners.ngrams import model

STORY = [
    "Pharmacists in the county have asked patients to bring a list of every medicine they take to their yearly "
    "review, after a survey found that one in five older patients mixed drugs that should not be taken together.",
    "The review takes about twenty minutes and is free at any pharmacy that belongs to the county scheme, which "
    "now counts more than sixty branches.",
    "Patients who cannot travel can ask for the review by telephone, and a pharmacist will call back within two "
    "working days to arrange a time.",
    "The scheme will be extended to care homes next year, once the county has trained another forty pharmacists "
    "to carry out the reviews.",
]
# Each carries the gambling topic at an ordinary density; the model reads the first as
# spam (learned_floor), the second not.
PITCH = ("Thousands of players from Leeds to Bristol now spend their evenings on SpinHarbour, where new members "
         "get two hundred free spins and winnings arrive the same night.")
SOFT = ("My neighbour laughed at first, but after one evening at the roulette tables of SpinHarbour he had eight "
        "hundred pounds more in his account, paid out before breakfast.")
LEGIT = json.loads((Path(__file__).parent / "cases" / "legit_gambling.json").read_text("utf8"))


def topics(text: str, options: CleanOptions | None = None) -> frozenset[str]:
    return _facts(text, options or CleanOptions(), None, (), False)[1].topics


def test_the_pitches_read_on_either_side_of_learned_floor() -> None:
    floor = CleanOptions().learned_floor
    assert model().probability(PITCH) >= floor > model().probability(SOFT)


def test_a_pitch_the_model_reads_as_spam_carries_no_topic() -> None:
    text = "\n\n".join([*STORY[:2], PITCH, STORY[2], SOFT, STORY[3]])
    assert "gambling" not in topics(text)
    # Were the model's reading no bar (a floor above any reading), the two would make
    # the story a page about gambling.
    assert "gambling" in topics(text, CleanOptions(learned_floor=1.01))


ABOUT_GAMBLING = ("betting regulation", "lottery winner", "casino operator", "gambling addiction", "illegal betting",
                  "police crackdown", "casino zone")


GAMBLING_ARTICLES = [c for c in LEGIT if any(t in c["label"] for t in ABOUT_GAMBLING)]


def test_every_named_gambling_article_is_in_the_cases() -> None:
    # A renamed case would otherwise drop out of the test below without a word.
    assert len(GAMBLING_ARTICLES) == len(ABOUT_GAMBLING)


@pytest.mark.parametrize("case", GAMBLING_ARTICLES, ids=lambda c: c["label"][:40])
def test_a_legitimate_gambling_article_is_still_about_gambling(case: dict) -> None:
    assert "gambling" in topics(case["input"])
