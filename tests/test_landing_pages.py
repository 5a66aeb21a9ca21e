"""Whole landing pages in languages the n-gram model has seen no spam of (Albanian,
Basque, Welsh; until cleaner 1.23.0 Lithuanian, Slovenian and Latvian, and until 1.6.0
German, Italian and Polish, which the training data now has): the rules sell every paragraph, the model reads them as ordinary text,
and ``pitch_ruled_learned`` still rejects them; a short news brief about a casino
stays. Then doorways, rejected whatever their words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cleaners import CleanOptions, clean_html
from cleaners.clean import _names

PITCHES = {
    "sq": ("Fatmirëhane", [
        "Mirë se vini në Fatmirëhane – online casino me 200% welcome bonus dhe 150 free spins në lojërat me automate.",
        "Regjistrohu tani te Fatmirëhane, depozito me kartë ose kriptomonedhë dhe tërhiq fitimet për pak minuta.",
        "Baste sportive me koeficientë të rritur çdo ditë te Fatmirëhane, luaj në telefon ose kompjuter."]),
    "eu": ("Zorionetxe", [
        "Ongi etorri Zorionetxe-ra – online casino 200% welcome bonus eta 150 free spins txanpon-makinetan.",
        "Erregistratu orain Zorionetxe-n, sartu dirua txartelarekin edo kriptomonetarekin eta jaso irabaziak minutu gutxitan.",
        "Kirol apustuak koefiziente handituekin egunero Zorionetxe-n, jokatu telefonoan edo ordenagailuan."]),
    "cy": ("Lwcusgwlad", [
        "Croeso i Lwcusgwlad – online casino gyda 200% welcome bonus a 150 free spins ar y peiriannau slot.",
        "Cofrestrwch nawr gyda Lwcusgwlad, talwch â cherdyn neu arian cripto a thynnwch eich enillion allan mewn ychydig funudau.",
        "Betio chwaraeon gyda phrisiau uwch bob dydd yn Lwcusgwlad, chwaraewch ar eich ffôn neu gyfrifiadur."]),
}

BRIEF = ("Spielbank Hohensee", [
    "Die Spielbank Hohensee hat im vergangenen Jahr weniger Besucher gezählt als erwartet, teilte die Betreibergesellschaft am Montag mit.",
    "Nach Angaben des Finanzministeriums sanken die Abgaben der Spielbank Hohensee an das Land um rund vier Prozent.",
    "Der Landtag will im Herbst über eine Reform des Spielbankgesetzes beraten; die Opposition fordert strengere Regeln für Automatensäle.",
    "Ein Sprecher der Spielbank Hohensee sagte, man rechne für das laufende Jahr wieder mit steigenden Zahlen."])


# The pitch off, both its paths (the model's reading, the rules' selling share): the
# doorway rule alone, or no page rule at all.
PITCH_OFF = CleanOptions(pitch_learned=1.01, pitch_ruled_share=1.01)


def page(lang: str, brand: str, paragraphs: list[str], href: str = "http://127.0.0.1/go",
         title: str | None = None) -> str:
    """A page selling ``brand``: its name as title and h1 (or ``title``), the paragraphs,
    and a button to ``href`` (on the page's own site unless told otherwise)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html lang="{lang}"><head><title>{title or brand}</title></head><body><header><a href="/">{brand}</a>'
            f'</header><main><h1>{title or brand}</h1>{body}<a class="button" href="{href}">{brand}</a></main>'
            f'<footer><p>© 2025 {brand}</p></footer></body></html>')


@pytest.mark.parametrize("lang", sorted(PITCHES))
def test_pitch_in_a_language_the_model_has_no_spam_of_is_rejected(lang):
    html = page(lang, *PITCHES[lang])
    assert clean_html(html, "http://127.0.0.1/a").reject_reason == "spam.page"
    # A pitch decides, no other page rule: with both of its paths off the page stays.
    assert clean_html(html, "http://127.0.0.1/a", options=PITCH_OFF).reject_reason == ""


