"""What a crawl remembers per URL stays small: compact key sets, Scrapy's dupefilter on them, the duplicate index on disk.

The 100,000-page figures come from bench/crawl_memory.py (a benchmark, not a test);
here each structure is checked for what it does, against a reference where there is
one (a Python set, Scrapy's RFPDupeFilter, datasketch's MinHash and MinHashLSH), and
for holding a few bytes a URL, measured with tracemalloc by bench/memory_structures.py.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import signal
import struct
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from datasketch import MinHash, MinHashLSH
from scrapy import Request
from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.request import RequestFingerprinter

from conftest import CLI, FAST, REPO, cli_env
from crawler.dataset.writer import DatasetWriter
from crawler.dedup import BANDS, NEAR_THRESHOLD, NUM_PERM, ROWS, SEED, Deduper, shingles, signature
from crawler.demo.generated import article_page
from crawler.demo.server import SiteServer
from crawler.dupefilter import CompactDupeFilter
from crawler.keyset import DiskKeySet, KeySet
from crawler.process import Outcome

TAG = re.compile(r"<[^>]+>")


def _text(i: int, keep: float = 1.0) -> str:
    """Generated article ``i``'s words, the first ``keep`` share of them."""
    words = TAG.sub(" ", article_page(i, 10**6) or "").split()
    return " ".join(words[:max(1, int(len(words) * keep))])


def test_a_keyset_answers_as_a_set_does_in_8_to_16_bytes_a_key() -> None:
    rng = random.Random(12)
    keys = [rng.randbytes(rng.choice((8, 16, 20))) for _ in range(60_000)]
    reference: set[bytes] = set()
    s = KeySet()
    for k in keys[:50_000]:
        assert s.add(k) == (k not in reference)
        reference.add(k)
    assert not s.add(keys[0]) and len(s) == len(reference) == 50_000
    assert all(k in s for k in keys[:50_000]) and not any(k in s for k in keys[50_000:])
    assert 8 * len(s) < s.nbytes() <= 16 * len(s) * 1.5


def test_a_disk_keyset_answers_as_a_set_does_across_its_moves_to_disk() -> None:
    rng = random.Random(13)
    keys = [rng.randbytes(rng.choice((8, 16, 20))) for _ in range(6_000)]
    keys += rng.sample(keys, 2_000)  # repeats of keys by then on disk, in the buffer, or both
    reference: set[bytes] = set()
    s = DiskKeySet(buffer=500)
    for k in keys[:7_000]:
        assert s.add(k) == (k not in reference)
        reference.add(k)
    assert len(s) == len(reference) and len(s._recent) < 500  # most keys left memory for the file
    assert all(k in s for k in reference)
    fresh = [k for k in (rng.randbytes(16) for _ in range(1_000)) if k[:8] not in {r[:8] for r in reference}]
    assert len(fresh) == 1_000 and not any(k in s for k in fresh)
    s.close()


def test_the_crawl_dupefilter_drops_what_scrapys_drops_and_keeps_its_jobdir_file(tmp_path: Path) -> None:
    urls = [f"http://127.0.0.1:1/gen/article-{i % 700}.html?b=2&a=1" for i in range(1000)]
    urls += [f"http://127.0.0.1:1/gen/article-{i}.html?a=1&b=2#x" for i in range(650, 750)]
    ours, scrapys = CompactDupeFilter(fingerprinter=RequestFingerprinter()), RFPDupeFilter(fingerprinter=RequestFingerprinter())
    assert [ours.request_seen(Request(u)) for u in urls] == [scrapys.request_seen(Request(u)) for u in urls]
    first = CompactDupeFilter(str(tmp_path), fingerprinter=RequestFingerprinter())  # under Scrapy's own JOBDIR
    assert not first.request_seen(Request(urls[0]))
    first.close("finished")
    again = CompactDupeFilter(str(tmp_path), fingerprinter=RequestFingerprinter())
    assert again.request_seen(Request(urls[0])) and not again.request_seen(Request(urls[-1]))
    assert isinstance(again._fingerprints, DiskKeySet)  # Scrapy's set was swapped: flat in memory
    again.close("finished")


def test_signatures_and_bands_are_datasketchs() -> None:
    assert (MinHashLSH(threshold=NEAR_THRESHOLD, num_perm=NUM_PERM).b,
            MinHashLSH(threshold=NEAR_THRESHOLD, num_perm=NUM_PERM).r) == (BANDS, ROWS)
    words = [f"w{i}" for i in range(400)]
    rng = random.Random(5)
    for n in (0, 3, 5, 6, 500, 12_000):  # 12,000 words: two batches of shingles
        text = " ".join(rng.choice(words) for _ in range(n))
        m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32")
        grams = shingles(text)
        for start in range(0, len(grams), 10_000):
            m.update_batch(grams[start:start + 10_000])
        assert signature(text) == m.hashvalues.astype("<u4").tobytes(), n


