"""DatasetWriter and reader: explicit schemas, partitions, atomic files, bounded buffers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from crawler.dataset.reader import check_dataset, open_table, stats
from crawler.dataset.schema import SCHEMAS
from crawler.dataset.writer import DatasetWriter
from crawler.errors import DatasetError

T0 = datetime(2026, 11, 24, 23, 59, 0, tzinfo=timezone.utc)


def page_row(i: int, when: datetime = T0, crawl_id: str = "c1") -> dict:
    return {
        "url": f"http://127.0.0.1/a/{i}", "domain": "127.0.0.1", "crawl_id": crawl_id, "fetched_at": when,
        "http_status": 200, "page_type": "article", "title": f"Title {i}", "language": "en", "text": f"body {i} " * 50,
        "text_length": 400, "removed": [{"kind": "spam", "reason": "spam.link_run", "text": "casino", "score": 0.9,
                                         "signals": "x=1.00"}],
        "spam_score": 0.1, "is_spam": False, "cleaner_version": "test",
    }


def test_rows_land_in_hive_partitions_by_utc_day(tmp_path: Path) -> None:
    with DatasetWriter(tmp_path, "c1", rows_per_group=3) as w:
        for i in range(7):
            w.write("pages", page_row(i, T0 + timedelta(minutes=i)))
    days = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert days == ["crawl_date=2026-11-24", "crawl_date=2026-11-25"]
    table = open_table(tmp_path, "pages").to_table()
    assert table.num_rows == 7
    assert sorted(table.column("crawl_date").to_pylist()).count("2026-11-24") == 1


def test_row_groups_are_flushed_as_rows_arrive(tmp_path: Path) -> None:
    w = DatasetWriter(tmp_path, "c1", rows_per_group=10).open()
    for i in range(25):
        w.write("pages", page_row(i))
    # before close nothing is visible to readers, and at most one group is buffered
    assert not list((tmp_path / "pages").rglob("*.parquet"))
    assert sum(len(f.rows) for f in w._open.values()) == 5
    w.close()
    (path,) = (tmp_path / "pages").rglob("*.parquet")
    meta = pq.ParquetFile(path).metadata
    assert meta.num_row_groups == 3 and meta.num_rows == 25
    assert meta.row_group(0).column(0).compression == "ZSTD"
    assert not list(tmp_path.rglob("*.tmp"))


def test_files_rotate_and_runs_append_new_files(tmp_path: Path) -> None:
    for crawl in ("c1", "c2"):
        with DatasetWriter(tmp_path, crawl, rows_per_group=4, rows_per_file=8) as w:
            for i in range(10):
                w.write("pages", page_row(i, crawl_id=crawl))
    names = sorted(p.name for p in (tmp_path / "pages").rglob("*.parquet"))
    assert names == ["c1-0-00001.parquet", "c1-0-00002.parquet", "c2-0-00001.parquet", "c2-0-00002.parquet"]
    assert open_table(tmp_path, "pages").count_rows() == 20


def test_schema_is_explicit_and_duckdb_reads_every_table(tmp_path: Path) -> None:
    with DatasetWriter(tmp_path, "c1") as w:
        w.write("pages", page_row(1))
        w.write("errors", {"url": "http://127.0.0.1/x", "crawl_id": "c1", "error": "timeout", "detail": "30s",
                           "time": T0})
    pages = pq.read_table(next((tmp_path / "pages").rglob("*.parquet")))
    assert pages.schema.equals(SCHEMAS["pages"], check_metadata=False)
    assert pages.schema.metadata[b"cleancrawl.schema_version"] == b"1"
    con = duckdb.connect()
    glob = lambda t: str(tmp_path / t / "*" / "*.parquet")  # noqa: E731
    reasons = con.execute(f"SELECT r.reason FROM read_parquet('{glob('pages')}', hive_partitioning=true), "
                          "unnest(removed) AS u(r)").fetchall()
    assert reasons == [("spam.link_run",)]
    assert con.execute(f"SELECT error FROM read_parquet('{glob('errors')}')").fetchall() == [("timeout",)]
    # a table that got no rows still has a readable (empty) file, so globs never fail
    assert con.execute(f"SELECT count(*) FROM read_parquet('{glob('rejected')}')").fetchone() == (0,)


def test_stats_and_not_a_dataset(tmp_path: Path) -> None:
    with DatasetWriter(tmp_path, "c1") as w:
        for i in range(3):
            w.write("pages", page_row(i))
    s = stats(tmp_path)
    assert (s["pages"], s["rejected"], s["errors"], s["crawls"]) == (3, 0, 0, 1)
    assert s["removed_by_reason"] == {"spam.link_run": 3} and s["removed_chars"] == 18
    with pytest.raises(DatasetError, match="not a cleancrawl dataset"):
        check_dataset(tmp_path / "pages")
    with pytest.raises(DatasetError, match="no such dataset"):
        check_dataset(tmp_path / "missing")


def test_raw_bodies_are_stored_without_a_dictionary_and_read_back_whole(tmp_path: Path) -> None:
    bodies = [f"<html><p>page {i}</p></html>".encode() * (i + 1) for i in range(4)]
    with DatasetWriter(tmp_path, "c1") as w:
        for i, body in enumerate(bodies):
            w.write("raw", {"url": f"http://127.0.0.1/a/{i}", "crawl_id": "c1", "fetched_at": T0, "http_status": 200,
                            "headers": {"content-type": "text/html"}, "body": body, "page_type": "article"})
    (path,) = (tmp_path / "raw").glob("*/*.parquet")
    group = pq.ParquetFile(path).metadata.row_group(0)
    encodings = {group.column(i).path_in_schema: group.column(i).encodings for i in range(group.num_columns)}
    assert "RLE_DICTIONARY" not in encodings["body"]
    assert "RLE_DICTIONARY" in encodings["url"] and "RLE_DICTIONARY" in encodings["headers.key_value.value"]
    rows = pq.read_table(path).to_pylist()
    assert [r["body"] for r in rows] == bodies and rows[0]["headers"] == [("content-type", "text/html")]
