"""The spam benchmark corpus: spam snippets, legitimate gambling articles and generators.

    from bench.spamcorpus import all_cases
    for case in all_cases(): ...            # html, legit and dump cases, dev and held-out

The data (``spam/*.toml``, ``legit/*.toml``, ``boilerplate.toml``, ``split.toml``) was
written for cleancrawl; every brand is invented. Benchmark pages are read from
../shared/data/article-extraction-benchmark and spam is injected on the fly.
"""

from __future__ import annotations

from .cases import Case, all_legit_cases, base_page, html_case, html_cases, page_ids
from .dumps import dump_case, dump_cases


def all_cases(ids: list[str] | None = None) -> list[Case]:
    """Every case: HTML spam cases, legitimate articles, text dumps."""
    return html_cases(ids) + all_legit_cases() + dump_cases(ids)


__all__ = ["Case", "all_cases", "all_legit_cases", "base_page", "dump_case", "dump_cases", "html_case",
           "html_cases", "page_ids"]
