"""Run the doctests of the pure helpers."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["cleaners.charset", "cleaners.clean", "crawler.pagetype", "crawler.process", "crawler.urls", "crawler.middlewares",
                                  "crawler.journal", "crawler.keyset", "crawler.dedup", "crawler.state", "crawler.quality", "cleaners.dom", "cleaners.folding",
                                  "cleaners.language", "cleaners.morphology", "cleaners.normalize", "cleaners.ngrams", "cleaners.resources", "cleaners.score",
                                  "cleaners.segment", "cleaners.choice", "cleaners.links", "cleaners.rules.foreign", "cleaners.rules.lexicon"])
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
