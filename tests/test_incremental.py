"""Scheduled incremental jobs: one job file run again and again against the demo site on loopback.

Run 1 fills the dataset. Run 2 meets an unchanged site: every page request carries
If-None-Match and If-Modified-Since, every answer is a 304, no row is added. Then one
article's text changes (and another article's spam and markup only): exactly that one
page is added. A new article linked from a category page is found through the 304s
of the pages above it. A full run re-adds everything; a server without validators is
answered by the content hash alone. Every run's summary accounts for every URL.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest

from conftest import CLI, cli_env, REPO, run_cli
from crawler.dataset.reader import open_table
from crawler.demo.server import SiteServer

EXPECTED = json.loads((REPO / "crawler" / "demo" / "expected.json").read_text("utf8"))
CHANGED = "/2024/06/heatwave-warning-extended/"
SPAM_ONLY = "/2024/05/riverside-council-approves-budget/"
NEW = "/2024/11/heat-warning-lifted-after-storms/"
LISTING = "/category/science/"
TABLES = ("pages", "rejected", "errors", "raw")
# Loopback needs no politeness; the job file's own [politeness] table says so.
JOB = """\
start_urls = ["{url}/"]
out = "dataset"
max_depth = 6

[politeness]
delay = 0
concurrency = 16
autothrottle = false

