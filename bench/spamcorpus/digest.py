"""A fingerprint of the corpus data, pinned in ``DIGEST``, so no change to it goes unnoticed.

Figures on a changed corpus are not comparable with earlier ones, and a held-out split
edited after seeing its scores is no longer held out. The digest covers every data file
under bench/spamcorpus (``*.toml``, by sorted relative path and bytes) and the
benchmark's ground-truth.json. Update it deliberately with
``bench/spam_eval.py --update-digest``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..common import GROUND_TRUTH

HERE = Path(__file__).resolve().parent
PINNED = HERE / "DIGEST"


def data_files() -> list[Path]:
    """The corpus data files, sorted by path relative to bench/spamcorpus."""
    return sorted(HERE.rglob("*.toml"), key=lambda p: p.relative_to(HERE).as_posix())


def corpus_digest() -> str:
    """sha256 over (relative path, bytes) of every data file, then the ground truth."""
    h = hashlib.sha256()
    for p in data_files():
        for part in (p.relative_to(HERE).as_posix().encode(), p.read_bytes()):
            h.update(len(part).to_bytes(8, "big") + part)  # length-prefixed: no two file sets collide
    gt = GROUND_TRUTH.read_bytes()
    h.update(b"ground-truth.json" + len(gt).to_bytes(8, "big") + gt)
    return h.hexdigest()


def pinned() -> str:
    """The digest written in ``DIGEST`` ("" when there is none)."""
    return PINNED.read_text(encoding="utf8").strip() if PINNED.exists() else ""


def update() -> str:
    """Write the current digest to ``DIGEST`` and return it."""
    d = corpus_digest()
    PINNED.write_text(d + "\n", encoding="utf8")
    return d
