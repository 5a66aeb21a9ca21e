"""WarcWriter: append request/response records to size-rotated WARC files, renamed into place when whole.

Files are ``OUT/warc/{crawl_id}-{worker}-{seq:05d}.warc.gz``: WARC/1.1, one gzip member
per record (so a reader can start at any record), written by warcio, which adds
``WARC-Block-Digest`` and ``WARC-Payload-Digest`` (sha1) to every record. As with the
Parquet files (dataset/storage.py), a file is written as ``.NAME.warc.gz.tmp`` under an
exclusive lock and renamed once it reaches ``max_bytes`` or the writer closes, so a
reader never meets half a file, and ``open()`` deletes the temporaries a killed run left.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .dataset.storage import discard, failing_writes, open_locked, sweep_files, temporary

# 1 GB, the size Common Crawl and Heritrix rotate at; a job sets CLEANCRAWL_WARC_MAX_BYTES.
MAX_BYTES = 1 << 30
SUFFIX = ".warc.gz"


@dataclass(frozen=True, slots=True)
class Exchange:
    """One HTTP request and the response it got, as recorded."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    response_headers: list[tuple[str, str]]
    body: bytes
    request_body: bytes = b""
    when: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


class WarcWriter:
    """Write ``Exchange``s under ``folder`` for one crawl: ``open()``, ``write()``, ``close()``."""

    def __init__(self, folder: str | os.PathLike[str], crawl_id: str, worker: str = "0",
                 max_bytes: int = MAX_BYTES) -> None:
        self.folder = Path(folder)
        self.crawl_id, self.worker, self.max_bytes = crawl_id, worker, max_bytes
        self.records = 0
        self._seq = 0
        self._file: tuple[Path, BinaryIO, BinaryIO] | None = None  # final name, lock, stream

    def open(self) -> "WarcWriter":
        """Create the folder and sweep temporaries no live writer holds."""
        with failing_writes(self.folder):
            self.folder.mkdir(parents=True, exist_ok=True)
            sweep_files(self.folder.glob(f".*{SUFFIX}.tmp"))
        prefix = f"{self.crawl_id}-{self.worker}-"
        seqs = [int(n[len(prefix):len(prefix) + 5]) for n in (p.name for p in self.folder.glob(f"{prefix}*{SUFFIX}"))
                if n[len(prefix):len(prefix) + 5].isdigit()]
        self._seq = max(seqs, default=0)  # a resumed crawl numbers its files after the earlier ones
        return self

    def write(self, exchange: Exchange) -> None:
        """Append the request and response records of one exchange; rotate when the file is full."""
        final, _, stream = self._file or self._start()
        with failing_writes(final):
            writer = WARCWriter(stream, gzip=True, warc_version="1.1")
            response = _response(writer, exchange)
            writer.write_record(response)
            writer.write_record(_request(writer, exchange, response.rec_headers.get_header("WARC-Record-ID")))
            self.records += 2
            if stream.tell() >= self.max_bytes:
                self._finish()

    def close(self) -> None:
        """Finish the open file and rename it into place."""
        if self._file is not None:
            self._finish()

    def abort(self) -> None:
        """Delete the unfinished file; files already renamed stay."""
        if self._file is not None:
            final, lock, stream = self._file
            discard(temporary(final), stream.close, lock.close)
            self._file = None

    def __enter__(self) -> "WarcWriter":
        return self.open()

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is not None:
            self.abort()
        else:
            self.close()

    def _start(self) -> tuple[Path, BinaryIO, BinaryIO]:
        self._seq += 1
        final = self.folder / f"{self.crawl_id}-{self.worker}-{self._seq:05d}{SUFFIX}"
        with failing_writes(final):
            lock = open_locked(temporary(final))
            stream = open(temporary(final), "wb")
        self._file = (final, lock, stream)
        return self._file

    def _finish(self) -> None:
        assert self._file is not None
        final, lock, stream = self._file
        with failing_writes(final):
            stream.close()
            os.replace(temporary(final), final)
        lock.close()
        self._file = None


def _response(writer: WARCWriter, x: Exchange) -> object:
    http = StatusAndHeaders(f"{x.status} {x.reason}".strip(), x.response_headers, protocol="HTTP/1.1")
    return writer.create_warc_record(x.url, "response", payload=io.BytesIO(x.body), length=len(x.body),
                                     http_headers=http, warc_headers_dict={"WARC-Date": _date(x.when)})


def _request(writer: WARCWriter, x: Exchange, response_id: str) -> object:
    parts = x.url.split("/", 3)
    target = "/" + (parts[3] if len(parts) > 3 else "")
    http = StatusAndHeaders(f"{x.method} {target}", x.request_headers, protocol="HTTP/1.1", is_http_request=True)
    return writer.create_warc_record(x.url, "request", payload=io.BytesIO(x.request_body),
                                     length=len(x.request_body), http_headers=http,
                                     warc_headers_dict={"WARC-Date": _date(x.when), "WARC-Concurrent-To": response_id})


def _date(when: datetime) -> str:
    """WARC/1.1 dates: UTC, to the microsecond.

    >>> _date(datetime(2026, 12, 5, 1, 2, 3, 45, tzinfo=timezone.utc))
    '2026-12-05T01:02:03.000045Z'
    """
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
