"""Korean writes its particles and endings on the word (cleaner 1.76.0): a page's
vocabulary is compared by a Hangul word's first syllables, and a seller's name is read
with its particle ("별빛77에서", "Starlit에서", "Doran 52가"). Before, no Korean word
had a stem (words of six letters or more; a Korean word has two to four syllables), and
a name glued to its particle was no name, so a pasted Korean pitch stayed whole.

The story and pitches were written for these tests."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.facts import page_facts
from cleaners.options import CleanOptions
from cleaners.rules.pitch import names_seller, seller_names, stems

STORY = [
    "구립 도서관이 석 달 동안의 리모델링을 마치고 다음 달 첫째 주에 다시 문을 연다. 구청은 도서관 열람실의 좌석을 "
    "두 배로 늘리고 어린이 자료실을 새로 꾸몄다고 밝혔다.",
    "리모델링 비용은 구 예산과 시의 지원금으로 마련됐다. 도서관 관계자는 노후한 냉난방 설비를 교체하면서 열람실의 "
    "소음 문제도 함께 해결했고, 어린이 자료실에는 새 책 2천 권을 들였다고 설명했다.",
    "주민들은 도서관의 재개관 소식을 반기고 있다. 공사 기간 동안 주민들은 이웃 동네의 도서관까지 버스를 타고 "
    "다녀야 했다.",
    "도서관은 재개관을 기념해 어린이 자료실에서 그림책 읽기 모임과 작가 초청 강연을 연다. 참가 신청은 도서관 "
    "누리집에서 받는다.",
]
# Pitches pasted between the story's paragraphs, naming a seller glued to its particle.
DATING = ("외로운 밤, 이야기 나눌 사람이 필요하신가요? 별빛77에는 지금도 근처 회원 수백 명이 접속해 있습니다. "
          "가입은 무료이고 인증 없이 바로 대화를 시작할 수 있어요.")
CASINO = ("퇴근 후 심심하다면 별빛77에서 실시간 바카라를 즐겨 보세요. 신규 회원에게는 첫 충전 금액의 30%를 보너스로 "
          "드리며, 환전은 5분 안에 끝납니다.")
HANGUL_PAGE = page_facts([], {"hangul": 30}, {}, CleanOptions())


def test_a_korean_word_has_a_stem_its_other_forms_share() -> None:
    # "도서관이", "도서관의", "도서관까지" meet at "도서"; a function word ("있다") and a
    # one-syllable noun with its particle ("문을") have none.
    first, third = (stems(p, CleanOptions(), 4) for p in (STORY[0], STORY[2]))
    assert "도서" in first & third
    assert "재개" in stems(STORY[2], CleanOptions(), 4) & stems(STORY[3], CleanOptions(), 4)
    assert not {"있다", "문을"} & (third | first)


def test_a_seller_name_is_read_with_its_particle() -> None:
    assert seller_names("오늘 밤 만날 수 있는 그녀, 별빛77에서 찾아보세요.", HANGUL_PAGE) == ["별빛77"]
    assert seller_names("Starlit에서 비밀 대화가 시작됩니다.", HANGUL_PAGE) == ["Starlit"]
    assert "Doran 52" in seller_names("팬들 사이에서 Doran 52가 입소문을 타고 있습니다.", HANGUL_PAGE)
    # A number of Korean magnitude counts something (520,000 visitors; morphology.toml
    # [quantity]): with 1.77.1 "Busan 52" was a seller, the particle "만" ending its name.
    assert seller_names("올해 Busan 52만 명이 축제를 찾았다.", HANGUL_PAGE, latin=False) == []
    assert seller_names("인구52만 명의 도시", HANGUL_PAGE) == []
    # Words news glues to a number name no seller (morphology.toml [hangul]).
    assert seller_names("코로나19 이후 아이폰15에 대한 관심이 늘었다.", HANGUL_PAGE) == []
    # The page names a seller with any particle.
    assert names_seller("별빛77", "어제 별빛77에서") and not names_seller("별빛7", "어제 별빛77에서")


def test_a_pasted_korean_pitch_goes_whole_and_the_story_stays() -> None:
    for pitch in (DATING, CASINO):
        page = STORY[:2] + [pitch] + STORY[2:]
        result = clean_text("\n\n".join(page))
        assert all(p in result.text for p in STORY), pitch
        assert "별빛77" not in result.text and pitch[:8] not in result.text
        assert [(r.reason, r.text.strip()) for r in result.removed] == [("spam.sold_apart", pitch)]


def test_the_korean_story_alone_loses_nothing() -> None:
    result = clean_text("\n\n".join(STORY))
    assert not result.removed and all(p in result.text for p in STORY)
    covid = list(STORY)
    covid[2] = "코로나19 이후 도서관을 찾는 주민이 크게 줄었지만, 올해는 도서관 이용자가 다시 늘고 있다."
    result = clean_text("\n\n".join(covid))
    assert not result.removed and all(p in result.text for p in covid)


def test_a_korean_story_paragraph_is_not_apart_from_its_story() -> None:
    # What spam.off_topic and spam.sold_apart ask: the share of a paragraph's stems that
    # another paragraph uses. Korean forms of one word met nowhere before, and every
    # paragraph of a Korean story read as apart from it.
    opts = CleanOptions()
    for i, paragraph in enumerate(STORY):
        mine = stems(paragraph, opts, opts.off_topic_word_letters)
        others = set().union(*(stems(p, opts, opts.off_topic_word_letters) for j, p in enumerate(STORY) if j != i))
        assert len(mine & others) > opts.off_topic_shared * len(mine), paragraph
