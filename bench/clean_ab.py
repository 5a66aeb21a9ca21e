#!/usr/bin/env python3
"""Compare clean_html's processor time in this checkout and another one, alternating.

    .venv/bin/python bench/clean_ab.py --baseline /tmp/base [--set zyte|dev] [--rounds 3] [--by-page]

Each round runs, in turn, a fresh process of each checkout that cleans 5 pages to warm
up, then every page of the set once, and reports the processor time of that loop
(``time.process_time``: on a shared machine it moves less than wall time). Prints
each run, then the medians and their ratio (above 1: this checkout is faster). The
baseline is a checkout of another commit (``git worktree add --detach /tmp/base REV``),
run with this virtualenv's Python. With ``--by-page`` the two checkouts instead take
turns page by page, each in one warm process, so a burst of load falls on both alike.
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


# --by-page: a child that cleans the page whose index it reads on stdin and answers with
# the processor time it took, so the two checkouts take turns page by page.
SERVER = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from bench.common import set_pages
from cleaners import clean_html
pages = list(set_pages(sys.argv[2]).values())
for html in pages[:5]:
    clean_html(html)
print("ready", len(pages), flush=True)
for line in sys.stdin:
    html = pages[int(line)]
    start = time.process_time()
    clean_html(html)
    print(time.process_time() - start, flush=True)
"""


def by_page(baseline: Path, name: str, rounds: int) -> dict:
    """Both checkouts in a warm process each, taking turns on every page (who goes first
    alternates); the summed processor time of each over ``rounds`` passes of the set."""
    children = {k: subprocess.Popen([sys.executable, "-c", SERVER, str(repo), name], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, text=True)
                for k, repo in (("baseline", baseline), ("this", REPO))}
    sizes = {child.stdout.readline().strip() for child in children.values()}
    if len(sizes) != 1 or not next(iter(sizes)).startswith("ready "):
        sys.exit("error: a child did not start, or the checkouts' sets differ")
    n = int(next(iter(sizes)).split()[1])
    total = {"baseline": 0.0, "this": 0.0}
    for r in range(rounds):
        for i in range(n):
            order = ("baseline", "this") if (i + r) % 2 == 0 else ("this", "baseline")
            for k in order:
                children[k].stdin.write(f"{i}\n")
                children[k].stdin.flush()
                total[k] += float(children[k].stdout.readline())
    for child in children.values():
        child.stdin.close()
        child.wait()
    return {"set": name, "rounds": rounds, "mode": "by page", "cpu_s_baseline": round(total["baseline"], 2),
            "cpu_s_this": round(total["this"], 2), "speedup": round(total["baseline"] / total["this"], 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", type=Path, required=True, help="another checkout of the repository")
    ap.add_argument("--set", choices=("zyte", "dev"), default="zyte")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--by-page", action="store_true",
                    help="take turns page by page in two warm processes (fairer on a loaded machine)")
    args = ap.parse_args()
    if not (args.baseline / "cleaners" / "clean.py").is_file():
        print(f"error: --baseline {args.baseline} is not a cleancrawl checkout", file=sys.stderr)
        return 2
    if args.by_page:
        print(json.dumps(by_page(args.baseline, args.set, args.rounds)))
        return 0
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