def test_near_duplicates_are_those_datasketchs_lsh_finds() -> None:
    """Pages, clipped copies and exact copies in one order: our index marks what MinHashLSH would."""
    texts = [(f"http://127.0.0.1:1/a/{i}", _text(i)) for i in range(40)]
    texts += [(f"http://127.0.0.1:1/b/{i}", _text(i, keep)) for i, keep in ((3, 0.95), (4, 0.9), (5, 0.8), (6, 0.7), (7, 0.5))]
    texts += [(f"http://127.0.0.1:1/c/{i}", _text(i, 0.9)) for i in (3, 4, 10)]
    texts += [("http://127.0.0.1:1/a/1", _text(1)), ("http://127.0.0.1:1/d/2", _text(2))]
    dedup, lsh, kept, expected, marked = Deduper(), MinHashLSH(threshold=NEAR_THRESHOLD, num_perm=NUM_PERM), [], [], []
    holders: dict[str, str] = {}
    for url, text in texts:
        text_hash = hashlib.sha256(text.encode()).hexdigest()
        out = dedup.mark(Outcome("pages", {"url": url, "text": text, "text_hash": text_hash}))
        if out.table == "pages":
            dedup.add(out.row)
        marked.append((out.table, out.row.get("duplicate_of"), out.row.get("near_duplicate_of")))
        holder = holders.get(text_hash)
        if holder is not None and holder != url:
            expected.append(("rejected", holder, None))
            continue
        sig = signature(text)
        m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32", hashvalues=list(struct.unpack(f"<{NUM_PERM}I", sig)))
        scores = [(-m.jaccard(kept[k][1]), k) for k in lsh.query(m) if kept[k][0] != url]
        best = min((s for s in scores if -s[0] >= NEAR_THRESHOLD), default=None)
        expected.append(("pages", None, kept[best[1]][0] if best and holder is None else None))
        holders.setdefault(text_hash, url)
        lsh.insert(len(kept), m)
        kept.append((url, m))
    assert marked == expected
    # Five near (one of them nearer a clipped copy than the original), two exact copies.
    assert sum(1 for _, _, near in expected if near) == 5 and sum(1 for t, _, _ in expected if t == "rejected") == 2


DEDUP_IN_A_FRESH_PROCESS = """
import hashlib, json, sys
from crawler.dedup import Deduper
from crawler.process import Outcome
text = sys.argv[2]
d = Deduper(sys.argv[1])
out = d.mark(Outcome("pages", {"url": "http://127.0.0.1:1/new", "text": text,
                               "text_hash": hashlib.sha256(text.encode()).hexdigest()}))
clipped = " ".join(text.split()[:-3])
near = d.mark(Outcome("pages", {"url": "http://127.0.0.1:1/clipped", "text": clipped,
                                "text_hash": hashlib.sha256(clipped.encode()).hexdigest()}))
print(json.dumps({"duplicate_of": out.row.get("duplicate_of"), "near": near.row.get("near_duplicate_of"),
                  "loaded": sorted(m for m in ("datasketch", "scipy", "pyarrow.dataset") if m in sys.modules)}))
"""


