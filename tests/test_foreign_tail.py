"""A paragraph's last sentence in another language (the foreign-tail probe of
``clean._worth_probing``): a word of one letter tells no language, so a Danish or
Swedish offer appended to an English paragraph is probed though it holds "i"."""

from __future__ import annotations

import pytest
from bridge_story import STORY, URL, story_page

from cleaners import clean_text
from cleaners.language import detect_short, other_language, says_language
from cleaners.options import CleanOptions
from cleaners.resources import STOPWORDS_OF

# The test of a seller new to the page (pitch.sold_tail) off: what these tests show is the language.
NO_SOLD = CleanOptions(appended_seller_learned=1.01)
HOST = ("Engineers who inspected the old bridge last winter found cracks in two of its pillars and "
        "asked for repairs before the next flood season.")


@pytest.mark.parametrize("tail, footer", [
    ("Penge på kontoen i dag uden kreditvurdering fra Lønforskud24.", "Lønforskud24 penge hurtigt"),
    ("Träffa singlar i din stad redan i kväll på SockerSöt.", "SockerSöt singlar"),
])
def test_a_foreign_offer_holding_a_one_letter_word_goes(tail, footer):
    # The footer's link run names the brand and another word of the tail, so the tail
    # shares words with the page and the other tail probes pass it by: only its
    # language tells (dev dump cases of the spam corpus).
    out = clean_text(story_page(f"{HOST} {tail}", footer), url=URL)
    assert tail not in out.text
    assert HOST in out.text
    assert all(p in out.text for p in STORY)
    assert [r.text for r in out.removed if r.kind == "spam" and r.reason != "spam.same_seller"] == [tail]
    # The footer names the seller the tail named: it goes with it (cleaner 1.68.0).
    assert [r.text for r in out.removed if r.reason == "spam.same_seller"] == [footer]


def test_one_letter_stopwords_tell_no_language():
    english = STOPWORDS_OF["en"]
    assert "i" in english  # the list holds it, for other uses
    assert not says_language("i", english)
    assert says_language("the", english) and not says_language("dag", english)


def test_a_paragraph_in_a_language_whose_stopwords_its_neighbours_share_goes_whole():
    # Danish stopwords are Norwegian (and some Swedish) ones too: the paragraph's hits split
    # among them and none named its language, so only its sentences that read as spam went
    # and the first stayed. Counted as one family (data/stopword_families.toml) they name
    # Danish, foreign to the English story, and the paragraph goes whole.
    danish = ("Min nabo i Odense vandt 40.000 kr. hos Lykkehjulet 88 i sidste uge, og han har ikke talt om "
              "andet siden. Han spiller altid de samme tal og klarer det hele på telefonen på to minutter.")
    out = clean_text("\n\n".join([STORY[0], danish, *STORY[1:]]), url=URL)
    assert "Min nabo" not in out.text and "Lykkehjulet" not in out.text
    assert all(p in out.text for p in STORY)
    (removal,) = [r for r in out.removed if r.kind == "spam"]
    assert removal.text == danish and ("spam.foreign_block", 1.0) in removal.signals
    # spam.sold_apart reads it too since cleaner 1.75.0 (a new seller, read 0.56): off, the
    # language alone takes it whole
    out = clean_text("\n\n".join([STORY[0], danish, *STORY[1:]]), url=URL,
                     options=CleanOptions(sold_apart_learned=1.01))
    (removal,) = [r for r in out.removed if r.kind == "spam"]
    assert removal.reason == "spam.foreign_block" and removal.text == danish


def test_a_sentence_that_langdetect_splits_among_a_family_is_still_foreign():
    # Slovak has no stopword list here, and on a short sentence langdetect splits its
    # belief between Slovak and Czech (0.72 / 0.28): neither reached detect_prob, so the
    # sentence read as no language at all. It is plainly not English, which is all the
    # foreign-tail probe asks (facts.foreign_language, language.other_language).
    tail = "Stavte na Slovan s výhrou v Kurz 7."
    assert not detect_short(tail)[0][1] >= CleanOptions().detect_prob
    assert tail not in clean_text(story_page(f"{HOST} {tail}"), url=URL).text
    # its seller's name ("Kurz 7") takes it too (pitch.sold_tail): off, to show the language does
    out = clean_text(story_page(f"{HOST} {tail}"), url=URL, options=NO_SOLD)
    assert tail not in out.text and HOST in out.text
    assert all(p in out.text for p in STORY)
    (removal,) = [r for r in out.removed if r.kind == "spam"]
    assert removal.reason == "spam.foreign_block" and removal.text == tail


