"""Run summaries: build one from counters, save it with the dataset, print it for people."""

from __future__ import annotations

import fcntl
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Mapping


def from_counters(crawl_id: str, counters: Mapping[str, Any], seconds: float, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Group ``cleancrawl/...`` counters into the summary's sections."""
    # not_modified: 304s; unchanged: fetched, but the row is the one already written (state.py).
    out: dict[str, Any] = {"crawl_id": crawl_id, "pages": 0, "rejected": 0, "errors": 0, "not_modified": 0,
                           "unchanged": 0}
    sections: dict[str, Counter[str]] = {"rejected_by_reason": Counter(), "errors_by_kind": Counter(),
                                         "removed_by_reason": Counter(), "languages": Counter(),
                                         "unchanged_by_table": Counter(), "not_modified_by_kind": Counter(),
                                         "limits": Counter()}
    # limits: links met but not followed, by the bound that stopped them (crawler/limits.py,
    # middlewares.TrapGuard): they are counted here, not rows, since nothing was fetched.
    names = {"rejected": "rejected_by_reason", "errors": "errors_by_kind", "removed": "removed_by_reason",
             "language": "languages", "unchanged": "unchanged_by_table",
             "not_modified": "not_modified_by_kind", "limit": "limits"}
    for key, value in counters.items():
        parts = key.split("/")
        if parts[0] != "cleancrawl" or len(parts) < 2:
            continue
        if len(parts) == 2 and parts[1] in out:
            out[parts[1]] = int(value)
        elif len(parts) == 3 and parts[1] in names:
            sections[names[parts[1]]][parts[2]] += int(value)
    out.update({k: dict(v.most_common()) for k, v in sections.items()})
    total = out["pages"] + out["rejected"] + out["errors"]
    out["seconds"] = round(seconds, 2)
    out["pages_per_second"] = round(total / seconds, 2) if seconds > 0 else 0.0
    out.update(extra or {})
    return out


def run_name(crawl_id: str, worker: str = "") -> str:
    """The name of a run's summary file: the crawl id, and the worker's id for a worker of a shared crawl."""
    return f"{crawl_id}-{worker}" if worker else crawl_id


def save(summary: dict[str, Any], out_dir: str | Path) -> Path:
    """Write ``OUT/runs/<crawl_id>.json`` (``<crawl_id>-<worker>.json`` for a worker) and return its path."""
    path = Path(out_dir) / "runs" / f"{run_name(summary['crawl_id'], summary.get('worker') or '')}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
    tmp.replace(path)
    return path


# Counts a merged summary adds up over workers; the sections (dicts of counts) are added too.
SUMMED = ("pages", "rejected", "errors", "not_modified", "unchanged", "requests")


def merge_workers(out_dir: str | Path, crawl_id: str) -> dict[str, Any]:
    """Merge the summaries of every worker of a shared crawl into ``OUT/runs/<crawl_id>.json``; return it.

    Held under a lock, so the last worker to finish writes the summary of all of them.
    """
    runs = Path(out_dir) / "runs"
    with open(runs / f".{crawl_id}.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        parts = [json.loads(p.read_text(encoding="utf8")) for p in sorted(runs.glob(f"{crawl_id}-*.json"))]
        merged = merge(crawl_id, [p for p in parts if p.get("worker")])
        save(merged, out_dir)
    return merged


def merge(crawl_id: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary of a crawl's workers: counts added, the wall time from the first start to the last end."""
    out: dict[str, Any] = {"crawl_id": crawl_id, **{k: sum(int(p.get(k) or 0) for p in parts) for k in SUMMED}}
    for part in parts:
        for key, value in part.items():
            if isinstance(value, dict):
                section = out.setdefault(key, Counter())
                section.update({k: int(v) for k, v in value.items()})
    for key, value in list(out.items()):
        if isinstance(value, Counter):
            out[key] = dict(value.most_common())
    started = min((p["started"] for p in parts), default=0.0)
    ended = max((p["ended"] for p in parts), default=0.0)
    out["seconds"] = round(ended - started, 2)
    total = out["pages"] + out["rejected"] + out["errors"]
    out["pages_per_second"] = round(total / out["seconds"], 2) if out["seconds"] > 0 else 0.0
    out["workers"] = {p["worker"]: p.get("finish_reason") for p in parts}
    reasons = set(out["workers"].values())
    out["finish_reason"] = reasons.pop() if len(reasons) == 1 else "mixed"
    out["out"] = parts[0].get("out") if parts else None
    return out


def render(summary: dict[str, Any]) -> str:
    """Format a summary as the few lines a person reads after a run."""
    lines = [
        f"crawl {summary['crawl_id']}: {summary['pages']} pages kept, {summary['rejected']} rejected, "
        f"{summary['errors']} errors in {summary['seconds']:.1f}s ({summary['pages_per_second']:.1f} pages/s)"
    ]
    if summary.get("not_modified") or summary.get("unchanged"):
        kinds = summary.get("not_modified_by_kind") or {}
        lines.append(f"  already in the dataset: {kinds.get('page', 0)} pages not modified (304), "
                     f"{summary.get('unchanged', 0)} fetched but unchanged; {kinds.get('source', 0)} sitemaps, "
                     "feeds and other sources not modified")
    for key, title in (("rejected_by_reason", "rejected"), ("errors_by_kind", "errors"),
                       ("unchanged_by_table", "unchanged"), ("limits", "links not followed"),
                       ("removed_by_reason", "removed"), ("languages", "languages")):
        if summary.get(key):
            lines.append(f"  {title}: " + ", ".join(f"{k} {v}" for k, v in summary[key].items()))
    if summary.get("out"):
        lines.append(f"  dataset: {summary['out']}")
    return "\n".join(lines)


def count_outcome(counters: Counter[str], outcome: Any) -> None:
    """Add one outcome to ``cleancrawl/...`` counters (the crawl's stats use the same keys)."""
    counters[f"cleancrawl/{outcome.table}"] += 1
    if outcome.reason:
        counters[f"cleancrawl/{outcome.table}/{outcome.reason}"] += 1
    for removal in outcome.row.get("removed") or ():
        counters[f"cleancrawl/removed/{removal['reason']}"] += 1
    if outcome.table == "pages" and outcome.row.get("language"):
        counters[f"cleancrawl/language/{outcome.row['language']}"] += 1
