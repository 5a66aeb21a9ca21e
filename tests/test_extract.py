"""Extraction: the fallback decided per page, the headline line, the vendored extraction-dev set."""

from __future__ import annotations

import json
import sys
import tarfile
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common  # noqa: E402
from bench.scoring import score  # noqa: E402
from cleaners import CleanOptions, clean_html, dom  # noqa: E402
from cleaners.extract import extract_text, needs_fallback  # noqa: E402

OPTIONS = CleanOptions()


# The pages these tests read. Only they are kept: a test process that held all 132 MB
# would pass its peak RSS on to every process it starts later (test_faults bounds theirs).
USED = ("wcxb-4ab42e27c8ae", "fundus-00bf907466ee", "wcxb-a7ba2a8527dd")


@pytest.fixture(scope="module")
def dev_pages() -> dict[str, bytes]:
    return common.dev_pages(USED)


def f1(page_id: str, text: str) -> float:
    truth = common.set_truth("dev")
    return score({page_id: truth[page_id]}, {page_id: {"articleBody": text}})[0]["f1"]


def test_dev_archive_holds_every_page_of_the_truth_and_snippets(dev_pages):
    names = [member.name for member in tarfile.open(common.DEV_ARCHIVE, "r:xz")]
    assert len(names) == len(set(names)) == 446 and all(n.endswith(".html") for n in names)
    truth, snippets = common.set_truth("dev"), json.loads((common.DEV_DATA / "snippets.json").read_text())
    assert set(truth) | set(snippets) == {common.page_id(n) for n in names} and not set(truth) & set(snippets)
    assert set(dev_pages) == set(USED) and all(html.lstrip()[:1] == b"<" for html in dev_pages.values())


def test_dev_archive_digest_is_checked(tmp_path, monkeypatch):
    forged = tmp_path / "pages.tar.xz"
    forged.write_bytes(common.DEV_ARCHIVE.read_bytes()[:-1] + b"\0")
    monkeypatch.setattr(common, "DEV_ARCHIVE", forged)
    with pytest.raises(common.DataError, match="not the pinned"):
        common.dev_pages()


def test_a_forum_page_whose_fast_pass_keeps_one_box_gets_the_fallback(dev_pages):
    # wcxb-4ab42e27c8ae: the fast pass finds 1,551 characters of an 8,400-character
    # collection page (F1 0.15); the page's prose is far more than 5 times that.
    tree = dom.parse(dev_pages["wcxb-4ab42e27c8ae"])
    text, _, passes = extract_text(tree, None, OPTIONS)
    assert passes == ("fast", "fallback")
    assert f1("wcxb-4ab42e27c8ae", text) > 0.9
    fast_only, _, passes = extract_text(dom.parse(dev_pages["wcxb-4ab42e27c8ae"]), None,
                                        replace(OPTIONS, fallback_below_chars=0, fallback_visible_ratio=0))
    assert passes == ("fast",) and f1("wcxb-4ab42e27c8ae", fast_only) < 0.3


def test_an_article_the_fast_pass_gets_right_keeps_its_fast_text(dev_pages):
    tree = dom.parse(dev_pages["fundus-00bf907466ee"])
    text, _, passes = extract_text(tree, None, OPTIONS)
    assert passes == ("fast",)
    assert f1("fundus-00bf907466ee", text) > 0.9


def test_an_empty_extraction_is_retried_with_favor_recall(dev_pages):
    # wcxb-a7ba2a8527dd: Trafilatura's default, no-comments and fast modes all return
    # nothing for this 12,000-character article; favor_recall finds it.
    text, _, passes = extract_text(dom.parse(dev_pages["wcxb-a7ba2a8527dd"]), None, OPTIONS)
    assert passes == ("fast", "fallback", "recall")
    assert f1("wcxb-a7ba2a8527dd", text) > 0.9


def test_needs_fallback_compares_the_found_text_with_the_pages_prose():
    prose = "<p>" + "A sentence of the page's own prose. " * 40 + "</p>"
    links = "<nav>" + "<a href='/x'>A link in the menu of the page</a> " * 200 + "</nav>"
    page = dom.parse(f"<html><body>{links}{prose * 10}</body></html>")
    assert needs_fallback(page, 799, OPTIONS)            # short: always
    assert needs_fallback(page, 1000, OPTIONS)           # 14,400 characters of prose > 5 x 1,000
    assert not needs_fallback(page, 3000, OPTIONS)       # the menu's links do not count
    assert not needs_fallback(page, 1000, replace(OPTIONS, fallback_visible_ratio=0))


def test_the_headline_is_not_body_text():
    html = ("<html><head><title>Rain falls on the city | The Daily</title></head><body><article>"
            "<h1>Rain falls on the city</h1>"
            + "<p>The rain began on Monday and went on for three days, the weather office said. </p>" * 12
            + "</article></body></html>")
    text = clean_html(html).text
    assert text.startswith("The rain began on Monday")
    kept = clean_html(html, options=replace(OPTIONS, drop_headline=False)).text
    assert kept.startswith("Rain falls on the city\n")


def test_snippet_scores_count_present_and_absent_snippets_per_source():
    from bench.extraction import snippet_scores

    snippets = {"p1": {"source": "wcxb", "with": ["The  Main text", "missing bit"], "without": ["Cookie banner"]},
                "p2": {"source": "wcxb", "with": [], "without": ["Sidebar"]}}
    texts = {"p1": "the main\ntext, and more", "p2": "Body with a SIDEBAR"}
    assert snippet_scores(texts, snippets) == {"wcxb": (0.5, 0.5)}
