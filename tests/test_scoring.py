"""The benchmark scorer (bench/scoring.py): its doctest, and perfect and empty predictions."""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import scoring  # noqa: E402


def test_doctest():
    result = doctest.testmod(scoring)
    assert result.attempted > 0 and result.failed == 0


def test_perfect_and_empty_predictions():
    truth = {"a": {"articleBody": "the council voted on tuesday to expand the park"}, "b": {"articleBody": "short text"}}
    assert scoring.score(truth, truth)[0]["f1"] == 1.0
    empty = scoring.score(truth, {})[0]
    assert empty["recall"] == 0.0 and empty["f1"] == 0.0
