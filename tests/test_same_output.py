"""bench/same_output.py --removals: which removals a change makes or gives back on the
extraction pages, and whether each is in the page's ground truth."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import same_output  # noqa: E402
from bench.common import set_truth  # noqa: E402


def test_removal_changes_tell_ground_truth_from_the_rest():
    pid, page = next((k, v) for k, v in sorted(set_truth("zyte").items()) if len(v.get("articleBody") or "") > 500)
    line = next(x for x in page["articleBody"].split("\n") if len(x) > 80)
    before = {"removed": [["spam", "spam.learned", "Buy cheap followers now", 0, 23, 0.9]]}
    now = {"removed": [["spam", "spam.learned", line, 0, len(line), 0.7]]}
    changes = same_output.removal_changes(f"zyte/{pid}", before, now)
    assert changes == [("cut", "spam.learned", line, True), ("kept", "spam.learned", "Buy cheap followers now", False)]
    assert same_output.removal_changes(f"zyte/{pid}", now, now) == []
