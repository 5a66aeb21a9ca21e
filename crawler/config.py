"""JobConfig: a crawl job's settings, layered code defaults < job TOML < command line."""

from __future__ import annotations

import secrets
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .errors import ConfigError, InputError

if TYPE_CHECKING:
    from cleaners import CleanOptions

# `-s cleaner.NAME=VALUE` sets a cleaner option; any other name is a Scrapy setting.
CLEANER_PREFIX = "cleaner."


@dataclass(frozen=True, slots=True)
class Politeness:
    """How hard a job presses each site: the job file's ``[politeness]`` table; None keeps settings.py."""

    delay: float | None = None         # DOWNLOAD_DELAY, seconds between requests to one host
    concurrency: int | None = None     # CONCURRENT_REQUESTS_PER_DOMAIN
    autothrottle: bool | None = None   # AUTOTHROTTLE_ENABLED: adapt the delay to the host's latency
    user_agent: str | None = None      # USER_AGENT; name yourself and give a contact address

    def to_scrapy_settings(self) -> dict[str, Any]:
        names = {"delay": "DOWNLOAD_DELAY", "concurrency": "CONCURRENT_REQUESTS_PER_DOMAIN",
                 "autothrottle": "AUTOTHROTTLE_ENABLED", "user_agent": "USER_AGENT"}
        return {names[f.name]: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


@dataclass(frozen=True, slots=True)
class JobConfig:
    """Everything a crawl job needs; TOML keys equal these field names."""

    start_urls: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    # Hosts the spider may follow links into; empty means the hosts of the sources.
    allowed_domains: tuple[str, ...] = ()
    out: str = "output"
    jobdir: str | None = None
    max_pages: int = 0
    # Links followed from a start URL, sitemap or feed (DEPTH_LIMIT); 0 = no limit.
    max_depth: int = 0
    workers: int = 0
    page_timeout: float = 120.0
    store_raw: bool = True
    # Also write what was fetched as WARC files under OUT/warc/ (crawler/recorder.py).
    warc: bool = False
    # Read sitemaps named in each start host's robots.txt.
    robots_sitemaps: bool = True
    # Re-runs fetch conditionally and add only new or changed pages; False re-adds everything.
    incremental: bool = True
    # The per-URL state file (crawler/state.py); None means OUT/state.sqlite.
    state: str | None = None
    # A Redis URL (redis://host:6379/0): share the frontier with every process crawling
    # the same job against it (crawler/redis_frontier.py).
    redis: str | None = None
    politeness: Politeness = field(default_factory=Politeness)
    # Scrapy setting overrides, as `-s NAME=VALUE` or a [settings] table.
    settings: dict[str, Any] = field(default_factory=dict)
    # Cleaner options the job sets, by CleanOptions field name (cleaners/options.py), as
    # a [cleaner] table or `-s cleaner.NAME=VALUE`; checked and typed when merged.
    cleaner: dict[str, Any] = field(default_factory=dict)

    def validate(self) -> "JobConfig":
        """Check URLs and limits; raises InputError or ConfigError with the culprit named."""
        for url in (*self.start_urls, *self.sitemaps, *self.feeds):
            check_url(url)
        if not (self.start_urls or self.sitemaps or self.feeds):
            raise ConfigError("nothing to crawl: give --start-url, --sitemap, --feed or a --config job file")
        if self.max_pages < 0 or self.max_depth < 0 or self.workers < 0 or self.page_timeout <= 0:
            raise ConfigError("max_pages, max_depth and workers must be >= 0, page_timeout > 0")
        if self.redis and urlsplit(self.redis).scheme not in ("redis", "rediss", "unix"):
            raise ConfigError(f"invalid Redis URL {self.redis!r}: expected redis://HOST:PORT/DB, rediss:// or unix://")
        if self.redis and self.jobdir:
            raise ConfigError("--redis and --jobdir do not go together: with Redis, the shared frontier is the job's state")
        p = self.politeness
        if (p.delay is not None and p.delay < 0) or (p.concurrency is not None and p.concurrency < 1):
            raise ConfigError("politeness: delay must be >= 0 and concurrency >= 1")
        return self

    def domains(self) -> tuple[str, ...]:
        """Allowed domains: the configured ones, else every source's host."""
        if self.allowed_domains:
            return self.allowed_domains
        hosts = {urlsplit(u).hostname for u in (*self.start_urls, *self.sitemaps, *self.feeds)}
        return tuple(sorted(h for h in hosts if h))

    def to_scrapy_settings(self, crawl_id: str, worker: str = "") -> dict[str, Any]:
        """Scrapy settings for this job; `settings` overrides win over everything.

        ``worker`` names this process among the crawl's workers (a Redis crawl's; in file names).
        """
        s: dict[str, Any] = {
            "CLEANCRAWL_OUT": self.out,
            "CLEANCRAWL_CRAWL_ID": crawl_id,
            "CLEANCRAWL_WORKERS": self.workers,
            "CLEANCRAWL_PAGE_TIMEOUT": self.page_timeout,
            "CLEANCRAWL_STORE_RAW": self.store_raw,
            "CLEANCRAWL_WARC": self.warc,
            "CLEANCRAWL_INCREMENTAL": self.incremental,
            **self.politeness.to_scrapy_settings(),
        }
        if self.state:
            s["CLEANCRAWL_STATE"] = self.state
        if self.cleaner:
            s["CLEANCRAWL_CLEANER"] = dict(self.cleaner)
        if self.max_pages:
            s["CLEANCRAWL_MAX_PAGES"] = self.max_pages
        if self.max_depth:
            s["DEPTH_LIMIT"] = self.max_depth
        if self.jobdir:
            # Our journal is the crash-safe state; Scrapy's JOBDIR keeps only the disk queue.
            s["CLEANCRAWL_JOBDIR"] = self.jobdir
            s["JOBDIR"] = str(Path(self.jobdir) / "queue")
            s["DUPEFILTER_CLASS"] = "crawler.resume.JournalDupeFilter"
            s["SCHEDULER"] = "crawler.resume.JournalScheduler"  # a write failure stops the crawl in one line
        if self.redis:
            s.update(self._redis_settings(worker))
        s.update(self.settings)
        return s

    def _redis_settings(self, worker: str) -> dict[str, Any]:
        """A worker of a crawl shared through Redis: scrapy-redis's scheduler and seen set, fixed
        (crawler/redis_scheduler.py), and a per-URL state file of its own, since the next run's
        workers may fetch any URL: such a crawl is a full one (no conditional requests)."""
        return {"CLEANCRAWL_REDIS_URL": self.redis, "CLEANCRAWL_WORKER_ID": worker,
                "SCHEDULER": "crawler.redis_scheduler.SharedScheduler",
                "DUPEFILTER_CLASS": "crawler.redis_scheduler.SharedDupeFilter",
                "CLEANCRAWL_INCREMENTAL": False,
                "CLEANCRAWL_STATE": self.state or str(Path(self.out) / "state" / f"{worker or 'worker'}.sqlite")}

    def spider_args(self) -> dict[str, Any]:
        return {
            "start_urls": list(self.start_urls),
            "sitemap_urls": list(self.sitemaps),
            "feed_urls": list(self.feeds),
            "allowed_domains": list(self.domains()),
            "robots_sitemaps": self.robots_sitemaps,
        }


# Paths in a job file are relative to the file's folder, so cron and systemd (whose
# working directories are $HOME and /) run the same job as an interactive shell does.
PATH_KEYS = ("out", "jobdir", "state")


def load_job(path: str | Path) -> JobConfig:
    """Read a job TOML file into a JobConfig over the code defaults."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf8"))
    except FileNotFoundError:
        raise InputError(f"job file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read job file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"job file {path} is not valid TOML: {exc}") from None
    config = merge(JobConfig(), data, source=str(path))
    folder = Path(path).parent
    moved = {k: str(folder / getattr(config, k)) for k in PATH_KEYS
             if k in data and getattr(config, k) and not Path(getattr(config, k)).is_absolute()}
    return replace(config, **moved)


def merge(config: Any, values: dict[str, Any], source: str = "options", prefix: str = "") -> Any:
    """Return ``config`` with ``values`` laid over it; an unknown key or a wrong type fails by name."""
    known = {f.name: f for f in fields(config)}
    defaults = type(config)()
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{source}: unknown setting {prefix + key!r} (known: {', '.join(sorted(known))})")
        if value is None:
            continue
        default = getattr(defaults, key)
        if hasattr(default, "__dataclass_fields__"):
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: {prefix + key} must be a table, like [{key}]")
            value = merge(getattr(config, key), value, source, prefix=f"{prefix}{key}.")
        elif isinstance(default, tuple):
            value = tuple([value] if isinstance(value, str) else value)
        elif key in ("settings", "cleaner") and isinstance(value, dict):
            value = {**getattr(config, key), **value}
        _check_type(f"{source}: {prefix}{key}", value, default, known[key].type)
        if key == "cleaner":
            value = cleaner_values(value, source)
        changes[key] = value
    return replace(config, **changes)


def _check_type(name: str, value: Any, default: Any, annotation: Any) -> None:
    """Refuse a value of the wrong kind (a string for a number, a number for a list), naming the key."""
    text = str(annotation)
    if isinstance(default, bool) or text.startswith("bool"):
        ok, kind = isinstance(value, bool), "true or false"
    elif isinstance(default, int) or text.startswith("int"):
        ok, kind = isinstance(value, int) and not isinstance(value, bool), "a whole number"
    elif isinstance(default, float) or text.startswith("float"):
        ok, kind = isinstance(value, (int, float)) and not isinstance(value, bool), "a number"
    elif isinstance(default, tuple):
        ok, kind = all(isinstance(v, str) for v in value), "a list of strings"
    elif isinstance(default, dict):
        ok, kind = isinstance(value, dict), "a table"
    elif text.startswith("str"):
        ok, kind = isinstance(value, str), "a string"
    else:
        return
    if not ok:
        raise ConfigError(f"{name} must be {kind}, not {value!r}")


def check_url(url: str) -> str:
    """Accept an absolute http(s) URL with a host; raise InputError naming it otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"invalid URL {url!r}: expected an absolute http:// or https:// URL")
    return url


