"""Run ``cleancrawl`` with tracemalloc on, writing a heap snapshot each time the process gets SIGUSR1.

    python bench/memory_shim.py SNAPSHOT_DIR crawl --start-url ... (cleancrawl's arguments)

bench/crawl_memory.py ``--trace DIR`` starts the crawler this way and signals it at each
mark; diff two snapshots with ``python bench/memory_shim.py --diff A B``. Only the crawler
process is traced (its workers are spawned, and start untraced).
"""

from __future__ import annotations

import os
import signal
import sys
import tracemalloc
from pathlib import Path

FRAMES = 12


def _diff(a: str, b: str, top: int = 30) -> None:
    old, new = tracemalloc.Snapshot.load(a), tracemalloc.Snapshot.load(b)
    for key in ("filename", "traceback"):
        stats = new.compare_to(old, key)
        print(f"--- by {key}: total {sum(s.size_diff for s in stats) / 1e6:+.2f} MB")
        for s in stats[:top]:
            print(f"{s.size_diff / 1e6:+8.3f} MB {s.count_diff:+8d} blocks  now {s.size / 1e6:8.2f} MB")
            frames = s.traceback.format()[-2 * FRAMES:] if key == "traceback" else [str(s.traceback[0])]
            print("    " + "\n    ".join(line.strip() for line in frames[-8:]))


def main() -> int:
    if sys.argv[1] == "--diff":
        _diff(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 30)
        return 0
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    taken = 0

    def dump(signum: int, frame: object) -> None:
        nonlocal taken
        taken += 1
        tracemalloc.take_snapshot().dump(str(out / f"snap-{taken:03d}.tracemalloc"))

    signal.signal(signal.SIGUSR1, dump)
    tracemalloc.start(FRAMES)
    sys.path.insert(0, os.getcwd())  # the checkout the crawl runs from, as `python -m` would
    from crawler.cli import main as cleancrawl

    return cleancrawl(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
