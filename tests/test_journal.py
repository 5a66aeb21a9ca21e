"""The job directory's files: torn last records are cut off, logged rows replayed once, pending requests kept."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from crawler.dataset.wal import LoggedWriter, RowLog, recover
from crawler.dataset.writer import DatasetWriter
from crawler.errors import ConfigError
from crawler.journal import Entry, Frontier, JobDir

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def _rows(i: int) -> list[tuple[str, dict]]:
    url = f"http://127.0.0.1/a/{i}"
    return [("raw", {"url": url, "crawl_id": "c1", "fetched_at": T0, "http_status": 200,
                     "headers": {"content-type": "text/html"}, "body": b"<p>x</p>" * i}),
            ("errors", {"url": url, "domain": "127.0.0.1", "crawl_id": "c1", "error": "http_status",
                        "detail": f"HTTP {400 + i}", "http_status": 400 + i, "time": T0})]


def _urls(root: Path, table: str) -> list[str]:
    return sorted(u for f in root.glob(f"{table}/*/*.parquet") for u in pq.read_table(f).column("url").to_pylist())


def test_frontier_keeps_pending_requests_and_cuts_a_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "frontier.jsonl"
    f = Frontier(path)
    for i in range(3):
        assert f.schedule(Entry(f"http://127.0.0.1/p/{i}", "parse_page", "failed", {"prior": None}, i))
    assert not f.schedule(Entry("http://127.0.0.1/p/0#frag"))  # same request, another spelling
    f.finish("http://127.0.0.1/p/1")
    f.close()
    with path.open("ab") as fh:  # killed in the middle of a line
        fh.write(b'{"d":"http://127.0.0.1/p/')
    g = Frontier(path)
    assert [e.url for e in g.pending()] == ["http://127.0.0.1/p/0", "http://127.0.0.1/p/2"]
    g.finish("http://127.0.0.1/p/2")
    assert g.take_pending() == [Entry("http://127.0.0.1/p/0", "parse_page", "failed", {"prior": None}, 0)]
    assert g.pending() == [] and g.is_done("http://127.0.0.1/p/2#x")
    g.close()
    assert path.read_bytes().endswith(b'{"d":"http://127.0.0.1/p/2"}\n')
    assert [e.url for e in Frontier(path).pending()] == ["http://127.0.0.1/p/0"]


def test_logged_rows_of_uncommitted_files_are_replayed_once(tmp_path: Path) -> None:
    out, log_path = tmp_path / "out", tmp_path / "rows.wal"
    writer = LoggedWriter(DatasetWriter(out, "c1", rows_per_group=1, rows_per_file=3), RowLog(log_path), 1 << 30).open()
    for i in range(7):  # files of 3 rows: two are committed, the third is an open .tmp
        writer.write_rows(_rows(i))
    assert len(list(out.glob("errors/*/*.parquet"))) == 2 and list(out.glob("errors/*/*.tmp"))
    with log_path.open("ab") as fh:  # a record torn by the kill
        fh.write(b"\x00\x00\x10\x00garbage")
    # The process "dies" here: nothing is closed, and the locks on its open files go with it.
    for f in writer.writer._open.values():
        f.lock.close()
    log = RowLog(log_path)
    assert len(log.records) == 7
    urls = recover(out, log, "c1")
    assert urls == {f"http://127.0.0.1/a/{i}" for i in range(7)}
    assert log_path.stat().st_size == 0 and not list(out.rglob("*.tmp"))
    assert _urls(out, "errors") == _urls(out, "raw") == sorted(urls)
    # A second recovery (killed again right after the first) changes nothing.
    assert recover(out, RowLog(log_path), "c1") == set()
    assert _urls(out, "errors") == sorted(urls)
    # A new writer numbers its files after the replayed ones.
    with DatasetWriter(out, "c1") as w:
        w.write("errors", _rows(9)[1][1])
    assert len(_urls(out, "errors")) == 8


def test_a_checkpoint_commits_every_file_and_empties_the_log(tmp_path: Path) -> None:
    out, log_path = tmp_path / "out", tmp_path / "rows.wal"
    writer = LoggedWriter(DatasetWriter(out, "c1"), RowLog(log_path), 2000).open()
    writer.write_rows(_rows(1))
    writer.checkpoint_if_due()
    assert log_path.stat().st_size > 0 and not list(out.glob("*/*/*.parquet"))
    writer.write_rows(_rows(400))
    writer.checkpoint_if_due()
    assert log_path.stat().st_size == 0
    assert _urls(out, "errors") == ["http://127.0.0.1/a/1", "http://127.0.0.1/a/400"]
    writer.close()


def test_a_job_keeps_its_crawl_id_and_dataset(tmp_path: Path) -> None:
    job = JobDir(tmp_path / "job")
    assert job.crawl_id(str(tmp_path / "out"), lambda: "c1") == "c1"
    assert job.crawl_id(str(tmp_path / "out"), lambda: "c2") == "c1"
    with pytest.raises(ConfigError, match="belongs to a crawl writing to"):
        job.crawl_id(str(tmp_path / "other"), lambda: "c3")
    job.lock()
    with pytest.raises(ConfigError, match="in use by another crawl"):
        JobDir(tmp_path / "job").lock()
    job.unlock()
    JobDir(tmp_path / "job").lock().unlock()
