#!/usr/bin/env python3
"""Compare clean_html's processor time in this checkout and another one, alternating.

    .venv/bin/python bench/clean_ab.py --baseline /tmp/base [--set zyte|dev] [--rounds 3]

Each round runs, in turn, a fresh process of each checkout that cleans 5 pages to warm
up, then every page of the set once, and reports the processor time of that loop
(``time.process_time``: on a shared machine it moves less than wall time). Prints
each run, then the medians and their ratio (above 1: this checkout is faster). The
baseline is a checkout of another commit (``git worktree add --detach /tmp/base REV``),
run with this virtualenv's Python.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from bench.common import set_pages
from cleaners import clean_html
pages = list(set_pages(sys.argv[2]).values())
for html in pages[:5]:
    clean_html(html)
start = time.process_time()
for html in pages:
    clean_html(html)
print(time.process_time() - start)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", type=Path, required=True, help="another checkout of the repository")
    ap.add_argument("--set", choices=("zyte", "dev"), default="zyte")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if not (args.baseline / "cleaners" / "clean.py").is_file():
        print(f"error: --baseline {args.baseline} is not a cleancrawl checkout", file=sys.stderr)
        return 2
    seconds: dict[str, list[float]] = {"baseline": [], "this": []}
    for _ in range(args.rounds):
        for name, repo in (("baseline", args.baseline), ("this", REPO)):
            run = subprocess.run([sys.executable, "-c", CHILD, str(repo), args.set], capture_output=True, text=True)
            if run.returncode:
                print(f"error: the {name} run failed: {run.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
                return 1
            seconds[name].append(float(run.stdout.split()[-1]))
            print(f"{name}: {seconds[name][-1]:.2f} s", flush=True)
    base, this = statistics.median(seconds["baseline"]), statistics.median(seconds["this"])
    print(json.dumps({"set": args.set, "rounds": args.rounds, "cpu_s_baseline": round(base, 2),
                      "cpu_s_this": round(this, 2), "speedup": round(base / this, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