def parse_setting(text: str) -> tuple[str, str]:
    """Split a `-s NAME=VALUE` override."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise ConfigError(f"invalid setting {text!r}: expected NAME=VALUE")
    return name.strip(), value


def split_settings(texts: Sequence[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Split `-s NAME=VALUE` overrides into Scrapy settings and cleaner options (``cleaner.NAME``)."""
    scrapy: dict[str, str] = {}
    cleaner: dict[str, str] = {}
    for text in texts:
        name, value = parse_setting(text)
        if name.startswith(CLEANER_PREFIX):
            cleaner[name[len(CLEANER_PREFIX):]] = value
        else:
            scrapy[name] = value
    return scrapy, cleaner


def cleaner_options(values: Mapping[str, Any], source: str) -> CleanOptions:
    """The defaults with ``values`` laid over them (``CleanOptions.from_mapping``).
    Raises ConfigError naming the source and the key."""
    from cleaners import CleanOptions  # the cleaner's import is paid only when it is configured

    try:
        return CleanOptions.from_mapping(values)
    except ValueError as exc:
        raise ConfigError(f"{source}: {exc}") from None


def cleaner_values(values: dict[str, Any], source: str) -> dict[str, Any]:
    """Check cleaner options by name and type; return them typed ("0.6" -> 0.6)."""
    options = cleaner_options(values, source)
    return {key: getattr(options, key) for key in values}


def clean_options(texts: Sequence[str]) -> CleanOptions:
    """The cleaner options of a command that only cleans (`-s cleaner.NAME=VALUE`, repeatable)."""
    scrapy, cleaner = split_settings(texts)
    if scrapy:
        raise ConfigError(f"invalid setting {next(iter(scrapy))!r}: only cleaner.NAME=VALUE applies to this command")
    return cleaner_options(cleaner, "command line")


def new_crawl_id(now: datetime | None = None) -> str:
    """A sortable, collision-resistant id for one run: UTC time plus random hex."""
    now = now or datetime.now(timezone.utc)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"

