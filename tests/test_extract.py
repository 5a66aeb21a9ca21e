"""Extraction: the fallback decided per page, the headline line, the vendored extraction-dev set."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import common  # noqa: E402
from conftest import run_json  # noqa: E402
from cleaners import CleanOptions, clean_html, dom  # noqa: E402
from cleaners.extract import needs_fallback  # noqa: E402

OPTIONS = CleanOptions()


# Run in a fresh interpreter: reading the xz archive (a 64 MB dictionary) and extracting
# three large pages grows the test process, and every process a later test starts
# inherits its RSS (test_faults bounds its crawl's peak at 400 MB).
MEASURE = """
import json, sys, tarfile
from dataclasses import replace
sys.path.insert(0, ".")
from bench import common
from bench.scoring import score
from cleaners import CleanOptions, dom
from cleaners.extract import extract_text

USED = ("wcxb-4ab42e27c8ae", "fundus-00bf907466ee", "wcxb-a7ba2a8527dd")
# Trafilatura's passes alone: the choice between extractors after them is test_choice.py's.
FIRST = replace(CleanOptions(), choose_extraction=False)
FAST_ONLY = replace(FIRST, fallback_below_chars=0, fallback_visible_ratio=0)
truth = common.set_truth("dev")
pages = common.dev_pages(USED)

def run(pid, options):
    text, _, passes = extract_text(dom.parse(pages[pid]), None, options)
    return {"passes": list(passes), "f1": score({pid: truth[pid]}, {pid: {"articleBody": text}})[0]["f1"]}

out = {pid: run(pid, FIRST) for pid in USED}
out["fast only"] = run("wcxb-4ab42e27c8ae", FAST_ONLY)
out["names"] = [m.name for m in tarfile.open(common.DEV_ARCHIVE, "r:xz")]
out["starts"] = sorted({html.lstrip()[:1].decode() for html in pages.values()})
out["truth"] = sorted(truth)
out["snippets"] = sorted(json.loads((common.DEV_DATA / "snippets.json").read_text()))
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def measured() -> dict:
    return run_json(MEASURE)


def test_dev_archive_holds_every_page_of_the_truth_and_snippets(measured):
    names = measured["names"]
    assert len(names) == len(set(names)) == 446 and all(n.endswith(".html") for n in names)
    truth, snippets = set(measured["truth"]), set(measured["snippets"])
    assert truth | snippets == {common.page_id(n) for n in names} and not truth & snippets
    assert measured["starts"] == ["<"]


def test_dev_archive_digest_is_checked(tmp_path, monkeypatch):
    forged = tmp_path / "pages.tar.xz"
    forged.write_bytes(b"\xfd7zXZ\0 not the archive")
    monkeypatch.setattr(common, "DEV_ARCHIVE", forged)
    with pytest.raises(common.DataError, match="not the pinned"):
        common.dev_pages()


def test_a_collection_page_whose_fast_pass_keeps_one_box_gets_the_fallback(measured):
    # wcxb-4ab42e27c8ae: the fast pass finds 1,551 characters of an 8,400-character
    # collection page (F1 0.15); the page's prose is far more than 5 times that.
    assert measured["wcxb-4ab42e27c8ae"]["passes"] == ["fast", "fallback"]
    assert measured["wcxb-4ab42e27c8ae"]["f1"] > 0.9
    assert measured["fast only"]["passes"] == ["fast"] and measured["fast only"]["f1"] < 0.3


def test_an_article_the_fast_pass_gets_right_keeps_its_fast_text(measured):
    assert measured["fundus-00bf907466ee"]["passes"] == ["fast"]
    assert measured["fundus-00bf907466ee"]["f1"] > 0.9


def test_an_empty_extraction_is_retried_with_favor_recall(measured):
    # wcxb-a7ba2a8527dd: Trafilatura's default, no-comments and fast modes all return
    # nothing for this 12,000-character article; favor_recall finds it.
    assert measured["wcxb-a7ba2a8527dd"]["passes"] == ["fast", "fallback", "recall"]
    assert measured["wcxb-a7ba2a8527dd"]["f1"] > 0.9


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


def test_zero_width_joiners_survive_extraction():
    # Persian writes a zero-width non-joiner inside words ("می‌شود", "نامه‌ها"); Trafilatura
    # drops unprintable characters, so the extractor carries them across as stand-ins.
    para = ("شهرداری اعلام کرد که کتابخانه‌ی مرکزی از شنبه دوباره باز می‌شود و نامه‌ها و "
            "روزنامه‌های قدیمی شهر در تالار تازه‌ی آن به نمایش گذاشته می‌شوند. ")
    html = ('<html lang="fa"><head><title>کتابخانه</title></head><body><article><h1>کتابخانه‌ی مرکزی</h1>'
            + "".join(f"<p>{para}{i}</p>" for i in range(6)) + "</article></body></html>")
    text = clean_html(html, "http://127.0.0.1/a").text
    assert "کتابخانه\u200cی مرکزی از شنبه" in text and text.count("\u200c") >= 6 * para.count("\u200c")
    assert "\U0001E900" not in text


TRAM_STORY = [
    "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028, after two years "
    "of debate.",
    "Engineers said the new track would follow the old railway embankment along the Kurfürsten\u200bdamm, which "
    "keeps the cost below the first estimate.",
    "Residents near the planned depot asked for a noise barrier, and the council agreed to pay for one from the "
    "same budget.",
    "Work on the first section begins in spring, and buses will replace the trams on weekends while it lasts."]
TRAM_COMMENTS = [
    "Great news for the north side, finally.",
    "For anyone bored on a weekday night, H\u200bu\u200bt\u200be is where my whole street plays now, give it a go.",
    "I hope they keep the old station building."]


def test_a_name_broken_up_by_zero_width_spaces_is_seen_after_extraction():
    # Trafilatura drops zero-width spaces with the other unprintable characters; carried
    # across as stand-ins like the joiners, they stay in the text, where the disguise
    # they make of a name is read (normalize.reveal) and the text stays as written.
    body = ("".join(f"<p>{p}</p>" for p in TRAM_STORY) + f"<p>{len(TRAM_COMMENTS)} Comments</p>"
            + "".join(f"<p>{c}</p>" for c in TRAM_COMMENTS))
    html = (f'<html lang="en"><head><title>Tram line</title></head><body><article><h1>Tram line to the north</h1>'
            f"{body}</article></body></html>")
    r = clean_html(html, "http://127.0.0.1/a")
    assert [x.text for x in r.removed] == [TRAM_COMMENTS[1]]
    assert dict(r.removed[0].signals).get("spam.disguised_name") == 1.0
    assert all(p in r.text for p in TRAM_STORY + TRAM_COMMENTS[::2])  # the story's own space too
    assert "\U0001E902" not in r.text
