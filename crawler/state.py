"""JobState: what a dataset already holds per URL, so a re-run adds only new or changed pages.

One SQLite file per dataset (``OUT/state.sqlite`` by default) remembers, for each URL,
the validators of its last response (ETag, Last-Modified), the key of the last row
written for it (``content_key``) and the requests its page yielded (out-links). A
re-run sends those validators; a 304 replays the stored out-links instead of parsing,
and a 200 whose content key is unchanged writes no row.

What a run learns goes to a ``pending`` table first and is merged into ``url_state``
only by ``commit()``, which the pipeline calls after the dataset writer has closed its
files. A run that dies before that leaves the state as it was: the next run fetches
and compares against the last *written* rows, so a page is written twice at worst,
never skipped. ``open()`` drops pending rows such a run left behind.

A note that cannot be written (full disk, file-size limit) is kept in ``failure``
instead of raised, since notes are taken inside Scrapy's middlewares; the pipeline
stops the crawl on it, and ``commit`` is then never called.
"""

from __future__ import annotations

import fcntl
import json
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, Iterator, Mapping

from .errors import ConfigError

SCHEMA = """
CREATE TABLE IF NOT EXISTS url_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    content TEXT,   -- content_key of the last pages/rejected row written for the URL
    error TEXT,     -- content_key of the last errors row; NULL once the URL answers again
    links TEXT,     -- JSON list of the requests the URL's response yielded
    crawl_id TEXT   -- the run that last changed the row
);
CREATE TABLE IF NOT EXISTS pending (
    url TEXT PRIMARY KEY,
    kind TEXT,      -- page | error | source | not_modified | NULL (links only)
    etag TEXT, last_modified TEXT, content TEXT, error TEXT, links TEXT
);
"""
# Each statement merges one kind of pending observation into url_state, in one transaction.
MERGE = (
    "INSERT INTO url_state (url) SELECT url FROM pending WHERE true ON CONFLICT (url) DO NOTHING",
    """UPDATE url_state SET etag = p.etag, last_modified = p.last_modified, content = p.content, error = NULL,
           crawl_id = :crawl_id FROM pending AS p WHERE p.url = url_state.url AND p.kind = 'page'""",
    """UPDATE url_state SET etag = p.etag, last_modified = p.last_modified, crawl_id = :crawl_id
           FROM pending AS p WHERE p.url = url_state.url AND p.kind = 'source'""",
    """UPDATE url_state SET error = p.error, crawl_id = :crawl_id
           FROM pending AS p WHERE p.url = url_state.url AND p.kind = 'error'""",
    """UPDATE url_state SET error = NULL FROM pending AS p WHERE p.url = url_state.url AND p.kind = 'not_modified'""",
    "UPDATE url_state SET links = p.links FROM pending AS p WHERE p.url = url_state.url AND p.links IS NOT NULL",
    "DELETE FROM pending",
)
# Pending rows are committed to disk in batches; the merge itself is one transaction.
BATCH = 500


def content_key(table: str, row: Mapping[str, Any]) -> str:
    """Key of what a row says about its URL: a new row is written only when this changes.

    A kept page is keyed by the hash of its cleaned text, so a page whose boilerplate,
    spam or markup alone changed is unchanged. A rejected page is keyed by its reason
    (and text, if any), so a listing that stays a listing writes no new row (its new
    links are still followed). An error is keyed by its code and HTTP status.

    >>> content_key("pages", {"text_hash": "ab12", "reject_reason": None})
    'pages||ab12'
    >>> content_key("errors", {"error": "http_status", "http_status": 404})
    'errors|http_status|404'
    """
    if table == "errors":
        return f"errors|{row.get('error') or ''}|{row.get('http_status') or ''}"
    return f"{table}|{row.get('reject_reason') or ''}|{row.get('text_hash') or ''}"


