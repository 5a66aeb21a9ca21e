"""Offline page sources: HTML files (optionally gzipped), WARC files, directories of them, and a dataset's raw/.

Each source also splits into parts read independently (``file_shards``, ``raw_parts``),
in the order a local run reads them, so a Ray run (crawler/cluster.py) hands one part to
each task and writes the outcomes in the same order.
"""

from __future__ import annotations

import gzip
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from .errors import InputError
from .process import Outcome, Page, error_outcome, is_html
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


def file_shards(files: list[Path], size: int = 32) -> list[list[Path]]:
    """Split files into parts: each WARC file alone (its revisits refer back into it), HTML files ``size`` at a time."""
    shards: list[list[Path]] = []
    for path in files:
        if is_warc(path) or not shards or is_warc(shards[-1][0]) or len(shards[-1]) >= size:
            shards.append([path])
        else:
            shards[-1].append(path)
    return shards


def raw_parts(dataset: str | Path) -> list[tuple[str, int, int]]:
    """The row groups of a dataset's raw table, in file order, as (file, group, rows)."""
    import pyarrow.parquet as pq  # here, not at the top: `process` starts its workers before pyarrow loads

    from .dataset.reader import check_dataset
    from .dataset.schema import PARTITION

    folder = check_dataset(dataset) / "raw"
    parts = []
    for path in sorted(folder.glob(f"{PARTITION}=*/*.parquet")):
        meta = pq.ParquetFile(path).metadata
        parts.extend((str(path), g, meta.row_group(g).num_rows) for g in range(meta.num_row_groups))
    return parts


def raw_pages(parts: list[tuple[str, int, int]], crawl_id: str) -> Iterator[Page]:
    """Replay stored pages with the page type the crawl decided (the same DOM decision
    made again for datasets stored before ``raw.page_type``)."""
    import pyarrow.parquet as pq

    from .pagetype import classify_stored

    for path, group, _ in parts:
        for row in pq.ParquetFile(path).read_row_group(group).to_pylist():
            yield _stored_page(row, crawl_id, classify_stored)


def _stored_page(row: dict[str, Any], crawl_id: str, classify: Any) -> Page:
    headers = dict(row["headers"] or [])
    kind = row.get("page_type")  # None in datasets written before the column
    if kind is None:
        html = is_html(row["body"], headers.get("content-type", ""))
        kind = classify(row["url"], row["body"], headers.get("content-type")) if html else "article"
    return Page(url=row["url"], body=row["body"], crawl_id=crawl_id, fetched_at=row["fetched_at"],
                status=row["http_status"] or 200, headers=headers, page_type=kind)
