"""Run summaries: build one from counters, save it with the dataset, print it for people."""

from __future__ import annotations

import json
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


def save(summary: dict[str, Any], out_dir: str | Path) -> Path:
    """Write ``OUT/runs/<crawl_id>.json`` and return its path."""
    path = Path(out_dir) / "runs" / f"{summary['crawl_id']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
    tmp.replace(path)
    return path


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
