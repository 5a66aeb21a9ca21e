"""Whole landing pages in languages the n-gram model has seen no spam of (German,
Italian, Polish): the rules sell every paragraph, the model reads them as ordinary
text, and ``pitch_ruled_learned`` still rejects them; a short news brief about a
casino in the same language stays."""

from __future__ import annotations

import pytest

from cleaners import CleanOptions, clean_html

PITCHES = {
    "it": ("Fortunaverde", [
        "Benvenuto su Fortunaverde, il casinò online con bonus di benvenuto del 200% e 150 giri gratis sulle slot.",
        "Registrati ora su Fortunaverde: ricarica con carta o criptovalute e preleva le vincite in pochi minuti.",
        "Scommesse sportive con quote maggiorate ogni giorno su Fortunaverde, gioca dal telefono o dal computer."]),
    "de": ("Glücksmühle", [
        "Willkommen bei Glücksmühle, dem Online Casino mit 200% Willkommensbonus und 150 Freispielen ohne Umsatzbedingungen.",
        "Jetzt bei Glücksmühle registrieren, mit Kreditkarte oder Krypto einzahlen und Gewinne sofort auszahlen lassen.",
        "Sportwetten mit erhöhten Quoten jeden Tag bei Glücksmühle, spiele am Handy oder am PC."]),
    "pl": ("Kasynoroza", [
        "Witamy w Kasynoroza, kasynie online z bonusem powitalnym 200% i 150 darmowymi spinami na sloty.",
        "Zarejestruj się teraz w Kasynoroza, wpłać kartą lub kryptowalutą i wypłacaj wygrane w kilka minut.",
        "Zakłady sportowe z podwyższonymi kursami codziennie w Kasynoroza, graj na telefonie lub komputerze."]),
}

BRIEF = ("Spielbank Hohensee", [
    "Die Spielbank Hohensee hat im vergangenen Jahr weniger Besucher gezählt als erwartet, teilte die Betreibergesellschaft am Montag mit.",
    "Nach Angaben des Finanzministeriums sanken die Abgaben der Spielbank Hohensee an das Land um rund vier Prozent.",
    "Der Landtag will im Herbst über eine Reform des Spielbankgesetzes beraten; die Opposition fordert strengere Regeln für Automatensäle.",
    "Ein Sprecher der Spielbank Hohensee sagte, man rechne für das laufende Jahr wieder mit steigenden Zahlen."])


def page(lang: str, brand: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html lang="{lang}"><head><title>{brand}</title></head><body><header><a href="/">{brand}</a></header>'
            f'<main><h1>{brand}</h1>{body}<a class="button" href="http://127.0.0.1/go">{brand}</a></main>'
            f'<footer><p>© 2025 {brand}</p></footer></body></html>')


@pytest.mark.parametrize("lang", sorted(PITCHES))
def test_pitch_in_a_language_the_model_has_no_spam_of_is_rejected(lang):
    html = page(lang, *PITCHES[lang])
    assert clean_html(html, "http://127.0.0.1/a").reject_reason == "spam.page"
    # The rules' evidence is what decides: without the ruled pitch the page stays.
    off = CleanOptions(pitch_ruled_share=1.01)
    assert clean_html(html, "http://127.0.0.1/a", options=off).reject_reason == ""


def test_news_brief_about_a_casino_stays_whole():
    r = clean_html(page("de", *BRIEF), "http://127.0.0.1/a")
    assert r.reject_reason == ""
    assert all(p in r.text for p in BRIEF[1])
