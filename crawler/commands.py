"""The bodies of the command-line subcommands; cli.py parses, these do the work."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import urlsplit

from . import summary
from .config import JobConfig, clean_options, load_job, merge, new_crawl_id, split_settings
from .errors import InputError

# Loopback needs no politeness: no delay, no throttle, many requests at once.
LOOPBACK_SETTINGS = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
                     "LOG_LEVEL": "WARNING", "CLEANCRAWL_PROGRESS_INTERVAL": 0}
FINISHED = ("finished", "max_pages", "closespider_itemcount", "closespider_pagecount")


def run_demo(out: str) -> int:
    """Serve the bundled site on loopback, crawl it, print the summary."""
    from .dataset.writer import lean_arrow
    from .run import run_crawl

    lean_arrow()
    server = _demo_server(out)
    try:
        print(f"serving the demo site at {server.url}", file=sys.stderr)
        config = JobConfig(start_urls=(server.url + "/",), out=out, settings=dict(LOOPBACK_SETTINGS)).validate()
        result = run_crawl(config, new_crawl_id())
    finally:
        server.stop()
    print(summary.render(result))
    query = f"SELECT language, count(*) AS pages FROM read_parquet('{out}/pages/*/*.parquet') GROUP BY 1 ORDER BY 2 DESC"
    python = os.path.relpath(sys.executable) if sys.executable.startswith(os.getcwd()) else sys.executable
    print(f'\nquery it with DuckDB (pip install duckdb):\n  {python} -c "import duckdb; duckdb.sql(\\"{query}\\").show()"')
    return 0 if result.get("finish_reason") in FINISHED else 1


def cap_workers(workers: int | None) -> int | None:
    """``--workers`` capped at the cores, with a one-line warning on standard error when it was more."""
    if not workers:
        return workers
    from .pool import capped_workers

    capped, warning = capped_workers(workers)
    if warning:
        print(f"cleancrawl: warning: {warning}", file=sys.stderr)
    return capped


def _demo_server(out: str) -> Any:
    """Start the demo site's server, on the port an earlier demo run into ``out`` used when it is free.

    One address keeps a re-run incremental (nothing new is written); on another port
    every page would come back under new URLs, to be marked duplicate.exact (crawler/dedup.py).
    """
    from .demo.server import SiteServer

    port = _earlier_port(Path(out) / "state.sqlite")
    if port:
        try:
            return SiteServer(port=port).start()
        except OSError:  # taken by now: any free port
            pass
    return SiteServer().start()


def _earlier_port(state: Path) -> int:
    """The loopback port of the URLs in a dataset's state (0 when there are none)."""
    from .state import known_url

    url = known_url(state, "http://127.0.0.1:")
    return (urlsplit(url).port or 0) if url else 0


def run_crawl_command(args: argparse.Namespace) -> int:
    """Build the job from defaults < --config < flags, crawl, print the summary."""
    from .dataset.writer import lean_arrow
    from .run import run_crawl

    config = job_config(args).validate()
    lean_arrow()  # this process writes the dataset and never reads it back
    if config.workers:
        config = replace(config, workers=cap_workers(config.workers))
    result = run_crawl(config, new_crawl_id())
    print(summary.render(result))
    if result.get("merged"):
        print(f"all workers so far ({len(result['merged']['workers'])}):\n" + summary.render(result["merged"]))
    return 0 if result.get("finish_reason") in FINISHED else 1


def job_config(args: argparse.Namespace) -> JobConfig:
    """The crawl job of `cleancrawl crawl ARGS`: defaults < --config < flags; `-s cleaner.NAME=VALUE`
    goes to the job's cleaner options, any other `-s` to its Scrapy settings."""
    config = load_job(args.config) if args.config else JobConfig()
    scrapy, cleaner = split_settings(args.settings)
    flags: dict[str, Any] = {
        "start_urls": args.start_url or None, "sitemaps": args.sitemap or None, "feeds": args.feed or None,
        "allowed_domains": args.allowed_domain or None, "out": args.out, "jobdir": args.jobdir, "redis": args.redis,
        "max_pages": args.max_pages, "max_depth": args.max_depth, "workers": args.workers,
        "incremental": False if args.full else None, "warc": True if args.warc else None,
        "settings": scrapy or None, "cleaner": cleaner or None,
    }
    return merge(config, flags, source="command line")


