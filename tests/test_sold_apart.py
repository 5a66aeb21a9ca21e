"""spam.sold_apart: a whole paragraph pasted into a story, in the story's own language,
that shares none of its words, reads as spam to the model and names a seller the story
never names, goes; the same paragraph stays when the story names that seller, and the
story's own paragraphs stay."""

from __future__ import annotations

import pytest

from cleaners import CleanOptions, clean_text
from cleaners.facts import page_facts
from cleaners.ngrams import model
from cleaners.rules.pitch import seller_names

# A Ukrainian story on bridge repairs, written for this test.
STORY = [
    "Міська рада Полтави ухвалила рішення про ремонт трьох мостів через Ворсклу, роботи почнуться навесні та "
    "триватимуть до кінця року.",
    "За словами заступника мера, на час ремонту рух транспорту буде перекрито лише частково, а для пішоходів "
    "облаштують тимчасові переходи.",
    "Мешканці лівого берега давно скаржилися на тріщини в опорах, і минулої осені інженери підтвердили, що мости "
    "потребують негайного ремонту.",
    "Кошти на роботи виділено з міського бюджету, а частину витрат покриє обласна програма відновлення доріг.",
]
# No word of the lexicon; the model reads it between sold_apart_learned and what it
# takes alone.
PITCH = ("Тисячі мешканців Львова та Одеси щовечора заходять у VorsklaSpin, щоб спробувати удачу, і гроші "
         "надходять на картку того ж вечора.")
OFF = CleanOptions(sold_apart_learned=1.01)


def page(story: list[str] = STORY) -> str:
    return "\n\n".join(story[:2] + [PITCH] + story[2:])


def test_the_pitch_reads_between_the_rules_floor_and_what_the_model_takes_alone() -> None:
    opts = CleanOptions()
    assert opts.sold_apart_learned <= model().probability(PITCH) < 0.8


def test_a_pasted_paragraph_naming_a_new_seller_goes_and_the_story_stays() -> None:
    result = clean_text(page())
    gone = [r for r in result.removed if "VorsklaSpin" in r.text]
    assert gone and gone[0].reason == "spam.sold_apart"
    assert "VorsklaSpin" not in result.text
    for paragraph in STORY:
        assert paragraph in result.text


def test_without_the_rule_it_stays() -> None:
    result = clean_text(page(), options=OFF)
    assert "VorsklaSpin" in result.text
    assert not any(r.kind == "spam" for r in result.removed)


def test_a_seller_the_story_names_elsewhere_is_no_new_seller() -> None:
    story = [*STORY[:3], STORY[3][:-1] + ", яку частково фінансує VorsklaSpin."]
    result = clean_text(page(story))
    assert "VorsklaSpin, щоб спробувати удачу" in result.text
    assert not any(code == "spam.sold_apart" for r in result.removed for code, _ in r.signals)


def test_a_comment_is_not_the_article_paragraph_this_rule_reads() -> None:
    text = "\n\n".join([*STORY, "2 Comments", "olena says:", PITCH])
    result = clean_text(text)
    assert not any(code == "spam.sold_apart" for r in result.removed for code, _ in r.signals)


# The story's last paragraph shares words with the pitch below (щовечора, кілька хвилин),
# so the pitch is not apart from the page; the model reads it at sold_apart_alone_learned
# or more.
SHARED = [*STORY[:3], "Кошти на роботи виділено з міського бюджету, а мешканці щовечора можуть за кілька хвилин "
          "перевірити хід ремонту на сайті ради."]
LOUD = ("Тисячі гравців щовечора відкривають VorsklaSpin, щоб покрутити автомати та рулетку, а виграші надходять на "
        "картку за кілька хвилин.")


