"""Read pages out of WARC files (.warc, .warc.gz) with FastWARC, streaming, one record at a time.

``response`` records become pages; a ``revisit`` record (identical payload) becomes a
page with the payload of the response it refers to when that was read earlier in the
run, else an ``errors`` row with code ``revisit``. Requests, warcinfo, metadata and
other records are skipped. A record that cannot be used is an ``errors`` row and the run
goes on: one without an HTTP response, one whose payload is too large or will not
decode, and data that is not a record at all (a wrong ``Content-Length``, a torn gzip
member), after which reading starts again at the next record found in the file.
FastWARC was chosen over warcio by speed (README, ``bench/warc_read.py``).
"""

from __future__ import annotations

import base64
import hashlib
import io
import zlib
from collections import OrderedDict
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Iterator

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from .process import Outcome, Page, error_outcome

WARC_SUFFIXES = (".warc", ".warc.gz")
# A record whose payload is (or unpacks to) more than this is refused, so a bomb cannot fill memory.
MAX_PAYLOAD = 64 * 1024 * 1024
# Payloads kept for resolving revisits: the most recent, up to this many bytes in all.
REVISIT_MEMORY = 64 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b\x08"
RECORD_START = b"WARC/1."
SCAN_CHUNK = 1 << 20
# A WARC says nothing of article or listing: process_page makes the crawl's DOM decision in the worker.
UNDECIDED = ""


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


class Payloads:
    """Recent response payloads by payload digest and record id, for resolving revisits."""

    def __init__(self, limit: int = REVISIT_MEMORY) -> None:
        self.limit, self.size = limit, 0
        self._items: OrderedDict[str, tuple[int, dict[str, str], bytes]] = OrderedDict()

    def add(self, keys: tuple[str, ...], status: int, headers: dict[str, str], body: bytes) -> None:
        for key in filter(None, keys):
            self._items[key] = (status, headers, body)
            self.size += len(body)
        while self.size > self.limit and self._items:
            self.size -= len(self._items.popitem(last=False)[1][2])

    def get(self, *keys: str) -> tuple[int, dict[str, str], bytes] | None:
        return next((self._items[k] for k in keys if k in self._items), None)


def warc_pages(path: Path, crawl_id: str, payloads: Payloads | None = None) -> Iterator[Page | Outcome]:
    """Yield a Page or an errors Outcome for each response and revisit record of one WARC file."""
    payloads = payloads if payloads is not None else Payloads()
    uri = path.resolve().as_uri()
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield error_outcome(uri, crawl_id, "unreadable", f"{type(exc).__name__}: {exc}")
        return
    with handle:
        offset: int | None = 0
        while offset is not None:
            handle.seek(offset)
            last = offset
            try:
                for record in ArchiveIterator(handle, record_types=WarcRecordType.response | WarcRecordType.revisit,
                                              parse_http=True):
                    last = record.stream_pos
                    yield record_page(record, crawl_id, payloads)
                return
            except OSError as exc:
                yield error_outcome(f"{uri}#byte={last}", crawl_id, "unreadable",
                                    f"broken WARC data after byte {last}: {exc}")
            offset = next_record(handle, last + 1)


def next_record(handle: BinaryIO, start: int) -> int | None:
    """Return the offset of the next place a record may start at or after ``start`` (None at the end).

    In a gzipped WARC that is the next gzip member header, else the next ``WARC/1.`` line.
    """
    handle.seek(0)
    magic = GZIP_MAGIC if handle.read(2) == GZIP_MAGIC[:2] else b"\n" + RECORD_START
    skip = 0 if magic == GZIP_MAGIC else 1  # the record starts after the newline
    position = start - skip
    while True:
        handle.seek(max(position, 0))
        chunk = handle.read(SCAN_CHUNK + len(magic))
        found = chunk.find(magic)
        if found >= 0:
            return max(position, 0) + found + skip
        if len(chunk) <= len(magic):
            return None
        position += SCAN_CHUNK


