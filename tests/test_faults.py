"""A real crawl of the fault site: every request ends in pages, rejected or errors, and the guards hold."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import duckdb
import pytest

from conftest import FAST, run_cli, run_cli_peak
from crawler.dataset.reader import open_table
from faultsite import GOOD, FaultSite
from faultsite_text import CYRILLIC, TURKISH, WESTERN

# Seconds before a first retry without Retry-After (the fault site's /flaky asks for 1).
BACKOFF = 0.5
# Small limits keep the crawl to a few seconds: /slow sleeps 10 s, and one retry is enough.
LIMITS = ["-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=1", "-s", "CLEANCRAWL_WORKERS=2",
          "-s", f"CLEANCRAWL_RETRY_BACKOFF={BACKOFF}"]
# The caps in crawler/settings.py: runs of one URL shape stop after CLEANCRAWL_TRAP_RUN links.
TRAP_RUN = 10
# Each fault path and the error code its errors row must carry.
EXPECTED_ERRORS = {
    "/status/404": "http_status", "/status/500": "http_status", "/slow": "timeout", "/reset": "connection",
    "/huge": "too_large", "/bomb": "too_large", "/pdf": "not_html", "/binary": "not_html",
    "/loop/b": "redirect", "/private/secret.html": "robots", "/sitemap-bomb.xml": "unsafe_xml",
}
# Pages that must be kept exactly once, by path: the good articles, the chain's target,
# the utm/fbclid-tagged article, the pages served 503 and 500 first, and the malformed/charset pages.
EXPECTED_PAGES = {*(f"/articles/{s}.html" for s in (*GOOD, "ferry", "chained")), "/flaky", "/busy", "/nul",
                  "/charset/cp1251-header", "/charset/cp1254-meta", "/charset/none"}


# A start URL longer than Scrapy's URLLENGTH_LIMIT (2,083 characters): never fetched, still a row.
LONG_START = "/articles/" + "very-long-" * 220 + "start.html"
# Requests that fetch a source rather than a page (robots.txt, a sitemap that parses): no row.
SOURCES = ("/robots.txt", "/sitemap.xml")


class Crawl:
    def __init__(self, out: Path, site: FaultSite, internal: FaultSite, offsite: FaultSite, returncode: int,
                 seconds: float, peak_kb: int) -> None:
        self.out, self.site, self.internal, self.offsite = out, site, internal, offsite
        self.returncode, self.seconds, self.peak_kb = returncode, seconds, peak_kb

    def rows(self, table: str) -> list[dict]:
        return open_table(self.out, table).to_table().to_pylist()

    def paths(self) -> Counter[str]:
        return Counter(path.split("?")[0] if not path.startswith("/s/") else "/s/" for _, _, path, _ in self.site.requests)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    out = tmp_path_factory.mktemp("faults")
    with FaultSite() as internal, FaultSite("127.0.0.2") as offsite, \
            FaultSite(internal_url=internal.url, offsite_url=offsite.url) as site:
        started = time.monotonic()
        r, peak_kb = run_cli_peak("crawl", "--start-url", site.url + "/", "--start-url", site.url + LONG_START,
                                  "--out", str(out), *FAST, *LIMITS, timeout=120)
        assert r.returncode == 0, r.stderr
        yield Crawl(out, site, internal, offsite, r.returncode, time.monotonic() - started, peak_kb)


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_every_good_article_is_kept_exactly_once(crawl: Crawl) -> None:
    kept = Counter(_path(r["url"]) for r in crawl.rows("pages"))
    for path in EXPECTED_PAGES:
        assert kept[path] == 1, f"{path} kept {kept[path]} times"
    assert not [p for p in kept if "utm_" in p or "fbclid" in p]
    everything = [r["url"] for t in ("pages", "rejected", "errors") for r in crawl.rows(t)]
    assert len(everything) == len(set(everything)), "a URL has two rows"


def test_every_failure_is_an_errors_row_with_its_code(crawl: Crawl) -> None:
    errors = {_path(r["url"]): r for r in crawl.rows("errors") if urlsplit(r["url"]).port == urlsplit(crawl.site.url).port}
    for path, code in EXPECTED_ERRORS.items():
        assert path in errors, f"no errors row for {path}"
        assert errors[path]["error"] == code, (path, errors[path]["error"], errors[path]["detail"])
    assert errors["/status/404"]["http_status"] == 404


def test_every_url_requested_or_refused_is_one_row(crawl: Crawl) -> None:
    """The server's log is the witness: each page it served, and each URL refused unfetched, is one row."""
    rows = Counter(r["url"] for t in ("pages", "rejected", "errors") for r in crawl.rows(t))
    assert [u for u, n in rows.items() if n > 1] == []
    requested = {f"http://{host}{path}" for _, host, path, _ in crawl.site.requests if path not in SOURCES}

    def ends_in_a_row(url: str, hops: int = 0) -> bool:
        target = crawl.site.redirects.get(url)
        return url in rows or (target is not None and hops < 30 and ends_in_a_row(target, hops + 1))

    assert sorted(u for u in requested if not ends_in_a_row(u)) == []
    site, home = crawl.site.url, _home_links(crawl)
    refused = {
        crawl.internal.url + "/secret", crawl.internal.url + "/redirected-secret",  # internal address
        crawl.offsite.url + "/landed",  # a redirect to another host
        site + LONG_START, *(u for u in home if len(u) > 2083),  # longer than URLLENGTH_LIMIT
        site + "/private/secret.html",  # robots.txt
    }
    assert sorted(u for u in refused if u not in rows) == []
    assert crawl.internal.requests == [] and crawl.offsite.requests == []
    # Nothing else has a row: a timeout may never reach the server's log (it answers after the crawl gave up).
    errors = {r["url"]: r["error"] for r in crawl.rows("errors")}
    assert sorted(u for u in rows if u not in requested | refused and errors.get(u) != "timeout") == []
    codes = {u: errors.get(u) for u in refused}
    assert codes[crawl.offsite.url + "/landed"] == "offsite" and codes[site + LONG_START] == "url_too_long"


