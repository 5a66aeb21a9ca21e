"""A page whose stopwords lead without holding half of its hits gets its language when
langdetect agrees (option ``doc_stop_lead``), and a sentence whose few stopwords are
words other lists share is not foreign when langdetect reads it as the page's language
(option ``foreign_own_reading``).

Danish, Norwegian, French, Italian, Portuguese and Spanish share their short words ("de",
"en", "a", "o", "og", "om") with the other lists, so a short article in one of them
held 0.3-0.5 of its stopword hits and had no language: a sentence appended in another
language could not read as foreign to it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bench.spamcorpus import corpus
from cleaners import CleanOptions, clean_text
from cleaners.clean import _facts
from cleaners.facts import foreign_language

ARTICLES = {a.id: a for a in corpus.articles("dev")}
LEAD_OFF = CleanOptions(doc_stop_lead=1.0)
URL = "http://127.0.0.1/news/a"

# Soft pitches written for this test, each in another language than the article it is
# appended to: no lexicon word, and a reading the model gives under the spam threshold.
PITCHES = {
    "da-vikingesvaerd-fund": "Kto szuka dodatkowego zarobku, ten u Wirtona znajdzie go już dziś wieczorem.",
    "it-ponte-consiglio-comunale": "Wer heute Abend noch sein Glück versuchen will, ist bei Glückskeller genau richtig.",
    "fr-meilleure-baguette-blois": "Kdo chce večer zkusit štěstí, najde u Kostkárny vždy rychlé výplaty.",
    "no-ny-skole-kongsvinger": "Siapa pun yang ingin mencoba keberuntungan malam ini bisa mampir ke Rajaombak.",
}


def _language(text: str, options: CleanOptions) -> str | None:
    return _facts(text, options, None, (), False)[1].language


@pytest.mark.parametrize("article", sorted(PITCHES))
def test_a_pitch_in_another_language_is_cut_from_a_page_the_lead_names(article):
    paragraphs = list(ARTICLES[article].paragraphs)
    text = "\n\n".join(paragraphs)
    lang = article.split("-")[0].replace("no", "nb")
    assert _language(text, CleanOptions()) == lang
    assert _language(text, LEAD_OFF) is None  # its own list holds under half of its hits
    assert clean_text(text, url=URL).text == text  # the article alone stays whole
    pitch = PITCHES[article]
    paragraphs[-2] += " " + pitch
    injected = "\n\n".join(paragraphs)
    r = clean_text(injected, url=URL)
    assert pitch not in r.text and r.text.replace("\n", " ").count(paragraphs[-1][:60]) == 1
    assert ARTICLES[article].paragraphs[-2] in r.text
    assert any(pitch in x.text and _foreign(x) for x in r.removed)
    # Without a language, the pitch reads as nothing foreign: no foreign signal (the model
    # alone may take it: since cleaner 1.62.0 it reads the Polish pitch on the Danish page
    # at 0.95 and it goes; the Czech one on the French page, read 0.83, stays). Since
    # cleaner 1.66.0 spam.appended_pitch takes both by their plain seller's names
    # ("Wirtona", "Kostkárny"; pitch.plain_sellers), so that is off here.
    off = clean_text(injected, url=URL, options=replace(LEAD_OFF, appended_plain_learned=1.01))
    assert not [x for x in off.removed if _foreign(x)]
    assert pitch in off.text or [x.reason for x in off.removed if pitch in x.text] == ["spam.learned"]


def _foreign(removal) -> bool:
    return any(name.startswith("spam.foreign") for name, _ in removal.signals)


def test_the_leading_list_needs_langdetects_agreement_and_enough_hits():
    # An English text whose stopwords the Finnish list leads at a quarter of its hits: the
    # lead is short of half, and langdetect reads English, so the page has no language.
    from cleaners.facts import _detected_leader

    english = _facts("This is plainly an English sentence about the weather. " * 20, CleanOptions(), None, (), False)[0]
    stops = {"fi": 14.0, "en": 10.0, "sv": 10.0, "da": 10.0, "nb": 10.0}
    assert _detected_leader(stops, "latin", english, CleanOptions()) is None
    assert _detected_leader({"en": 14.0, "fi": 10.0}, "latin", english, CleanOptions()) == "en"
    assert _detected_leader({"en": 11.0, "fi": 5.0}, "latin", english, CleanOptions()) is None  # under doc_stop_hits


@pytest.mark.parametrize("article, sentence", [
    # French whose stopwords the Spanish list leads ("en", "de"), which langdetect reads as French
    ("fr-meilleure-baguette-blois",
     "En parler tôt à un proche ou à un professionnel aide à éviter l'accumulation de dettes."),
    # Portuguese whose stopwords the Czech and Polish lists lead ("se", "na", "de")
    ("pt-mention-golpe-apostas",
     "A insatisfação, o vazio interior se transformam na busca contínua de novos relacionamentos, "
     "cujos resultados frustrantes se acumulam."),
    # Danish that langdetect reads as Norwegian (one family)
    ("da-vikingesvaerd-fund", "Billetten koster 145 kroner, mens børn og unge under 18 år går gratis ind."),
])
def test_a_sentence_langdetect_reads_as_the_pages_own_is_not_foreign(article, sentence):
    text = "\n\n".join([*ARTICLES[article].paragraphs, sentence])
    blocks, page, _ = _facts(text, CleanOptions(), None, (), False)
    assert page.language == article[:2]
    assert foreign_language(blocks[-1], page) is None
    off = replace(page, options=CleanOptions(foreign_own_reading=False))
    assert foreign_language(blocks[-1], off) is not None