@pytest.mark.parametrize("lang", sorted(PITCHES))
def test_the_rules_decide_without_the_models_reading(lang):
    # With the model's path of the pitch off, the rules' path alone still rejects the page
    # (its blocks sell on the rules' evidence alone, Score.ruled). Until cleaner 1.23.0 a
    # Latvian page showed the model missing such a pitch; the model now reads the pitch
    # in every language here, its English casino words included.
    off = CleanOptions(pitch_learned=1.01)
    assert clean_html(page(lang, *PITCHES[lang]), "http://127.0.0.1/a", options=off).reject_reason == "spam.page"


def test_news_brief_about_a_casino_stays_whole():
    r = clean_html(page("de", *BRIEF), "http://127.0.0.1/a")
    assert r.reject_reason == ""
    assert all(p in r.text for p in BRIEF[1])


# A doorway written with none of the lexicon's words, in a language of which the model
# has read no spam (Estonian: a loan pitch); its brand is the <title> and the h1, names
# every paragraph, and the button links off-site to it.
DOORWAY = ("Rahakiisu", [
    "Rahakiisu annab sulle kuni 3000 eurot kümne minutiga, ilma paberite ja käendajata. Täida taotlus "
    "telefonis ja raha jõuab kontole samal päeval.",
    "Ka siis, kui pank ütles ei, vaatab Rahakiisu ainult sinu sissetulekut. Esimene laen 30 päevaks ilma "
    "intressita, tagasimakse mugavate osadena.",
    "Üle 40 000 rahuloleva kliendi on Rahakiisu valinud. Liitu täna ja saa 50 eurot boonust esimese laenu pealt."])


OFFSITE = "http://127.0.0.9:9/rahakiisu"


def test_doorway_without_lexicon_words_is_rejected():
    r = clean_html(page("et", *DOORWAY, OFFSITE), "http://127.0.0.1/a")
    assert r.reject_reason == "spam.page" and r.is_spam
    # spam.page takes the page; since cleaner 1.62.0 the model alone takes one of its
    # sentences too (spam.learned: "Esimene laen 30 päevaks ilma intressita, ...", read 0.94)
    assert "spam.page" in {x.reason for x in r.removed} <= {"spam.page", "spam.learned"}
    # No rule and no word list sold it: without the doorway rule and the model's pitch the
    # page stays. (Since cleaner 1.22.0 the model reads this pitch at 0.66, and the pitch
    # rule takes it too.)
    off = replace(PITCH_OFF, doorway_learned=1.0)
    assert clean_html(page("et", *DOORWAY, OFFSITE), "http://127.0.0.1/a", options=off).reject_reason == ""
    assert clean_html(page("et", *DOORWAY, OFFSITE), "http://127.0.0.1/a",
                      options=PITCH_OFF).reject_reason == "spam.page"


def test_doorway_needs_its_brand_linked_off_site():
    # The same page whose button stays on its own site: a company's own page.
    r = clean_html(page("et", *DOORWAY, "http://127.0.0.1/laen"), "http://127.0.0.1/a", options=PITCH_OFF)
    assert r.reject_reason == "" and r.text
    # what goes is what the model alone reads as spam, sentence by sentence (since cleaner
    # 1.62.0 "Esimene laen 30 päevaks ilma intressita, ...", read 0.94), never the page
    assert {x.reason for x in r.removed} <= {"spam.learned"}
    assert all(p.split(". ")[0] in r.text for p in DOORWAY[1])
    assert sum(len(x.text) for x in r.removed) < 0.25 * sum(len(p) for p in DOORWAY[1])


def _renamed(paragraphs: list[str], old: str, new: str) -> list[str]:
    return [p.replace(old, new) for p in paragraphs]


