"""Offline page sources: HTML files (optionally gzipped), WARC files, and directories of them."""

from __future__ import annotations

import gzip
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .errors import InputError
from .process import Outcome, Page, error_outcome
from .warc import WARC_SUFFIXES, Payloads, is_warc, warc_pages

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
INPUT_SUFFIXES = HTML_SUFFIXES + WARC_SUFFIXES
# A gzipped file is refused past this many bytes unpacked, so a bomb cannot fill memory.
MAX_UNPACKED = 64 * 1024 * 1024


def html_files(paths: list[str]) -> list[Path]:
    """Expand files and directories into the sorted HTML files to read.

    Raises InputError for a path that does not exist or a directory without HTML files.
    """
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(INPUT_SUFFIXES))
            if not inside:
                raise InputError(f"no .html, .htm, .html.gz or .warc(.gz) files in directory {name}")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"no such file or directory: {name}")
    return found


def file_pages(files: list[Path], crawl_id: str) -> Iterator[Page | Outcome]:
    """Yield a Page per readable file (per response or revisit record in a WARC), or an errors Outcome."""
    payloads = Payloads()  # a revisit may refer to a response in an earlier file
    for path in files:
        if is_warc(path):
            yield from warc_pages(path, crawl_id, payloads)
            continue
        url = path.resolve().as_uri()
        try:
            body = _read(path)
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            yield error_outcome(url, crawl_id, "unreadable", f"{type(exc).__name__}: {exc}")
            continue
        mtime = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
        yield Page(url=url, body=body, crawl_id=crawl_id, fetched_at=mtime,
                   headers={"content-type": "text/html"}, page_type="article")


def _read(path: Path) -> bytes:
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as f:
            body = f.read(MAX_UNPACKED + 1)
        if len(body) > MAX_UNPACKED:
            raise ValueError(f"unpacks to more than {MAX_UNPACKED} bytes")
        return body
    return path.read_bytes()