def test_an_english_line_of_its_own_that_langdetect_misreads_stays():
    # langdetect reads this bullet as Spanish or Romanian; only a sentence closing a
    # longer paragraph is read as "not the page's language".
    line = "Precise manual focus ensures ultimate creative control."
    assert detect_short(line)[0][0] != "en"
    out = clean_text(story_page(line), url=URL)
    assert line in out.text and not out.removed


def test_other_language_is_the_mass_off_the_page_language():
    found = (("sk", 0.718), ("cs", 0.282))
    assert other_language(found, "en") == ("sk", 1.0)
    assert other_language((("en", 0.6), ("nb", 0.4)), "en") == ("nb", 0.4)
    assert other_language((("en", 1.0),), "en") == (None, 0.0)


def test_a_one_letter_word_does_not_make_a_foreign_sentence_the_pages():
    # Polish "i" (and) is in the English stopword list only: one word in ten, it gave the
    # sentence the tenth of English stopwords that keeps langdetect from being asked
    # (facts._own_share discounts words of one letter, as language.says_language does).
    tail = "Obstawiaj mecze ligowe w Kupon 9 i odbierz zwrot stawki."
    assert tail not in clean_text(story_page(f"{HOST} {tail}"), url=URL).text
    # its seller's name ("Kupon 9") takes it too (pitch.sold_tail): off, to show the language does
    out = clean_text(story_page(f"{HOST} {tail}"), url=URL, options=NO_SOLD)
    assert tail not in out.text and HOST in out.text
    assert all(p in out.text for p in STORY)
    (removal,) = [r for r in out.removed if r.kind == "spam"]
    assert removal.reason == "spam.foreign_block" and removal.text == tail


@pytest.mark.parametrize("hook, pitch", [
    ("Keine Zeit für die Hausarbeit?", "Schreibwerk 24 erledigt das."),
    ("¿Sin tiempo para la tesis?", "Redacta 7 lo hace hoy."),
])
def test_a_short_pitch_is_judged_with_its_hook(hook, pitch):
    # Two short sentences, neither of foreign_tail_units words: alone neither shows its
    # language or its offer, and the paragraph was not even probed (clean._hooked).
    out = clean_text(story_page(f"{HOST} {hook} {pitch}"), url=URL)
    assert hook not in out.text and pitch not in out.text
    assert HOST in out.text and all(p in out.text for p in STORY)
    (removal,) = [r for r in out.removed if r.kind == "spam"]
    assert removal.text == f"{hook} {pitch}"


def test_a_story_question_and_its_short_answer_stay():
    line = f"{HOST} Will the bridge be ready by spring? The council thinks so."
    out = clean_text(story_page(line), url=URL)
    assert line in out.text and not out.removed


# A Russian council report; Latin letters on its page are names and code, unless a
# sentence's stopwords name a language the page does not quote as its own.
COUNCIL = [
    "Городской совет в понедельник утвердил план ремонта набережной, который обсуждали почти два года.",
    "По словам председателя комиссии, работы начнутся весной и продлятся до конца следующего лета.",
    "Жители прибрежных кварталов просили сохранить старые деревья и добавить освещение вдоль дорожек.",
    "Смета проекта выросла после того, как подрядчик пересчитал стоимость материалов и работ."]
DUTCH_OFFER = "Het is niet moeilijk: bij Zilverklok staat het geld van een winst nog dezelfde avond op de rekening."
ENGLISH_NOTE = "The plan was also published in English on the council's website, with maps of every stage of the work."


@pytest.mark.parametrize("appended", [True, False])
def test_a_latin_sentence_in_a_named_language_is_foreign_on_a_cyrillic_page(appended):
    paragraphs = (COUNCIL[:2] + [f"{COUNCIL[2]} {DUTCH_OFFER}"] + COUNCIL[3:] if appended
                  else COUNCIL[:2] + [DUTCH_OFFER] + COUNCIL[2:])
    text = "\n\n".join(paragraphs)
    out = clean_text(text)
    assert DUTCH_OFFER not in out.text and all(p in out.text for p in COUNCIL)
    assert [r.reason for r in out.removed] == ["spam.foreign_block"]
    # Before cleaner 1.41.0 Latin letters were never foreign on such a page.
    assert DUTCH_OFFER in clean_text(text, options=CleanOptions(foreign_latin_named=False)).text


def test_english_on_a_cyrillic_page_is_quoted_not_foreign(monkeypatch):
    # English is on stopword_families.toml's [quoted] list: a page in another script
    # quotes it as its own.
    text = "\n\n".join(COUNCIL[:2] + [f"{COUNCIL[2]} {ENGLISH_NOTE}", ENGLISH_NOTE] + COUNCIL[3:])
    out = clean_text(text)
    assert out.removed == () and out.text.count(ENGLISH_NOTE) == 2
    # The list is what keeps it: without it the note's stopwords make it foreign.
    monkeypatch.setattr("cleaners.facts.QUOTED_LANGUAGES", frozenset())
    bare = clean_text(text)
    assert {r.reason for r in bare.removed} == {"spam.foreign_block"} and ENGLISH_NOTE not in bare.text


