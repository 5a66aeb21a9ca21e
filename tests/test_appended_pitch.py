"""spam.appended_pitch: a soft pitch in the page's own language, appended to the end of a
news paragraph, goes when it names a seller the page never names and is about something
else than its page; the article's own last sentences stay."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import train_spam_model  # noqa: E402
from bench.spamcorpus import corpus  # noqa: E402
from cleaners import CleanOptions, clean_text  # noqa: E402
from cleaners.clean import _facts  # noqa: E402
from cleaners.ngrams import model  # noqa: E402
from cleaners.rules.pitch import plain_names, seller_names  # noqa: E402

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
    # no other rule takes it: with spam.appended_pitch off it stays (below). The model read
    # it at 0.52 until cleaner 1.62.0, 0.63 since, still short of the block threshold alone.
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


def _cut(tail: str, options: CleanOptions | None = None) -> bool:
    result = clean_text(page(tail), options=options)
    return tail not in result.text and any(r.reason == "spam.appended_pitch" for r in result.removed)


CAPS = ("Sports fans across the county have quietly warmed to BET365X, whose same-game parlays on the "
        "weekend fixtures pay out within the hour.")


@pytest.mark.parametrize("tail, twin, options", [
    # a capitalised name and a number are as often news ("Windows 11", "Liga 1") ...
    ("Sports fans across the county have quietly warmed to Court King 7, whose same-game parlays on "
     "the weekend fixtures pay out within the hour.", PITCH, None),
    # ... and capitals glued to digits an acronym's version ("WPA2"): a small letter makes the name
    (CAPS, CAPS.replace("BET365X", "Bet365x"), None),
    # under appended_pitch_words
    ("Fans love the same-game parlays at CourtKing Sports.", None, CleanOptions(appended_pitch_words=5)),
    # shares the page's words: the paragraph's own last sentence
    ("Harbour cyclists say the CourtKing parlays on the cycle lanes pay out within the hour.", None,
     CleanOptions(off_topic_shared=1.0)),
])
def test_what_is_no_appended_pitch_stays(tail, twin, options):
    """Each stays for the reason given: its twin (the sentence with a seller's name) or the
    same sentence with that condition relaxed goes; the model reads each at 0.15 or more.
    The test of a seller new to the page that the model reads at 0.5 (``pitch.sold_tail``,
    below) is off here: it would take the page-word sentence, which reads 0.54."""
    assert model().probability(tail) >= CleanOptions().appended_pitch_learned
    assert not _cut(tail, NO_SOLD)
    assert _cut(twin, NO_SOLD) if twin else _cut(tail, replace(options, appended_seller_learned=1.01))


NO_SOLD = CleanOptions(appended_seller_learned=1.01)
# Shares the page's words (cyclists, lanes), so not apart from it, but names a seller the
# page never names, and the model reads it at 0.5 or more.
SOLD = "Harbour cyclists say the CourtKing parlays on the cycle lanes pay out within the hour."


def test_a_seller_new_to_the_page_read_as_spam_goes_though_it_shares_the_page_words():
    # read at appended_seller_learned or more (0.54 until cleaner 1.62.0, 0.62 since); what
    # takes it is this rule: without it the sentence stays (NO_SOLD, below)
    assert model().probability(SOLD) >= CleanOptions().appended_seller_learned
    result = clean_text(page(SOLD))
    assert SOLD not in result.text and all(p in result.text for p in ARTICLE)
    assert [r.text.strip() for r in result.removed if r.reason == "spam.appended_pitch"] == [SOLD]
    assert SOLD in clean_text(page(SOLD), options=NO_SOLD).text


def test_a_handle_is_no_seller():
    tail = SOLD.replace("the CourtKing parlays", "the @CourtKing parlays")
    assert model().probability(tail) >= CleanOptions().appended_seller_learned
    assert tail in clean_text(page(tail)).text


def test_a_seller_its_own_paragraph_names_in_any_case_is_the_paragraphs_subject():
    article = list(ARTICLE)
    article[1] = article[1].replace("Quay Street and", "Quay Street, past the Courtking shop, and")
    assert SOLD in clean_text(page(SOLD, article=article)).text
    assert SOLD not in clean_text(page(SOLD)).text


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
    is apart from the page: there the test says nothing (``appended_pitch_cohesive``).
    Read with ``pitch.sold_tail`` off, which asks for no apartness (see below)."""
    tail = ROUNDUP[3].split(". ", 1)[1]
    assert tail in clean_text("\n\n".join(ROUNDUP), options=NO_SOLD).text
    assert tail not in clean_text("\n\n".join(ROUNDUP), options=replace(NO_SOLD, appended_pitch_cohesive=0)).text


# A known miss (strict xfail) since cleaner 1.62.0: its model reads the grant's sentence at
# 0.55 (0.47 before), and pitch.sold_tail takes a last sentence read at 0.5 that names a
# seller new to the page ("EduBuild"). The retrained model reads as many of the
# legitimate last sentences of the 627 extraction pages and the dev and fresh legitimate
# pages at 0.5 or more as the one before (787 and 791 of 15,036) and more of the fresh
# appended spam (207 and 190 of 395); at 0.56 this sentence stays and fresh spam recall
# falls 0.7201 -> 0.7180 with no legitimate text given back in any set.
@pytest.mark.xfail(strict=True, reason="known miss: a roundup item's grant sentence read 0.55 since 1.62.0")
def test_a_roundup_items_grant_sentence_stays():
    tail = ROUNDUP[3].split(". ", 1)[1]
    assert tail in clean_text("\n\n".join(ROUNDUP)).text


def test_the_soft_pitches_are_evaluated_not_trained_on():
    """bench/spamcorpus/soft is what bench/soft_pitches.py measures with: the model never
    reads it, and it shares no text with the training pitches."""
    read = {p.resolve() for p in train_spam_model.inputs()}
    soft = set(corpus.SOFT.glob("*.toml"))
    assert soft and not {p.resolve() for p in soft} & read
    texts = {t for ts in corpus.soft_texts().values() for _, _, t in ts}
    trained = {t for ts in corpus.pitch_texts().values() for _, _, t in ts}
    assert len(texts) >= 150 and not texts & trained


SOLD_TOO = "Cyclists on the harbour front say CourtKing pays out on the cycle lane parlays before the hour is out."


def test_a_seller_appended_to_two_paragraphs_is_new_to_the_story_in_both():
    assert model().probability(SOLD_TOO) >= CleanOptions().appended_seller_learned
    paras = list(ARTICLE)
    paras[1] = f"{paras[1]} {SOLD}"
    paras[3] = f"{paras[3]} {SOLD_TOO}"
    result = clean_text("\n\n".join(paras))
    assert SOLD not in result.text and SOLD_TOO not in result.text
    assert all(p in result.text for p in ARTICLE)
    # Named in the head of another paragraph, it is the story's.
    paras[2] = paras[2].replace("Shop owners on Quay Street", "Shop owners on Quay Street, CourtKing among them,")
    assert SOLD in clean_text("\n\n".join(paras)).text


def test_a_sentence_against_its_seller_stays(monkeypatch):
    critic = SOLD[:-1] + ", but CourtKing froze my account."
    assert model().probability(critic) >= CleanOptions().appended_seller_learned
    assert critic in clean_text(page(critic)).text
    # The phrase is what keeps it: read as a pitch, the same sentence goes.
    monkeypatch.setattr("cleaners.rules.pitch.against_seller", lambda _text: False)
    assert critic not in clean_text(page(critic)).text


def test_a_number_before_a_word_of_magnitude_numbers_no_seller():
    """"na Letné 18 tisíc diváků" counts spectators: the place before the number is no
    seller's name (``resources.QUANTITY``). The fresh set's Czech derby report lost its
    last sentence to spam.appended_pitch until cleaner 1.63.0; a seller's number still
    names one."""
    fresh = {a.id: a for a in corpus.articles("fresh")}["fresh-cs-8"]
    sentence = "Utkání sledovalo na Letné 18 tisíc diváků."
    text = "\n\n".join(fresh.paragraphs)
    assert sentence in text
    result = clean_text(text, url="http://127.0.0.1/news/a")
    assert sentence in result.text and not result.removed
    _, facts, _ = _facts(text, CleanOptions(), None, (), False)
    assert seller_names(sentence, facts) == []
    assert seller_names("Vsaďte na derby a s Tipko 53 berete dvojnásobnou výhru.", facts) == ["Tipko 53"]


def test_a_roundup_items_lottery_win_stays_whole():
    """A news roundup's items share no words with each other, so ``spam.off_topic`` says
    nothing there either (``_cohesive``, as for ``spam.appended_pitch``): the fresh set's
    Hindi roundup lost its item on a fisherman's lottery win, which the model reads at
    0.84, to ``spam.learned`` beside ``spam.off_topic`` until cleaner 1.64.0. A story
    about a lottery winner is content."""
    fresh = {a.id: a for a in corpus.articles("fresh")}["fresh-hi-1"]
    text = "\n\n".join((fresh.title, *fresh.paragraphs))
    assert model().probability(fresh.paragraphs[1]) >= CleanOptions().learned_floor
    assert clean_text(text, url="http://127.0.0.1/news/a").text == text
    off = clean_text(text, url="http://127.0.0.1/news/a", options=CleanOptions(appended_pitch_cohesive=0))
    assert [r.reason for r in off.removed] == ["spam.learned"] and fresh.paragraphs[1] not in off.text


# A Swedish pitch that names its seller with a plain capitalised word, appended to a dev
# article about a swimming hall: no lexicon word, no link, no seller-shaped name.
PLAIN = "Lyxklockor och märkesväskor till halva priset beställer du i kväll hos Vellmora."
NO_PLAIN = CleanOptions(appended_plain_learned=1.01)
NO_LEARNED = CleanOptions(weight_learned=0.0)


def _swedish(tail: str, at: int = 2, head: str | None = None) -> tuple[str, list[str]]:
    article = {a.id: a for a in corpus.articles("dev")}["sv-simhall-harnosand"]
    paras = list(article.paragraphs)
    paras[at] = f"{head or paras[at]} {tail}"
    return "\n\n".join((article.title, *paras)), [p for i, p in enumerate(article.paragraphs) if i != at]


def test_a_pitch_naming_its_seller_plainly_goes_when_the_model_is_sure():
    """``pitch.plain_sellers``: a capitalised word inside the last sentence that the page
    never names counts as a seller's name when the model reads the sentence at
    ``appended_plain_learned`` (here 0.88): the pitch goes and its paragraph's own
    sentences stay. With the reading required above 1 the sentence stays."""
    assert model().probability(PLAIN) >= CleanOptions().appended_plain_learned
    text, others = _swedish(PLAIN)
    result = clean_text(text, url="http://127.0.0.1/news/a")
    assert PLAIN not in result.text and all(p in result.text for p in others)
    assert [r.text.strip() for r in result.removed] == [PLAIN]
    assert result.removed[0].reason == "spam.appended_pitch"
    assert ("spam.appended_pitch", 1.0) in result.removed[0].signals
    assert PLAIN in clean_text(text, url="http://127.0.0.1/news/a", options=NO_PLAIN).text


@pytest.mark.parametrize("tail", [
    # reporting that quotes a pitch's phrases: mention, not use
    "Lyxklockor och märkesväskor till „halva priset“ beställer du i kväll hos Vellmora.",
    # opening with a name the page gives elsewhere, always capitalised: the page's subject
    PLAIN.replace("Lyxklockor och märkesväskor", "Härnösand"),
])
def test_what_names_no_plain_seller_stays(tail):
    """Each stays where the plain sentence goes; spam.learned weighs nothing (``weight_learned``
    0), which would take the quoted one on the model's reading alone (0.94 without
    the quoted words)."""
    text, _ = _swedish(tail)
    assert model().probability(tail) >= CleanOptions().appended_plain_learned
    assert tail in clean_text(text, url="http://127.0.0.1/news/a", options=NO_LEARNED).text
    assert PLAIN not in clean_text(_swedish(PLAIN)[0], url="http://127.0.0.1/news/a", options=NO_LEARNED).text


def test_a_pitchs_last_sentence_is_not_cut_from_it_alone():
    """When the paragraph before the last sentence reads as spam itself (at
    ``appended_plain_head`` or more), the plain name does not count: a pitch of several
    sentences is the whole-paragraph rules' to judge, not a news paragraph with a pitch
    appended (cut alone, its first sentences stayed)."""
    _, facts, _ = _facts(PLAIN, CleanOptions(), None, (), False)
    assert plain_names(PLAIN, facts, 0) == ["Vellmora"]
    head = "Zdrapki online z wygraną od ręki czekają na ciebie już od 2 zł."
    assert model().probability(head) >= CleanOptions().appended_plain_head
    text, others = _swedish(PLAIN, head=head)
    result = clean_text(text, url="http://127.0.0.1/news/a", options=NO_LEARNED)
    assert not any(r.text.strip() == PLAIN for r in result.removed)


def test_a_language_that_capitalises_its_nouns_gives_no_plain_names():
    german = "Wer will das Stück noch sehen, wer noch dafür an der Kasse zahlen?"
    _, facts, _ = _facts(german, CleanOptions(), None, (), False)
    assert plain_names(german, facts, 0, "de") == []
    assert plain_names(german, facts, 0, "sv") == ["Stück", "Kasse"]


PLAIN_TOO = "Äkta guldsmycken till fabrikspris hittar du bara hos Vellmora."


def test_a_plain_seller_appended_to_two_paragraphs_is_new_to_the_story_in_both():
    """A plain name that the page gives only in other paragraphs' last sentences is
    still new to it (cleaner 1.69.0, ``plain_names`` with ``heads``): the same seller
    appended to a second paragraph no longer excuses the first. Named in the head of
    another paragraph, it is the story's."""
    article = {a.id: a for a in corpus.articles("dev")}["sv-simhall-harnosand"]
    paras = list(article.paragraphs)
    paras[2], paras[4] = f"{paras[2]} {PLAIN}", f"{paras[4]} {PLAIN_TOO}"
    result = clean_text("\n\n".join((article.title, *paras)), url="http://127.0.0.1/news/a")
    assert PLAIN not in result.text and all(p in result.text for p in article.paragraphs)
    assert [r.reason for r in result.removed if r.text.strip() == PLAIN] == ["spam.appended_pitch"]
    paras[3] = paras[3].replace(".", ", sa Vellmora.", 1)
    assert PLAIN in clean_text("\n\n".join((article.title, *paras)), url="http://127.0.0.1/news/a").text
