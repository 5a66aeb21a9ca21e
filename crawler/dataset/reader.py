"""Open and validate a dataset, and answer the `stats` queries over it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from ..errors import DatasetError
from .schema import PARTITION, SCHEMAS


def open_table(root: str | Path, table: str) -> ds.Dataset:
    """Open one table of a dataset as a hive-partitioned pyarrow dataset."""
    folder = check_dataset(root) / table
    files = sorted(str(p) for p in folder.glob(f"{PARTITION}=*/*.parquet"))
    part = ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")
    try:
        schema = SCHEMAS[table].append(pa.field(PARTITION, pa.string()))
        return ds.dataset(files, schema=schema, format="parquet", partitioning=part,
                          partition_base_dir=str(folder))
    except (pa.ArrowInvalid, OSError) as exc:
        raise DatasetError(f"cannot read {folder}: {exc}") from None


def check_dataset(root: str | Path) -> Path:
    """Return the dataset root, or raise DatasetError saying why it is not one."""
    path = Path(root)
    if not path.exists():
        raise DatasetError(f"no such dataset: {root}")
    if not path.is_dir() or not all((path / t).is_dir() for t in ("pages", "rejected", "errors")):
        raise DatasetError(f"not a cleancrawl dataset (no pages/, rejected/, errors/ folders): {root}")
    return path


def stats(root: str | Path) -> dict[str, Any]:
    """Counts per table, languages, domains and removals by reason."""
    pages = open_table(root, "pages")
    rejected = open_table(root, "rejected")
    errors = open_table(root, "errors")
    out: dict[str, Any] = {t: open_table(root, t).count_rows() for t in ("pages", "rejected", "errors")}
    out["crawls"] = len(_distinct(pages, "crawl_id") | _distinct(rejected, "crawl_id") | _distinct(errors, "crawl_id"))
    out["languages"] = _counts(pages, "language")
    out["domains"] = _counts(pages, "domain", 10)
    out["rejected_by_reason"] = _counts(rejected, "reject_reason")
    out["errors_by_kind"] = _counts(errors, "error")
    removed: dict[str, int] = {}
    removed_chars = 0
    for batch in _batches(pages, ["removed"]):
        flat = pc.list_flatten(batch.column("removed"))
        if len(flat):
            for reason, n in zip(*_value_counts(pc.struct_field(flat, "reason"))):
                removed[reason] = removed.get(reason, 0) + n
            removed_chars += pc.sum(pc.utf8_length(pc.struct_field(flat, "text"))).as_py() or 0
    out["removed_by_reason"] = dict(sorted(removed.items(), key=lambda kv: -kv[1]))
    out["removed_chars"] = removed_chars
    return out


def _batches(dataset: ds.Dataset, columns: list[str]) -> Iterator[pa.RecordBatch]:
    yield from dataset.to_batches(columns=columns, batch_size=4096)


def _distinct(dataset: ds.Dataset, column: str) -> set[str]:
    return {v for b in _batches(dataset, [column]) for v in pc.unique(b.column(column)).to_pylist() if v}


def _counts(dataset: ds.Dataset, column: str, top: int | None = None) -> dict[str, int]:
    totals: dict[str, int] = {}
    for batch in _batches(dataset, [column]):
        for value, n in zip(*_value_counts(batch.column(column))):
            key = value if value is not None else "(none)"
            totals[key] = totals.get(key, 0) + n
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    return dict(ranked[:top] if top else ranked)


def _value_counts(array: pa.Array) -> tuple[list[Any], list[int]]:
    vc = pc.value_counts(array)
    return vc.field("values").to_pylist(), vc.field("counts").to_pylist()