def test_doorway_with_a_brand_shaped_headline_needs_no_link():
    # A landing page links to its own site. When its headline is brand-shaped ("Rahakiisu
    # 24": a name and a number) and names every paragraph, no off-site link is needed,
    # but the model must read the whole text at doorway_unlinked_learned at least.
    brand = "Rahakiisu 24"
    paragraphs = _renamed(DOORWAY[1], "Rahakiisu", brand)
    html = page("et", brand, paragraphs, "http://127.0.0.1/laen")
    r = clean_html(html, "http://127.0.0.1/a", options=PITCH_OFF)
    assert r.reject_reason == "spam.page" and r.is_spam
    assert clean_html(html, "http://127.0.0.1/a", options=replace(PITCH_OFF, doorway_unlinked_learned=1.0)
                      ).reject_reason == ""
    # doorway_learned 1 turns the doorway rule off, without a link too.
    assert clean_html(html, "http://127.0.0.1/a", options=replace(PITCH_OFF, doorway_learned=1.0)).reject_reason == ""
    # The same page under its plain name stays (test_doorway_needs_its_brand_linked_off_site).
    plain = page("et", DOORWAY[0], DOORWAY[1], "http://127.0.0.1/laen")
    assert clean_html(plain, "http://127.0.0.1/a", options=PITCH_OFF).reject_reason == ""


@pytest.mark.parametrize("title", ["Kiirlaen kümne minutiga | Rahakiisu 24", "Rahakiisu 24 – kiirlaen kümne minutiga"])
def test_doorway_whose_title_joins_a_tagline_to_its_name(title):
    # A site's name after or before its page's, joined by a separator: the name is a
    # headline of its own (dom.headings), and the h1 is the tagline.
    brand = "Rahakiisu 24"
    paragraphs = _renamed(DOORWAY[1], "Rahakiisu", brand)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f'<html lang="et"><head><title>{title}</title></head><body><header><a href="/">{brand}</a></header>'
            f'<main><h1>Kiirlaen kümne minutiga</h1>{body}<a class="button" href="http://127.0.0.1/laen">Taotle</a>'
            f'</main><footer><p>© 2025 {brand}</p></footer></body></html>')
    assert clean_html(html, "http://127.0.0.1/a", options=PITCH_OFF).reject_reason == "spam.page"
    assert clean_html(html, "http://127.0.0.1/a", options=replace(PITCH_OFF, doorway_unlinked_learned=1.0)
                      ).reject_reason == ""


def test_title_parts_are_no_linked_doorway_names():
    # An advice page on buying puppies, titled with its topic, a tagline and its site:
    # the topic's noun ("Welpen") is in every paragraph and in an off-site link. As a
    # linked doorway name (five words, doorway_title_words) the part "Welpen kaufen"
    # made the page a doorway; only the whole headlines feed that rule.
    paragraphs = [
        "Wer Welpen kaufen möchte, sollte sich vorher gut informieren und den Züchter besuchen.",
        "Seriöse Züchter zeigen die Welpen gemeinsam mit der Mutter und geben einen Impfpass mit.",
        "Welpen aus dem Kofferraum oder von Anzeigen ohne Adresse sind oft krank und zu früh von der Mutter "
        "getrennt.",
        "Lassen Sie sich Zeit: Die Welpen sollten mindestens acht Wochen alt sein, bevor sie ausziehen."]
    html = ('<html lang="de"><head><title>Welpen kaufen – Tipps zu jeder Hunderasse | Hundeglück24</title></head>'
            '<body><main><h1>Welpen kaufen – Tipps zu jeder Hunderasse</h1>'
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + '<p>Mehr dazu beim <a href="http://127.0.0.7/welpen-ratgeber">Welpen-Ratgeber</a> des '
              'Tierschutzvereins.</p></main></body></html>')
    r = clean_html(html, "http://127.0.0.1/a")
    assert r.reject_reason == "" and all(p in r.text for p in paragraphs)


