"""The spam benchmark corpus: spam snippets, legitimate gambling articles and generators.

    from bench.spamcorpus import all_cases
    for case in all_cases(): ...            # html, legit and dump cases, dev and held-out

The data was written for cleancrawl; every brand is invented. Dev: ``spam/*.toml`` and
``legit/*.toml``; held-out: ``heldout/*.toml`` and ``heldout/legit/*.toml`` only (described
by ``split.toml``); both: ``boilerplate.toml``. ``DIGEST`` pins all of it (``digest.py``). Benchmark pages are read from
bench/data/article-extraction-benchmark (vendored, MIT) and spam is injected on the fly.
"""

from __future__ import annotations

from .cases import Case, all_legit_cases, base_page, html_case, html_cases, landing_case, landing_cases, page_ids
from .digest import corpus_digest
from .dumps import dump_case, dump_cases


def all_cases(ids: list[str] | None = None) -> list[Case]:
    """Every case: HTML spam cases, legitimate articles, landing pages, text dumps."""
    return html_cases(ids) + all_legit_cases() + landing_cases() + dump_cases(ids)


__all__ = ["Case", "all_cases", "all_legit_cases", "base_page", "corpus_digest", "dump_case", "dump_cases",
           "html_case", "html_cases", "landing_case", "landing_cases", "page_ids"]
