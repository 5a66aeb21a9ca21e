"""A paragraph shaped like a pitch goes whole, not sentence by sentence.

``spam.pitch_shape`` reads a whole paragraph: its hook question, its offers in figures,
its brand, and that it shares no word with the story around it. Read one by one, its
sentences show little of that, and until cleaner 1.31.0 only the sentence the model
flagged went, the hook and the offer staying at the top of the story."""

from __future__ import annotations

from cleaners import clean_html

STORY = [
    "The county council voted on Tuesday to rebuild the footbridge over the River Wensum, closed since a lorry "
    "struck one of its piers in March.",
    "Engineers told councillors that the old iron span could not be repaired without replacing both abutments, "
    "and that a new steel bridge would cost about £2.4 million.",
    "Residents of the Thorpe ward, who have walked an extra mile to reach the railway station for eight months, "
    "said the decision was overdue.",
    "Work is expected to start in September and last until the spring, when the council hopes to reopen the "
    "crossing for pedestrians and cyclists.",
]
# A lottery reseller's pitch opening the story, in none of its words.
PITCH = ("Why stand in line at the newsagent when Quillora lets you play every big draw from your phone? "
         "Lines start at just £1 and winnings land straight in your bank account. "
         "This week the rollover jackpot has climbed past £120 million.")


def page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html lang='en'><head><title>Footbridge to be rebuilt</title></head><body><article>"
            f"<h1>Footbridge to be rebuilt</h1>{body}</article></body></html>")


def test_a_pitch_opening_a_story_goes_whole():
    r = clean_html(page([PITCH] + STORY), "http://127.0.0.1/news/bridge")
    assert "Quillora" not in r.text and "£1" not in r.text and "jackpot" not in r.text
    assert all(p in r.text for p in STORY)
    removed = [x for x in r.removed if "Quillora" in x.text]
    assert removed and removed[0].reason == "spam.pitch_shape" and removed[0].text.startswith("Why stand in line")


def test_the_story_alone_loses_nothing():
    r = clean_html(page(STORY), "http://127.0.0.1/news/bridge")
    assert r.text == "\n".join(STORY) and not r.removed


# A Norwegian loan pitch appended to a paragraph of the story, its hook a question too
# short to read as foreign or as spam by itself.
HOOK = "Trenger du penger før helgen?"
LOAN = "Pengeklokka 24 utbetaler lånet ditt på ti minutter, helt uten kredittsjekk og papirarbeid."


def test_the_hook_before_an_appended_pitch_goes_with_it():
    paragraphs = list(STORY)
    paragraphs[2] += f" {HOOK} {LOAN}"
    r = clean_html(page(paragraphs), "http://127.0.0.1/news/bridge")
    assert r.text == "\n".join(STORY)
    assert [x.text.strip() for x in r.removed] == [HOOK, LOAN]


def test_the_storys_own_question_before_an_appended_pitch_stays():
    # A question in the page's language is the story's, even when a pitch follows it.
    question = "Will the new bridge be ready before the spring floods?"
    paragraphs = list(STORY)
    paragraphs[2] += f" {question} {LOAN}"
    r = clean_html(page(paragraphs), "http://127.0.0.1/news/bridge")
    assert question in r.text and "Pengeklokka" not in r.text