def test_brief_under_a_brand_shaped_name_without_its_link_stays_whole():
    # The brief of test_short_brief_naming_a_company_and_its_world_stays_whole under a
    # brand-shaped name and without the link: however many names it were allowed, the
    # model's reading of it (0.05) is under doorway_unlinked_learned, and it stays.
    paragraphs = [
        "NorthWind said on Tuesday that it would close its Lisbon office, where 40 people work, and move the "
        "team to Porto by March.",
        "Maria Keller, who runs NorthWind's European business, told the Financial Review that rents in Lisbon "
        "had doubled since 2021.",
        "Unions in Portugal criticised the decision; NorthWind said every employee would be offered a job in "
        "Porto or Madrid.",
        "Shares of NorthWind fell 2% in Frankfurt after the announcement, according to Reuters."]
    html = page("en", "NorthWind", paragraphs)
    many = CleanOptions(doorway_other_names=1000)
    r = clean_html(html, "http://127.0.0.1/a", options=many)
    assert r.reject_reason == "" and all(p in r.text for p in paragraphs)
    assert clean_html(html, "http://127.0.0.1/a", options=replace(many, doorway_unlinked_learned=0.0)
                      ).reject_reason == "spam.page"


# A loan pitch cut into short lines, every other one about the lender's office and
# staff: those lines sell nothing, and together they are more than article_share of
# the page, but no two of them stand together.
SELLING = [
    "Rahakiisu annab sulle kuni 3000 eurot kümne minutiga, ilma paberite ja käendajata.",
    "Täida taotlus telefonis ja raha jõuab kontole samal päeval, ka nädalavahetusel.",
    "Ka siis, kui pank ütles ei, vaatab Rahakiisu ainult sinu sissetulekut.",
    "Esimene laen 30 päevaks ilma intressita, tagasimakse mugavate osadena.",
    "Üle 40 000 rahuloleva kliendi on Rahakiisu valinud, liitu täna ja saa 50 eurot boonust.",
    "Rahakiisu laen sobib ka pensionärile ja tudengile, raha on kontol enne lõunat.",
    "Rahakiisu kiirlaen: vastus viie minutiga ja raha kohe kontole."]
OFFICE = [
    "Meie kontor asub Tartus vanalinna lähedal ja meeskonnas on tänavu kaksteist inimest.",
    "Eelmisel suvel kolisime uude majja, kus on rohkem ruumi ja suur aed.",
    "Meie juht õppis ülikoolis ajalugu ja kirjutab vabal ajal luuletusi.",
    "Kontori aknast paistab jõgi ja sügisel käivad seal kalamehed.",
    "Igal reedel sööme koos lõunat ja räägime nädala sündmustest.",
    "Meie kodulehel on ka blogi, kus jagame retsepte ja reisimuljeid."]


def test_pitch_cut_into_short_lines_is_rejected():
    lines = [x for pair in zip(SELLING, OFFICE + [""]) for x in pair if x]
    html = page("et", DOORWAY[0], lines)
    assert clean_html(html, "http://127.0.0.1/a").reject_reason == "spam.page"
    # Counted together, the lines that sell nothing would be an article's worth.
    summed = CleanOptions(pitch_scattered_blocks=10_000)
    assert clean_html(html, "http://127.0.0.1/a", options=summed).reject_reason == ""
    # Standing together, they are one: the same lines, the office's after the pitch's.
    # The model reads the last three as selling, so the run is the first three, 0.23 of
    # the page: an article's share at article_share (0.2), a story's at the shipped
    # pitch_run_share (0.3, test_pitch_cut_into_lines_with_a_short_story_in_it_is_rejected).
    together = page("et", DOORWAY[0], SELLING + OFFICE)
    r = clean_html(together, "http://127.0.0.1/a", options=CleanOptions(pitch_run_share=0.2))
    assert r.reject_reason == "" and all(x in r.text for x in OFFICE)
    assert clean_html(together, "http://127.0.0.1/a").reject_reason == "spam.page"


