"""The real labelled corpora: an honest split, and a model trained on development data only."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import realworld  # noqa: E402
from bench.train_spam_model import OUT, data_digest  # noqa: E402
from cleaners.ngrams import FORMAT, bucket, feature_count, model, word_features  # noqa: E402


def test_heldout_is_whole_stretches():
    judol = realworld.comments("judol")
    held = [c.row for c in judol if c.split == "heldout"]
    assert held == list(range(min(held), max(held) + 1)) and max(held) == judol[-1].row  # the file's last rows
    assert 0.15 < len(held) / len(judol) < 0.25
    uci = realworld.comments("uci")
    assert {c.source for c in uci if c.split == "heldout"} == {realworld.HELDOUT_VIDEO}
    assert realworld.HELDOUT_VIDEO not in {c.source for c in uci if c.split == "dev"}


def test_dev_shares_no_text_with_heldout():
    for corpus in realworld.FILES:
        held = {realworld.folded(c.text) for c in realworld.split(corpus, "heldout")}
        dev = realworld.split(corpus, "dev")
        assert dev and not [c.text for c in dev if realworld.folded(c.text) in held]
        # the purge removed something: reposted spam exists on both sides of the raw split
        assert len(dev) < sum(1 for c in realworld.comments(corpus) if c.split == "dev")


def test_both_splits_have_both_labels():
    for corpus, splits in realworld.summary().items():
        for name, (spam, legit) in splits.items():
            assert spam >= 100 and legit >= 150, (corpus, name)


def test_model_was_trained_on_the_current_data():
    """The shipped model records the digest of its training inputs; changing them means retraining."""
    assert model().digest == data_digest(), "training data changed: run bench/train_spam_model.py"


def test_model_is_small_and_well_formed():
    blob = OUT.read_bytes()
    assert len(blob) < 20_000_000
    assert gzip.decompress(blob).split(b"\n", 1)[0].decode("utf8") == FORMAT
    m = model()
    assert sum(1 for w in m.table if w) > 10_000 and -10 < m.bias < 10


def test_model_reads_disguises_as_their_plain_word():
    m = model()
    assert abs(m.probability("Main di 𝗪𝗘𝗧𝗢𝗡𝟴𝟴 sekarang") - m.probability("Main di WETON88 sekarang")) < 1e-9
    assert abs(m.probability("coba W\u200bE\u200bT\u200bO\u200bN88") - m.probability("coba WETON88")) < 1e-9


def test_a_words_weight_is_the_sum_of_its_features_weights() -> None:
    m = model()
    for word in ("bet", "slot000", "gacor", "situs", "überweisung", "казино", "x" * 30):
        expected = sum([m.table[bucket(f, len(m.table))] for f in word_features(word)])
        assert m.word_weight(word) == expected
        total, count = m.evidence([word, word])
        assert (total, count) == (2 * expected, 2 * feature_count(word))


def test_a_fold_leaves_with_its_repeats():
    # bench/realspam_proxy.py trains without a fold and the dev rows that repeat it, as
    # the held-out split is kept apart: a reposted spam comment is found on both sides.
    dev = realworld.split("judol", "dev")
    fold = dev[len(dev) - len(dev) // 5:]
    found = realworld.repeats("judol", fold)
    mine = {c.row for c in fold}
    assert found and not found & mine
    keys = {realworld.folded(c.text) for c in fold}
    rest = [c for c in dev if c.row not in mine]
    exact = {c.row for c in rest if realworld.folded(c.text) in keys}
    assert exact and exact <= found  # every exact repost, and near ones besides
    assert len(found) > len(exact)


def test_an_installed_model_is_the_one_the_cleaner_reads():
    from array import array

    from cleaners import clean_text, ngrams

    text = "Lovely photos of the harbour, thanks for sharing them with us all."
    shipped = ngrams.model()
    assert shipped is ngrams.shipped() and clean_text(text).text == text
    # A model that reads everything as spam: the shipped weights, a bias of 50.
    eager = ngrams.NgramModel(array("f", shipped.table), 50.0, "", {})
    ngrams.install(eager)
    try:
        assert ngrams.model() is eager
        r = clean_text(text)
        assert r.text == "" and any(s == "spam.learned" for x in r.removed for s, _ in x.signals)
    finally:
        ngrams.install(None)
    assert ngrams.model() is shipped and clean_text(text).text == text


def test_proxy_cases_are_the_evaluations():
    from bench import realspam_eval

    # The proxy's cases are made as the evaluation's: a split's own cases, from its rows.
    dev = list(realworld.split("uci", "dev"))
    assert realspam_eval.cases("uci", "dev", 20) == realspam_eval.cases_of("uci", "dev", dev, 20)
    rows = list(realworld.split("uci", "dev"))[:60]
    a = realspam_eval.cases_of("uci", "dev", rows)
    assert a == realspam_eval.cases_of("uci", "dev", rows)  # seeded
    assert {c["place"] for c in a} == {"alone", "article_text", "article_html", "thread"}
    assert a != realspam_eval.cases_of("uci", "dev", rows, seed="fold")  # another draw of hosts


def test_the_evaluation_reads_text_as_shown_and_names_what_took_it():
    from bench import realspam_eval
    from cleaners import Removal, clean_text

    # A host paragraph written with soft hyphens is kept when the output has its words
    # without them (Trafilatura drops them); a changed word is still a loss.
    assert not realspam_eval.gone("handed over to US \u00adforces", "were handed over to US forces in")
    assert realspam_eval.gone("handed over to US \u00adforces", "were handed over to UN forces in")
    # What took a lost piece: the removal's reason, the page's reject reason, or extraction.
    pitch = "Gas main di WETON88 bosku, maxwin tiap hari, daftar sekarang juga!"
    result = clean_text("12 Comments\n\n" + pitch)
    assert realspam_eval.reasons(pitch, result.removed) in {r.reason for r in result.removed}
    assert realspam_eval.reasons(pitch, [], "spam.page") == "spam.page"
    assert realspam_eval.reasons(pitch, [Removal("spam", "spam.learned", "something else")]) == "extraction"
