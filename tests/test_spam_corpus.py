"""The spam benchmark corpus: deterministic, exactly labelled, loopback-only, split kept clean."""

from __future__ import annotations

import ipaddress
import re
import sys
from pathlib import Path

import lxml.html
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import spam_eval  # noqa: E402
from bench.spamcorpus import all_legit_cases, corpus, dump_case, html_case, page_ids  # noqa: E402
from bench.spamcorpus.cases import N_DEV, N_HELDOUT  # noqa: E402

IDS = page_ids()[:: max(1, len(page_ids()) // 12)][:12]
URL = re.compile(r"(?:https?:)?\\?/\\?/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", re.I)


def visible_text(html: str) -> str:
    """The page's text nodes outside scripts and styles, whitespace collapsed."""
    tree = lxml.html.document_fromstring(html)
    for el in tree.xpath("//script|//style"):
        el.drop_tree()
    return " ".join(tree.text_content().split())


@pytest.fixture(scope="module")
def html_cases():
    return [html_case(pid, n) for pid in IDS for n in range(N_DEV + N_HELDOUT)] + all_legit_cases()


def test_generator_is_deterministic():
    for pid in IDS[:3]:
        assert html_case(pid, 0) == html_case(pid, 0)
        assert html_case(pid, N_DEV).text.encode() == html_case(pid, N_DEV).text.encode()
        assert dump_case(pid, 1) == dump_case(pid, 1)


def test_cases_cover_both_splits_and_every_style(html_cases):
    assert {c.split for c in html_cases} == {"dev", "heldout"}
    styles = {c.style for c in html_cases}
    assert {"prose", "append", "comments", "footer_links", "anchor_list", "hidden", "noscript"} <= styles


def test_injected_spam_is_visible_text(html_cases):
    for case in html_cases:
        text = visible_text(case.text)
        for s in case.spam:
            assert " ".join(s.split()) in text, (case.id, case.style, s)


def test_dump_offsets_are_exact():
    for pid in IDS:
        for n in range(2):
            case = dump_case(pid, n)
            assert case.labels
            spam = [case.text[s:e] for s, e, kind in case.labels if kind == "spam"]
            assert tuple(spam) == case.spam
            for s, e, _ in case.labels:
                assert case.text[s:e] and case.text[s:e] == case.text[s:e].strip()


def test_no_url_leaves_loopback(html_cases):
    for case in html_cases:
        for host in URL.findall(case.text):
            if re.fullmatch(r"[\d.]+", host):
                assert ipaddress.ip_address(host).is_loopback, (case.id, host)
            else:
                # a dotted name that is not an address: only file names such as "jquery.min.js" may match
                assert not re.search(r"\.(com|net|org|io|co|uk|de|ru|info|gov|edu)$", host, re.I), (case.id, host)


def test_heldout_names_absent_from_cleaner_data():
    split = corpus.split()
    data = "\n".join(p.read_text(encoding="utf8").lower() for p in (REPO / "cleaners" / "data").rglob("*")
                     if p.is_file())
    for name in (*split.brands, *split.terms):
        assert name.lower() not in data, name
    for lang in split.languages:
        assert not (REPO / "cleaners" / "data" / "stopwords" / f"{lang}.txt").exists()
        assert not re.search(rf"^#\s*{lang}\b", data, re.M), lang


def test_heldout_brands_only_in_heldout_cases(html_cases):
    brands = corpus.split().brands
    for case in html_cases:
        if case.split == "dev":
            assert not any(b in s for s in case.spam for b in brands), case.id


def test_legit_articles():
    arts = corpus.articles()
    assert len(arts) >= 20 and len({a.lang for a in arts}) >= 5
    assert corpus.split().legit <= {a.id for a in arts}
    for a in arts:
        words = sum(len(p.split()) for p in a.paragraphs)
        assert 250 <= words <= 500, (a.id, words)


def test_small_eval_gives_figures_in_range():
    rows = spam_eval.run("all", pages=2, workers=1)
    rep = spam_eval.report(rows)
    for per in rep["overall"].values():
        for key in ("spam_recall", "article_retention", "legit_min", "legit_mean", "dump_precision", "dump_recall",
                    "dump_f1"):
            assert per[key] is None or 0.0 <= per[key] <= 1.0, key


def test_generator_ignores_hash_seed():
    """Same bytes in a fresh interpreter with another PYTHONHASHSEED."""
    import hashlib
    import os
    import subprocess

    code = ("import hashlib, sys; sys.path.insert(0, '.'); from bench.spamcorpus import html_case, dump_case;"
            f"print(hashlib.sha256((html_case({IDS[1]!r}, 5).text + dump_case({IDS[1]!r}, 1).text).encode()).hexdigest())")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout.strip()
    assert out == hashlib.sha256((html_case(IDS[1], 5).text + dump_case(IDS[1], 1).text).encode()).hexdigest()