def test_a_dataset_is_indexed_oldest_first_without_datasketch_scipy_or_pyarrow_dataset(tmp_path: Path) -> None:
    """Two earlier pages with one text, written newest first: the older one holds the text."""
    text = _text(11)
    text_hash = hashlib.sha256(text.encode()).hexdigest()
    start = datetime(2026, 12, 1, tzinfo=timezone.utc)
    with DatasetWriter(tmp_path, "c1") as w:
        for n, url in ((2, "http://127.0.0.1:1/newer"), (1, "http://127.0.0.1:1/older")):
            w.write("pages", {"url": url, "crawl_id": "c1", "fetched_at": start + timedelta(hours=n), "text": text,
                              "text_hash": text_hash, "minhash": signature(text)})
        w.write("pages", {"url": "http://127.0.0.1:1/other", "crawl_id": "c1", "fetched_at": start, "text": _text(12),
                          "text_hash": "x", "minhash": signature(_text(12))})
    r = subprocess.run([sys.executable, "-c", DEDUP_IN_A_FRESH_PROCESS, str(tmp_path), text], capture_output=True,
                       text=True, cwd=REPO, env=cli_env(), timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert json.loads(r.stdout) == {"duplicate_of": "http://127.0.0.1:1/older", "near": "http://127.0.0.1:1/older",
                                    "loaded": []}


def test_per_url_structures_hold_a_few_bytes_a_url() -> None:
    """Heap per URL at 20,000 URLs (tracemalloc): Python sets of digests took 160-480 bytes."""
    for name in ("dupefilter", "trapguard", "frontier"):
        r = subprocess.run([sys.executable, "bench/memory_structures.py", "--one", name, "20000"], capture_output=True,
                           text=True, cwd=REPO, env=cli_env(), timeout=300)
        assert r.returncode == 0, r.stderr[-2000:]
        assert json.loads(r.stdout)["heap_bytes_per_page"] < 64, (name, r.stdout)


def test_requests_wait_on_disk_in_a_temporary_directory_removed_after_the_crawl(tmp_path: Path) -> None:
    """Without a job directory, every request waits in Scrapy's disk queue under TMPDIR; the directory goes with the crawl."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    with SiteServer(root=None, generated_pages=300) as site:
        r = subprocess.run([*CLI, "crawl", "--start-url", site.url + "/gen/list-0.html", "--out", str(tmp_path / "out"),
                            *FAST, "-s", "LOG_LEVEL=INFO"], capture_output=True, text=True, cwd=REPO,
                           env={**cli_env(), "TMPDIR": str(tmp)}, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "300 pages kept" in r.stdout
    stats = dict(re.findall(r"'(scheduler/(?:enqueued|dequeued)/\w+)': (\d+)", r.stderr))
    assert int(stats["scheduler/enqueued/disk"]) >= 300 and "scheduler/enqueued/memory" not in stats, stats
    assert list(tmp.glob("cleancrawl-queue-*")) == []


def test_the_memory_census_sees_a_dict_of_request_keys_the_collector_does_not_track() -> None:
    """bench/memory_shim.py --census: a dict holding bytes only is untracked by gc, yet it is where a worker's parked requests live."""
    code = ("import gc, json, sys; sys.path.insert(0, 'bench'); import memory_shim\n"
            "held = {i.to_bytes(16, 'big'): b'{\"url\": \"http://127.0.0.1/\"}' for i in range(30000)}\n"
            "assert not gc.is_tracked(held)\n"
            "print(json.dumps(memory_shim.census()))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=cli_env(), timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    census = json.loads(r.stdout)
    assert census["largest"][0]["type"] == "dict" and census["largest"][0]["len"] == 30000
    assert census["malloc"]["in_use_mb"] > 0 and census["types"]["dict"] > 100 and census["python_blocks"] > 30000


def test_langdetect_rows_kept_sparse_read_as_langdetects_own() -> None:
    """cleaners.language keeps the 3.8 % of langdetect's probabilities that are not zero; every n-gram's row
    reads as langdetect's own factory builds it (to 32-bit precision), and no n-gram is missing or added."""
    from array import array

    from langdetect import DetectorFactory, detector_factory

    from cleaners.language import _factory

    theirs = DetectorFactory()
    theirs.load_profile(detector_factory.PROFILES_DIRECTORY)
    ours = _factory().word_lang_prob_map
    assert ours.width == len(theirs.langlist) == 55
    short = [w for w in theirs.word_lang_prob_map if 1 <= len(w) <= 3]  # langdetect looks up n-grams of 1-3
    assert set(short) == set(ours.spans)
    assert len(ours.probs) < 0.05 * len(short) * ours.width
    for word in short:
        assert ours[word] == list(array("f", theirs.word_lang_prob_map[word])), word


def test_a_writing_process_keeps_pandas_out_of_pyarrow_and_can_still_load_it() -> None:
    """crawler.dataset.writer.lean_arrow: Parquet is written without pyarrow importing pandas (48 MB); pandas
    still loads when asked for."""
    code = ("import sys; from crawler.dataset.writer import lean_arrow; import pyarrow as pa\n"
            "kept_out = lean_arrow()\n"
            "t = pa.Table.from_pylist([{'url': 'http://127.0.0.1/', 'n': 1}])\n"
            "print(kept_out, 'pandas' in sys.modules)\n"
            "print(type(t.to_pandas()).__name__)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=cli_env(), timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split() == ["True", "False", "DataFrame"]


def test_a_crawl_holds_few_ended_tasks_while_pages_wait_for_the_workers(tmp_path: Path) -> None:
    """Scrapy starts CONCURRENT_ITEMS tasks for each response's output; they stay until the page's item is
    through the workers. At Scrapy's 100, 2,000 loopback pages left about 10,000 ended tasks alive at once."""
    census = tmp_path / "census"
    with SiteServer(root=None, generated_pages=2000) as site:
        proc = subprocess.Popen([sys.executable, "bench/memory_shim.py", "--census", str(census), "crawl",
                                 "--start-url", site.url + "/gen/list-0.html", "--out", str(tmp_path / "out"), *FAST],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=cli_env())
        articles = 0
        while proc.poll() is None and articles < 1000:
            articles = sum(1 for _, path, _ in list(site.requests) if path.startswith("/gen/article-"))
            time.sleep(0.1)
        proc.send_signal(signal.SIGUSR1)
        out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-2000:]
    marks = sorted(census.glob("census-*.json"))
    assert marks, err[-2000:]
    types = json.loads(marks[0].read_text())["types"]
    ended = sum(n for name, n in types.items() if name.startswith("Task ") and name.endswith(" done"))
    assert ended < 2000, {k: v for k, v in types.items() if k.startswith("Task ")}
