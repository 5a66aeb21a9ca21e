#!/usr/bin/env python3
"""Check that a speed change leaves clean_html's output alone, page for page.

    .venv/bin/python bench/same_output.py --save /tmp/before.json.gz     # on the old checkout
    .venv/bin/python bench/same_output.py --against /tmp/before.json.gz  # on the new one

Runs ``cleaners.clean_html`` (default options, the page's benchmark URL where the set
has one) over both extraction sets and records every field of each result: text,
title, author, published, sitename, canonical URL, language and its score, spam
score, is_spam, reject reason and each removal (kind, reason, text, offsets). With
``--against`` it compares field by field with a saved run, prints the pages that
differ and which fields, and exits 1 when any does. With ``--removals`` it also lists,
for those pages, each removal made or no longer made ("cut" / "kept"), with whether its
text is in the page's ground truth, and counts the ground-truth removals newly made and
given back: how a change to the cleaner or its model is judged on real pages.

    .venv/bin/python bench/same_output.py --against /tmp/before.json.gz --removals
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import SETS, set_pages, set_truth  # noqa: E402
from cleaners import clean_html  # noqa: E402

FIELDS = ("text", "title", "author", "published", "sitename", "canonical_url", "language", "language_score",
          "spam_score", "is_spam", "reject_reason")


def record(html: bytes, url: str | None) -> dict:
    """Every output field of clean_html for one page, as JSON values."""
    r = clean_html(html, url)
    out = {f: getattr(r, f) for f in FIELDS}
    out["removed"] = [[x.kind, x.reason, x.text, x.start, x.end, round(x.score, 6)] for x in r.removed]
    return out


def run_all() -> dict[str, dict]:
    out = {}
    for name in SETS:
        urls = {k: v.get("url") for k, v in set_truth(name).items()}
        for pid, html in set_pages(name).items():
            out[f"{name}/{pid}"] = record(html, urls.get(pid))
    return out


def _in_truth(text: str, body: str) -> bool:
    """A removal's text is in the ground truth: its first 60 characters, spaces collapsed."""
    return " ".join(text.split())[:60] in body


def removal_changes(key: str, before: dict, now: dict) -> list[tuple[str, str, str, bool]]:
    """(cut | kept, reason, text, in ground truth) for each removal of one page that a run
    makes and the other does not."""
    name, pid = key.split("/", 1)
    page = set_truth(name).get(pid, {})
    body = " ".join((page.get("articleBody") or "").split())
    old = {(r[1], r[2]) for r in before.get("removed", ())}
    new = {(r[1], r[2]) for r in now.get("removed", ())}
    return ([("cut", reason, text, _in_truth(text, body)) for reason, text in sorted(new - old)]
            + [("kept", reason, text, _in_truth(text, body)) for reason, text in sorted(old - new)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write this run's results (gzipped JSON)")
    group.add_argument("--against", type=Path, help="compare with a saved run")
    ap.add_argument("--removals", action="store_true",
                    help="with --against: list the removals that changed, and whether each is in the ground truth")
    args = ap.parse_args()
    now = run_all()
    if args.save:
        args.save.write_bytes(gzip.compress(json.dumps(now, ensure_ascii=False).encode()))
        print(f"{len(now)} pages saved to {args.save}")
        return 0
    before = json.loads(gzip.decompress(args.against.read_bytes()))
    differ = 0
    truth_changes = {"cut": 0, "kept": 0}
    for key in sorted(set(before) | set(now)):
        a, b = before.get(key), now.get(key)
        if a == b:
            continue
        differ += 1
        fields = sorted(f for f in set(a or {}) | set(b or {}) if (a or {}).get(f) != (b or {}).get(f))
        print(f"{key}: {', '.join(fields)}")
        if args.removals and a and b:
            for change, reason, text, truth in removal_changes(key, a, b):
                truth_changes[change] += truth
                print(f"    {change} {reason}{' [ground truth]' if truth else ''}: {text[:150]!r}")
    print(f"{len(now)} pages, {differ} differ")
    if args.removals:
        print(f"ground-truth text newly removed: {truth_changes['cut']}, given back: {truth_changes['kept']}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
