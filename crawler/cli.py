"""The `cleancrawl` command line: argparse subcommands, lazy imports, one-line errors."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, Sequence

from .errors import CleancrawlError

DESCRIPTION = """\
Crawl article pages, extract the main text, remove injected spam and boilerplate,
and write a Parquet dataset (pages, rejected, errors, raw) that DuckDB, pandas,
Polars or Spark read directly.

Start with `cleancrawl demo`: it crawls a bundled sample site on 127.0.0.1 and
writes output/demo/."""

EPILOG = """\
examples:
  cleancrawl demo
  cleancrawl crawl --start-url https://news.example.org/ --out data/news
  cleancrawl crawl --sitemap https://news.example.org/sitemap.xml --max-pages 500
  cleancrawl crawl --config jobs/example.toml
  cleancrawl process saved_pages/ --out data/offline
  cleancrawl clean-text article.txt --explain -s cleaner.spam_threshold=0.6
  cleancrawl stats data/news"""


RAY_HELP = ("run on the Ray cluster at ADDRESS (host:port), or on a local Ray instance with --workers CPUs "
            "when no address is given; without --ray, a local process pool")
CLEANER_HELP = ("set a cleaner threshold, weight or switch: NAME is a field of cleaners/options.py, "
                "as in a job file's [cleaner] table (repeatable)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cleancrawl", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    d = sub.add_parser("demo", help="crawl the bundled sample site on 127.0.0.1 and summarise",
                       description="Serve the bundled sample site on 127.0.0.1 (a free port), crawl it with the "
                                   "real spider, write the dataset and print a summary.")
    d.add_argument("--out", default=os.path.join("output", "demo"), help="dataset directory (default: output/demo)")
    d.set_defaults(run=_demo)

    c = sub.add_parser("crawl", help="run a crawl job (what scheduled runs call)",
                       description="Crawl from start URLs, sitemaps and feeds, following links inside the allowed "
                                   "domains, and append the results to the dataset in --out.")
    c.add_argument("--start-url", action="append", default=[], metavar="URL", help="a page to start from (repeatable)")
    c.add_argument("--sitemap", action="append", default=[], metavar="URL",
                   help="a sitemap or sitemap index, news sitemaps included (repeatable)")
    c.add_argument("--feed", action="append", default=[], metavar="URL", help="an RSS or Atom feed (repeatable)")
    c.add_argument("--allowed-domain", action="append", default=[], metavar="HOST",
                   help="a host the crawl may follow links into (default: the hosts of the URLs given)")
    c.add_argument("--config", metavar="JOB.toml", help="a job file; command-line options override it")
    c.add_argument("--out", help="dataset directory (default: output)")
    c.add_argument("--jobdir", help="keep crawl state here so a stopped crawl can resume")
    c.add_argument("--redis", metavar="URL", help="share the frontier with every crawler of this job against this Redis"
                   " (redis://HOST:6379/0)")
    c.add_argument("--max-pages", type=int, metavar="N", help="write at most N article rows (pages and rejected spam), then stop")
    c.add_argument("--max-depth", type=int, metavar="N", help="follow links at most N steps from a source")
    c.add_argument("--full", action="store_true",
                   help="fetch every page unconditionally and write every row, even unchanged ones "
                        "(by default a re-run into the same --out adds only new or changed pages)")
    c.add_argument("--workers", type=int, metavar="N", help="extraction processes (default: one per core)")
    c.add_argument("--warc", action="store_true",
                   help="also write every response and its request as WARC files under OUT/warc/")
    c.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                   help="override a Scrapy setting, as `scrapy crawl -s` does, or a cleaner option as "
                        "cleaner.NAME=VALUE (NAME: a field of cleaners/options.py) (repeatable)")
    c.set_defaults(run=_crawl)

    pr = sub.add_parser("process", help="extract and clean saved HTML or WARC files into a dataset",
                        description="Run saved pages (.html, .htm, optionally .gz; WARC files; or directories of "
                                    "them) through the same extract+clean+write path as a crawl. A file's url is its "
                                    "file:// URI; a WARC record's is its target URI.")
    pr.add_argument("paths", nargs="+", metavar="PATH")
    pr.add_argument("--out", default="output", help="dataset directory (default: output)")
    pr.add_argument("--workers", type=int, metavar="N", help="processes (default: one per core)")
    pr.add_argument("--no-raw", action="store_true", help="do not store the raw HTML (no reclean later)")
    pr.add_argument("--ray", nargs="?", const="", metavar="ADDRESS", help=RAY_HELP)
    pr.add_argument("-s", dest="settings", action="append", default=[], metavar="cleaner.NAME=VALUE",
                    help=CLEANER_HELP)
    pr.set_defaults(run=_process)

    t = sub.add_parser("clean-text", help="clean plain text (a text dump) and print the result",
                       description="Read plain text from FILE (or standard input), print the cleaned text on "
                                   "standard output; with --explain, say on standard error what was removed and why.")
    t.add_argument("file", nargs="?", default="-", metavar="FILE|-")
    t.add_argument("--explain", action="store_true", help="list each removal: reason, score, signals, text")
    t.add_argument("-s", dest="settings", action="append", default=[], metavar="cleaner.NAME=VALUE",
                   help=CLEANER_HELP)
    t.set_defaults(run=_clean_text)

    r = sub.add_parser("reclean", help="re-run the current cleaner over a dataset's stored raw HTML",
                       description="Read DATASET/raw and write freshly cleaned pages to --out, without re-crawling.")
    r.add_argument("dataset", metavar="DATASET")
    r.add_argument("--out", required=True, help="dataset directory to write")
    r.add_argument("--workers", type=int, metavar="N", help="processes (default: one per core)")
    r.add_argument("--ray", nargs="?", const="", metavar="ADDRESS", help=RAY_HELP)
    r.set_defaults(run=_reclean)

    st = sub.add_parser("stats", help="counts, languages, domains and spam removed in a dataset",
                        description="Summarise a dataset written by cleancrawl.")
    st.add_argument("dataset", metavar="DATASET")
    st.add_argument("--json", action="store_true", help="print JSON instead of text")
    st.set_defaults(run=_stats)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except CleancrawlError as exc:
        print(f"cleancrawl: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("cleancrawl: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the command-line boundary
        if os.environ.get("CLEANCRAWL_DEBUG") == "1":
            raise
        print(f"cleancrawl: unexpected error: {type(exc).__name__}: {exc} (set CLEANCRAWL_DEBUG=1 for details)",
              file=sys.stderr)
        return 1


def _demo(args: argparse.Namespace) -> int:
    from .commands import run_demo

    return run_demo(args.out)


def _crawl(args: argparse.Namespace) -> int:
    from .commands import run_crawl_command

    return run_crawl_command(args)


def _process(args: argparse.Namespace) -> int:
    from .commands import run_process

    return run_process(args.paths, args.out, args.workers, store_raw=not args.no_raw, settings=args.settings,
                       ray=args.ray)


def _reclean(args: argparse.Namespace) -> int:
    from .commands import run_reclean

    return run_reclean(args.dataset, args.out, args.workers, ray=args.ray)


def _clean_text(args: argparse.Namespace) -> int:
    from .commands import run_clean_text

    return run_clean_text(args.file, args.explain, args.settings)


def _stats(args: argparse.Namespace) -> int:
    from .commands import run_stats

    return run_stats(args.dataset, args.json)


if __name__ == "__main__":
    sys.exit(main())
