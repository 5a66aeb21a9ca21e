"""Common words of other languages that end or begin like a brand root ("selskabet",
"rekabet", "ribet", "jüdischen") are not brands (cleaners/data/ordinary_words.txt, made
from wordfreq's lists by bench/ordinary_words.py)."""

from __future__ import annotations

from bench.spamcorpus import corpus
from cleaners import clean_text
from cleaners.folding import bare, fold
from cleaners.morphology import brand_weight
from cleaners.resources import ORDINARY_WORDS


def test_common_words_read_as_no_brand():
    for word in ("selskabet", "betyder", "betekent", "tobbet", "rekabet", "ribet", "judischen"):
        assert word in ORDINARY_WORDS
        assert brand_weight(word) == 0.0
    # Brand shapes the list does not hold still read as brands.
    assert brand_weight("kralbet") == 1.0 and brand_weight("slotgacor") > 0


def test_no_dev_corpus_brand_is_an_ordinary_word():
    names = {bare(fold(t)) for m in corpus.markets("dev") for b in m.brands for t in [b.replace(" ", ""), *b.split()]}
    assert not names & ORDINARY_WORDS


def test_the_file_was_made_by_its_script():
    # The header names the script and its source; every word is folded lower case
    # without digits (the script's rules), so a hand edit that breaks them shows.
    from cleaners.resources import DATA

    text = (DATA / "ordinary_words.txt").read_text(encoding="utf8")
    assert "bench/ordinary_words.py" in text and "wordfreq" in text
    assert all(w == bare(fold(w)) and not any(c.isdigit() for c in w) for w in ORDINARY_WORDS)


def test_a_comment_with_one_stays_in_its_thread():
    # A legitimate comment of the realspam dev threads ("ribet": fussy) went as spam on
    # its brand shape beside the comment region.
    thread = ("3 Comments\n\n"
              "Mantap banget acaranya, lucu parah\n\n"
              "Di pacarin ribet pasti\n\n"
              "Kapan episode baru keluar min?")
    out = clean_text(thread, url="http://127.0.0.1/news/thread")
    assert "Di pacarin ribet pasti" in out.text
    assert not any(code == "spam.brand_morphology" for r in out.removed for code, _ in r.signals)
