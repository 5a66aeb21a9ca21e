"""Job files: the shipped example runs, its keys reach Scrapy, and bad files get one line each."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from scrapy.settings import Settings

from cleaners import CleanOptions
from conftest import FAST, REPO, run_cli
from crawler.cli import build_parser
from crawler.commands import job_config
from crawler.config import load_job
from crawler.errors import ConfigError
from crawler.pipelines import process_options
from crawler.run import crawl_settings
from crawler.dataset.reader import open_table
from crawler.demo.server import SiteServer

EXAMPLE = REPO / "jobs" / "example.toml"
EXPECTED = json.loads((REPO / "crawler" / "demo" / "expected.json").read_text("utf8"))


def test_example_job_loads_into_scrapy_settings() -> None:
    job = load_job(EXAMPLE)
    assert job.start_urls == ("https://news.example.org/",) and job.allowed_domains == ("news.example.org",)
    assert Path(job.out).resolve() == (REPO / "output" / "example").resolve()  # relative to the job file
    s = job.to_scrapy_settings("id")
    assert (s["CLEANCRAWL_MAX_PAGES"], s["DEPTH_LIMIT"], s["CLEANCRAWL_INCREMENTAL"]) == (5000, 4, True)
    assert (s["DOWNLOAD_DELAY"], s["CONCURRENT_REQUESTS_PER_DOMAIN"], s["AUTOTHROTTLE_ENABLED"]) == (1.0, 2, True)
    assert s["USER_AGENT"].startswith("cleancrawl-example/") and s["DOWNLOAD_TIMEOUT"] == 20


def test_example_cleaner_table_lists_valid_names_at_their_defaults() -> None:
    assert load_job(EXAMPLE).cleaner == {}  # every value is commented out
    table = EXAMPLE.read_text(encoding="utf8").split("\n[cleaner]\n", 1)[1].split("\n[", 1)[0]
    values = tomllib.loads("\n".join(line.lstrip("# ") for line in table.splitlines() if re.match(r"# ?[a-z_]+ = ", line)))
    assert len(values) >= 5
    assert CleanOptions.from_mapping(values) == CleanOptions()


def test_a_cleaner_table_and_cleaner_flags_reach_the_crawls_process_options(tmp_path: Path) -> None:
    job = tmp_path / "job.toml"
    job.write_text('start_urls = ["http://127.0.0.1:9/"]\n[cleaner]\nspam_threshold = 0.6\nweight_learned = 0.5\n'
                   "detect_language = false\n", encoding="utf8")
    args = build_parser().parse_args(["crawl", "--config", str(job), "-s", "cleaner.spam_threshold=0.7",
                                      "-s", "DOWNLOAD_TIMEOUT=5"])
    settings = crawl_settings(job_config(args).validate(), "id")
    clean = process_options(settings).clean  # what ProcessPipeline hands the worker pool
    assert (clean.spam_threshold, clean.weight_learned, clean.detect_language) == (0.7, 0.5, False)
    assert clean.probe_threshold == CleanOptions().probe_threshold
    assert settings.getint("DOWNLOAD_TIMEOUT") == 5 and "cleaner.spam_threshold" not in settings
    plain = crawl_settings(load_job(EXAMPLE), "id")
    assert process_options(plain).clean == CleanOptions()


def test_cleaner_setting_given_to_scrapy_directly_is_checked_by_name() -> None:
    # scrapyd passes settings as strings: CLEANCRAWL_CLEANER as JSON.
    given = Settings({"CLEANCRAWL_CLEANER": '{"spam_threshold": "0.7"}'})
    assert process_options(given).clean == CleanOptions(spam_threshold=0.7)
    with pytest.raises(ConfigError) as info:
        process_options(Settings({"CLEANCRAWL_CLEANER": {"nope": 1}}))
    assert str(info.value) == "CLEANCRAWL_CLEANER: unknown cleaner option 'nope'"


def test_example_job_runs_against_the_demo_site(tmp_path: Path) -> None:
    # The example's sources point at example.org; the command line swaps in loopback ones,
    # and FAST's -s settings override its [politeness], as they would for any job file.
    with SiteServer() as site:
        r = run_cli("crawl", "--config", str(EXAMPLE), "--start-url", site.url + "/",
                    "--sitemap", site.url + "/sitemap_index.xml", "--feed", site.url + "/feed.xml",
                    "--allowed-domain", "127.0.0.1", "--out", str(tmp_path), *FAST, timeout=120)
        assert r.returncode == 0, r.stderr
        again = run_cli("crawl", "--config", str(EXAMPLE), "--start-url", site.url + "/",
                        "--sitemap", site.url + "/sitemap_index.xml", "--feed", site.url + "/feed.xml",
                        "--allowed-domain", "127.0.0.1", "--out", str(tmp_path), *FAST, timeout=120)
    assert again.returncode == 0, again.stderr
    kept = {row["url"].removeprefix(site.url) for row in open_table(tmp_path, "pages").to_table(["url"]).to_pylist()}
    assert kept == {p for p, v in EXPECTED.items() if v["kind"] == "article"}  # each once: run 2 added none
    assert (tmp_path / "state.sqlite").is_file()
    assert "0 pages kept, 0 rejected, 0 errors" in again.stdout and "not modified (304)" in again.stdout


@pytest.mark.parametrize(("text", "message"), [
    ("max_pages = '10'\n", "max_pages must be a whole number, not '10'"),
    ("incremental = 'yes'\n", "incremental must be true or false, not 'yes'"),
    ("[politeness]\ndelay = 'slow'\n", "politeness.delay must be a number, not 'slow'"),
    ("[politeness]\nconcurency = 2\n",
     "unknown setting 'politeness.concurency' (known: autothrottle, concurrency, delay, user_agent)"),
    ("politeness = 2\n", "politeness must be a table, like [politeness]"),
    ("[politeness]\nconcurrency = 0\n", "politeness: delay must be >= 0 and concurrency >= 1"),
    ("max_depth = -1\n", "max_pages, max_depth and workers must be >= 0, page_timeout > 0"),
    ("[cleaner]\nspam_treshold = 0.6\n", "unknown cleaner option 'spam_treshold' (did you mean 'spam_threshold'?)"),
    ("[cleaner]\nspam_threshold = 'high'\n", "cleaner option spam_threshold must be a number, not 'high'"),
    ("[cleaner]\nlanguage_sample = 1.5\n", "cleaner option language_sample must be a whole number, not 1.5"),
    ("cleaner = 2\n", "cleaner must be a table, not 2"),
    ("settings = 2\n", "settings must be a table, not 2"),
])
def test_bad_job_file_is_one_line(tmp_path: Path, text: str, message: str) -> None:
    job = tmp_path / "job.toml"
    job.write_text('start_urls = ["http://127.0.0.1:9/"]\n' + text, encoding="utf8")
    r = run_cli("crawl", "--config", str(job))
    prefix = "" if message.startswith("politeness:") or message.startswith("max_pages,") else f"{job}: "
    assert (r.returncode, r.stderr) == (2, f"cleancrawl: error: {prefix}{message}\n")


def test_a_second_crawl_into_the_same_dataset_is_refused(tmp_path: Path) -> None:
    import fcntl

    with open(tmp_path / "state.sqlite.lock", "a+") as held:  # as a running crawl holds it
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        r = run_cli("crawl", "--start-url", "http://127.0.0.1:9/", "--out", str(tmp_path))
    assert (r.returncode, r.stderr) == (
        2, f"cleancrawl: error: another crawl is running into {tmp_path} (it holds {tmp_path / 'state.sqlite.lock'})\n")
