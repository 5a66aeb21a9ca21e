"""Bytes become text by the WHATWG rules in every path: crawl, process (files and WARC), clean_html(bytes)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from cleaners import clean_html
from conftest import FAST, run_cli
from crawler.dataset.reader import open_table
from faultsite import FaultSite, page
from faultsite_text import ARTICLES, FRENCH, WESTERN
from test_process import warc_record

# One invalid byte in a UTF-8 page declared by <meta> only; windows-1252 bytes declared ISO-8859-1.
STRAY = page(*FRENCH[:2], head="<meta charset='utf-8'>").encode("utf8").replace(b"mairie", b"ma\xffirie", 1)
LATIN1 = page(*WESTERN[:2], head='<meta charset="ISO-8859-1">').encode("cp1252")
C1_CONTROLS = [chr(c) for c in range(0x80, 0xA0)]


def assert_stray_byte_replaced(text: str) -> None:
    """The page reads as UTF-8 with the one bad byte replaced, not as mojibake."""
    assert "Après six mois" in text and "la façade" in text and "désormais" in text, text[:200]
    assert text.count("\ufffd") == 1 and "ma\ufffdirie" in text


def assert_windows_1252(text: str) -> None:
    assert "“People come for the square" in text and "Café Müller and the crêperie" in text, text[:200]
    assert not [c for c in C1_CONTROLS if c in text]


def test_clean_html_bytes_follow_the_meta_declaration() -> None:
    assert_stray_byte_replaced(clean_html(STRAY).text)
    assert_windows_1252(clean_html(LATIN1).text)


@pytest.mark.parametrize("body, content_type", [
    (STRAY, None), (LATIN1, None), (page(*WESTERN[:2]).encode("cp1252"), "text/html; charset=iso-8859-1"),
    (page(*FRENCH[:2]).encode("utf-16"), "text/html; charset=utf-8"),  # the byte-order mark wins
    (page(*FRENCH[:2], head='<meta charset="utf-16">').encode("utf8"), None),  # read as UTF-8
    (page(*WESTERN[:2]).encode("cp1252"), None),  # undeclared: detected
])
def test_the_spider_reads_the_text_the_worker_cleans(body: bytes, content_type: str | None) -> None:
    """The encoding the spider fixes on its response (html_encoding) decodes to decode_html's text."""
    from scrapy.http import HtmlResponse

    from cleaners.charset import decode_html, html_encoding

    encoding, text = decode_html(body, content_type)
    response = HtmlResponse("http://x.test/", body=body, encoding=html_encoding(body, content_type))
    assert html_encoding(body, content_type) == encoding and response.text == text


def test_process_decodes_files_and_warc_records_alike(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "stray.html").write_bytes(STRAY)
    (src / "latin1.html").write_bytes(LATIN1)
    header = page(*WESTERN[:2]).encode("cp1252")  # declared in the HTTP header only
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n" + header
    stray = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + STRAY
    (src / "c.warc.gz").write_bytes(warc_record("http://127.0.0.1/latin1", http)
                                    + warc_record("http://127.0.0.1/stray", stray))
    out = tmp_path / "out"
    r = run_cli("process", str(src), "--out", str(out))
    assert r.returncode == 0, r.stderr
    # The same page as a file and as a WARC record: one of each pair is kept, the other
    # rejected as duplicate.exact with its text (crawler/dedup.py); both are read.
    rows = [row for table in ("pages", "rejected") for row in open_table(out, table).to_table().to_pylist()]
    assert sorted(r["reject_reason"] or "" for r in rows) == ["", "", "duplicate.exact", "duplicate.exact"]
    text = {row["url"].rsplit("/", 1)[-1]: row["text"] for row in rows}
    assert_stray_byte_replaced(text["stray.html"])
    assert_stray_byte_replaced(text["stray"])
    assert_windows_1252(text["latin1.html"])
    assert_windows_1252(text["latin1"])


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, FaultSite]]:
    out = tmp_path_factory.mktemp("decode")
    with FaultSite() as site:
        starts = [arg for path in ("/charset/utf8-stray-byte", "/charset/latin1-header", "/lying-png")
                  for arg in ("--start-url", site.url + path)]
        r = run_cli("crawl", *starts, "--out", str(out), "--max-depth", "1", *FAST,
                    "-s", "CLEANCRAWL_WORKERS=1", timeout=120)
        assert r.returncode == 0, r.stderr
        yield out, site


def _rows(out: Path, table: str) -> dict[str, dict]:
    return {urlsplit(row["url"]).path: row for row in open_table(out, table).to_table().to_pylist()}


def test_crawl_decodes_by_meta_and_maps_latin1_to_windows_1252(crawl: tuple[Path, FaultSite]) -> None:
    pages = _rows(crawl[0], "pages")
    assert_stray_byte_replaced(pages["/charset/utf8-stray-byte"]["text"])
    assert_windows_1252(pages["/charset/latin1-header"]["text"])


def test_a_lying_content_type_is_overruled_by_the_body(crawl: tuple[Path, FaultSite]) -> None:
    """An HTML body served as image/png is an HTML page: kept, and its links followed."""
    out, site = crawl
    pages, errors = _rows(out, "pages"), _rows(out, "errors")
    assert "/lying-png" not in errors, errors.get("/lying-png")
    assert ARTICLES["ferry"][1][0][:60] in pages["/lying-png"]["text"]
    assert "/articles/chained.html" in pages
