"""A page whose stopwords lean to one language without holding ``doc_stop_share`` of the
hits (Norwegian shares its function words with Danish, Swedish and English; Italian
with Spanish, Portuguese and French) had no language, and nothing on it read as foreign.
It now takes that language when langdetect names it too (``facts.page_facts``), marked
``language_sure`` false: on such a page only langdetect names a block's language, and a
language of the page language's family (``STOP_FAMILY``) is the page's."""

from __future__ import annotations

from cleaners import CleanOptions, clean_text
from cleaners.clean import _facts
from cleaners.language import detect_short

URL = "http://127.0.0.1/news/bergen"
NB = [
    "Bystyret i Bergen vedtok i går kveld en ny plan for sykkelveiene i byen, etter en debatt som varte i "
    "nesten tre timer.",
    "Ifølge byråden for miljø skal arbeidet starte til våren, og det gjelder særlig gatene i sentrum og "
    "bydelene nord for stasjonen.",
    "Handelsstanden har bedt om at anleggsarbeidet ikke stenger veien til butikkene i julehandelen.",
    "Kommunen lover en detaljert plan innen utgangen av måneden, med datoene for når hver gate blir stengt.",
    "Flere beboere på Møhlenpris sier at de har ventet i mange år på en trygg vei til skolen for barna sine.",
    "Syklistenes landsforening er fornøyd med planen, men mener at den kommer for sent og koster for mye.",
    "Opposisjonen stemte mot forslaget og vil heller bruke pengene på kollektivtrafikken i de ytre bydelene.",
    "Det første feltet skal etter planen stå ferdig før skolestart i august neste år.",
    "Prosjektet blir finansiert av kommunen og staten sammen, og prisen er anslått til rundt to hundre "
    "millioner kroner.",
    "Noen av trærne langs Fjøsangerveien må felles, men kommunen sier at det skal plantes nye trær der det er "
    "mulig.",
    "Både fotgjengere og bilister skal få bedre skilting, og fartsgrensen blir satt ned i de smaleste gatene.",
    "Byråden sier at hun håper at flere vil la bilen stå hjemme når sykkelveiene er ferdige.",
]
HUNGARIAN = "A szegedi villamosok menetrendje jövő héttől teljesen megváltozik."


def page_of(text: str):
    return _facts(text, CleanOptions(), "127.0.0.1", (), False)[1]


def test_a_leaning_page_takes_its_language_and_a_foreign_sentence_goes():
    text = "\n\n".join([NB[0], f"{NB[1]} {HUNGARIAN}", *NB[2:]])
    page = page_of(text)
    assert (page.language, page.language_sure) == ("nb", False)
    out = clean_text(text, url=URL)
    assert HUNGARIAN not in out.text and all(p in out.text for p in NB)
    (removal,) = out.removed
    assert removal.reason == "spam.foreign_block" and removal.text == HUNGARIAN


def test_the_page_alone_and_its_sentence_read_as_danish_stay():
    danish_to_langdetect = "Politiet meldte om en rolig kveld med få utrykninger."
    assert detect_short(danish_to_langdetect)[0][0] == "da"
    text = "\n\n".join([NB[0], f"{NB[1]} {danish_to_langdetect}", *NB[2:]])
    out = clean_text(text, url=URL)
    assert out.text == text and not out.removed


def test_a_short_page_keeps_no_language():
    # Under doc_stop_hits the stopwords decide nothing, and langdetect is not asked.
    assert page_of("\n\n".join(NB[:3])).language is None


def test_english_is_the_leaning_pages_own():
    # A reader's English remark in a Norwegian story whose language is unsure: English
    # text on such pages is more often their own than injected (unsure_page_shared).
    english = "Wonderful news, these cycling lanes should have been built years ago."
    text = "\n\n".join([NB[0], f"{NB[1]} {english}", *NB[2:]])
    assert page_of(text).language_sure is False
    out = clean_text(text, url=URL)
    assert out.text == text and not out.removed
    strict = clean_text(text, url=URL, options=CleanOptions(unsure_page_shared=""))
    assert english not in strict.text
