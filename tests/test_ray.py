"""process and reclean --ray: the rows and file names of a local run, on a small local Ray instance.

One Ray instance (2 CPUs, no dashboard) is started for the module in a process of its
own, and the commands join it by address, as they would a cluster; one test starts
`--ray` without an address, which starts and stops a local instance itself.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from conftest import cli_env, run_cli
from crawler.dataset.reader import open_table
from warcset import write_set

HEAD = ("import ray, sys\n"
        "ray.init(num_cpus=2, include_dashboard=False)\n"
        "print(ray.get_runtime_context().gcs_address, flush=True)\n"
        "sys.stdin.read()\n"
        "ray.shutdown()\n")
# Columns that differ between two runs by design: the run's id and the time an error was noted.
RUN_COLUMNS = {"crawl_id", "time", "crawl_date"}


@pytest.fixture(scope="module")
def ray_address() -> Iterator[str]:
    # Ray (2.59 and later) authenticates drivers with a token: the instance and every
    # command the tests run share one, through Ray's own environment variables.
    token = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}
    saved = {k: os.environ.get(k) for k in token}
    os.environ.update(token)
    proc = subprocess.Popen([sys.executable, "-c", HEAD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env=cli_env())
    assert proc.stdout is not None and proc.stdin is not None
    address = proc.stdout.readline().strip()
    try:
        assert re.fullmatch(r"[\d.]+:\d+", address), address
        yield address
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        proc.stdin.close()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def demo_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ray") / "demo"
    r = run_cli("demo", "--out", str(out))
    assert r.returncode == 0, r.stderr
    return out


def rows(out: Path) -> dict[str, list[tuple]]:
    """Every table's rows without the run's own columns, sorted."""
    tables = {}
    for table in ("pages", "rejected", "errors", "raw"):
        found = open_table(out, table).to_table().to_pylist()
        tables[table] = sorted(tuple(sorted((k, repr(v)) for k, v in row.items() if k not in RUN_COLUMNS))
                               for row in found)
    return tables


def file_names(out: Path) -> set[str]:
    return {re.sub(r"^\d{8}T\d{6}Z-[0-9a-f]{6}-", "ID-", p.name) for p in out.glob("*/crawl_date=*/*.parquet")}


def test_reclean_on_ray_writes_the_rows_and_files_of_a_local_reclean(tmp_path: Path, demo_dataset: Path,
                                                                    ray_address: str) -> None:
    local, cluster = tmp_path / "local", tmp_path / "cluster"
    assert run_cli("reclean", str(demo_dataset), "--out", str(local)).returncode == 0
    r = run_cli("reclean", str(demo_dataset), "--out", str(cluster), "--ray", ray_address)
    assert r.returncode == 0, r.stderr
    expected = rows(local)
    assert len(expected["pages"]) > 30 and len(expected["rejected"]) > 10 and len(expected["raw"]) > 50
    assert rows(cluster) == expected
    assert file_names(cluster) == file_names(local)
    assert not list(cluster.rglob("*.tmp"))


def test_process_on_a_local_ray_instance_accounts_for_every_warc_record(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    expected = write_set(src)
    r = run_cli("process", str(src), "--out", str(out), "--ray", "--workers", "2")
    assert r.returncode == 0, r.stderr
    reason = {"pages": None, "rejected": "reject_reason", "errors": "error"}
    got = {row["url"]: (table, row[reason[table]] if reason[table] else "")
           for table in reason for row in open_table(out, table).to_table().to_pylist()}
    assert got == expected
    assert "processed 14 pages" in r.stderr  # not a terminal: plain progress lines


def test_an_unreachable_ray_address_is_one_line(tmp_path: Path, demo_dataset: Path) -> None:
    r = run_cli("reclean", str(demo_dataset), "--out", str(tmp_path / "x"), "--ray", "127.0.0.1:1", timeout=60)
    assert (r.returncode, r.stderr.strip()) == (2, "cleancrawl: error: cannot reach the Ray cluster at 127.0.0.1:1: "
                                                   "Connection refused")
