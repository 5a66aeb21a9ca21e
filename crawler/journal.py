"""Crash-safe crawl state in a job directory: the frontier journal and the job's identity.

A crawl killed at any instant (SIGKILL included) must resume with no page lost and no
page written twice. Scrapy's own JOBDIR state does not survive that: its seen-requests
file is buffered and its disk queues record their state only on a clean close. So the
job directory holds our own append-only files, each record written with a single
unbuffered ``write()``. The kernel keeps what was written when the process dies, so
only the record being written at that instant can be torn, and a torn last record is
cut off when the file is next opened. (Surviving power loss would need fsync; a killed
process does not.)

    DIR/crawl.json        crawl_id and output dataset of the job (written once)
    DIR/frontier.jsonl    {"s": url, ...} a request was scheduled; {"d": url} it is done
    DIR/rows.wal          rows not yet in a committed Parquet file (dataset/wal.py)
    DIR/queue/            Scrapy's disk queue (JOBDIR), rebuilt from the journal each run
    DIR/lock              held while a crawl runs, so two crawls never share the job

A request is *done* once everything it produced is durable: the requests it led to are
in the journal and its rows are in the write-ahead log. On resume, pending = scheduled
minus done is fetched again, and done URLs are never fetched again.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from w3lib.url import canonicalize_url

from .errors import ConfigError
from .keyset import DiskKeySet


def request_key(url: str) -> bytes:
    """Return the key under which a URL is scheduled and done: 16 bytes of a hash of its canonical form.

    The canonical form is the one Scrapy's request fingerprints use (query sorted, no
    fragment); 16 bytes keep a million URLs in tens of megabytes.

    >>> request_key("http://a.test/x?b=2&a=1#top") == request_key("http://a.test/x?a=1&b=2")
    True
    """
    return hashlib.sha1(canonicalize_url(url, keep_fragments=False).encode("utf8")).digest()[:16]


def append_record(fd: int, data: bytes) -> None:
    """Append ``data`` with one ``write()`` call (a short write is finished, never interleaved)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def read_lines(path: Path) -> Iterator[bytes]:
    """Yield the complete lines of ``path`` one by one, and cut off a torn last line (no newline) in place."""
    try:
        f = path.open("r+b")
    except FileNotFoundError:
        return
    with f:
        end = 0
        for line in f:
            if not line.endswith(b"\n"):
                f.truncate(end)
                return
            end += len(line)
            yield line.rstrip(b"\r\n")


@dataclass(slots=True)
class Entry:
    """What is needed to rebuild a scheduled request: URL, callback and errback names, meta, priority."""

    url: str
    callback: str | None = None
    errback: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    priority: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"s": self.url, "cb": self.callback, "eb": self.errback, "m": self.meta, "p": self.priority}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Entry":
        return cls(d["s"], d.get("cb"), d.get("eb"), d.get("m") or {}, int(d.get("p") or 0))


class Frontier:
    """The scheduled and done requests of one job, kept in memory and journaled to ``path``.

    ``schedule`` and ``finish`` append one JSON line each, unbuffered, before they return.
    Lines that do not parse (only a torn last line can be torn) are skipped on load.
    It keeps keys only, in DiskKeySets (the latest keys in memory, the rest in a
    temporary file; sets of digests took about 470 bytes a URL: bench/memory_structures.py); the entries pending when it was opened are
    kept until ``take_pending`` hands them over. The journal is read twice when opened,
    line by line (done URLs, then the requests still pending), so opening it holds no
    more than the pending entries either.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.scheduled = DiskKeySet()
        self.done = DiskKeySet()
        self.skipped = 0
        self._pending: list[Entry] = []
        for d in self._records():
            if "d" in d:
                self.done.add(request_key(d["d"]))
        for d in self._records(count_skipped=False):
            if "s" in d and self.scheduled.add(key := request_key(d["s"])) and key not in self.done:
                self._pending.append(Entry.from_json(d))
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def _records(self, count_skipped: bool = True) -> Iterator[dict[str, Any]]:
        for line in read_lines(self.path):
            try:
                yield json.loads(line)
            except ValueError:
                self.skipped += count_skipped

    def pending(self) -> list[Entry]:
        """Requests scheduled in earlier runs and not done, in the order they were first scheduled."""
        return [e for e in self._pending if request_key(e.url) not in self.done]

    def take_pending(self) -> list[Entry]:
        """Return ``pending()`` and forget the entries (the caller issues them again)."""
        pending, self._pending = self.pending(), []
        return pending

    def is_done(self, url: str) -> bool:
        return request_key(url) in self.done

    def schedule(self, entry: Entry) -> bool:
        """Journal ``entry`` unless its URL was scheduled before; True if it is new."""
        key = request_key(entry.url)
        if key in self.scheduled:
            return False
        self.scheduled.add(key)
        self._append(entry.to_json())
        return True

    def finish(self, url: str) -> None:
        """Journal ``url`` as done (once)."""
        key = request_key(url)
        if key not in self.done:
            self.done.add(key)
            self._append({"d": url})

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _append(self, record: dict[str, Any]) -> None:
        append_record(self._fd, json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf8") + b"\n")


class JobDir:
    """A job directory: its layout, its lock, and the crawl it belongs to."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.frontier_path = self.path / "frontier.jsonl"
        self.wal_path = self.path / "rows.wal"
        self.queue_path = self.path / "queue"
        self._lock_fd = -1

    def lock(self) -> "JobDir":
        """Create the directory and hold its lock; ConfigError if another crawl holds it."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise ConfigError(f"cannot use job directory {self.path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise ConfigError(f"job directory {self.path} is in use by another crawl") from None
        self._lock_fd = fd
        return self

    def unlock(self) -> None:
        if self._lock_fd >= 0:
            os.close(self._lock_fd)
            self._lock_fd = -1

    def crawl_id(self, out: str, make_id: Callable[[], str]) -> str:
        """Return the job's crawl id, made on the first run; ConfigError if ``out`` is not the job's dataset."""
        path = self.path / "crawl.json"
        try:
            info = json.loads(path.read_text(encoding="utf8"))
        except FileNotFoundError:
            info = {"crawl_id": make_id(), "out": str(Path(out).resolve())}
            self.path.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name("crawl.json.tmp")
            tmp.write_text(json.dumps(info) + "\n", encoding="utf8")
            os.replace(tmp, path)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"unreadable job file {path}: {exc}") from None
        if info.get("out") != str(Path(out).resolve()):
            raise ConfigError(f"job directory {self.path} belongs to a crawl writing to {info.get('out')};"
                              " use that --out or a new --jobdir")
        return str(info["crawl_id"])

    def reset_queue(self) -> str:
        """Empty Scrapy's disk queue folder (the journal, not it, says what is pending); return its path."""
        shutil.rmtree(self.queue_path, ignore_errors=True)
        self.queue_path.mkdir(parents=True)
        return str(self.queue_path)
