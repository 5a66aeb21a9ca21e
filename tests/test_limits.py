"""Limits that hold: --max-pages, the per-page link cap, --workers, trap patterns, text with no sentences."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import duckdb

from conftest import CLI, cli_env, FAST, REPO, run_cli
from crawler.dataset.reader import open_table
from crawler.demo.server import SiteServer
from faultsite import FLOOD_LINKS, FaultSite

# The trap bound the issue asks for: each trap under 200 requests, however its id is carried.
TRAP_REQUESTS = 200
# Where each of the fault site's traps lives (faultsite.TRAPS): session id in the path,
# in the query, a calendar in the query, one in the path.
TRAP_PREFIXES = ("/sid/", "/qs/", "/qcal", "/events/")
# The default CLEANCRAWL_MAX_LINKS_PER_PAGE (crawler/settings.py).
LINK_CAP = 2000


def _article_rows(out: Path) -> int:
    """Rows that are articles: pages, and rejected rows other than listings (as --max-pages counts them)."""
    con = duckdb.connect()
    total = 0
    for table in ("pages", "rejected"):
        if any(out.glob(f"{table}/*/*.parquet")):
            (n,) = con.execute(f"SELECT count(*) FROM read_parquet('{out}/{table}/*/*.parquet') "
                               "WHERE coalesce(reject_reason, '') <> 'pagetype.listing'").fetchone()
            total += n
    return total


def _summary(out: Path) -> dict:
    (path,) = (out / "runs").glob("*.json")
    return json.loads(path.read_text("utf8"))


def _watch(args: list[str], timeout: float = 120) -> dict:
    """Run the CLI, sampling the crawler's peak RSS (VmHWM) and its child processes until it exits."""
    proc = subprocess.Popen([*CLI, *args], cwd=REPO, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_kb, children, deadline = 0, 0, time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{proc.pid}/status").read_text()
            peak_kb = max(peak_kb, int(status.split("VmHWM:")[1].split()[0]))
            children = max(children, len(Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()))
        except (OSError, IndexError):
            pass
        time.sleep(0.05)
    if proc.poll() is None:
        proc.kill()
    out, err = proc.communicate()
    return {"returncode": proc.returncode, "stdout": out, "stderr": err, "peak_mb": peak_kb / 1024,
            "children": children}


def test_max_pages_stops_the_crawl_at_n_article_rows(tmp_path: Path) -> None:
    with SiteServer(root=None, generated_pages=60) as site:
        r = run_cli("crawl", "--start-url", site.url + "/gen/list-0.html", "--max-pages", "1",
                    "--out", str(tmp_path / "flag"), *FAST, timeout=120)
        assert r.returncode == 0, r.stderr
        fetched = [p for _, p, _ in site.requests if p.startswith("/gen/article-")]
    assert _article_rows(tmp_path / "flag") == 1 and len(fetched) == 1
    summary = _summary(tmp_path / "flag")
    assert summary["finish_reason"] == "max_pages" and summary["limits"]["max_pages"] >= 49


def test_max_pages_in_a_job_file(tmp_path: Path) -> None:
    with SiteServer(root=None, generated_pages=6) as site:
        job = tmp_path / "job.toml"
        job.write_text(f'start_urls = ["{site.url}/gen/list-0.html"]\nout = "out"\nmax_pages = 2\n', encoding="utf8")
        r = run_cli("crawl", "--config", str(job), *FAST, timeout=120)
        assert r.returncode == 0, r.stderr
    assert _article_rows(tmp_path / "out") == 2


def test_a_page_of_200000_links_is_capped_and_cheap(tmp_path: Path) -> None:
    with FaultSite() as site:
        job = tmp_path / "flood.toml"  # no sitemaps from robots.txt: the flood page's links are all there is
        job.write_text(f'start_urls = ["{site.url}/flood"]\nrobots_sitemaps = false\nmax_pages = 3\n', "utf8")
        started = time.monotonic()
        w = _watch(["crawl", "--config", str(job), "--out", str(tmp_path), *FAST, "-s", "CLEANCRAWL_WORKERS=1"])
        seconds = time.monotonic() - started
        assert w["returncode"] == 0, w["stderr"][-2000:]
        flood = [t for (_, _, p, _), t in zip(site.requests, site.times) if p.startswith("/flood/")]
        served = next(t for (_, _, p, _), t in zip(site.requests, site.times) if p == "/flood")
    assert w["peak_mb"] < 300, f"crawler peak RSS {w['peak_mb']:.0f} MB"
    assert 1 <= len(flood) <= 3 and flood[0] - served < 10, (len(flood), flood[:1], served)
    limits = _summary(tmp_path)["limits"]
    assert limits["links_over_cap"] == FLOOD_LINKS - LINK_CAP
    assert seconds < 60
    print(f"flood: peak RSS {w['peak_mb']:.0f} MB, first article request {flood[0] - served:.2f} s after the page, "
          f"{len(flood)} article requests, {seconds:.1f} s")


def test_traps_stay_under_200_requests_and_wordless_text_is_rejected(tmp_path: Path) -> None:
    with FaultSite() as site:
        job = tmp_path / "traps.toml"  # no sitemaps from robots.txt: only the traps and the word wall
        job.write_text(f'start_urls = ["{site.url}/traps", "{site.url}/wordwall"]\nrobots_sitemaps = false\n', "utf8")
        r = run_cli("crawl", "--config", str(job), "--out", str(tmp_path), *FAST, "-s", "CLOSESPIDER_TIMEOUT=60",
                    timeout=120)
        assert r.returncode == 0, r.stderr
        paths = [p for _, _, p, _ in site.requests]
    per_trap = {t: sum(p.startswith(t) for p in paths) for t in TRAP_PREFIXES}
    assert all(0 < n < TRAP_REQUESTS for n in per_trap.values()), per_trap
    rejected = {urlsplit(r["url"]).path: r for r in open_table(tmp_path, "rejected").to_table().to_pylist()}
    assert rejected["/wordwall"]["reject_reason"] == "quality.no_sentences"
    assert rejected["/wordwall"]["text_length"] > 5_000_000  # kept whole, only not as an article
    print(f"traps: {per_trap}")


def test_workers_are_capped_at_the_cores_with_one_warning(tmp_path: Path) -> None:
    cores = len(os.sched_getaffinity(0))
    with SiteServer(root=None, generated_pages=3) as site:
        w = _watch(["crawl", "--start-url", site.url + "/gen/list-0.html", "--workers", "1000",
                    "--out", str(tmp_path), *FAST])
    assert w["returncode"] == 0, w["stderr"][-2000:]
    warning = f"cleancrawl: warning: 1000 workers asked for, but only {cores} cores: starting {cores}"
    assert [line for line in w["stderr"].splitlines() if "warning" in line.lower()] == [warning]
    assert w["children"] <= cores + 1  # the workers, and multiprocessing's resource tracker at most
