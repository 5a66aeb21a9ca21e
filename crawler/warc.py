"""Read HTML responses out of WARC files (.warc, .warc.gz), without a third-party parser."""

from __future__ import annotations

import gzip
import io
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Iterator

from .errors import InputError
from .process import Outcome, Page, error_outcome

WARC_SUFFIXES = (".warc", ".warc.gz")
# A record whose payload unpacks past this is refused, so a bomb cannot fill memory.
MAX_PAYLOAD = 64 * 1024 * 1024


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def warc_pages(path: Path, crawl_id: str) -> Iterator[Page | Outcome]:
    """Yield a Page for each HTTP response record, or an errors Outcome for a broken one."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:
            yield from _records(stream, crawl_id)
    except (OSError, EOFError, zlib.error) as exc:
        yield error_outcome(path.resolve().as_uri(), crawl_id, "unreadable", f"{type(exc).__name__}: {exc}")


def _records(stream: BinaryIO, crawl_id: str) -> Iterator[Page | Outcome]:
    while True:
        line = stream.readline()
        if not line:
            return
        if not line.strip():
            continue
        if not line.startswith(b"WARC/"):
            raise InputError(f"not a WARC record header: {line[:40]!r}")
        fields = _headers(stream)
        length = int(fields.get("content-length", "0"))
        block = stream.read(length)
        if fields.get("warc-type") != "response" or "msgtype=response" not in fields.get("content-type", ""):
            continue
        yield _page(fields, block, crawl_id)


def _headers(stream: BinaryIO) -> dict[str, str]:
    fields: dict[str, str] = {}
    while (line := stream.readline()).strip():
        name, _, value = line.decode("utf8", "replace").partition(":")
        fields[name.strip().lower()] = value.strip()
    return fields


def _page(fields: dict[str, str], block: bytes, crawl_id: str) -> Page | Outcome:
    url = fields.get("warc-target-uri", "").strip("<>")
    head, _, body = block.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        return error_outcome(url, crawl_id, "unreadable", f"bad HTTP status line in WARC: {lines[0][:60]!r}")
    headers = {k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:]) if k.strip()}
    try:
        body = _decode(body, headers)
    except (ValueError, zlib.error, EOFError, OSError) as exc:
        return error_outcome(url, crawl_id, "unreadable", f"cannot decode WARC payload: {exc}", status)
    when = _warc_date(fields.get("warc-date", ""))
    return Page(url=url, body=body, crawl_id=crawl_id, fetched_at=when, status=status, headers=headers)


def _decode(body: bytes, headers: dict[str, str]) -> bytes:
    """Undo chunked transfer encoding and gzip/deflate content encoding, within MAX_PAYLOAD."""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    encoding = headers.get("content-encoding", "").lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        wbits = 47 if encoding != "deflate" else 15
        inflater = zlib.decompressobj(wbits)
        body = inflater.decompress(body, MAX_PAYLOAD + 1)
        if len(body) > MAX_PAYLOAD:
            raise ValueError(f"payload unpacks to more than {MAX_PAYLOAD} bytes")
    return body


def _dechunk(body: bytes) -> bytes:
    out, stream = io.BytesIO(), io.BytesIO(body)
    while (size_line := stream.readline()) and (size := int(size_line.split(b";")[0].strip() or b"0", 16)):
        out.write(stream.read(size))
        stream.readline()
    return out.getvalue()


def _warc_date(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc)
    except ValueError:
        return datetime.now(timezone.utc)