def test_a_paragraph_the_model_reads_loudly_needs_not_be_apart() -> None:
    assert model().probability(LOUD) >= CleanOptions().sold_apart_alone_learned
    text = "\n\n".join(SHARED[:2] + [LOUD] + SHARED[2:])
    result = clean_text(text)
    assert LOUD not in result.text and all(p in result.text for p in SHARED)
    assert [r.reason for r in result.removed] == ["spam.sold_apart"]
    assert LOUD in clean_text(text, options=CleanOptions(sold_apart_alone_learned=1.01)).text


def test_a_paragraph_against_its_seller_stays(monkeypatch) -> None:
    critic = PITCH[:-1] + ", але мені VorsklaSpin не виплатили виграш."  # "... but VorsklaSpin never paid me"
    text = "\n\n".join(STORY[:2] + [critic] + STORY[2:])
    assert critic in clean_text(text).text
    # The phrase is what keeps it: read as a pitch, the same paragraph goes.
    monkeypatch.setattr("cleaners.rules.pitch.against_seller", lambda _text: False)
    assert critic not in clean_text(text).text


# A lead-in the model reads as news alone ("In the evenings more and more people look for
# an easy way to earn a little."), before the pitch: the paragraph as a whole is apart
# from the story, names a new seller and reads as spam.
LEAD = "Вечорами все більше людей шукають легкий спосіб трохи заробити."


def test_a_pasted_pitch_goes_whole_with_the_lead_in_that_reads_as_news_alone() -> None:
    assert model().probability(LEAD) < CleanOptions().spam_threshold
    paragraph = f"{LEAD} {LOUD}"
    text = "\n\n".join(STORY[:2] + [paragraph] + STORY[2:])
    result = clean_text(text)
    assert LEAD not in result.text and "VorsklaSpin" not in result.text
    assert [(r.reason, r.text.strip()) for r in result.removed] == [("spam.sold_apart", paragraph)]
    assert all(p in result.text for p in STORY)
    # Without the rule, only the sentence naming the seller goes (as before cleaner 1.73.0).
    kept = clean_text(text, options=OFF)
    assert LEAD in kept.text and "VorsklaSpin" not in kept.text


def test_a_story_paragraph_with_a_loud_pitch_appended_keeps_its_own_sentence() -> None:
    # A short English story whose third paragraph shares few words with the rest (apart):
    # with the pitch appended, spam.sold_apart reads the paragraph whole, but its own
    # sentence reads as news without the pitch (under pasted_rest_learned), so only the
    # pitch goes (cleaner 1.73.1).
    from test_comment_seller import STORY as ROVERS

    pitch = "Claim 200 free spins and a 100% deposit bonus at SpinHarbour today, withdrawals in minutes!"
    text = "\n\n".join([*ROVERS[:2], f"{ROVERS[2]} {pitch}", ROVERS[3]])
    result = clean_text(text)
    assert pitch not in result.text and all(p in result.text for p in ROVERS)
    assert model().probability(ROVERS[2]) < CleanOptions().pasted_rest_learned
    # The guard is what keeps it: without it the paragraph goes whole, as with 1.73.0.
    whole = clean_text(text, options=CleanOptions(pasted_rest_learned=0.0))
    assert ROVERS[2] not in whole.text and [r.reason for r in whole.removed] == ["spam.sold_apart"]


# Read between sold_apart_learned and sold_apart_sure_learned ("My acquaintance from Lviv
# laughed at such games at first, and now withdraws his winnings from VorsklaSpin to his
# card every week."): a pasted pitch, when it holds nothing of a page's own paragraphs.
BAND = ("Мій знайомий зі Львова спершу сміявся з таких ігор, а тепер щотижня виводить виграш із VorsklaSpin "
        "на картку.")
SUPERVISED = [*STORY[:3], STORY[3][:-1] + ", а нагляд за роботами веде Ukravtodor."]
MODEL_CODE = BAND.replace("VorsklaSpin", "VorsklaSpin X7")
GUARDED = {
    "an account's handle": (STORY, BAND.replace("на картку.", "на картку (@oleh_lviv).")),
    "two speakers": (STORY, "Олег: м" + BAND[1:] + " Ірина: а мені не щастить."),
    "a name the page writes": (SUPERVISED, BAND.replace("Мій знайомий", "Мій знайомий з Ukravtodor")),
}


