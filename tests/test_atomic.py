"""Files stay whole after kills and write failures: no reader ever meets a half-written file.

Real crawls of a loopback site in subprocesses: a SIGKILL mid-crawl, then a re-run,
then the dataset read exactly as the README's loaders read it (pandas, Polars, DuckDB);
write failures made by the kernel itself: a file-size limit (RLIMIT_FSIZE, with SIGXFSZ
ignored so the write fails with EFBIG), a limit of zero bytes standing in for a full
disk (no tmpfs or loop device without root: every write that grows a file fails, as
on a full disk, though with EFBIG instead of ENOSPC), and a read-only partition folder.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pyarrow.parquet as pq

from conftest import CLI, cli_env, FAST, REPO
from crawler.dataset.storage import sweep_temporaries
from crawler.dataset.writer import DatasetWriter
from crawler.demo.server import SiteServer

PAGES = 80
SMALL = ["-s", "CLEANCRAWL_ROWS_PER_GROUP=4", "-s", "CLEANCRAWL_ROWS_PER_FILE=8"]
PR_CAPBSET_DROP = 24
# Root writes into read-only folders (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): drop both.
DAC_CAPS = (1, 2)


def _crawl(url: str, out: Path, *extra: str, preexec: Callable[[], None] | None = None,
           popen: bool = False) -> subprocess.CompletedProcess[str] | subprocess.Popen[str]:
    cmd = [*CLI, "crawl", "--start-url", url, "--out", str(out), *FAST, *extra]
    if popen:
        return subprocess.Popen(cmd, cwd=REPO, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(cmd, cwd=REPO, env=cli_env(), capture_output=True, text=True, timeout=120,
                          preexec_fn=preexec)


def _file_limit(size: int) -> Callable[[], None]:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), not the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


def _no_dac_override() -> None:
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in DAC_CAPS:
            assert libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0, os.strerror(ctypes.get_errno())


def _temporaries(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.endswith(".tmp")]


# README.md's loaders, in a fresh interpreter as a user runs them (and so that their
# memory does not stay in the test process, which every later subprocess inherits).
LOADERS = """
import sys, duckdb, pandas as pd, polars as pl
out = sys.argv[1]
pages = pd.read_parquet(f"{out}/pages")
polars_pages = pl.read_parquet(f"{out}/pages/*/*.parquet", hive_partitioning=True)
n = duckdb.connect().execute(
    f"SELECT count(*) FROM read_parquet('{out}/pages/*/*.parquet', hive_partitioning = true)").fetchone()[0]
