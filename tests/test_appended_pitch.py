"""spam.appended_pitch: a soft pitch in the page's own language, appended to the end of a
news paragraph, goes when it names a seller the page never names and is about something
else than its page; the article's own last sentences stay."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import train_spam_model  # noqa: E402
from bench.spamcorpus import corpus  # noqa: E402
from cleaners import CleanOptions, clean_text  # noqa: E402
from cleaners.ngrams import model  # noqa: E402

ARTICLE = [
    "Harbourton council approved a network of protected cycle lanes on Tuesday, after a two-year "
    "consultation in which residents of the old harbour district argued over parking, deliveries and "
    "the width of pavements.",
    "The first lanes will run along Quay Street and the harbour front, where the council counted more "
    "than four thousand cyclists a day last summer. Councillors said the work would start in March and "
    "take about eight months.",
    "Shop owners on Quay Street had asked for loading bays to stay, and the approved plan keeps six of "
    "them, moved to the side streets. The harbour district's traders' association said it could live "
    "with the compromise.",
    "Residents who objected to the loss of parking will be offered permits for the new car park behind "
    "the harbour station, which opens in the spring.",
    "The council will publish the timetable of the works on its website, and the harbour district will "
    "hold a public meeting about the cycle lanes in January.",
]
# No lexicon word, no link, no call to action: the model alone reads it as news.
PITCH = ("Sports fans across the county have quietly warmed to CourtKing Sports, whose same-game "
         "parlays on the weekend fixtures pay out within the hour.")
OFF = CleanOptions(appended_pitch_learned=1.0)


def page(tail: str = PITCH, at: int = 1, article: list[str] = ARTICLE) -> str:
    paras = list(article)
    paras[at] = f"{paras[at]} {tail}"
    return "\n\n".join(paras)


def test_a_soft_pitch_naming_a_new_seller_goes_and_the_article_stays():
    assert model().probability(PITCH) < CleanOptions().learned_floor  # no other rule could take it
    result = clean_text(page())
    assert PITCH not in result.text
    assert all(p in result.text for p in ARTICLE)
    gone = [r for r in result.removed if r.reason == "spam.appended_pitch"]
    assert [r.text.strip() for r in gone] == [PITCH]
    assert ("spam.appended_pitch", 1.0) in gone[0].signals
    kept = clean_text(page(), options=OFF)
    assert PITCH in kept.text and not kept.removed


def test_a_seller_the_page_names_elsewhere_is_the_story():
    article = list(ARTICLE)
    article[3] = article[3].replace("the harbour station", "the CourtKing arena")
    result = clean_text(page(article=article))
    assert PITCH in result.text and all(p in result.text for p in article)
    assert PITCH not in clean_text(page()).text  # the same sentence on the page that never names it


@pytest.mark.parametrize("tail", [
    # no name with an inner capital or glued digits: a capitalised name and a number are news
    "Sports fans across the county have quietly warmed to Court King 7, whose same-game parlays on "
    "the weekend fixtures pay out within the hour.",
    # under appended_pitch_words
    "Fans have warmed to CourtKing Sports lately.",
    # shares the page's words: the paragraph's own last sentence
    "The harbour district's cyclists and the CourtKing traders' association welcomed the cycle lanes "
    "and the new car park.",
])
def test_what_is_no_appended_pitch_stays(tail):
    result = clean_text(page(tail))
    assert tail in result.text
    assert not [r for r in result.removed if r.reason == "spam.appended_pitch"]


ROUNDUP = [
    "Primary schools lack classrooms, education board report says",
    "Heavy rain is expected across the northern valleys on Thursday, and the weather service has warned "
    "drivers about flooding on the mountain roads near Kelso.",
    "Riverside United beat Castle Rovers two goals to one on Saturday, with both home goals scored in the "
    "last ten minutes by their young striker.",
    "Primary schools in the county still lack about three hundred classrooms, according to the education "
    "board's annual report published this week. Parents can now apply online for the new EduBuild "
    "grants, and the first payments arrive before the next school year starts.",
    "A new bakery opened on Mill Lane on Monday, selling sourdough loaves and pastries made by two sisters "
    "who trained in Lyon.",
    "The town's summer festival will return in July with three evenings of open-air concerts in the park "
    "behind the library.",
]


def test_a_roundup_of_unrelated_items_keeps_its_last_sentences():
    """A news roundup's items share no words with each other, so each item's last sentence
    is apart from the page: there the test says nothing (``appended_pitch_cohesive``)."""
    tail = ROUNDUP[3].split(". ", 1)[1]
    assert tail in clean_text("\n\n".join(ROUNDUP)).text
    assert tail not in clean_text("\n\n".join(ROUNDUP), options=CleanOptions(appended_pitch_cohesive=0)).text


def test_an_acronym_with_its_version_is_no_seller():
    tail = ("Owners of older routers should switch the encryption from WPA2 to the newer standard "
            "before the end of the year.")
    assert tail in clean_text(page(tail)).text


def test_the_soft_pitches_are_evaluated_not_trained_on():
    """bench/spamcorpus/soft is what bench/soft_pitches.py measures with: the model never
    reads it, and it shares no text with the training pitches."""
    read = {p.resolve() for p in train_spam_model.inputs()}
    soft = set(corpus.SOFT.glob("*.toml"))
    assert soft and not {p.resolve() for p in soft} & read
    texts = {t for ts in corpus.soft_texts().values() for _, _, t in ts}
    trained = {t for ts in corpus.pitch_texts().values() for _, _, t in ts}
    assert len(texts) >= 150 and not texts & trained
