"""Temporary files of a dataset: named so readers skip them, locked while written, swept when stale.

A file being written is ``.NAME.parquet.tmp`` beside its final ``NAME.parquet``. The
leading dot makes pyarrow's dataset discovery (and so ``pd.read_parquet(DIR)``) skip
it, and ``*.parquet`` globs (DuckDB, Polars) never match it. Its writer holds an
exclusive ``flock`` on it until it is renamed, so a sweep at the start of a run deletes
what a killed run left behind and never a file another process is still writing. The
lock goes with the process, however it dies.

Write failures (full disk, file-size limit, permissions) become one ``WriteFailed``
line that names the file and the cause.
"""

from __future__ import annotations

import errno
import fcntl
import os
import resource
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from ..errors import WriteFailed
from .schema import PARTITION, TABLES

CAUSES = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file too large for the file-size limit (ulimit -f)",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
}


def temporary(final: Path) -> Path:
    """Return the name ``final`` is written under until it is complete.

    >>> temporary(Path("pages/crawl_date=2026-12-01/c-0-00001.parquet")).name
    '.c-0-00001.parquet.tmp'
    """
    return final.with_name(f".{final.name}.tmp")


def open_locked(path: Path) -> BinaryIO:
    """Create ``path`` and return a handle holding an exclusive lock on it until it is closed.

    The file's writer opens it by name; the lock belongs to this handle alone.
    """
    handle = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT, 0o644), "wb")  # no truncation before the lock
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held: another writer's file, never waited for
    except OSError:
        handle.close()
        raise
    return handle


def discard(tmp: Path, *closers: Callable[[], object]) -> None:
    """Give up an unfinished file: call each closer, ignoring a failure (the write that
    failed may have left its handle half-closed), then delete ``tmp``, the file's
    temporary name; files already renamed into place are not touched."""
    for close in closers:
        try:
            close()
        except (OSError, ValueError):
            pass
    tmp.unlink(missing_ok=True)


def sweep_temporaries(root: Path) -> int:
    """Delete the ``.tmp`` files under ``root``'s tables that no live writer holds; return how many.

    Files of either naming (``.NAME.parquet.tmp``, and ``NAME.parquet.tmp`` of older
    versions) are swept.
    """
    return sum(sweep_files((root / table).glob(f"{PARTITION}=*/*.tmp")) for table in TABLES)


def sweep_files(paths: Iterable[Path]) -> int:
    """Delete those of ``paths`` that no live writer holds locked; return how many."""
    swept = 0
    for path in paths:
        try:
            with open(path, "rb") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                path.unlink()
        except (BlockingIOError, FileNotFoundError):
            continue  # being written by another process, or gone already
        swept += 1
    return swept


@contextmanager
def failing_writes(path: Path) -> Iterator[None]:
    """Turn a failed write (OSError, SQLite's errors) into ``WriteFailed`` naming ``path`` and the cause."""
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        raise write_failed(exc, getattr(exc, "filename", None) or path) from exc


def write_failed(exc: OSError | sqlite3.Error, path: str | Path | None = None) -> WriteFailed:
    """Describe a failed write as one line: what could not be written and why."""
    where = str(path or getattr(exc, "filename", None) or "")
    if isinstance(exc, OSError):
        cause = CAUSES.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    else:
        cause = f"{exc}; {_diagnosis(where)}"
    return WriteFailed(f"cannot write the dataset: {cause}: {where}" if where else f"cannot write the dataset: {cause}")


def _diagnosis(where: str) -> str:
    """Say what most likely made SQLite fail to write, since it does not pass the errno on."""
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if limit != resource.RLIM_INFINITY:
        return f"a file-size limit of {limit} bytes is set (ulimit -f)"
    try:
        fs = os.statvfs(Path(where).parent if where else ".")
    except OSError:
        return "the disk may be full or the folder not writable"
    if fs.f_bavail * fs.f_frsize < 1 << 20:
        return "no space left on the device"
    return "the disk may be full or the folder not writable"
