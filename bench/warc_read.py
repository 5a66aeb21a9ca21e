"""Benchmark WARC reading: FastWARC against warcio on the same files, interleaved rounds.

Writes the 181 benchmark pages, --copies times over, as request+response pairs into a
gzipped WARC (one member per record, crawler/warcout.py's writer) and an uncompressed
one, then reads each file with each library the way crawler/warc.py reads: every
response record's HTTP headers parsed and its whole payload read, other records
skipped. Prints the median records per second and MB per second of each library on
each file, and FastWARC's ratio to warcio.

    .venv/bin/python bench/warc_read.py [--copies 20] [--rounds 5]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastwarc.warc import ArchiveIterator, WarcRecordType  # noqa: E402
from warcio.archiveiterator import ArchiveIterator as WarcioIterator  # noqa: E402

from bench.common import bench_pages  # noqa: E402
from crawler.warcout import Exchange, WarcWriter  # noqa: E402


def read_fastwarc(path: Path) -> tuple[int, int]:
    records = size = 0
    with open(path, "rb") as f:
        for record in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
            size += len(record.reader.read())
            records += 1
    return records, size


def read_warcio(path: Path) -> tuple[int, int]:
    records = size = 0
    with open(path, "rb") as f:
        for record in WarcioIterator(f):
            if record.rec_type == "response":
                size += len(record.content_stream().read())
                records += 1
    return records, size


READERS: dict[str, Callable[[Path], tuple[int, int]]] = {"fastwarc": read_fastwarc, "warcio": read_warcio}


def make_files(folder: Path, copies: int) -> list[Path]:
    """Write the pages into folder/bench-0-00001.warc.gz and an uncompressed copy."""
    pages = bench_pages()
    with WarcWriter(folder, "bench", max_bytes=1 << 40) as writer:
        for n in range(copies):
            for name, body in pages.items():
                writer.write(Exchange(url=f"http://bench.test/{n}/{name}", method="GET",
                                      request_headers=[("Host", "bench.test")], status=200, reason="OK",
                                      response_headers=[("Content-Type", "text/html")], body=body))
    packed = folder / "bench-0-00001.warc.gz"
    plain = folder / "bench.warc"
    with gzip.open(packed, "rb") as src, open(plain, "wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
    return [packed, plain]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=20, help="times the 181 pages are written (default 20)")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp), args.copies)
        times: dict[tuple[str, str], list[float]] = {}
        counts: dict[str, tuple[int, int]] = {}
        for _ in range(args.rounds):
            for path in files:
                for name, read in READERS.items():
                    started = time.perf_counter()
                    counts[path.name] = read(path)
                    times.setdefault((path.name, name), []).append(time.perf_counter() - started)
        for path in files:
            records, size = counts[path.name]
            print(f"{path.name}: {records} responses, {size / 1e6:.1f} MB of payload, {path.stat().st_size / 1e6:.1f} MB on disk")
            medians = {name: statistics.median(times[(path.name, name)]) for name in READERS}
            for name, seconds in medians.items():
                print(f"  {name:9} {records / seconds:9.0f} records/s  {size / 1e6 / seconds:7.1f} MB/s")
            print(f"  fastwarc / warcio: {medians['warcio'] / medians['fastwarc']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