def record_page(record: WarcRecord, crawl_id: str, payloads: Payloads) -> Page | Outcome:
    """Turn one response or revisit record into a Page, or an errors Outcome saying why not."""
    url = (record.headers.get("WARC-Target-URI") or "").strip().strip("<>")
    http = record.http_headers if record.is_http else None
    if http is None or not http.status_code:
        return error_outcome(url, crawl_id, "unreadable", "WARC record without an HTTP response")
    status = int(http.status_code)
    headers = _headers(http.items_bytes())
    when = record.record_date or datetime.now(timezone.utc)
    if record.record_type == WarcRecordType.revisit:
        return _revisit(record, url, when, crawl_id, payloads)
    raw = record.reader.read(MAX_PAYLOAD + 1)
    if len(raw) > MAX_PAYLOAD:
        return error_outcome(url, crawl_id, "too_large", f"WARC payload over {MAX_PAYLOAD} bytes", status)
    try:
        body = decode_payload(raw, headers)
    except (ValueError, zlib.error, EOFError, OSError) as exc:
        return error_outcome(url, crawl_id, "unreadable", f"cannot decode WARC payload: {exc}", status)
    digest = record.headers.get("WARC-Payload-Digest") or payload_digest(raw)
    payloads.add((digest, record.record_id), status, headers, body)
    return Page(url=url, body=body, crawl_id=crawl_id, fetched_at=when.astimezone(timezone.utc), status=status,
                headers=headers, page_type=UNDECIDED)


def _revisit(record: WarcRecord, url: str, when: datetime, crawl_id: str, payloads: Payloads) -> Page | Outcome:
    digest = record.headers.get("WARC-Payload-Digest") or ""
    original = payloads.get(digest, record.headers.get("WARC-Refers-To") or "")
    if original is None:
        refers = record.headers.get("WARC-Refers-To-Target-URI") or url
        return error_outcome(url, crawl_id, "revisit",
                             f"revisit of {refers} ({digest or 'no payload digest'}): its response record was not "
                             "read before it")
    status, headers, body = original
    return Page(url=url, body=body, crawl_id=crawl_id, fetched_at=when.astimezone(timezone.utc), status=status,
                headers=headers, page_type=UNDECIDED)


def payload_digest(raw: bytes) -> str:
    """The WARC payload digest of ``raw``: sha1, base32.

    >>> payload_digest(b"")
    'sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ'
    """
    return "sha1:" + base64.b32encode(hashlib.sha1(raw).digest()).decode()


def decode_payload(body: bytes, headers: dict[str, str]) -> bytes:
    """Undo chunked transfer encoding and gzip/deflate content encoding, within MAX_PAYLOAD."""
    if "chunked" in headers.get("transfer-encoding", "").lower() and _looks_chunked(body):
        body = _dechunk(body)
    encoding = headers.get("content-encoding", "").lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflater = zlib.decompressobj(47 if encoding != "deflate" else 15)
        body = inflater.decompress(body, MAX_PAYLOAD + 1)
        if len(body) > MAX_PAYLOAD:
            raise ValueError(f"payload unpacks to more than {MAX_PAYLOAD} bytes")
    return body


def _looks_chunked(body: bytes) -> bool:
    """Tell a chunked body from one a crawler stored de-chunked but with its header kept."""
    size = body[:18].split(b"\r\n", 1)[0].split(b";")[0].strip()
    return bool(size) and all(c in b"0123456789abcdefABCDEF" for c in size) and b"\r\n" in body[:18]


def _dechunk(body: bytes) -> bytes:
    out, stream = io.BytesIO(), io.BytesIO(body)
    while (size_line := stream.readline()) and (size := int(size_line.split(b";")[0].strip() or b"0", 16)):
        out.write(stream.read(size))
        stream.readline()
    return out.getvalue()


def _headers(items: list[tuple[bytes, bytes]]) -> dict[str, str]:
    """HTTP headers with lower-cased names; values as ISO-8859-1, as HTTP defines them."""
    headers: dict[str, str] = {}
    for name, value in items:
        key, text = name.decode("latin-1").strip().lower(), value.decode("latin-1").strip()
        headers[key] = f"{headers[key]}, {text}" if key in headers else text
    return headers