print(len(pages), polars_pages.height, n)
"""


def _read_as_the_readme_does(out: Path) -> int:
    """Load pages with pandas, Polars and DuckDB as README.md shows; return the row count."""
    r = subprocess.run([sys.executable, "-c", LOADERS, str(out)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    n_pandas, n_polars, n_duckdb = map(int, r.stdout.split())
    assert n_pandas == n_polars == n_duckdb
    return n_pandas


def _finished_files_read(out: Path) -> int:
    """Every .parquet file opens whole in pyarrow; return their rows."""
    return sum(pq.read_table(f).num_rows for f in out.rglob("*.parquet"))


def _last_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr[-3000:]
    return stderr.strip().splitlines()[-1]


def test_after_a_sigkill_readers_load_the_dataset_and_a_rerun_sweeps_temporaries(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with SiteServer(root=None, generated_pages=PAGES) as server:
        proc = _crawl(server.url + "/gen/list-0.html", out, *SMALL, popen=True)
        deadline = time.monotonic() + 60
        # Kill once files were renamed into place and others are still being written.
        while not (list(out.glob("pages/*/*.parquet")) and _temporaries(out)):
            assert proc.poll() is None, "the crawl ended before it could be killed"
            assert time.monotonic() < deadline, "the crawl made no progress"
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        assert _temporaries(out), "the kill left no temporary file behind"
        killed = _read_as_the_readme_does(out)
        assert killed > 0
        again = _crawl(server.url + "/gen/list-0.html", out, *SMALL)
    assert again.returncode == 0, again.stderr[-2000:]
    assert _temporaries(out) == []
    assert _read_as_the_readme_does(out) >= PAGES


def test_a_writer_sweeps_stale_temporaries_but_not_one_being_written(tmp_path: Path) -> None:
    folder = tmp_path / "pages" / "crawl_date=2026-12-01"
    folder.mkdir(parents=True)
    stale = [folder / "old-0-00001.parquet.tmp", folder / ".old-0-00002.parquet.tmp"]
    for p in stale:
        p.write_bytes(b"")
    row = {"url": "http://127.0.0.1/a", "crawl_id": "c1", "text": "a"}
    with DatasetWriter(tmp_path, "c1", rows_per_group=1) as live:
        live.write("pages", row)
        (writing,) = _temporaries(tmp_path)
        assert writing.name.startswith(".")  # pyarrow's discovery skips it
        assert all(not p.exists() for p in stale)
        assert sweep_temporaries(tmp_path) == 0 and writing.exists()
        assert pq.read_table(tmp_path / "pages").num_rows == 0  # pyarrow's discovery, as pandas uses it
    assert pq.read_table(tmp_path / "pages").num_rows == 1 and _temporaries(tmp_path) == []


def test_a_file_size_limit_stops_the_crawl_with_one_line(demo_site: SiteServer, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = _crawl(demo_site.url + "/", out, preexec=_file_limit(8 * 1024))  # ulimit -f 8
    assert r.returncode == 1, r.stderr[-2000:]
    line = _last_line(r.stderr)
    assert line.startswith("cleancrawl: error: cannot write the dataset: ") and "file-size limit" in line, line
    assert _temporaries(out) == []
    _finished_files_read(out)


def test_a_full_disk_stops_the_crawl_and_keeps_what_was_written(demo_site: SiteServer, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _crawl(demo_site.url + "/", out)
    assert first.returncode == 0, first.stderr[-2000:]
    rows = _finished_files_read(out)
    # Stand-in for a full disk: no file may grow by a single byte.
    r = _crawl(demo_site.url + "/", out, "--full", preexec=_file_limit(0))
    assert r.returncode == 1, r.stderr[-2000:]
    assert _last_line(r.stderr).startswith("cleancrawl: error: cannot write the dataset: ")
    assert _temporaries(out) == [] and _finished_files_read(out) == rows
    assert _read_as_the_readme_does(out) > 0
    # The state was not damaged: the next run, with room again, finds every page unchanged.
    after = _crawl(demo_site.url + "/", out)
    assert after.returncode == 0, after.stderr[-2000:]
    assert _finished_files_read(out) == rows


def test_a_read_only_partition_stops_the_crawl_and_leaves_files_whole(demo_site: SiteServer, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _crawl(demo_site.url + "/", out)
    assert first.returncode == 0, first.stderr[-2000:]
    rows = _finished_files_read(out)
    (folder,) = out.glob("pages/crawl_date=*")
    folder.chmod(0o555)
    try:
        r = _crawl(demo_site.url + "/", out, "--full", preexec=_no_dac_override)
    finally:
        folder.chmod(0o755)
    assert r.returncode == 1, r.stderr[-2000:]
    line = _last_line(r.stderr)
    assert line.startswith("cleancrawl: error: cannot write the dataset: permission denied"), line
    assert str(folder) in line
    assert _temporaries(out) == []
    assert _finished_files_read(out) >= rows
    assert _read_as_the_readme_does(out) > 0


def test_process_stops_on_a_file_size_limit_and_deletes_its_unfinished_files(tmp_path: Path) -> None:
    site = REPO / "crawler" / "demo" / "site"
    out = tmp_path / "out"
    r = subprocess.run([*CLI, "process", str(site), "--out", str(out), "--workers", "1"], cwd=REPO, env=cli_env(),
                       capture_output=True, text=True, timeout=120, preexec_fn=_file_limit(64 * 1024))
    assert r.returncode == 1, r.stderr[-2000:]
    line = _last_line(r.stderr)
    assert line.startswith("cleancrawl: error: cannot write the dataset: file too large for the file-size limit"), line
    assert _temporaries(out) == []
    _finished_files_read(out)


def test_a_resumable_crawl_stopped_by_a_file_size_limit_resumes_with_every_page_once(tmp_path: Path) -> None:
    out, job = tmp_path / "out", tmp_path / "job"
    with SiteServer(root=None, generated_pages=PAGES) as server:
        args = (server.url + "/gen/list-0.html", out, "--jobdir", str(job), "-s", "CLEANCRAWL_ROWS_PER_GROUP=4")
        stopped = _crawl(*args, preexec=_file_limit(64 * 1024))
        assert stopped.returncode == 1, stopped.stderr[-2000:]
        assert _last_line(stopped.stderr).startswith("cleancrawl: error: cannot write the dataset: file too large")
        assert _temporaries(out) == []
        resumed = _crawl(*args)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    urls = [r["url"] for table in ("pages", "rejected") for f in sorted(out.glob(f"{table}/*/*.parquet"))
            for r in pq.read_table(f, columns=["url"]).to_pylist()]
    assert len(urls) == len(set(urls)) and len([u for u in urls if "/gen/article-" in u]) == PAGES
