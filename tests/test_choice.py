"""The choice between extractors per page (cleaners/choice.py): each move on a real benchmark page."""

from __future__ import annotations

import gzip
import sys
from dataclasses import replace
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import common  # noqa: E402
from conftest import run_json  # noqa: E402
from bench.scoring import score  # noqa: E402
from cleaners import CleanOptions, clean_html, dom  # noqa: E402
from cleaners.choice import Candidates, choose, shingles, trim_to  # noqa: E402
from cleaners.extract import extract_text  # noqa: E402

OPTIONS = CleanOptions()
FIRST = replace(OPTIONS, choose_extraction=False)
# Zyte pages (bench/data/article-extraction-benchmark): a WIRED article whose body is
# split over two containers (Trafilatura takes the first, Readability the second), and
# a CBS Sports article between another story's teaser and a newsletter box and list of
# other stories, which Trafilatura's fast pass keeps.
SPLIT = "2f42ef1d3ea0c96e"
TRIMMED = "08f793762792bd25"


def zyte(prefix: str) -> tuple[str, bytes]:
    """The id and HTML of the Zyte page whose id starts with ``prefix``."""
    path = next((common.BENCH_DATA / "html").glob(prefix + "*.html.gz"))
    return common.page_id(path.name), gzip.decompress(path.read_bytes())


def f1(page_id: str, text: str) -> float:
    return score({page_id: common.truth()[page_id]}, {page_id: {"articleBody": text}})[0]["f1"]


def test_an_article_split_over_two_containers_is_widened_to_both():
    page_id, html = zyte(SPLIT)
    text, _, passes = extract_text(dom.parse(html), None, OPTIONS)
    first, _, first_passes = extract_text(dom.parse(html), None, FIRST)
    assert first_passes == ("fast",) and passes == ("fast", "readability", "resiliparse")
    second_half = "It was only scale, and the hard realities of American economics"
    assert second_half not in first and second_half in text
    assert text.startswith("The latest wave of tech-based financial startups")
    assert f1(page_id, first) < 0.7 < 0.95 < f1(page_id, text)
    assert second_half in clean_html(html).text


def test_a_list_of_other_stories_after_the_article_is_trimmed():
    page_id, html = zyte(TRIMMED)
    text, _, passes = extract_text(dom.parse(html), None, OPTIONS)
    first, _, _ = extract_text(dom.parse(html), None, FIRST)
    assert passes == ("fast", "readability")  # Resiliparse not run: Readability adds nothing outside
    # The headline and teaser of another story before the article, and after it a
    # newsletter box and a list of other stories: all in the fast pass's text, none kept.
    for line in ("Pick Six Newsletter", "Thanks for signing up!", "- Pats place Olszewski on IR"):
        assert any(x.startswith(line) for x in first.split("\n")) and line not in text
    assert text.startswith("The Steelers spent Monday trying to distance themselves")
    assert len(text) < 0.8 * len(first) and f1(page_id, text) > f1(page_id, first) + 0.1
    assert all(line in first.split("\n") for line in text.split("\n"))  # lines are kept whole, in order


def test_choose_runs_the_costly_extractors_only_where_they_can_change_the_answer():
    article = "\n".join(f"Paragraph {i} of the story tells what happened on day {i} in the town." for i in range(20))
    calls = []

    def others(readability: str, prose: int) -> Candidates:
        def ran(name: str, value: str):
            return lambda: calls.append(name) or value
        return Candidates(ran("readability", readability), ran("resiliparse", ""), ran("recall", ""),
                          lambda limit: calls.append("prose") or prose > limit)

    made = choose(article, others(article, len(article)), OPTIONS)
    assert (made.text, made.move, made.passes) == (article, "kept", ("readability",))
    assert calls == ["readability", "prose"]
    calls.clear()
    made = choose(article, others(article, 3 * len(article)), OPTIONS)  # prose asks for favor_recall
    assert made.move == "kept" and made.passes == ("readability", "recall") and "resiliparse" not in calls
    assert choose("", others(article, 0), OPTIONS).passes == ()


def test_a_wider_text_is_taken_only_within_the_measured_ratios():
    article = "\n".join(f"Paragraph {i} of the story tells what happened on day {i} in the town." for i in range(20))
    more = article + "\n" + "\n".join(f"Later, on day {i}, the council met again and voted." for i in range(30, 45))
    huge = more + "\n" + "\n".join(f"Comment {i}: I think the council is wrong about this." for i in range(400))
    def others(wide: str) -> Candidates:
        return Candidates(lambda: "", lambda: "", lambda: wide, lambda limit: True)
    assert choose(article, others(more), OPTIONS).move == "recall"
    assert choose(article, others(huge), OPTIONS).move == "kept"  # over wider_max_ratio: another part of the page
    assert choose(article, others(more), replace(OPTIONS, wider_recall_prose=0)).passes == ("readability",)


def test_trim_keeps_the_span_between_the_first_and_last_line_found():
    body = ["The mayor opened the new bridge on Sunday morning.", "Hundreds of people walked across it.",
            "Short line.", "It cost four million euros to build."]
    text = "\n".join(["Subscribe to our newsletter today", *body, "Read more: ten other bridges we love"])
    theirs = " ".join(body[:2] + body[3:])  # the short line is not in the other text: kept, it lies inside
    assert trim_to(text, shingles(theirs), theirs) == "\n".join(body)
    assert trim_to(text, set(), "") == text


# Run in a fresh interpreter: reading the xz archive grows the test process (see test_extract.py).
RECALL = """
import json, sys
from dataclasses import replace
sys.path.insert(0, ".")
from bench import common
from bench.scoring import score
from cleaners import CleanOptions, dom
from cleaners.extract import extract_text

PID = "wcxb-d3e9ecbc50d2"
page = common.dev_pages((PID,))[PID]
truth = common.set_truth("dev")[PID]
out = {}
for name, options in (("choice", CleanOptions()), ("first", replace(CleanOptions(), choose_extraction=False))):
    text, _, passes = extract_text(dom.parse(page), None, options)
    out[name] = {"passes": list(passes), "f1": score({PID: truth}, {PID: {"articleBody": text}})[0]["f1"]}
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def service_page() -> dict:
    return run_json(RECALL)


def test_a_service_page_whose_prose_asks_for_more_gets_the_favor_recall_text(service_page):
    # wcxb-d3e9ecbc50d2: the fast pass keeps 4,800 of a service page's 10,200 characters
    # of prose; favor_recall's text holds it and is 1.5 times as long.
    assert service_page["first"]["passes"] == ["fast"]
    assert service_page["choice"]["passes"] == ["fast", "readability", "recall"]
    assert service_page["choice"]["f1"] > service_page["first"]["f1"] + 0.1
