"""News in scripts that do not space their words (Chinese, Japanese, Thai) and glue
numbers and Latin names to them stays whole; a landing page in them still goes.

Until cleaner 1.21.0 the model saw "下调130元" as one word, whose inner "00" n-grams
weigh as spam, and had read no news in these languages, so Chinese and Japanese news
pages went whole as spam pages (the fresh set: 13 of 15 Chinese roundups)."""

from __future__ import annotations

import pytest

from bench.spamcorpus import cases, corpus
from cleaners import CleanOptions, clean_html
from cleaners.clean import _names
from cleaners.ngrams import tokens

ARTICLES = {a.id: a for a in corpus.articles("dev")}
URL = "http://127.0.0.1/news/a"


def kept_whole(article_id: str, options: CleanOptions | None = None) -> bool:
    a = ARTICLES[article_id]
    r = clean_html(cases.legit_page(a, cases.seeded(a.id)), url=URL, options=options)
    return r.reject_reason == "" and all(p in r.text for p in a.paragraphs)


def test_a_number_is_a_word_of_its_own_where_words_are_not_spaced():
    assert tokens("柴油价格每吨下调130元和125元。") == ["柴油价格每吨下调", "000", "元和", "000", "元"]
    assert tokens("大当たり100万円") == ["大当たり", "000", "万円"]
    assert tokens("Main di Weton88 sekarang") == ["main", "di", "weton00", "sekarang"]  # Latin stays glued


@pytest.mark.parametrize("article", ["zh-cpi-prices", "zh-typhoon-rail", "ja-consumer-prices",
                                     "ja-typhoon-rail-suspension", "th-rongphayaban-korat"])
def test_news_with_prices_and_figures_stays_whole(article):
    assert kept_whole(article)


def test_a_consumer_advisory_quoting_the_sellers_is_not_a_pitch():
    assert kept_whole("ja-prize-loan-scam-advice")


@pytest.mark.parametrize("scripts, short", [({"han": 108}, False), ({"latin": 108}, True)])
def test_what_a_pitch_leaves_unsold_is_an_article_by_dense_characters(scripts, short):
    # Cleaner 1.21.0's model read that advisory's three paragraphs quoting the sellers as a
    # pitch; what it left unsold, one plain paragraph of 108 characters, is no article in
    # Latin characters and is one in Japanese (dense_chars 2). Cleaner 1.22.0's model no
    # longer reads the advisory as a pitch, so the length test is checked on its own.
    from cleaners.facts import page_facts
    from cleaners.model import Verdict
    from cleaners.rules.page import _short_of_article

    page = page_facts([], scripts, {}, CleanOptions())
    verdict = Verdict(chars=431, spam_chars=0, scored_chars=0, confidence=0.0, kept_chars=431,
                      kept_prose_chars=108, specific_chars=0)
    assert _short_of_article(108, verdict, page) is short
    assert _short_of_article(108, verdict, page_facts([], scripts, {}, CleanOptions(dense_chars=1.0)))


def landing(brand: str) -> str:
    paragraphs = [
        f"締め切り前でも大丈夫。{brand}なら経験豊富なライターが論文を三日で仕上げます。",
        f"先輩も友だちもみんな{brand}を使っています。料金は一枚あたり二千円からです。",
        f"いますぐ{brand}に相談して、週末はゆっくり休みましょう。秘密厳守でお届けします。",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html lang="ja"><head><title>{brand}</title></head><body><header><a href="/">{brand}</a></header>'
            f'<main><h1>{brand}</h1>{body}<a class="button" href="/order">{brand}</a></main>'
            f"<footer><p>© 2025 {brand}</p></footer></body></html>")


def test_a_latin_name_glued_to_kana_or_hangul_is_a_name():
    # A landing page repeats its brand in every paragraph, and a paragraph naming the
    # brand of a selling one sells too (pitch_brand_blocks): glued, the name was
    # "RonbunProなら経験豊富なライターが論文を三日で仕上げます" and met no other.
    assert _names("締め切り前でも大丈夫。RonbunProなら経験豊富なライターが論文を三日で仕上げます。") == {"RonbunPro"}
    assert _names("월급날까지 일주일, MoneyBada에서 확인하세요") == {"MoneyBada"}


# A known miss (strict xfail) from cleaner 1.22.0, whose model, trained on honest shop and
# service copy, read this essay-writing pitch's three paragraphs at 0.43-0.55, to 1.24.0:
# with pitch_block 0.55 (cleaner 1.25.0) its paragraphs sell, and no rule has evidence of
# its own. The dev Japanese landing pages, longer and with the market's words, went all along.
def test_a_japanese_landing_page_still_goes():
    assert clean_html(landing("RonbunPro"), url="http://127.0.0.1/").reject_reason == "spam.page"


@pytest.mark.parametrize("scripts, confident", [({"latin": 150}, True), ({"han": 150}, False)])
def test_a_short_dense_page_needs_the_page_confidence(scripts, confident):
    # 150 characters of Chinese are an article's worth (300 as Latin): all of it removed at
    # a mean score of 0.6 is not enough to call the page spam; 150 Latin ones, a comment's
    # worth, need only the block threshold.
    from cleaners.facts import page_facts
    from cleaners.model import Verdict
    from cleaners.rules.page import confident as is_confident

    page = page_facts([], scripts, {}, CleanOptions())
    verdict = Verdict(chars=150, spam_chars=150, scored_chars=150, confidence=0.6, kept_chars=0,
                      kept_prose_chars=0, specific_chars=150)
    assert is_confident(verdict, page) is confident