[settings]
LOG_LEVEL = "WARNING"
"""


@dataclass
class Run:
    """What one `cleancrawl crawl --config` run did: its summary, requests and rows added."""

    summary: dict
    stdout: str
    requests: list[tuple[str, str | None, str | None, int]]  # (path, If-None-Match, If-Modified-Since, status)
    added: dict[str, list[dict]]  # table -> rows this run's crawl_id wrote

    def added_paths(self, table: str) -> list[str]:
        return sorted(urlsplit(r["url"]).path for r in self.added[table])


def _crawl(server: SiteServer, job: Path, *args: str) -> Run:
    first = len(server.validators)
    r = run_cli("crawl", "--config", str(job), *args, timeout=120)
    assert r.returncode == 0, r.stderr
    out = job.parent / "dataset"
    runs = sorted((out / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
    summary = json.loads(runs[-1].read_text("utf8"))
    added = {t: [row for row in open_table(out, t).to_table().to_pylist() if row["crawl_id"] == summary["crawl_id"]]
             for t in TABLES}
    return Run(summary, r.stdout, server.validators[first:], added)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    folder = tmp_path_factory.mktemp("job")
    with SiteServer() as server:
        job = folder / "news.toml"
        job.write_text(JOB.format(url=server.url), encoding="utf8")
        done = {"first": _crawl(server, job), "unchanged": _crawl(server, job)}

        article = server.answer(CHANGED)[2]
        keep = EXPECTED[CHANGED]["must_keep"][0].encode()
        assert keep in article
        server.change(CHANGED, article.replace(keep, keep + b" Forecasters expect the heat to break on Monday."))
        other = server.answer(SPAM_ONLY)[2]
        assert b">kralbet</a>" in other
        server.change(SPAM_ONLY, other.replace(b">kralbet</a>", b">kralbet giris</a>").replace(
            b"</body>", b"<!-- rendered again --></body>"))
        done["one_changed"] = _crawl(server, job)

        fresh = article.replace(keep, b"The heat warning was lifted on Sunday after storms crossed the south.")
        server.change(NEW, fresh.replace(b"<title>", b"<title>Lifted: "))
        listing = server.answer(LISTING)[2]
        server.change(LISTING, listing.replace(b"</main>", f'<a href="{NEW}">Heat warning lifted</a></main>'.encode(), 1))
        done["one_new"] = _crawl(server, job)

        done["full"] = _crawl(server, job, "--full")
        server.send_validators = False
        done["no_validators"] = _crawl(server, job)
    return done


def _pages_requested(run: Run) -> list[tuple[str, str | None, str | None, int]]:
    # Scrapy's robots.txt middleware fetches /robots.txt for itself, unconditionally, each run.
    robots = [r for r in run.requests if r[0] == "/robots.txt" and r[1] is None]
    assert len(robots) == 1
    return [r for r in run.requests if r is not robots[0]]


def test_second_run_sends_conditional_requests_and_adds_no_rows(runs: dict[str, Run]) -> None:
    first, again = runs["first"], runs["unchanged"]
    assert len(first.added["pages"]) == sum(1 for v in EXPECTED.values() if v["kind"] == "article")
    assert not any(r[1] or r[2] for r in first.requests), "the first run had nothing to be conditional on"
    requests = _pages_requested(again)
    assert len(requests) == len(first.requests) - 1  # robots.txt's own fetch aside, the same URLs
    for path, etag, since, status in requests:
        assert etag and etag.startswith('"') and since and since.endswith(" GMT"), path
        assert status == 304, path
    assert {t: len(rows) for t, rows in again.added.items()} == dict.fromkeys(TABLES, 0)
    s = again.summary
    assert (s["pages"], s["rejected"], s["errors"]) == (0, 0, 0)
    assert s["not_modified"] == len(requests)
    # Every URL the first run recorded is accounted for: 304, or (robots.txt refusals) unchanged.
    written = sum(first.summary[t] for t in ("pages", "rejected", "errors"))
    assert s["not_modified_by_kind"]["page"] + s["unchanged"] == written
    assert s["unchanged_by_table"] == {"errors": 1}  # /private/, refused by robots.txt again
    assert "59 pages not modified (304), 1 fetched but unchanged" in again.stdout


def test_after_one_page_changes_exactly_that_page_is_added(runs: dict[str, Run]) -> None:
    run = runs["one_changed"]
    assert run.added_paths("pages") == [CHANGED] and run.added_paths("raw") == [CHANGED]
    assert run.added["rejected"] == [] and run.added["errors"] == []
    (row,) = run.added["pages"]
    assert "Forecasters expect the heat to break on Monday." in row["text"]
    statuses = {path: status for path, _, _, status in _pages_requested(run)}
    # The page whose spam and markup alone changed was fetched again (200) but adds no row.
    assert statuses[CHANGED] == statuses[SPAM_ONLY] == 200
    assert sorted(p for p, st in statuses.items() if st != 304) == sorted([CHANGED, SPAM_ONLY])
    assert run.summary["unchanged_by_table"] == {"pages": 1, "errors": 1}
    first = runs["first"]
    old = next(r for r in first.added["pages"] if urlsplit(r["url"]).path == CHANGED)
    assert old["text_hash"] != row["text_hash"]


def test_a_new_page_is_found_through_unchanged_pages(runs: dict[str, Run]) -> None:
    run = runs["one_new"]
    assert run.added_paths("pages") == [NEW]
    assert run.added["rejected"] == [] and run.added["errors"] == []
    statuses = {path: status for path, _, _, status in _pages_requested(run)}
    # Home, sections and sitemaps answered 304; their stored links still led to the listing.
    assert statuses["/"] == statuses["/sitemap_index.xml"] == 304
    assert statuses[LISTING] == 200 and statuses[NEW] == 200
    assert run.summary["unchanged_by_table"] == {"rejected": 1, "errors": 1}  # the listing is still a listing


def test_full_run_writes_every_row_and_state_keeps_working(runs: dict[str, Run]) -> None:
    full = runs["full"]
    assert not any(r[1] or r[2] for r in full.requests)
    written = sum(runs["first"].summary[t] for t in ("pages", "rejected", "errors")) + 1  # + the new article
    assert sum(len(full.added[t]) for t in ("pages", "rejected", "errors")) == written
    assert full.summary["not_modified"] == full.summary["unchanged"] == 0


def test_without_validators_the_content_hash_decides(runs: dict[str, Run]) -> None:
    run = runs["no_validators"]
    statuses = [status for _, _, _, status in run.requests]
    assert 304 not in statuses
    assert {t: len(rows) for t, rows in run.added.items()} == dict.fromkeys(TABLES, 0)
    written = sum(runs["full"].summary[t] for t in ("pages", "rejected", "errors"))
    assert run.summary["unchanged"] == written and run.summary["not_modified"] == 0


def test_dataset_holds_one_row_per_version_of_a_page(runs: dict[str, Run]) -> None:
    folder = Path(runs["first"].summary["out"])
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT url, count(*) FROM read_parquet('{folder}/pages/*/*.parquet', hive_partitioning=true) "
        "WHERE crawl_id <> ? GROUP BY url HAVING count(*) > 1", [runs["full"].summary["crawl_id"]]).fetchall()
    assert [(urlsplit(u).path, n) for u, n in rows] == [(CHANGED, 2)]


def test_a_killed_run_leaves_the_state_as_it_was(tmp_path: Path) -> None:
    """SIGKILL mid-crawl: the state merges nothing, so the next run writes every page it finds."""
    with SiteServer() as server:
        job = tmp_path / "news.toml"
        job.write_text(JOB.format(url=server.url).replace("delay = 0\nconcurrency = 16", "delay = 0.05\nconcurrency = 1"))
        proc = subprocess.Popen([*CLI, "crawl", "--config", str(job)], cwd=REPO, env=cli_env(), start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while len(server.requests) < 25 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            assert proc.poll() is None, "the crawl ended before it could be killed"
        finally:
            os.killpg(proc.pid, signal.SIGKILL)  # the crawler and its worker processes
            proc.wait()
        with sqlite3.connect(tmp_path / "dataset" / "state.sqlite") as db:
            assert db.execute("SELECT count(*) FROM url_state").fetchone() == (0,)
        run = _crawl(server, job, "-s", "DOWNLOAD_DELAY=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16")
    assert not any(r[1] or r[2] for r in run.requests)
    assert run.added_paths("pages") == sorted(p for p, v in EXPECTED.items() if v["kind"] == "article")
