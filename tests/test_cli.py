"""The command line: bad input gets one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED, run_cli


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["clean-text", "no/such/file.txt"], "cleancrawl: error: no such file: no/such/file.txt"),
        (["process", "no/such/dir"], "cleancrawl: error: no such file or directory: no/such/dir"),
        (["crawl", "--start-url", "not a url"],
         "cleancrawl: error: invalid URL 'not a url': expected an absolute http:// or https:// URL"),
        (["crawl", "--start-url", "ftp://127.0.0.1/x"],
         "cleancrawl: error: invalid URL 'ftp://127.0.0.1/x': expected an absolute http:// or https:// URL"),
        (["crawl"], "cleancrawl: error: nothing to crawl: give --start-url, --sitemap, --feed or a --config job file"),
        (["crawl", "--config", "no/such/job.toml"], "cleancrawl: error: job file not found: no/such/job.toml"),
        (["crawl", "--start-url", "http://127.0.0.1:9/", "-s", "NOEQUALS"],
         "cleancrawl: error: invalid setting 'NOEQUALS': expected NAME=VALUE"),
        (["stats", "no/such/dataset"], "cleancrawl: error: no such dataset: no/such/dataset"),
        (["reclean", "no/such/dataset", "--out", "x"], "cleancrawl: error: no such dataset: no/such/dataset"),
        (["crawl", "--start-url", "http://127.0.0.1:9/", "-s", "cleaner.nope=1"],
         "cleancrawl: error: command line: unknown cleaner option 'nope'"),
        (["process", "tests/cases/html/table_cell_ru.html", "-s", "cleaner.nope=1"],
         "cleancrawl: error: command line: unknown cleaner option 'nope'"),
        (["clean-text", "tests/cases/seeds/000_8dc2b0d923a32ba4.txt", "-s", "cleaner.nope=1"],
         "cleancrawl: error: command line: unknown cleaner option 'nope'"),
        (["process", "tests/cases/html/table_cell_ru.html", "-s", "cleaner.spam_threshold=high"],
         "cleancrawl: error: command line: cleaner option spam_threshold must be a number, not 'high'"),
        (["clean-text", "tests/cases/seeds/000_8dc2b0d923a32ba4.txt", "-s", "cleaner.detect_language=maybe"],
         "cleancrawl: error: command line: cleaner option detect_language must be true or false (or 1 or 0), not 'maybe'"),
        (["clean-text", "tests/cases/seeds/000_8dc2b0d923a32ba4.txt", "-s", "DOWNLOAD_DELAY=0"],
         "cleancrawl: error: invalid setting 'DOWNLOAD_DELAY': only cleaner.NAME=VALUE applies to this command"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    r = run_cli(*args)
    assert (r.returncode, r.stderr.strip()) == (2, message)
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_not_a_dataset(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    r = run_cli("stats", str(tmp_path))
    assert r.returncode == 2
    assert r.stderr.strip() == f"cleancrawl: error: not a cleancrawl dataset (no pages/, rejected/, errors/ folders): {tmp_path}"


def test_bad_job_file_names_the_key(tmp_path: Path) -> None:
    job = tmp_path / "job.toml"
    job.write_text('start_urls = ["http://127.0.0.1:9/"]\nmax_pagez = 3\n')
    r = run_cli("crawl", "--config", str(job))
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert f"cleancrawl: error: {job}: unknown setting 'max_pagez'" in r.stderr
    job.write_text("start_urls = [\n")
    r = run_cli("crawl", "--config", str(job))
    assert r.returncode == 2 and r.stderr.startswith(f"cleancrawl: error: job file {job} is not valid TOML")


def test_empty_directory_is_refused(tmp_path: Path) -> None:
    r = run_cli("process", str(tmp_path))
    assert (r.returncode, r.stderr.strip()) == (2, f"cleancrawl: error: no .html, .htm, .html.gz or .warc(.gz) files in directory {tmp_path}")


def test_help_explains_every_command() -> None:
    r = run_cli("--help")
    assert r.returncode == 0
    for command in ("demo", "crawl", "process", "clean-text", "reclean", "stats"):
        assert command in r.stdout
    r = run_cli("crawl", "--help")
    assert "-s NAME=VALUE" in r.stdout and "--max-pages" in r.stdout and "cleaner.NAME=VALUE" in r.stdout
    for command in ("process", "clean-text"):
        assert "-s cleaner.NAME=VALUE" in run_cli(command, "--help").stdout


def test_clean_text_reads_stdin_and_explains() -> None:
    seed = SEED.read_text(encoding="utf8")
    r = run_cli("clean-text", "--explain", stdin=seed)
    assert r.returncode == 0
    assert "Mr. Peskov told reporters on Tuesday" in r.stdout
    assert "Sahabet" not in r.stdout and "Leave a Reply" not in r.stdout
    assert "removed spam." in r.stderr and "Sahabet" in r.stderr
    assert "removed boilerplate." in r.stderr


def test_clean_text_refuses_a_binary_file_in_one_line(tmp_path: Path) -> None:
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 700)
    r = run_cli("clean-text", str(png))
    assert (r.returncode, r.stderr.strip(), r.stdout) == (2, f"cleancrawl: error: {png} is not text (binary data)", "")
    r = run_cli("clean-text", "-", stdin="".join(map(chr, range(32))) * 100)
    assert (r.returncode, r.stderr.strip(), r.stdout) == (2, "cleancrawl: error: standard input is not text (binary data)", "")


def test_clean_text_reads_a_legacy_encoded_file(tmp_path: Path) -> None:
    text = "The crêperie beside the Café Müller “stays”, the council said on Tuesday after a long debate."
    dump = tmp_path / "dump.txt"
    dump.write_bytes(text.encode("cp1252"))
    r = run_cli("clean-text", str(dump))
    assert r.returncode == 0 and r.stdout.strip() == text
