"""Scrapy settings for cleancrawl: only what differs from Scrapy's defaults, and why."""

BOT_NAME = "cleancrawl"
# Scrapy logs every request at DEBUG; a scheduled job wants progress and problems.
LOG_LEVEL = "INFO"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Name the project, so site owners can tell who is visiting; jobs should add a contact.
USER_AGENT = "cleancrawl/0.1 (article crawler; Scrapy)"
ROBOTSTXT_OBEY = True

# Politeness for real sites. Loopback tests turn these down with -s.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Scrapy's 180 s timeout lets one slow host stall a job; articles come back in seconds.
DOWNLOAD_TIMEOUT = 30
# No article is 10 MB of HTML; larger bodies are refused and recorded as too_large.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
# Pages fetched but not yet through the workers wait in memory; Scrapy stops fetching
# while they hold more than this many bytes of body (default 5 MB: about a thousand
# small pages, 40 MB more resident in a fast loopback crawl). 1 MB keeps a couple of
# hundred pages ready for the workers, and a single larger page still passes.
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1_000_000
# Scrapy starts this many asyncio tasks for each response's output, and they stay until
# the slowest (the page's own item, waiting on a worker) ends: at the default 100, the
# couple of hundred pages waiting held 10,000-22,000 ended tasks, about 18 MB of a
# loopback crawl's crawler process (bench/memory_shim.py --census). A page yields one
# item; its links need no more than a few at a time. 8 also crawled faster (152 pages/s
# against 122 on the same 5,000 pages, bench/crawl_memory.py).
CONCURRENT_ITEMS = 8
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_TIMES = 3

# Articles need no session; cookies only feed session-id link traps.
COOKIES_ENABLED = False
# No listening debug ports on a scheduled job's machine.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Guards for the hostile web (crawler/middlewares.py). AddressGuard runs after the
# offsite filter (50: no lookups for hosts never fetched) and before RobotsTxtMiddleware
# (100), so a refused host is not even asked for robots.txt.
# RedirectLoops sees responses before RedirectMiddleware (600); RetryAfter replaces
# Scrapy's RetryMiddleware at 550.
# OffsiteRows replaces Scrapy's offsite filter (same place), so a redirect to another
# host is an errors row rather than a silent drop; LongUrls does the same for URLs over
# URLLENGTH_LIMIT in place of Scrapy's UrlLengthMiddleware, nearer the spider than
# TrapGuard, so every over-long URL is a row (crawler/refusals.py).
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.refusals.OffsiteRows": 50,
    "crawler.middlewares.AddressGuard": 60,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.RetryAfter": 550,
    "crawler.middlewares.RedirectLoops": 650,
    # Incremental runs: validators go on each hop's request, after robots and retries.
    "crawler.middlewares.ConditionalRequests": 560,
    # Nearest the downloader, so it records responses as they came off the wire (crawler/recorder.py).
    "crawler.recorder.WarcRecorder": 960,
}
# FrontierJournal (crawler/resume.py) sits next to the engine, so it journals only the
# requests every other middleware let through; it is off without CLEANCRAWL_JOBDIR.
# NotModifiedReplay sits nearest the spider (above DepthMiddleware, 900), so it records the
# callback's own requests and its replays pass depth and trap bounds like parsed links.
# PageBudget (crawler/limits.py) sits nearest the engine, below the journal, so a page
# request it holds back is journaled as scheduled and a resumed crawl still fetches it.
# SettleMiddleware (crawler/redis_scheduler.py) is nearest the engine, so a response's
# requests are in the shared queue before its items pass; it is off without Redis.
SPIDER_MIDDLEWARES = {"crawler.middlewares.TrapGuard": 800, "crawler.resume.FrontierJournal": 10,
                      "crawler.redis_scheduler.SettleMiddleware": 1,
                      "crawler.limits.PageBudget": 5,
                      "crawler.middlewares.NotModifiedReplay": 950,
                      "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
                      "crawler.refusals.LongUrls": 810}

# Scrapy's RFPDupeFilter holds each request's fingerprint in a Python set (about 165
# bytes a URL); this one holds the same fingerprints in 8-16 (crawler/dupefilter.py).
DUPEFILTER_CLASS = "crawler.dupefilter.CompactDupeFilter"
# Requests waiting to be fetched go to Scrapy's disk queues, in a temporary directory
# when there is no JOBDIR; in memory they grew the crawler by 28 MB per 10,000 pages of
# a site of long listings (crawler/scheduler.py).
SCHEDULER = "crawler.scheduler.DiskScheduler"

ITEM_PIPELINES = {"crawler.pipelines.ProcessPipeline": 300}
# CrawlContext (crawler/context.py) owns the crawl id, worker id, state, journal and
# shared frontier; every other component asks it for them.
EXTENSIONS = {"crawler.context.CrawlContext": 0, "crawler.extensions.RunSummary": 500}

