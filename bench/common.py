"""Helpers shared by the benchmark scripts: the benchmarks' pages and their ground truth,
and the ``-s FIELD=VALUE`` option that sets CleanOptions fields for a run.

Two extraction sets, both vendored so the benchmarks run in a clone with nothing beside
it: ``zyte`` (the 181 pages of the article-extraction-benchmark, one ``.html.gz`` each)
and ``dev`` (446 pages of four other benchmarks in one ``pages.tar.xz``, 316 of them
with a full ground-truth text, the other 130 with snippets only).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import tarfile
from collections.abc import Collection
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Vendored (MIT, with its LICENSE), so the benchmarks run in a clone with nothing beside it.
BENCH_DATA = REPO / "bench" / "data" / "article-extraction-benchmark"
GROUND_TRUTH = BENCH_DATA / "ground-truth.json"
DEV_DATA = REPO / "bench" / "data" / "extraction-dev"
DEV_ARCHIVE = DEV_DATA / "pages.tar.xz"
# sha256 of pages.tar.xz: a changed archive means figures measured on it no longer compare.
DEV_ARCHIVE_SHA256 = "6c1fa1a0c7fb6af9e3f2d57db7ff3792582461906f4024cb5b2932bb3a4f6947"
SETS = ("zyte", "dev")


def add_settings(parser: argparse.ArgumentParser) -> None:
    """Give a benchmark script the ``-s FIELD=VALUE`` option (repeatable): CleanOptions
    fields for the run, read by ``run_options``."""
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="FIELD=VALUE",
                        help="a CleanOptions field for the run")


def run_options(parser: argparse.ArgumentParser, values: list[str], extra: dict[str, str] | None = None):
    """The CleanOptions of a run: the ``-s`` values (and ``extra`` fields over them); a bad
    one ends the script with the parser's one-line error."""
    from cleaners import CleanOptions

    try:
        return CleanOptions.from_mapping(dict(s.partition("=")[::2] for s in values) | (extra or {}))
    except ValueError as exc:
        parser.error(str(exc))


class DataError(Exception):
    """A vendored benchmark file is missing or is not the one the figures were measured on."""


def page_id(path_or_url: str) -> str:
    """The benchmark's page id: the file name without .html.gz."""
    return Path(path_or_url.rstrip("/")).name.split(".html")[0]


def bench_pages() -> dict[str, bytes]:
    """Every benchmark page's raw HTML, by page id."""
    return {page_id(p.name): gzip.decompress(p.read_bytes()) for p in sorted((BENCH_DATA / "html").glob("*.html.gz"))}


@cache
def truth() -> dict[str, dict]:
    """The benchmark's ground truth: page id -> {articleBody, url}."""
    return json.loads(GROUND_TRUTH.read_text(encoding="utf8"))


def norm(s: str) -> str:
    """White space collapsed to single spaces, ends stripped.

    >>> norm("  a\\n b ")
    'a b'
    """
    return " ".join(s.split())


def dev_pages(only: Collection[str] | None = None) -> dict[str, bytes]:
    """The extraction-dev pages' HTML (UTF-8), by page id: all, or those in ``only``.

    The archive is read as a stream, so memory holds the pages asked for, not the
    whole 132 MB. Raises DataError when it is missing or its sha256 is not the pinned one.
    """
    check_dev_archive()
    out = {}
    with tarfile.open(DEV_ARCHIVE, "r|xz") as tar:
        for member in tar:
            pid = page_id(member.name)
            if only is not None and pid not in only:
                continue
            handle = tar.extractfile(member)
            if handle is not None:
                out[pid] = handle.read()
    return out


def check_dev_archive() -> None:
    """Raise DataError unless pages.tar.xz is there with its pinned sha256."""
    if not DEV_ARCHIVE.is_file():
        raise DataError(f"{DEV_ARCHIVE} is missing")
    digest = hashlib.sha256(DEV_ARCHIVE.read_bytes()).hexdigest()
    if digest != DEV_ARCHIVE_SHA256:
        raise DataError(f"{DEV_ARCHIVE.name} has sha256 {digest}, not the pinned {DEV_ARCHIVE_SHA256}")


def set_pages(name: str) -> dict[str, bytes]:
    """The raw HTML of one extraction set ("zyte" or "dev"), by page id."""
    return bench_pages() if name == "zyte" else dev_pages()


@cache
def set_truth(name: str) -> dict[str, dict]:
    """One set's full-text ground truth: page id -> {articleBody, url, ...} (dev: also source, page_type)."""
    return truth() if name == "zyte" else json.loads((DEV_DATA / "ground-truth.json").read_text(encoding="utf8"))


@cache
def dev_snippets() -> dict[str, dict]:
    """Snippets of the dev pages that have them: page id -> {with, without, source, ...}.

    Holds the 130 snippet-only pages of ``snippets.json`` and the WCXB pages of the
    ground truth, which have snippets besides their full text.
    """
    out = json.loads((DEV_DATA / "snippets.json").read_text(encoding="utf8"))
    out.update({k: v for k, v in set_truth("dev").items() if v.get("with") or v.get("without")})
    return out

