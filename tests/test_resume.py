"""A --jobdir crawl killed with SIGKILL (twice) and stopped with Ctrl-C, then resumed: every page once."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Callable

import duckdb
import pyarrow.parquet as pq
import pytest

from conftest import CLI, cli_env, FAST, REPO, run_cli
from crawler.demo import generated
from crawler.demo.server import SiteServer
from crawler.journal import JobDir

PAGES = 300
# Small row groups and files, and a small row log, so that files are committed all
# through the crawl and a kill finds committed files, open .tmp files and logged rows.
SMALL = ["-s", "CLEANCRAWL_ROWS_PER_GROUP=5", "-s", "CLEANCRAWL_ROWS_PER_FILE=20",
         "-s", "CLEANCRAWL_CHECKPOINT_BYTES=200000"]
# How each interrupted run ends: two hard kills, then a graceful stop (Ctrl-C).
STOPS = (signal.SIGKILL, signal.SIGKILL, signal.SIGINT)
TABLES = ("pages", "rejected", "errors")


def _wait(until: Callable[[], bool], proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        assert proc.poll() is None, "the crawl ended before it could be stopped: " + proc.stderr.read().decode()[-800:]
        assert time.monotonic() < deadline, "the crawl made no progress"
        time.sleep(0.005)


def _urls(out: Path, table: str) -> Counter[str]:
    """URLs of every committed file of ``table``, each file read whole by pyarrow."""
    urls: Counter[str] = Counter()
    for f in sorted(out.glob(f"{table}/crawl_date=*/*.parquet")):
        urls.update(pq.read_table(f).column("url").to_pylist())
    return urls


def _check_readable(out: Path) -> int:
    """Every committed file opens in pyarrow and DuckDB; return the rows of pages/rejected/errors."""
    con = duckdb.connect()
    total = 0
    for table in (*TABLES, "raw"):
        if not any(out.glob(f"{table}/crawl_date=*/*.parquet")):
            continue
        n = sum(_urls(out, table).values())
        q = f"SELECT count(*) FROM read_parquet('{out}/{table}/*/*.parquet', hive_partitioning=true)"
        assert con.execute(q).fetchone()[0] == n
        total += n if table != "raw" else 0
    return total


@pytest.fixture(scope="module")
def resumed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SiteServer, list[int], list[int], str]:
    base = tmp_path_factory.mktemp("resume")
    out, jobdir = base / "out", base / "job"
    rng = random.Random(20261125)
    with SiteServer(root=None, generated_pages=PAGES) as server:
        cmd = [*CLI, "crawl", "--start-url", server.url + "/gen/list-0.html", "--out", str(out),
               "--jobdir", str(jobdir), *FAST, *SMALL]
        rows_after_stop, logged_at_kill = [], []
        for stop in STOPS:
            before = len(server.requests)
            at = before + rng.randint(40, 90)
            proc = subprocess.Popen(cmd, cwd=REPO, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            # Stop mid-crawl: after a seeded number of requests, with files committed and,
            # before a hard kill, rows in the log that no committed file holds yet.
            wal = jobdir / "rows.wal"
            _wait(lambda: len(server.requests) >= at and any(out.glob("pages/*/*.parquet"))
                  and (stop != signal.SIGKILL or (wal.exists() and wal.stat().st_size > 0)), proc)
            proc.send_signal(stop)
            proc.communicate(timeout=60)
            if stop == signal.SIGKILL:  # rows that were in no committed file yet, for the next run to replay
                logged_at_kill.append((jobdir / "rows.wal").stat().st_size)
            rows_after_stop.append(_check_readable(out))
        final = subprocess.run(cmd, cwd=REPO, env=cli_env(), capture_output=True, text=True, timeout=120)
        assert final.returncode == 0, final.stderr[-2000:]
        print("rows after each stop", rows_after_stop, "log bytes at kills", logged_at_kill,
              "requests", len(server.requests))
        return out, server, rows_after_stop, logged_at_kill, final.stdout


def test_every_page_is_written_exactly_once(resumed: tuple[Path, SiteServer, list[int], list[int], str]) -> None:
    out, server, rows_after_stop, logged_at_kill, _ = resumed
    expected = {server.url + "/"} | {f"{server.url}/gen/article-{i}.html" for i in range(PAGES)} | {
        f"{server.url}/gen/list-{k}.html" for k in range(generated.list_count(PAGES))}
    # Every stop landed mid-crawl, and the resumed runs added pages (a loaded machine may
    # stop one run before it commits a file, so only the whole sequence must grow).
    assert 0 < rows_after_stop[0] <= rows_after_stop[1] <= rows_after_stop[2] < len(expected)
    assert rows_after_stop[0] < rows_after_stop[2]
    assert max(logged_at_kill) > 0, "no kill left uncommitted rows to replay"
    rows: Counter[str] = Counter()
    for table in TABLES:
        rows.update(_urls(out, table))
    assert set(rows) == expected
    assert [u for u, n in rows.items() if n > 1] == []
    raw = _urls(out, "raw")
    assert set(raw) == expected and max(raw.values()) == 1


def test_no_temporary_file_is_left_and_duckdb_reads_everything(
        resumed: tuple[Path, SiteServer, list[int], list[int], str]) -> None:
    out, _, _, _, stdout = resumed
    assert not list(out.rglob("*.tmp"))
    con = duckdb.connect()
    n, distinct, crawls = con.execute(
        f"SELECT count(*), count(DISTINCT url), count(DISTINCT crawl_id) FROM ("
        f" SELECT url, crawl_id FROM read_parquet('{out}/pages/*/*.parquet', hive_partitioning=true)"
        f" UNION ALL SELECT url, crawl_id FROM read_parquet('{out}/rejected/*/*.parquet', hive_partitioning=true))"
    ).fetchone()
    assert n == distinct == PAGES + generated.list_count(PAGES) + 1
    assert crawls == 1, "the resumed runs kept the first run's crawl_id"
    assert "crawl " in stdout


def test_the_job_directory_is_locked_while_a_crawl_runs(tmp_path: Path) -> None:
    job = JobDir(tmp_path / "job").lock()
    try:
        r = run_cli("crawl", "--start-url", "http://127.0.0.1:9/", "--out", str(tmp_path / "out"),
                    "--jobdir", str(tmp_path / "job"))
    finally:
        job.unlock()
    assert (r.returncode, r.stderr.strip()) == (2, f"cleancrawl: error: job directory {tmp_path / 'job'} is in use by another crawl")


def test_a_job_directory_keeps_its_dataset(tmp_path: Path) -> None:
    JobDir(tmp_path / "job").crawl_id(str(tmp_path / "a"), lambda: "c1")
    r = run_cli("crawl", "--start-url", "http://127.0.0.1:9/", "--out", str(tmp_path / "b"),
                "--jobdir", str(tmp_path / "job"))
    assert r.returncode == 2
    assert r.stderr.strip() == (f"cleancrawl: error: job directory {tmp_path / 'job'} belongs to a crawl writing to"
                                f" {tmp_path / 'a'}; use that --out or a new --jobdir")