def test_pitch_cut_into_lines_with_a_short_story_in_it_is_rejected():
    # Three of the office's lines stand together (0.23 of the page, over article_share)
    # among nine selling lines: a run that short beside that much selling is the
    # lender's story, not an article (pitch_run_share).
    selling = SELLING + ["Rahakiisu väikelaen kuni 500 eurot, ilma lisatasudeta ja kohe.",
                         "Rahakiisu on avatud ööpäev läbi, taotle kasvõi keskööl."]
    lines = selling[:3] + OFFICE[:3] + selling[3:6] + OFFICE[3:4] + selling[6:]
    html = page("et", DOORWAY[0], lines)
    assert clean_html(html, "http://127.0.0.1/a").reject_reason == "spam.page"
    r = clean_html(html, "http://127.0.0.1/a", options=CleanOptions(pitch_run_share=0.2))
    assert r.reject_reason == "" and all(x in r.text for x in OFFICE[:4])


def test_doorway_needs_a_name_for_a_headline():
    # A headline that is a sentence is an article's, however often the text names the brand.
    # The pitch is off: the text is a payday-loan pitch, which the model reads as one since
    # cleaner 1.23.0; this test is the doorway rule's.
    title = "Rahakiisu laenud said tarbijakaitselt hoiatuse, sest intressid olid varjatud"
    html = page("et", DOORWAY[0], DOORWAY[1], OFFSITE, title=title)
    assert clean_html(html, "http://127.0.0.1/a", options=PITCH_OFF).reject_reason == ""
    # Titled with the brand's name, the same page is a doorway.
    assert clean_html(page("et", *DOORWAY, OFFSITE), "http://127.0.0.1/a", options=PITCH_OFF).reject_reason == "spam.page"


def test_article_about_a_casino_linking_to_it_stays_whole():
    # A news brief (German) names the casino in every paragraph, under a short title that
    # is its name, and links to its site: longer than a doorway, so it stays.
    brand, paragraphs = BRIEF
    longer = paragraphs + [
        "Die Betreibergesellschaft beschäftigt nach eigenen Angaben 140 Menschen; der Tarifvertrag läuft im "
        "Dezember aus, die Gewerkschaft kündigte Gespräche über höhere Löhne an.",
        "Der Bürgermeister sagte, die Spielbank Hohensee bleibe für den Tourismus der Region wichtig, auch wenn "
        "die Einnahmen der Gemeinde aus der Abgabe seit Jahren zurückgingen.",
        "Im Frühjahr hatte das Land die Konzession der Spielbank Hohensee um zehn Jahre verlängert, unter der "
        "Auflage, ein Programm zur Vorbeugung gegen Spielsucht aufzulegen."]
    r = clean_html(page("de", brand, longer, "http://127.0.0.9:9/spielbank-hohensee"), "http://127.0.0.1/a")
    assert r.reject_reason == "" and all(p in r.text for p in longer)


def test_short_brief_naming_a_company_and_its_world_stays_whole():
    # Short, titled with the company's name, naming it in every paragraph and linking
    # to it: a doorway's shape, but a brief names people, places and papers too.
    paragraphs = [
        "Northwind said on Tuesday that it would close its Lisbon office, where 40 people work, and move the "
        "team to Porto by March.",
        "Maria Keller, who runs Northwind's European business, told the Financial Review that rents in Lisbon "
        "had doubled since 2021.",
        "Unions in Portugal criticised the decision; Northwind said every employee would be offered a job in "
        "Porto or Madrid.",
        "Shares of Northwind fell 2% in Frankfurt after the announcement, according to Reuters."]
    html = page("en", "Northwind", paragraphs, "http://127.0.0.9:9/northwind")
    r = clean_html(html, "http://127.0.0.1/a")
    assert r.reject_reason == "" and all(p in r.text for p in paragraphs)
    # The other names are what keeps it: allowed any number of them, it would go (the
    # model's least reading for a doorway off: cleaner 1.23.0's model reads this brief
    # at 0.047, under doorway_learned, which keeps it too).
    many = CleanOptions(doorway_other_names=1000, doorway_learned=0.0)
    assert clean_html(html, "http://127.0.0.1/a", options=many).reject_reason == "spam.page"