# Dataset location and run id; `cleancrawl crawl` sets them from the job.
CLEANCRAWL_OUT = "output"
CLEANCRAWL_CRAWL_ID = ""
# Article rows (pages, and rejected rows other than listings) a crawl writes at most;
# page requests beyond them wait and are never fetched (crawler/limits.py). 0 = no limit.
CLEANCRAWL_MAX_PAGES = 0
# Worker processes for extraction and cleaning; 0 = one per core (never more).
CLEANCRAWL_WORKERS = 0
CLEANCRAWL_PAGE_TIMEOUT = 120.0
CLEANCRAWL_STORE_RAW = True
# Also write every response and its request as WARC under OUT/warc/ (crawl --warc), in
# files renamed into place at this size (1 GB, as Common Crawl and Heritrix rotate).
CLEANCRAWL_WARC = False
CLEANCRAWL_WARC_MAX_BYTES = 1 << 30
# Rows per Parquet row group, and per file before the writer starts the next one.
CLEANCRAWL_ROWS_PER_GROUP = 1000
CLEANCRAWL_ROWS_PER_FILE = 200_000
# Job directory of a resumable crawl (`cleancrawl crawl --jobdir`; crawler/journal.py).
CLEANCRAWL_JOBDIR = ""
# With a job directory, every file is committed and the row log emptied once the log
# passes this size: it bounds the log (a second copy of the uncommitted rows) on disk.
CLEANCRAWL_CHECKPOINT_BYTES = 64 << 20
# Re-runs into the same dataset fetch conditionally and write only new or changed pages
# (crawler/state.py); False fetches and writes everything, and still records the state.
CLEANCRAWL_INCREMENTAL = True
# The state file; empty means CLEANCRAWL_OUT/state.sqlite.
CLEANCRAWL_STATE = ""
# Cleaner options that differ from CleanOptions' defaults, by field name: the job's
# [cleaner] table and `-s cleaner.NAME=VALUE` (crawler/config.py).
CLEANCRAWL_CLEANER: dict[str, object] = {}
# Seconds between progress lines in the log; 0 turns them off.
CLEANCRAWL_PROGRESS_INTERVAL = 10.0

# A crawl shared by many processes through Redis (`cleancrawl crawl --redis URL`;
# crawler/redis_frontier.py). Keys start with the prefix: one crawl per prefix and database.
CLEANCRAWL_REDIS_URL = ""
CLEANCRAWL_REDIS_PREFIX = "cleancrawl:articles"
# This process's name among the crawl's workers (host-pid, set by `cleancrawl crawl`).
CLEANCRAWL_WORKER_ID = ""
# A worker whose heartbeat (every fifth of this) stops for this long is taken for dead,
# and the requests it had taken are queued again. Long enough for a stalled reactor.
CLEANCRAWL_REDIS_WORKER_TIMEOUT = 30.0
# A worker closes once every worker has been idle, with nothing queued, this long: the
# grace period lets workers started together queue their sources first.
CLEANCRAWL_REDIS_IDLE_CLOSE = 10.0
# Files are committed at least this often, so a killed worker's finished pages are kept
# (requests whose rows were not committed are fetched again by another worker).
CLEANCRAWL_REDIS_COMMIT_SECONDS = 60.0

# Refuse loopback, private, link-local, reserved and multicast addresses (SSRF) unless the
# job names the host:port; extras are "host", "host:port" or a CIDR network.
CLEANCRAWL_ADDRESS_GUARD = True
CLEANCRAWL_ALLOWED_ADDRESSES: list[str] = []
# Retries wait: a 429/503's Retry-After (seconds), else this backoff, doubled for each
# retry of the same request (1, 2, 4 s); 0 retries at once. Either wait is capped here.
CLEANCRAWL_RETRY_BACKOFF = 1.0
CLEANCRAWL_RETRY_AFTER_MAX = 30.0
# Link traps: at most 10 links in a row of one URL shape (calendar "next month", session
# ids; a listing's 10 pages of "next" still pass), and 50 query strings per host+path.
# 0 turns a bound off.
CLEANCRAWL_TRAP_RUN = 10
CLEANCRAWL_TRAP_QUERY_VARIANTS = 50
# A trap pattern (a session id in the path or query, a path ending in a date; urls.trap_key)
# is followed for at most this many distinct URLs, even where its pages keep leading to
# new links: a session trap whose every page links four fresh session URLs made 500
# requests without it. 100 keeps each such trap under 200 requests with its retries.
CLEANCRAWL_TRAP_PATTERN_URLS = 100
# Links followed from one page, in page order; the rest are counted in the run summary
# (limits: links_over_cap). A news front page carries a few hundred; a page of 200,000
# links otherwise queued 200,009 requests and took the crawler to 1.04 GB.
CLEANCRAWL_MAX_LINKS_PER_PAGE = 2000
# A page leading to this many links not met before is pagination: its chain of
# same-shape links starts afresh (0 turns this off and bounds every chain).
CLEANCRAWL_TRAP_PRODUCTIVE = 3
