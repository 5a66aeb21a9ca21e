"""CompactDupeFilter: Scrapy's duplicate-request filter, remembering fingerprints in a DiskKeySet.

Scrapy's ``RFPDupeFilter`` keeps every request fingerprint it has seen (20-byte SHA-1
digests) in a Python set: 160-170 bytes a URL on the heap, 16 MB per 100,000 requests
(``bench/memory_structures.py``). This subclass keeps the same fingerprints as 8-byte
keys in a ``DiskKeySet`` (crawler/keyset.py): at most the 16,384 latest in memory, the rest in
a temporary SQLite file, so the crawler's memory does not grow with the URLs met (a
KeySet in memory took 8-16 bytes a URL, in steps as it doubled). Nothing else changes:
the same fingerprinter (REQUEST_FINGERPRINTER_CLASS), the same ``requests.seen`` file
under Scrapy's own JOBDIR, the same logging and ``dupefilter/filtered`` count.
(``cleancrawl crawl --jobdir`` uses resume.JournalDupeFilter instead.)
"""

from __future__ import annotations

from typing import Any

from scrapy.dupefilters import RFPDupeFilter

from .keyset import DiskKeySet


class CompactDupeFilter(RFPDupeFilter):
    """RFPDupeFilter whose seen fingerprints, past the latest 16,384, are kept on disk."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Scrapy reads JOBDIR's requests.seen into this set before we get it; request_seen
        # only tests membership and adds, which DiskKeySet answers in kind.
        self._fingerprints = DiskKeySet(self._fingerprints)  # type: ignore[assignment]

    def close(self, reason: str) -> None:
        super().close(reason)
        self._fingerprints.close()  # type: ignore[attr-defined]