# A German doorway: every noun is capitalised, so it gives as many "names" as a news
# brief does; it speaks to its reader ("du", "dein"), which a brief does not.
GERMAN_DOORWAY = ("Wolkenpfand", [
    "Wolkenpfand leiht dir bis zu 2.000 Euro in zehn Minuten, ohne Schufa-Abfrage, ohne Papierkram und "
    "ohne Gehaltsnachweis. Die Auszahlung landet noch am selben Tag auf deinem Girokonto.",
    "Auch wenn deine Hausbank Nein gesagt hat, prüft Wolkenpfand nur dein Einkommen. Der erste Kredit "
    "läuft 30 Tage ohne Zinsen, die Rückzahlung erfolgt in bequemen Raten.",
    "Mehr als 40.000 zufriedene Kunden vertrauen Wolkenpfand. Stell jetzt deinen Antrag per Smartphone "
    "und sichere dir 50 Euro Startguthaben."])


def _third_person(text: str) -> str:
    """The doorway's sentences with the reader turned into "der Kunde": no address left."""
    for you, they in (("leiht dir", "leiht dem Kunden"), ("Stell jetzt deinen", "Der Kunde stellt jetzt seinen"),
                      ("sichere dir", "sichert sich"), ("deinem", "seinem"), ("deine", "seine"), ("dein", "sein")):
        text = text.replace(you, they)
    return text


def test_german_doorway_speaking_to_its_reader_is_rejected():
    from cleaners.resources import NOUN_CAPITALS

    brand, paragraphs = GERMAN_DOORWAY
    r = clean_html(page("de", brand, paragraphs, "http://127.0.0.9:9/wolkenpfand"), "http://127.0.0.1/a")
    assert r.reject_reason == "spam.page"
    # The same page told in the third person counts its nouns as names and is no
    # doorway: with the pitch off it stays. (It is still a loan pitch, and since cleaner
    # 1.30.0 the pitch takes it: its title names the brand that every paragraph names.)
    told = [_third_person(p) for p in paragraphs]
    assert not any(NOUN_CAPITALS["de"].search(p) for p in told)
    html = page("de", brand, told, "http://127.0.0.9:9/wolkenpfand")
    assert clean_html(html, "http://127.0.0.1/a", options=PITCH_OFF).reject_reason == ""
    assert clean_html(html, "http://127.0.0.1/a").reject_reason == "spam.page"
    # and under a title of more than pitch_title_words words, the pitch does not.
    long_title = page("de", brand, told, "http://127.0.0.9:9/wolkenpfand", title="Kredite im Vergleich: Wolkenpfand")
    assert clean_html(long_title, "http://127.0.0.1/a").reject_reason == ""


# A replica shop's page whose middle paragraph is a customer's story: it names the shop
# only as a sentence's first word, and the model reads it as ordinary prose.
TESTIMONIAL = ("Korvalia", [
    "Tired of paying full price for designer watches? Korvalia ships replica Rolex and Omega watches in "
    "top quality, with free express delivery and a two-year guarantee.",
    "My sister laughed when I told her where my new handbag came from. Korvalia had it at my door within "
    "three days, and nobody at the wedding could tell it from the one in the boutique window. Even the "
    "stitching on the strap and the little metal plate inside the lining looked exactly right to her.",
    "Order replica handbags, sneakers and sunglasses from Korvalia today: pay on delivery, use code LUXE20 "
    "for 20% off your first order, and save up to 90% on every luxury label you love."])


def test_a_paragraph_that_opens_with_the_brand_sells_with_the_page():
    html = page("en", *TESTIMONIAL)
    assert clean_html(html, "http://127.0.0.1/a").reject_reason == "spam.page"
    # The story alone is no pitch: without its selling neighbours it stays.
    story = page("en", TESTIMONIAL[0], TESTIMONIAL[1][1:2])
    assert clean_html(story, "http://127.0.0.1/a").reject_reason == ""


