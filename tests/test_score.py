"""The block score (cleaners/score.py): ``Score.ruled`` is what the rules alone make of a block."""

from __future__ import annotations

from dataclasses import replace

from cleaners import CleanOptions
from cleaners.clean import _facts
from cleaners.score import LEARNED, score_block

PITCH = ("Play tonight at Kasinoland: 200 free spins and a 100% welcome bonus on your first deposit, "
         "withdrawals in ten minutes.")


def _block(text: str, options: CleanOptions):
    blocks, page, _ = _facts(text, options, None, (), False)
    return blocks[0], page


def test_ruled_leaves_out_the_models_evidence_only():
    options = CleanOptions()
    block, page = _block(PITCH, options)
    s = score_block(block, page)
    codes = dict(s.evidence)
    assert LEARNED in codes and len(codes) > 1  # the model and the rules both read this pitch
    assert 0 < s.ruled < s.value
    # The model silent (too few words for it): the combined score is what ``ruled`` was,
    # the model's part in the diversity bonus left out too.
    blind = score_block(block, replace(page, options=replace(options, learned_min_units=10_000)))
    assert blind.value == s.ruled


def test_ruled_is_the_score_where_the_model_says_nothing():
    options = CleanOptions(learned_min_units=10_000)  # no model evidence at all
    block, page = _block(PITCH, options)
    s = score_block(block, page)
    assert LEARNED not in dict(s.evidence) and s.ruled == s.value > 0

