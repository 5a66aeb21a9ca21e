"""WARC in and out: the test set read by `process` with every record accounted; the writer's files."""

from __future__ import annotations

import random
from datetime import datetime, timezone
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType
from warcio.archiveiterator import ArchiveIterator as WarcioIterator

from conftest import FAST, run_cli
from crawler.cli import build_parser
from crawler.commands import job_config
from crawler.dataset.reader import open_table
from crawler.warcout import Exchange, WarcWriter
from warcset import write_set

REASON = {"pages": None, "rejected": "reject_reason", "errors": "error"}


def rows_by_url(out: Path) -> dict[str, tuple[str, dict]]:
    found: dict[str, tuple[str, dict]] = {}
    for table in REASON:
        for row in open_table(out, table).to_table().to_pylist():
            assert row["url"] not in found, f"{row['url']} is in {found[row['url']][0]} and {table}"
            found[row["url"]] = (table, row)
    return found


def test_every_record_of_the_warc_set_is_one_row(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    expected = write_set(src)
    r = run_cli("process", str(src), "--out", str(out))
    assert r.returncode == 0, r.stderr
    rows = rows_by_url(out)
    got = {url: (table, row[REASON[table]] if REASON[table] else "") for url, (table, row) in rows.items()}
    assert got == expected
    text = {url: row.get("text") for url, (_, row) in rows.items()}
    assert "Инженеры завершили 3-й этап ремонта моста" in text["http://archive.test/ru"]  # windows-1251
    assert "repairs on the tunnel" in text["http://archive.test/gz"]  # chunked, gzip-encoded
    assert rows["http://archive.test/bridge-again"][1]["text"] == text["http://archive.test/bridge"]  # the revisit, resolved
    assert "6 pages kept, 2 rejected, 6 errors" in r.stdout


def exchange(n: int) -> Exchange:
    noise = random.Random(n).randbytes(5000).hex()  # compresses to about 5 KB
    body = f"<html><body><p>page {n}</p>{noise}</body></html>".encode()
    return Exchange(url=f"http://127.0.0.1:8/p/{n}?q=1", method="GET", request_headers=[("Host", "127.0.0.1:8")],
                    status=200, reason="OK", response_headers=[("Content-Type", "text/html")], body=body,
                    when=datetime(2026, 12, 5, 1, 2, 3, 456789, tzinfo=timezone.utc))


def test_the_writer_rotates_by_size_and_renames_whole_files(tmp_path: Path) -> None:
    folder = tmp_path / "warc"
    folder.mkdir()
    (folder / ".old-0-00001.warc.gz.tmp").write_bytes(b"left by a killed run")
    with WarcWriter(folder, "c1", max_bytes=4000) as writer:
        for n in range(5):
            writer.write(exchange(n))
        assert not (folder / ".old-0-00001.warc.gz.tmp").exists()  # swept: no live writer held it
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"c1-0-{n:05d}.warc.gz" for n in range(1, 6)]  # each exchange passed 4,000 bytes
    records = []
    for name in names:
        with open(folder / name, "rb") as f:
            for rec in ArchiveIterator(f, parse_http=False):
                assert rec.verify_block_digest(), name
                rec.parse_http()
                assert rec.verify_payload_digest(), name
                records.append((rec.record_type, rec.headers.get("WARC-Target-URI"), rec.headers.get("WARC-Date")))
    assert records[:2] == [(WarcRecordType.response, "http://127.0.0.1:8/p/0?q=1", "2026-12-05T01:02:03.456789Z"),
                           (WarcRecordType.request, "http://127.0.0.1:8/p/0?q=1", "2026-12-05T01:02:03.456789Z")]
    assert len(records) == 10
    with WarcWriter(folder, "c1") as writer:  # the same crawl again (resumed): numbered after its files
        writer.write(exchange(9))
        assert [p.name for p in folder.glob("*.tmp")] == [".c1-0-00006.warc.gz.tmp"]  # not whole yet: hidden
    assert (folder / "c1-0-00006.warc.gz").exists() and not list(folder.glob("*.tmp"))
    with open(folder / names[0], "rb") as f:  # warcio reads it too, request line and all
        request = [r for r in WarcioIterator(f) if r.rec_type == "request"][0]
        assert request.http_headers.protocol == "GET" and request.http_headers.statusline.startswith("/p/0?q=1")


def test_a_crawl_written_as_warc_processes_to_the_same_texts(tmp_path: Path, demo_site: object) -> None:
    job = tmp_path / "job.toml"  # warc = true in a job file, as --warc on the command line
    job.write_text(f'start_urls = ["{demo_site.url}/"]\nout = "crawl"\nwarc = true\n', encoding="utf8")
    r = run_cli("crawl", "--config", str(job), *FAST)
    assert r.returncode == 0, r.stderr
    crawl = tmp_path / "crawl"
    files = sorted((crawl / "warc").iterdir())
    assert [f.name.endswith(".warc.gz") and not f.name.startswith(".") for f in files] == [True]
    kinds: dict[str, list[str]] = {}
    with open(files[0], "rb") as f:
        for rec in ArchiveIterator(f, parse_http=False):
            assert rec.verify_block_digest() and rec.headers.get("WARC-Date")
            kinds.setdefault(rec.headers.get("WARC-Target-URI"), []).append(rec.headers.get("WARC-Type"))
    # each response followed by its request (robots.txt is fetched twice: robots rules, and its sitemaps)
    assert {u: k for u, k in kinds.items() if k != ["response", "request"] * (len(k) // 2) or not k} == {}
    r = run_cli("process", str(crawl / "warc"), "--out", str(tmp_path / "again"))
    assert r.returncode == 0, r.stderr
    hashes = [{row["url"]: row["text_hash"] for row in open_table(d, "pages").to_table().to_pylist()}
              for d in (crawl, tmp_path / "again")]
    assert len(hashes[0]) > 30 and hashes[1] == hashes[0]
    assert set(kinds) >= set(hashes[0])


def test_the_warc_flag_reaches_the_crawl_settings() -> None:
    args = build_parser().parse_args(["crawl", "--start-url", "http://127.0.0.1:1/", "--warc"])
    assert job_config(args).to_scrapy_settings("c")["CLEANCRAWL_WARC"] is True
    args = build_parser().parse_args(["crawl", "--start-url", "http://127.0.0.1:1/"])
    assert job_config(args).to_scrapy_settings("c")["CLEANCRAWL_WARC"] is False
