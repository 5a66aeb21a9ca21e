"""A real crawl of the demo site on loopback, read back with pyarrow and DuckDB."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest

from conftest import FAST, run_cli
from crawler.dataset.reader import open_table
from crawler.demo.server import SiteServer

EXPECTED = json.loads((Path(__file__).resolve().parents[1] / "crawler" / "demo" / "expected.json").read_text("utf8"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SiteServer]:
    out = tmp_path_factory.mktemp("crawl")
    with SiteServer() as server:
        r = run_cli("crawl", "--start-url", server.url + "/", "--out", str(out), *FAST)
        assert r.returncode == 0, r.stderr
        assert "pages kept" in r.stdout
        return out, server


def _rows(out: Path, table: str) -> dict[str, dict]:
    rows = open_table(out, table).to_table().to_pylist()
    return {urlsplit(r["url"]).path: r for r in rows}


def test_every_article_is_kept_once_and_spam_pages_are_rejected(crawled: tuple[Path, SiteServer]) -> None:
    out, _ = crawled
    pages, rejected = _rows(out, "pages"), _rows(out, "rejected")
    all_urls = [r["url"] for t in ("pages", "rejected") for r in open_table(out, t).to_table(columns=["url"]).to_pylist()]
    assert len(all_urls) == len(set(all_urls)), "a URL was written twice"
    for path, want in EXPECTED.items():
        if want["kind"] == "article":
            assert path in pages, f"article {path} not in pages"
        elif want["kind"] == "spam_page":
            assert path in rejected and rejected[path]["reject_reason"] == "spam.page", path
        elif want["kind"] == "listing":
            assert path in rejected and rejected[path]["reject_reason"] == "pagetype.listing", path


def test_spam_is_removed_and_articles_survive(crawled: tuple[Path, SiteServer]) -> None:
    out, _ = crawled
    pages = _rows(out, "pages")
    for path, want in EXPECTED.items():
        if want["kind"] != "article":
            continue
        text = _norm(pages[path]["text"])
        for keep in want["must_keep"]:
            assert _norm(keep) in text, f"{path}: lost {keep!r}"
        for junk in want["must_remove"]:
            assert _norm(junk) not in text, f"{path}: kept {junk!r}"
        if want["legit_gambling"]:
            assert pages[path]["text_length"] > 800


def test_robots_is_obeyed_and_every_request_is_accounted_for(crawled: tuple[Path, SiteServer]) -> None:
    out, server = crawled
    fetched = [path for method, path, status in server.requests]
    assert not [p for p in fetched if p.startswith("/private/")]
    errors = open_table(out, "errors").to_table().to_pylist()
    assert {e["error"] for e in errors} <= {"robots", "http_status"}
    assert any(e["error"] == "robots" and "/private/" in e["url"] for e in errors)


def test_duckdb_reads_the_dataset_with_partitions(crawled: tuple[Path, SiteServer]) -> None:
    out, _ = crawled
    con = duckdb.connect()
    pages = f"read_parquet('{out}/pages/*/*.parquet', hive_partitioning=true)"
    n, langs, dates = con.execute(
        f"SELECT count(*), count(DISTINCT language), count(DISTINCT crawl_date) FROM {pages}").fetchone()
    assert n == open_table(out, "pages").count_rows() and langs >= 5 and dates >= 1
    removed = con.execute(f"SELECT r.kind, count(*) FROM {pages}, unnest(removed) AS u(r) GROUP BY 1").fetchall()
    assert {"spam", "boilerplate"} <= {k for k, _ in removed}
    raw = con.execute(f"SELECT count(*) FROM read_parquet('{out}/raw/*/*.parquet')").fetchone()[0]
    assert raw >= n
    summary = json.loads(next((out / "runs").glob("*.json")).read_text())
    assert summary["pages"] == n and summary["finish_reason"] == "finished"


def test_a_refused_connection_is_an_errors_row(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = run_cli("crawl", "--start-url", f"http://127.0.0.1:{port}/", "--out", str(tmp_path), *FAST,
                "-s", "RETRY_TIMES=0", "-s", "ROBOTSTXT_OBEY=False")
    assert r.returncode == 0, r.stderr
    (row,) = open_table(tmp_path, "errors").to_table().to_pylist()
    assert (row["url"], row["error"]) == (f"http://127.0.0.1:{port}/", "connection")
    assert "0 pages kept, 0 rejected, 1 errors" in r.stdout


def test_a_long_archive_is_paginated_to_its_end(tmp_path: Path) -> None:
    # 13 listing pages chained by "next": longer than the trap bound on same-shape runs
    # (CLEANCRAWL_TRAP_RUN = 10), but every listing leads to new articles, so it is
    # pagination and the crawl must reach the last article.
    from crawler.demo.generated import PER_LIST

    pages = PER_LIST * 12 + 7
    with SiteServer(generated_pages=pages) as server:
        r = run_cli("crawl", "--start-url", server.url + "/gen/list-0.html", "--out", str(tmp_path), *FAST,
                    "-s", "CLEANCRAWL_STORE_RAW=False")
        assert r.returncode == 0, r.stderr
    kept = {p for p in _rows(tmp_path, "pages") if p.startswith("/gen/article-")}
    assert kept == {f"/gen/article-{i}.html" for i in range(pages)}


def _verdicts(out: Path) -> dict[str, tuple]:
    """Each page's table, page type, reject reason and text: what a re-clean must reproduce."""
    return {path: (table, r["page_type"], r["reject_reason"], r["text"])
            for table in ("pages", "rejected") for path, r in _rows(out, table).items()}


def test_reclean_of_the_crawl_gives_the_crawls_tables(crawled: tuple[Path, SiteServer], tmp_path: Path) -> None:
    """The crawl stores its page-type decision in raw, and reclean reuses it."""
    out, _ = crawled
    again = tmp_path / "again"
    r = run_cli("reclean", str(out), "--out", str(again))
    assert r.returncode == 0, r.stderr
    assert _verdicts(again) == _verdicts(out)
    raw = {path: r.get("page_type") for path, r in _rows(out, "raw").items()}
    assert raw == {path: v[1] for path, v in _verdicts(out).items()}


def test_reclean_of_raw_without_page_type_decides_from_the_dom(crawled: tuple[Path, SiteServer],
                                                                tmp_path: Path) -> None:
    """A dataset stored before raw.page_type: reclean makes the crawl's DOM decision, not a URL guess."""
    import shutil

    import pyarrow.parquet as pq

    out, _ = crawled
    old = tmp_path / "old"
    shutil.copytree(out, old)
    for f in (old / "raw").glob("*/*.parquet"):
        table = pq.read_table(f)
        pq.write_table(table.drop_columns([c for c in ("page_type",) if c in table.column_names]), f)
    again = tmp_path / "again"
    r = run_cli("reclean", str(old), "--out", str(again))
    assert r.returncode == 0, r.stderr
    assert _verdicts(again) == _verdicts(out)
    assert {"/id/", "/intl/", "/tr/"} <= {p for p, v in _verdicts(again).items() if v[1] == "listing"}