class JobState:
    """Per-URL validators, content keys and out-links of one dataset, kept in SQLite."""

    def __init__(self, path: str | Path, crawl_id: str = "", incremental: bool = True) -> None:
        self.path = Path(path)
        self.crawl_id = crawl_id
        # False: a full run, which sends no validators and writes every row, but still records.
        self.incremental = incremental
        self._db: sqlite3.Connection | None = None
        self._unsaved = 0
        self.failure: sqlite3.Error | None = None

    def open(self) -> "JobState":
        """Open (creating) the file and drop what an unfinished run left pending."""
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.executescript(SCHEMA)
            self._db.execute("DELETE FROM pending")
            self._db.commit()
        return self

    @property
    def db(self) -> sqlite3.Connection:
        return self._db if self._db is not None else self.open()._db  # type: ignore[return-value]

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) stored for ``url``; (None, None) when there is nothing to send."""
        row = self.db.execute("SELECT etag, last_modified FROM url_state WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def links(self, url: str) -> list[dict[str, Any]]:
        """The requests ``url``'s response yielded when it was last parsed."""
        row = self.db.execute("SELECT links FROM url_state WHERE url = ?", (url,)).fetchone()
        return json.loads(row[0]) if row and row[0] else []

    def outcome(self, url: str, headers: Mapping[str, str], table: str, row: Mapping[str, Any]) -> bool:
        """Note the row a fetched URL produced; True when it is new or changed and must be written.

        ``headers`` are the response's, lower-cased (empty for failures).
        """
        key = content_key(table, row)
        column = "error" if table == "errors" else "content"
        found = self.db.execute(f"SELECT {column} FROM url_state WHERE url = ?", (url,)).fetchone()
        if table == "errors":
            self._pending(url, kind="error", error=key)
        else:
            self._pending(url, kind="page", etag=headers.get("etag"),
                          last_modified=headers.get("last-modified"), content=key)
        return not self.incremental or found is None or found[0] != key

    def parsed(self, url: str, links: list[dict[str, Any]], headers: Mapping[str, str] | None = None) -> None:
        """Note the requests a response yielded; ``headers`` too when it produced no row (a sitemap, a feed)."""
        if headers is None:
            self._pending(url, links=json.dumps(links, ensure_ascii=False))
        else:
            self._pending(url, kind="source", etag=headers.get("etag"), last_modified=headers.get("last-modified"),
                          links=json.dumps(links, ensure_ascii=False))

    def not_modified(self, url: str) -> str:
        """Note a 304: what the dataset holds for ``url`` is current; return "page" or "source" (no row)."""
        self._pending(url, kind="not_modified")
        row = self.db.execute("SELECT content FROM url_state WHERE url = ?", (url,)).fetchone()
        return "page" if row and row[0] else "source"

    def commit(self) -> None:
        """Merge this run's pending notes into the state, in one transaction; call once rows are durable."""
        with self.db:
            for statement in MERGE:
                self.db.execute(statement, {"crawl_id": self.crawl_id} if ":crawl_id" in statement else {})

    def close(self) -> None:
        """Close the file without merging anything still pending."""
        if self._db is not None:
            self._db.commit()
            self._db.close()
            self._db = None

    def _pending(self, url: str, **values: str | None) -> None:
        if self.failure is not None:
            return
        names = list(values)
        updates = ", ".join(f"{n} = excluded.{n}" for n in names)
        try:
            self.db.execute(f"INSERT INTO pending (url, {', '.join(names)}) VALUES (?{', ?' * len(names)})"
                            f" ON CONFLICT (url) DO UPDATE SET {updates}", (url, *values.values()))
            self._unsaved += 1
            if self._unsaved >= BATCH:
                self.db.commit()
                self._unsaved = 0
        except sqlite3.Error as exc:
            self.failure = exc


def known_url(path: str | Path, prefix: str) -> str | None:
    """One URL the state at ``path`` has seen that starts with ``prefix`` (read-only; None
    without a state, a match or a readable database)."""
    if not Path(path).exists():
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT url FROM url_state WHERE substr(url, 1, ?) = ? LIMIT 1",
                             (len(prefix), prefix)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def state_path(out: str | Path, setting: str = "") -> Path:
    """Where a dataset's state lives: ``setting`` if given, else ``OUT/state.sqlite``."""
    return Path(setting) if setting else Path(out) / "state.sqlite"


@contextmanager
def state_lock(path: str | Path) -> Iterator[None]:
    """Hold ``PATH.lock`` for a run, so two crawls never share one state (and its pending notes).

    Raises ConfigError at once when another process holds it; the lock goes with the process.
    """
    lock = Path(str(path) + ".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ConfigError(f"another crawl is running into {lock.parent} (it holds {lock})") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