# A Chinese casino page with no button off the site (no doorway link): one paragraph
# sells, a player's story and a note on weekend events name the brand glued into their
# sentences, where no word of the text is a name by its shape.
GLUED_BRAND = ("金满堂88", [
    "金满堂88真人娱乐城，新会员首存即送100%奖金，最高可得8888元，24小时极速出款，支持支付宝和USDT充值，手机随时随地都能玩。",
    "我表哥去年在工地上班，下班后常常打开金满堂88玩几把。他说这里的客服态度很好，有什么问题半夜也有人回复，提现也从来没有被拖延过。",
    "每逢周末，金满堂88都会为老会员准备一些小活动，大家可以在群里一起聊天，交流心得，认识来自各地的新朋友，气氛一直很热闹。"])


def test_the_title_names_the_brand_where_words_run_together():
    html = page("zh", *GLUED_BRAND)
    assert clean_html(html, "http://127.0.0.1/a").reject_reason == "spam.page"
    # Under a headline of more than pitch_title_words words the title names nothing, and
    # the story and the note do not sell with the pitch.
    long_title = page("zh", *GLUED_BRAND, title="金满堂88 周末 活动 通知")
    assert clean_html(long_title, "http://127.0.0.1/a").reject_reason == ""


# A casino doorway written as table rows or list items (English, none of the lexicon's
# brands): Trafilatura gives a row as "| 1 | Withdrawals from ... |" and an item as
# "- Withdrawals from ...", and each line opens a sentence, so its first word is no name.
# Read as names, the openings ("Withdrawals", "Spin", "Members", ...) were more other
# names than a doorway gives, and the page stayed.
ROWS = [
    "Withdrawals from Gildmoor reach your wallet within ten minutes, day or night.",
    "Spin the reels at Gildmoor with a first deposit of only five dollars.",
    "Members of Gildmoor collect points on every hand and swap them for cash.",
    "Weekly reloads at Gildmoor add half of your deposit back, no code needed.",
    "Tables at Gildmoor stay open around the clock with live dealers.",
    "Phones and tablets run Gildmoor without a download.",
    "Friends you bring to Gildmoor earn you both twenty free spins.",
    "Support at Gildmoor answers in under a minute through chat."]


def _shaped(shape: str) -> str:
    if shape == "table":
        body = "<table>" + "".join(f"<tr><td>{i + 1}</td><td>{r}</td></tr>" for i, r in enumerate(ROWS)) + "</table>"
    else:
        body = "<ul>" + "".join(f"<li>{r}</li>" for r in ROWS) + "</ul>"
    return (f'<html lang="en"><head><title>Gildmoor</title></head><body><header><a href="/">Gildmoor</a></header>'
            f'<main><h1>Gildmoor</h1>{body}<a class="button" href="{OFFSITE}">Gildmoor</a></main>'
            f'<footer><p>© 2025 Gildmoor</p></footer></body></html>')


@pytest.mark.parametrize("shape", ["table", "list"])
def test_doorway_in_table_rows_or_list_items_is_rejected(shape):
    # The doorway rule alone (PITCH_OFF) decides.
    r = clean_html(_shaped(shape), "http://127.0.0.1/a", options=PITCH_OFF)
    assert r.reject_reason == "spam.page"
    assert clean_html(_shaped(shape), "http://127.0.0.1/a",
                      options=replace(PITCH_OFF, doorway_learned=1.0)).reject_reason == ""


def test_a_cells_or_items_first_word_is_no_name():
    assert _names("| 3 | Members of Gildmoor collect points |") == {"Gildmoor"}
    assert _names("- Withdrawals from Gildmoor reach you") == {"Gildmoor"}
    assert _names('She left. "Members only," said Gildmoor') == {"Gildmoor"}
    # Inside a sentence a capitalised word is a name still.
    assert _names("Points from Members go to Gildmoor") == {"Members", "Gildmoor"}