def _in_band(text: str) -> bool:
    opts = CleanOptions()
    return opts.sold_apart_learned <= model().probability(text) < opts.sold_apart_sure_learned


def test_a_pitch_read_in_the_band_goes() -> None:
    assert _in_band(BAND)
    text = "\n\n".join(STORY[:2] + [BAND] + STORY[2:])
    result = clean_text(text)
    assert [r.reason for r in result.removed] == ["spam.sold_apart"] and all(p in result.text for p in STORY)
    assert BAND in clean_text(text, options=CleanOptions(sold_apart_learned=0.65)).text  # as before cleaner 1.75.0


@pytest.mark.parametrize("story, paragraph", GUARDED.values(), ids=GUARDED.keys())
def test_a_paragraph_in_the_band_with_a_page_s_mark_stays(story, paragraph) -> None:
    assert _in_band(paragraph)
    text = "\n\n".join(story[:2] + [paragraph] + story[2:])
    assert paragraph in clean_text(text).text
    # The guard is what keeps it: read as surely as the band's floor, it goes.
    assert paragraph not in clean_text(text, options=CleanOptions(sold_apart_sure_learned=0.55)).text


def test_a_name_before_a_model_s_code_is_a_product_not_a_seller() -> None:
    # In the band too, and since the review of 1.72.0-1.75.2 at any reading: a name before
    # a model's code names no seller (pitch.seller_names), as "Elitebook 845 G10" did not.
    assert _in_band(MODEL_CODE)
    text = "\n\n".join(STORY[:2] + [MODEL_CODE] + STORY[2:])
    assert MODEL_CODE in clean_text(text).text
    assert MODEL_CODE in clean_text(text, options=CleanOptions(sold_apart_sure_learned=0.55)).text
    latin = page_facts([], {"cyrillic": 30}, {}, CleanOptions())
    assert seller_names(MODEL_CODE, latin, latin=False) == []
    assert seller_names(BAND, latin, latin=False) == ["VorsklaSpin"]  # without the code, a seller


# A Korean story on bridge repairs, written for this test: its words carry their particles
# and endings ("기술자들은", "보고했다"). Before cleaner 1.76.0 no paragraph shared a stem
# with another; with a word's first two syllables as its stem, two share one ("통행"),
# and every paragraph is still apart: a short story shares few words.
KOREAN = [
    "시는 목요일 낡은 다리의 보수 계획을 승인했다. 다리는 지난해 홍수 이후 대형 차량의 통행이 금지된 상태다.",
    "기술자들은 교각은 튼튼하지만 상판과 난간은 내년 말까지 교체해야 한다고 의회에 보고했다.",
    "강 건너 주민들은 통행 제한 때문에 병원까지 가는 시간이 이십 분이나 늘었다고 불만을 나타냈다.",
    "공사는 봄에 시작해 약 반년 동안 이어질 예정이며, 입찰 공고는 다음 주에 나온다.",
]
KOREAN_PITCH = "오늘 밤 외로우시다면 MoonTalk에서 가까운 여성과 바로 대화를 시작해 보세요."


def test_a_korean_story_paragraph_with_a_pitch_appended_keeps_its_sentence() -> None:
    # Read whole, the paragraph falls in the band and looks apart from its page; with
    # 1.75.0 it went whole under spam.sold_apart. In Hangul the band takes nothing
    # (cleaner 1.75.2), and the appended pitch goes alone.
    story = list(KOREAN)
    story[1] = f"{KOREAN[1]} {KOREAN_PITCH}"
    result = clean_text("\n\n".join(story))
    assert all(p in result.text for p in KOREAN) and "MoonTalk" not in result.text
    assert [r.text.strip() for r in result.removed] == [KOREAN_PITCH]