# An Indonesian report and its comments, two of them in slang that langdetect reads as
# Tagalog (0.98 and 0.99).
HARBOUR = [
    "Pemerintah kota mengumumkan bahwa perbaikan jalan di kawasan pelabuhan akan dimulai pekan depan dan "
    "ditargetkan selesai sebelum akhir tahun.",
    "Menurut kepala dinas, pekerjaan dilakukan pada malam hari agar tidak mengganggu arus kendaraan yang menuju "
    "pasar dan terminal.",
    "Warga sekitar berharap perbaikan itu juga mencakup saluran air yang sering meluap ketika hujan deras turun.",
    "Dinas juga akan memasang lampu jalan yang baru di sepanjang jalan itu, karena banyak warga yang mengeluh "
    "bahwa kawasan tersebut terlalu gelap pada malam hari.",
    "Anggaran untuk proyek ini berasal dari dana daerah dan telah disetujui oleh dewan kota pada bulan lalu "
    "setelah pembahasan yang panjang."]
SLANG = ["yg ngomong paling banyak malah gak ngerti apa2", "garing pol si host nya bikin pening"]


def test_slang_comments_langdetect_misreads_are_the_pages_own():
    assert all(detect_short(c)[0][0] == "tl" for c in SLANG)
    comments = ["Terima kasih infonya, sangat membantu untuk warga sekitar pelabuhan.", *SLANG]
    text = "\n\n".join(HARBOUR + [f"{len(comments)} Komentar"] + comments)
    out = clean_text(text)
    assert out.removed == () and all(c in out.text for c in comments)
    # Without stopword_families.toml's [misread] list, both went as foreign.
    off = clean_text(text, options=CleanOptions(comment_misreads=False))
    assert sorted(r.text for r in off.removed) == sorted(SLANG)
    assert {r.reason for r in off.removed} == {"spam.foreign_block"}


OFF_NAMED = CleanOptions(foreign_tail_stopwords=99.0, foreign_stop_lead=99.0)


def test_a_foreign_tail_holding_one_english_stopword_is_probed():
    # A Polish offer holding the English list's "do", a ninth of its words: its
    # stopwords name Polish (2.5 hits against 0.5), so the paragraph is probed
    # (clean._worth_probing, facts.names_other). The footer names its brand and another
    # of its words, so it shares words with the page and only its language tells.
    tail = "Kto nie ma czasu, niech się zgłosi do Groszowni."
    page = story_page(f"{HOST} {tail}", "Groszownia czasu")
    out = clean_text(page, url=URL)
    assert tail not in out.text
    assert HOST in out.text and all(p in out.text for p in STORY)
    assert tail in clean_text(page, url=URL, options=OFF_NAMED).text


@pytest.mark.parametrize("sentence, lang", [
    ("Bij Zonnekroon krijg je het pakket, we sturen het op.", "nl"),  # Dutch 4 hits, English 1 ("we")
    ("Şu an Yıldızoyun üzerinde yüzlerce yeni üye var.", "tr"),  # Turkish 2, English 1 ("an")
])
def test_a_sentence_whose_stopwords_name_its_language_is_foreign_despite_one_english_word(sentence, lang):
    from dataclasses import replace

    from cleaners.clean import _facts
    from cleaners.facts import foreign_language

    blocks, page, _ = _facts("\n\n".join([*STORY, sentence]), CleanOptions(), None, (), False)
    assert page.language == "en"
    assert foreign_language(blocks[-1], page) == lang
    assert foreign_language(blocks[-1], replace(page, options=OFF_NAMED)) is None


def test_an_english_sentence_with_a_foreign_name_stays():
    # Names in another language ("de la Vega", "van der Berg") split their few hits among
    # many lists: no language reaches two hits, and the sentence is the story's.
    tail = "The designs came from Maria de la Vega and the studio of Piet van der Berg."
    out = clean_text(story_page(f"{HOST} {tail}"), url=URL)
    assert tail in out.text and not [r for r in out.removed if r.kind == "spam"]


def test_a_glued_sentence_counts_its_language_family():
    # Czech whose "do" is the Polish list's: before the seam and after it is one
    # language, so the sentence is not cut at the brand (clean._one_language), which
    # left both halves too short to read.
    from cleaners.clean import _facts, _one_language

    _, page, _ = _facts("\n\n".join(STORY), CleanOptions(), None, (), False)
    assert page.language == "en"
    assert _one_language("Začněte spořit do zlata s ", "Zlatník 9 už od 100 Kč měsíčně.", page)
    assert not _one_language("Photo by the city council ", "Zlatník 9 už od 100 Kč měsíčně.", page)
