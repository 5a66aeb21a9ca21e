"""Write-ahead log of rows not yet in a committed Parquet file, and replay after a crash.

A DatasetWriter holds each file open as ``.NAME.parquet.tmp`` until it is complete, so
a killed process leaves its last rows in files no reader can open. With a log, each
page's rows are first appended to ``rows.wal`` as one record naming the file each row
goes to; only then are they handed to the writer. On the next start, ``recover`` reads
the log: rows of a file that was renamed into place are already in the dataset and are
dropped; rows of a file that never was are written as that very file, so a second crash
during recovery cannot write them twice. The log is emptied whenever every open file
has been committed (a checkpoint), which bounds it to the rows of the open files.

A record is ``length (4 bytes) + crc32 (4 bytes) + pickle`` of
``[(file relative to the root, table, row), ...]``, written with one ``write()``; a
torn or corrupt record ends the log, and is cut off before anything is appended.
"""

from __future__ import annotations

import os
import pickle
import struct
import zlib
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..journal import append_record
from .storage import sweep_temporaries
from .writer import DatasetWriter, write_part

HEADER = struct.Struct(">II")
Row = dict[str, Any]


class RowLog:
    """An append-only file of framed records (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records = list(self._read())  # also cuts off a torn tail, so appends follow a whole record
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.size = os.fstat(self._fd).st_size

    def append(self, record: list[tuple[str, str, Row]]) -> None:
        payload = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        append_record(self._fd, HEADER.pack(len(payload), zlib.crc32(payload)) + payload)
        self.size += HEADER.size + len(payload)

    def reset(self) -> None:
        """Empty the log: every row in it is in a committed file."""
        os.ftruncate(self._fd, 0)
        self.size = 0
        self.records = []

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _read(self) -> Iterator[list[tuple[str, str, Row]]]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        pos = 0
        while pos + HEADER.size <= len(data):
            length, crc = HEADER.unpack_from(data, pos)
            payload = data[pos + HEADER.size:pos + HEADER.size + length]
            if len(payload) < length or zlib.crc32(payload) != crc:
                break
            yield pickle.loads(payload)
            pos += HEADER.size + length
        if pos < len(data):
            with self.path.open("r+b") as f:
                f.truncate(pos)


def recover(root: Path, log: RowLog, crawl_id: str) -> set[str]:
    """Finish what a killed writer left under ``root``; return the URLs whose rows the log holds.

    Deletes the leftover temporary files no live writer holds, writes the logged rows of
    every file that was never renamed into place as that file, then empties the log.
    """
    sweep_temporaries(root)
    parts: dict[str, tuple[str, list[Row]]] = {}
    urls: set[str] = set()
    for record in log.records:
        for part, table, row in record:
            parts.setdefault(part, (table, []))[1].append(row)
            if table != "raw":
                urls.add(row["url"])
    for part, (table, rows) in sorted(parts.items()):
        if not (root / part).exists():
            write_part(root / part, table, rows)
    log.reset()
    return urls


class LoggedWriter:
    """A DatasetWriter whose rows go through a RowLog first.

    The caller marks a page done after ``write_rows`` and only then calls
    ``checkpoint_if_due``: a checkpoint empties the log, so a page's done mark must be
    journaled before its rows can leave the log.
    """

    def __init__(self, writer: DatasetWriter, log: RowLog, checkpoint_bytes: int) -> None:
        self.writer, self.log, self.checkpoint_bytes = writer, log, checkpoint_bytes

    def open(self) -> "LoggedWriter":
        self.writer.open()
        return self

    def write_rows(self, rows: Sequence[tuple[str, Row]]) -> None:
        """Log ``rows`` (at most one per table) as one record, then write them."""
        self.log.append([(self.writer.part_of(table, row), table, row) for table, row in rows])
        for table, row in rows:
            self.writer.write(table, row)

    def checkpoint_if_due(self) -> None:
        """Once the log passes ``checkpoint_bytes``, commit every open file and empty the log."""
        if self.log.size >= self.checkpoint_bytes:
            self.writer.commit()
            self.log.reset()

    def close(self) -> None:
        self.writer.close()
        self.log.reset()
        self.log.close()