def run_process(paths: list[str], out: str, workers: int | None, store_raw: bool = True,
                settings: Sequence[str] = (), ray: str | None = None) -> int:
    """Process saved HTML and WARC files into a dataset, with the cleaner options of `-s cleaner.NAME=VALUE`;
    on Ray when ``ray`` is an address, or "" for a local instance."""
    from .process import ProcessOptions
    from .run import run_offline
    from .sources import file_pages, file_shards, html_files
    from .warc import is_warc

    options = ProcessOptions(clean=clean_options(settings))
    files = html_files(paths)
    crawl_id = new_crawl_id()
    total = 0 if any(is_warc(f) for f in files) else len(files)  # a WARC's record count is unknown
    if ray is not None:
        from .cluster import run_on_ray

        result = run_on_ray(file_shards(files), file_pages, total, out, crawl_id, ray, cap_workers(workers),
                            store_raw, options)
    else:
        from .dataset.writer import lean_arrow

        lean_arrow()
        result = run_offline(file_pages(files, crawl_id), total, out, crawl_id, cap_workers(workers), store_raw,
                             options)
    print(summary.render(result))
    return 0


def run_reclean(dataset: str, out: str, workers: int | None, ray: str | None = None) -> int:
    """Re-clean a dataset's stored raw pages into a new dataset; on Ray as ``run_process``."""
    from .run import run_offline
    from .sources import raw_pages, raw_parts

    parts = raw_parts(dataset)
    if Path(out).resolve() == Path(dataset).resolve():
        raise InputError("reclean writes a new dataset: --out must differ from DATASET")
    crawl_id = new_crawl_id()
    total = sum(rows for _, _, rows in parts)
    if ray is not None:
        from .cluster import run_on_ray

        result = run_on_ray([[p] for p in parts], raw_pages, total, out, crawl_id, ray, cap_workers(workers))
    else:
        result = run_offline(raw_pages(parts, crawl_id), total, out, crawl_id, cap_workers(workers))
    print(summary.render(result))
    return 0


def run_clean_text(file: str, explain: bool, settings: Sequence[str] = ()) -> int:
    """Clean plain text from a file or standard input, with the cleaner options of
    `-s cleaner.NAME=VALUE`; print it, and the removals if asked."""
    from cleaners import clean_text
    from cleaners.charset import decode_text

    from .process import is_binary

    options = clean_options(settings)
    if file == "-":
        data, name = sys.stdin.buffer.read(), "standard input"
    else:
        name = file
        try:
            data = Path(file).read_bytes()
        except FileNotFoundError:
            raise InputError(f"no such file: {file}") from None
        except IsADirectoryError:
            raise InputError(f"{file} is a directory, not a text file") from None
        except OSError as exc:
            raise InputError(f"cannot read {file}: {exc.strerror}") from None
    if is_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text is full of NULs
        raise InputError(f"{name} is not text (binary data)")
    result = clean_text(decode_text(data), options=options)
    sys.stdout.write(result.text + ("\n" if result.text and not result.text.endswith("\n") else ""))
    if explain:
        for line in explain_lines(result):
            print(line, file=sys.stderr)
    return 0


def explain_lines(result: Any) -> list[str]:
    """One line per removal: reason, kind, score, signals and the text removed."""
    lines = [f"page: spam_score={result.spam_score:.2f} is_spam={result.is_spam} language={result.language}"]
    for r in result.removed:
        signals = " ".join(f"{n}={v:.2f}" for n, v in r.signals)
        where = f" @{r.start}-{r.end}" if r.start >= 0 else ""
        text = r.text if len(r.text) <= 160 else r.text[:157] + "..."
        lines.append(f"removed {r.reason} [{r.kind}] score={r.score:.2f}{where} {signals}: {text!r}")
    return lines


def run_stats(dataset: str, as_json: bool) -> int:
    """Print a dataset's counts, languages, domains and removals."""
    from .dataset.reader import stats

    s = stats(dataset)
    if as_json:
        print(json.dumps(s, indent=2, ensure_ascii=False))
        return 0
    print(f"{dataset}: {s['pages']} pages, {s['rejected']} rejected, {s['errors']} errors, {s['crawls']} crawls")
    for key in ("languages", "domains", "rejected_by_reason", "errors_by_kind", "removed_by_reason"):
        if s[key]:
            print(f"  {key.replace('_', ' ')}: " + ", ".join(f"{k} {v}" for k, v in s[key].items()))
    print(f"  removed text: {s['removed_chars']} characters")
    return 0
