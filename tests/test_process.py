"""`cleancrawl process`: HTML files, .gz, WARC and directories through the one path into Parquet."""

from __future__ import annotations

import gzip
from pathlib import Path

import duckdb

from conftest import REPO, SEED, run_cli
from crawler.dataset.reader import open_table

ARTICLE = ("<html><head><title>Harbour bridge reopens</title></head><body><article><h1>Harbour bridge reopens</h1>"
           + "".join(f"<p>Engineers finished the {i}th stage of repairs on the harbour bridge this week, and the "
                     "city said buses would return to the old route on Monday morning.</p>" for i in range(8))
           + "</article></body></html>")


def warc_record(url: str, http: bytes, kind: str = "response") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2026-11-20T10:00:00Z\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n")


def chunked(body: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 100]), body[i:i + 100]) for i in range(0, len(body), 100)) + b"0\r\n\r\n"


def test_html_gz_and_warc_inputs_all_land(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.html").write_text(ARTICLE, encoding="utf8")
    (src / "sub" / "b.html.gz").write_bytes(gzip.compress(ARTICLE.replace("harbour", "river").encode()))
    (src / "broken.html.gz").write_bytes(b"\x1f\x8bnot really gzip")
    body = gzip.compress(ARTICLE.replace("harbour", "canal").encode())
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunked(body))
    (src / "c.warc.gz").write_bytes(
        warc_record("http://127.0.0.1/req", b"GET / HTTP/1.1\r\n\r\n", kind="request")
        + warc_record("http://127.0.0.1/canal", http)
        + warc_record("http://127.0.0.1/gone", b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nno"))
    out = tmp_path / "out"
    r = run_cli("process", str(src), "--out", str(out))
    assert r.returncode == 0, r.stderr
    pages = {row["url"]: row for row in open_table(out, "pages").to_table().to_pylist()}
    assert set(pages) == {(src / "a.html").as_uri(), (src / "sub" / "b.html.gz").as_uri(), "http://127.0.0.1/canal"}
    assert "canal bridge" in pages["http://127.0.0.1/canal"]["text"]
    assert pages[(src / "a.html").as_uri()]["title"] == "Harbour bridge reopens"
    errors = {row["url"]: row for row in open_table(out, "errors").to_table().to_pylist()}
    assert errors[(src / "broken.html.gz").as_uri()]["error"] == "unreadable"
    assert (errors["http://127.0.0.1/gone"]["error"], errors["http://127.0.0.1/gone"]["http_status"]) == ("http_status", 404)
    assert "3 pages kept" in r.stdout and "2 errors" in r.stdout


def test_reclean_replays_raw_html_and_stats_reads_it(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(ARTICLE, encoding="utf8")
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_cli("process", str(tmp_path / "a.html"), "--out", str(first)).returncode == 0
    r = run_cli("reclean", str(first), "--out", str(second))
    assert r.returncode == 0, r.stderr
    con = duckdb.connect()
    texts = [con.execute(f"SELECT text, crawl_id FROM read_parquet('{d}/pages/*/*.parquet')").fetchall() for d in (first, second)]
    assert texts[0][0][0] == texts[1][0][0] and texts[0][0][1] != texts[1][0][1]
    r = run_cli("stats", str(second))
    assert r.returncode == 0 and "1 pages, 0 rejected, 0 errors, 1 crawls" in r.stdout


def test_cleaner_options_on_the_command_line_reach_the_cleaner(tmp_path: Path) -> None:
    # A Russian casino row in a table, removed on its score (0.5 and more): at a threshold
    # above any score it stays.
    page = tmp_path / "page.html"
    page.write_bytes((REPO / "tests" / "cases" / "html" / "table_cell_ru.html").read_bytes())
    spam = "Казино онлайн бездепозитный бонус"
    texts = {}
    for name, extra in (("default", []), ("lenient", ["-s", "cleaner.spam_threshold=1.01"])):
        r = run_cli("process", str(page), "--out", str(tmp_path / name), "--workers", "1", *extra)
        assert r.returncode == 0, r.stderr
        texts[name] = open_table(tmp_path / name, "pages").to_table(["text"]).to_pylist()[0]["text"]
    assert spam not in texts["default"] and spam in texts["lenient"]
    assert "Sahabet" in run_cli("clean-text", str(SEED), "-s", "cleaner.spam_threshold=1.01").stdout


def test_seed_text_file_is_cleaned_by_clean_text() -> None:
    r = run_cli("clean-text", str(SEED))
    assert r.returncode == 0
    article = SEED.read_text(encoding="utf8").split("Leave a Reply")[0]
    lines = [line for line in article.splitlines() if line.strip()]
    out_lines = [line for line in r.stdout.splitlines() if line.strip()]
    assert out_lines == lines
