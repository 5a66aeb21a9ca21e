"""A Latin word on a page of another script names a seller from the model's reading
``appended_seller_latin_learned`` (0.7 since cleaner 1.79.0): a soft pitch appended to a
Bulgarian match report, naming a Latin seller the page does not name, goes; the report
stays. Written for these tests."""

from __future__ import annotations

from cleaners import CleanOptions, clean_text
from cleaners.ngrams import model

STORY = [
    "Левски победи Черно море с 2:1 в неделя вечер на стадион „Георги Аспарухов“ пред близо десет хиляди "
    "зрители.",
    "Домакините поведоха още в десетата минута след гол с глава на централния защитник, а гостите изравниха "
    "малко преди почивката.",
    "Победният гол падна в осемдесетата минута, когато резервата на Левски стреля от границата на "
    "наказателното поле.",
    "Треньорът на Левски каза след мача, че отборът е играл по-добре през второто полувреме и заслужено е "
    "взел трите точки.",
    "Следващият мач на Левски е в събота срещу Локомотив Пловдив, а Черно море приема Ботев Враца.",
]
# "If you want to win from the next match, try Kovrant tonight."
PITCH = "Ако искате да спечелите от следващия мач, опитайте Kovrant още тази вечер."


def _page(paragraphs: list[str]) -> str:
    return "Левски би Черно море\n\n" + "\n\n".join(paragraphs)


PITCHED = _page([*STORY[:2], f"{STORY[2]} {PITCH}", *STORY[3:]])


def test_the_appended_pitch_goes_and_the_report_stays() -> None:
    result = clean_text(PITCHED)
    assert PITCH not in result.text and all(p in result.text for p in STORY)
    assert [(r.reason, r.text.strip()) for r in result.removed] == [("spam.appended_pitch", PITCH)]


def test_it_reads_between_the_old_and_the_new_threshold() -> None:
    # The case is one of the band 1.79.0 opened: at the old 0.8 it stays.
    assert CleanOptions().appended_seller_latin_learned <= model().probability(PITCH) < 0.8
    assert PITCH in clean_text(PITCHED, options=CleanOptions(appended_seller_latin_learned=0.8)).text


def test_the_report_alone_loses_nothing() -> None:
    assert not clean_text(_page(STORY)).removed
