"""The error hierarchy the command line turns into one-line messages, and page error codes."""

from __future__ import annotations


class CleancrawlError(Exception):
    """A failure the user can act on; ``cli.main`` prints it as one line and exits with ``exit_code``."""

    exit_code = 2


class ConfigError(CleancrawlError):
    """A job file or command-line option is wrong."""


class InputError(CleancrawlError):
    """An input path or URL cannot be used."""


class DatasetError(CleancrawlError):
    """A directory is not a cleancrawl dataset, or cannot be read."""


class WriteFailed(CleancrawlError):
    """The dataset could not be written (full disk, file-size limit, permissions): the run stops.

    Exit code 1, as for any run that did not finish; the files finished before stay readable.
    """

    exit_code = 1


# Codes stored in the `error` column of the errors table. One short word each, so that
# `GROUP BY error` gives a readable breakdown; the `detail` column carries the specifics.
ERROR_CODES = {
    "http_status": "the server answered with a non-2xx status",
    "timeout": "no answer within DOWNLOAD_TIMEOUT",
    "connection": "connection refused, reset or lost",
    "dns": "the host name did not resolve",
    "too_large": "the body exceeded DOWNLOAD_MAXSIZE, on the wire or once decompressed",
    "not_html": "the body is not HTML (content type or content sniffing)",
    "redirect": "too many redirects, or a redirect loop",
    "forbidden_address": "the URL resolves to an address the job may not reach",
    "unsafe_xml": "a sitemap or feed declares XML entities (a possible entity bomb); not parsed",
    "robots": "robots.txt forbids the URL",
    "offsite": "the URL is outside the allowed domains (a redirect or a sitemap entry led there)",
    "url_too_long": "the URL is longer than URLLENGTH_LIMIT (2,083 characters); never fetched",
    "unreadable": "a local file could not be read or decompressed, or a WARC record is broken",
    "revisit": "a WARC revisit record whose original response was not in the input",
    "worker": "the worker processing the page died or ran out of time",
    "internal": "an unexpected failure while processing the page",
    "fetch": "any other download failure",
}
