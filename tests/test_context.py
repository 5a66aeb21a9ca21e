"""The crawl's identity and state have one owner, CrawlContext (crawler/context.py), fetched by
``crawler.get_extension``; no component hangs state on Scrapy's Crawler."""

from __future__ import annotations

import re

from conftest import REPO


def test_no_component_sets_attributes_on_the_crawler() -> None:
    setters = re.compile(r"\bcrawler\.cleancrawl_\w+\s*=|setattr\(\s*crawler\b")
    found = [f"{p.relative_to(REPO)}:{n}" for p in sorted((REPO / "crawler").rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf8").splitlines(), 1) if setters.search(line)]
    assert found == []


def test_one_class_is_named_jobstate() -> None:
    defined = [p.name for p in (REPO / "crawler").rglob("*.py")
               if re.search(r"^class JobState\b", p.read_text(encoding="utf8"), re.M)]
    assert defined == ["state.py"]
