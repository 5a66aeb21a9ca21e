"""Helpers shared by the benchmark scripts: the benchmark's pages and its ground truth."""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Vendored (MIT, with its LICENSE), so the benchmarks run in a clone with nothing beside it.
BENCH_DATA = REPO / "bench" / "data" / "article-extraction-benchmark"
GROUND_TRUTH = BENCH_DATA / "ground-truth.json"


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
