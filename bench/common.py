"""Helpers shared by the benchmark scripts: the benchmark's pages and its scorer."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
# Vendored (MIT, with its LICENSE), so the benchmarks run in a clone with nothing beside it.
BENCH_DATA = REPO / "bench" / "data" / "article-extraction-benchmark"


def scorer() -> ModuleType:
    """The benchmark's scoring (bench/scoring.py, our own implementation of its metric)."""
    sys.path.insert(0, str(REPO))
    from bench import scoring

    return scoring


def page_id(path_or_url: str) -> str:
    """The benchmark's page id: the file name without .html.gz."""
    return Path(path_or_url.rstrip("/")).name.split(".html")[0]


def bench_pages() -> dict[str, bytes]:
    """Every benchmark page's raw HTML, by page id."""
    return {page_id(p.name): gzip.decompress(p.read_bytes()) for p in sorted((BENCH_DATA / "html").glob("*.html.gz"))}
