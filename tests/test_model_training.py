"""The shipped model is what one command makes of the repository's data and code.

``test_realworld.py`` checks that the model records the digest of its training data;
this retrains it (bench/train_spam_model.py, about 35 s) and compares, so a change to
the features (cleaners/ngrams.py, normalize.py, folding.py, the scripts that glue
numbers in language.py) that leaves the data alone cannot drift past the shipped file
either. Weights are compared within one rounding step rather than byte for byte, so
a scikit-learn build that sums in another order does not fail it.
"""

from __future__ import annotations

import gzip
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import train_spam_model as T  # noqa: E402
from cleaners.ngrams import parse  # noqa: E402

# Weights are rounded to 4 decimals when written: two fits that agree round to within a
# step of each other.
STEP = 2e-4


def test_retraining_gives_the_shipped_model() -> None:
    texts, labels, groups = T.dataset(random.Random(T.SEED))
    weights, bias = T.fit(texts, labels, weights=T.weights_of(groups))
    fresh = parse(gzip.decompress(T.serialise(weights, bias, T.data_digest())))
    shipped = parse(gzip.decompress(T.OUT.read_bytes()))
    assert fresh.digest == shipped.digest, "training data changed: run bench/train_spam_model.py"
    assert len(fresh.table) == len(shipped.table)
    worst = max(abs(a - b) for a, b in zip(fresh.table, shipped.table))
    assert abs(fresh.bias - shipped.bias) <= STEP and worst <= STEP, (
        f"the shipped model is not what its data and code train (largest weight difference {worst:.4f}): "
        "run bench/train_spam_model.py and commit cleaners/data/model/")
    # and so it reads the same: the training's own texts, every 50th
    for t in texts[::50]:
        assert abs(fresh.probability(t) - shipped.probability(t)) < 0.01, t