def _home_links(crawl: Crawl) -> list[str]:
    from faultsite import FAULT_LINKS

    return [crawl.site.url + p for p in FAULT_LINKS]


def test_charsets_from_header_meta_and_sniffing_decode(crawl: Crawl) -> None:
    text = {_path(r["url"]): r["text"] for r in crawl.rows("pages")}
    title = {_path(r["url"]): r["title"] for r in crawl.rows("pages")}
    assert CYRILLIC[2] in text["/charset/cp1251-header"]
    # "açıyor" and "Allotment waiting list" are in headlines: the title, not body text.
    assert TURKISH[2] in text["/charset/cp1254-meta"] and "açıyor" in title["/charset/cp1254-meta"]
    assert WESTERN[2] in text["/charset/none"] and "“People" in text["/charset/none"]
    assert "\x00" not in text["/nul"] and "Allotment waiting list" in title["/nul"]


def test_no_request_reaches_the_internal_host_or_a_disallowed_path(crawl: Crawl) -> None:
    assert crawl.internal.requests == []
    assert not [p for p in crawl.paths() if p.startswith("/private/")]
    refused = [r for r in crawl.rows("errors") if r["error"] == "forbidden_address"]
    assert {urlsplit(r["url"]).path for r in refused} == {"/secret", "/redirected-secret"}
    assert {urlsplit(r["url"]).port for r in refused} == {urlsplit(crawl.internal.url).port}


def test_traps_are_bounded_and_retries_are_counted(crawl: Crawl) -> None:
    paths = crawl.paths()
    assert 0 < paths["/calendar"] <= TRAP_RUN + 1
    assert 0 < paths["/s/"] <= TRAP_RUN + 1
    assert paths["/flaky"] == 2  # 503 with Retry-After, then the page
    assert paths["/busy"] == 2  # 500, then the page
    assert paths["/status/500"] == 2  # RETRY_TIMES=1
    assert paths["/loop/a"] == 1 and paths["/loop/b"] == 1
    assert paths["/chain/1"] == paths["/chain/2"] == paths["/chain/3"] == 1


def test_retries_wait_as_retry_after_asks_or_back_off(crawl: Crawl) -> None:
    def gap(path: str) -> float:
        times = [t for (_, _, p, _), t in zip(crawl.site.requests, crawl.site.times) if p == path]
        assert len(times) == 2, path
        return times[1] - times[0]

    assert gap("/flaky") >= 1.0  # Retry-After: 1
    assert gap("/busy") >= BACKOFF and gap("/status/500") >= BACKOFF


def test_the_crawl_is_quick_and_small(crawl: Crawl) -> None:
    # Peak RSS of the crawl (its largest process: the crawler, a worker), not of earlier tests' children.
    assert 0 < crawl.peak_kb < 400 * 1024, crawl.peak_kb
    assert crawl.seconds < 30
    con = duckdb.connect()
    (n,) = con.execute(f"SELECT count(*) FROM read_parquet('{crawl.out}/errors/*/*.parquet')").fetchone()
    assert n == len(crawl.rows("errors")) >= len(EXPECTED_ERRORS) + 2


def test_the_address_guard_can_be_switched_off(tmp_path: Path) -> None:
    with FaultSite() as internal, FaultSite(internal_url=internal.url) as site:
        r = run_cli("crawl", "--start-url", site.url + "/to-internal", "--out", str(tmp_path), *FAST, *LIMITS,
                    "-s", "ROBOTSTXT_OBEY=False", "-s", "CLEANCRAWL_ADDRESS_GUARD=False", timeout=60)
        assert r.returncode == 0, r.stderr
        # The redirect hop, and the home page's link (reached through robots.txt's sitemap).
        assert {p for _, _, p, _ in internal.requests} == {"/redirected-secret", "/secret"}
