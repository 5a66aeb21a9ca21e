"""JobState on a real SQLite file: what is merged, when, and what an error or a 304 changes."""

from __future__ import annotations

import resource
import sqlite3
from pathlib import Path

from crawler.state import BATCH, JobState

LINK = {"url": "http://127.0.0.1:9/next/", "callback": "parse_page", "errback": "failed", "meta": {"prior": None}}
PAGE = {"text_hash": "a1", "reject_reason": None}


def test_nothing_is_merged_before_commit(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    state = JobState(path, "run1").open()
    assert state.outcome("http://h/a", {"etag": '"1"', "last-modified": "Mon, 01 Jan 2024 00:00:00 GMT"}, "pages", PAGE)
    state.parsed("http://h/a", [LINK])
    state.close()  # a run that ends without commit, as a killed one does
    state = JobState(path, "run2").open()
    assert state.validators("http://h/a") == (None, None) and state.links("http://h/a") == []
    assert state.outcome("http://h/a", {"etag": '"1"'}, "pages", PAGE)
    state.parsed("http://h/a", [LINK])
    state.commit()
    assert state.validators("http://h/a") == ('"1"', None) and state.links("http://h/a") == [LINK]
    state.close()


def test_errors_keep_validators_and_a_304_ends_the_failure(tmp_path: Path) -> None:
    state = JobState(tmp_path / "state.sqlite").open()
    state.outcome("http://h/a", {"etag": '"1"'}, "pages", PAGE)
    state.commit()
    assert not state.outcome("http://h/a", {}, "pages", PAGE)  # same cleaned text: no row
    assert state.outcome("http://h/a", {}, "errors", {"error": "timeout"})
    state.commit()
    assert state.validators("http://h/a") == ('"1"', None)  # the dataset's last page row is still current
    assert not state.outcome("http://h/a", {}, "errors", {"error": "timeout"})  # the same failure again
    assert state.not_modified("http://h/a") == "page" and state.not_modified("http://h/feed") == "source"
    state.commit()
    assert state.outcome("http://h/a", {}, "errors", {"error": "timeout"})  # failing anew after it answered
    assert state.outcome("http://h/a", {}, "pages", {"text_hash": "b2"})  # new text
    state.close()


def test_a_full_run_writes_everything_but_still_records(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    JobState(path).open().commit()
    first = JobState(path)
    first.outcome("http://h/a", {"etag": '"1"'}, "pages", PAGE)
    first.commit()
    full = JobState(path, incremental=False)
    assert full.outcome("http://h/a", {"etag": '"2"'}, "pages", PAGE)
    full.commit()
    assert full.validators("http://h/a") == ('"2"', None)


def test_a_note_that_cannot_be_written_is_kept_as_the_failure_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    state = JobState(path, "run1").open()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, hard))  # Python ignores SIGXFSZ: writes fail with EFBIG
    try:
        for i in range(3 * BATCH):  # notes are taken inside Scrapy's middlewares: they must not raise
            state.parsed(f"http://h/{i}", [LINK] * 20)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert isinstance(state.failure, sqlite3.Error)
    state.close()
    assert JobState(path, "run2").open().links("http://h/0") == []
