"""Explicit pyarrow schemas of the dataset's tables (schema version 1)."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 1
TABLES = ("pages", "rejected", "errors", "raw")
PARTITION = "crawl_date"

REMOVAL = pa.struct(
    [
        pa.field("kind", pa.string()),
        pa.field("reason", pa.string()),
        pa.field("text", pa.string()),
        pa.field("score", pa.float32()),
        pa.field("signals", pa.string()),
    ]
)

TS = pa.timestamp("us", tz="UTC")

# `pages` and `rejected` share their columns, so a page can be moved between them by
# a re-clean and a user can UNION them without casts.
PAGE_FIELDS = [
    pa.field("url", pa.string(), nullable=False),
    pa.field("domain", pa.string()),
    pa.field("crawl_id", pa.string(), nullable=False),
    pa.field("fetched_at", TS),
    pa.field("http_status", pa.int16()),
    pa.field("page_type", pa.string()),
    pa.field("canonical_url", pa.string()),
    pa.field("title", pa.string()),
    pa.field("author", pa.string()),
    pa.field("published", pa.date32()),
    pa.field("sitename", pa.string()),
    pa.field("language", pa.string()),
    pa.field("language_score", pa.float32()),
    pa.field("text", pa.string()),
    pa.field("text_length", pa.int32()),
    pa.field("removed", pa.list_(REMOVAL)),
    pa.field("spam_score", pa.float32()),
    pa.field("is_spam", pa.bool_()),
    pa.field("reject_reason", pa.string()),
    pa.field("text_hash", pa.string()),
    pa.field("cleaner_version", pa.string()),
    # crawler/dedup.py: the kept page this one repeats word for word (rejected as
    # duplicate.exact), the kept page it nearly repeats, and its MinHash signature.
    pa.field("duplicate_of", pa.string()),
    pa.field("near_duplicate_of", pa.string()),
    pa.field("minhash", pa.binary()),
]

ERROR_FIELDS = [
    pa.field("url", pa.string(), nullable=False),
    pa.field("domain", pa.string()),
    pa.field("crawl_id", pa.string(), nullable=False),
    pa.field("error", pa.string(), nullable=False),
    pa.field("detail", pa.string()),
    pa.field("http_status", pa.int16()),
    pa.field("time", TS),
]

RAW_FIELDS = [
    pa.field("url", pa.string(), nullable=False),
    pa.field("crawl_id", pa.string(), nullable=False),
    pa.field("fetched_at", TS),
    pa.field("http_status", pa.int16()),
    pa.field("headers", pa.map_(pa.string(), pa.string())),
    pa.field("body", pa.large_binary()),
    # The crawl's article/listing decision, so reclean repeats it (null in older datasets).
    pa.field("page_type", pa.string()),
]


def _schema(fields: list[pa.Field]) -> pa.Schema:
    return pa.schema(fields, metadata={b"cleancrawl.schema_version": str(SCHEMA_VERSION).encode()})


SCHEMAS: dict[str, pa.Schema] = {
    "pages": _schema(PAGE_FIELDS),
    "rejected": _schema(PAGE_FIELDS),
    "errors": _schema(ERROR_FIELDS),
    "raw": _schema(RAW_FIELDS),
}

# The column whose UTC date names a row's partition.
TIME_COLUMN = {"pages": "fetched_at", "rejected": "fetched_at", "errors": "time", "raw": "fetched_at"}

# Columns whose min/max statistics go in a file's footer: the short ones readers filter
# on (DuckDB, Spark and pyarrow skip row groups by them). Leaving out the long ones
# (text, removed, minhash, headers, body, detail) changes no query's answer, and keeps
# the footer, which the writer holds in memory until it closes the file, at 4.0 KB a
# row group of ``pages`` instead of 10.8 (the text's min and max alone took 6.6 KB),
# and 1.2 KB of ``raw`` instead of 4.0 (row groups of 1,000 rows of bench/crawl_memory.py's
# crawl rewritten both ways, 2026-12-05).
STATISTICS: dict[str, list[str]] = {
    table: [f.name for f in SCHEMAS[table]
            if f.name not in ("text", "removed", "minhash", "headers", "body", "detail")]
    for table in TABLES
}
