"""Helpers shared by the benchmark scripts: the benchmark's pages and its scorer."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# Vendored (MIT, with its LICENSE), so the benchmarks run in a clone with nothing beside it.
BENCH_DATA = REPO / "bench" / "data" / "article-extraction-benchmark"
SCORER = SHARED / "bench" / "extraction_score.py"


def scorer() -> ModuleType:
    """Import ../shared/bench/extraction_score.py by path."""
    spec = importlib.util.spec_from_file_location("extraction_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def page_id(path_or_url: str) -> str:
    """The benchmark's page id: the file name without .html.gz."""
    return Path(path_or_url.rstrip("/")).name.split(".html")[0]


def bench_pages() -> dict[str, bytes]:
    """Every benchmark page's raw HTML, by page id."""
    return {page_id(p.name): gzip.decompress(p.read_bytes()) for p in sorted((BENCH_DATA / "html").glob("*.html.gz"))}
