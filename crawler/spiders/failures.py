"""Map a failed request's Twisted failure to an error code, detail and HTTP status."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

# Exception class names (Scrapy's own since 2.13, and Twisted's) -> error code. Names,
# not classes, so one table serves Scrapy versions that lack some of them.
CODES_BY_NAME = {
    "DownloadTimeoutError": "timeout", "TimeoutError": "timeout", "TCPTimedOutError": "timeout",
    "CannotResolveHostError": "dns", "DNSLookupError": "dns",
    "DownloadConnectionRefusedError": "connection", "ConnectionRefusedError": "connection",
    "ConnectionLost": "connection", "ConnectionDone": "connection", "ConnectError": "connection",
    "ResponseNeverReceived": "connection", "ResponseFailed": "connection", "ResponseDataLossError": "connection",
    "UnsupportedURLSchemeError": "fetch",
}


def describe_failure(failure: Any) -> tuple[str | None, str, int | None]:
    """Return (error code, detail, status); code None means "not a page, record nothing"."""
    exc = failure.value
    text = str(exc) or type(exc).__name__
    if "max size" in text.lower():
        return "too_large", text, None
    if isinstance(exc, HttpError):
        status = exc.response.status
        return "http_status", f"HTTP {status}", status
    if isinstance(exc, IgnoreRequest):
        if "robots.txt" in text.lower():
            return "robots", "forbidden by robots.txt", None
        if "offsite" in text.lower():
            return None, text, None
        return "fetch", text, None
    for cls in type(exc).__mro__:
        if code := CODES_BY_NAME.get(cls.__name__):
            return code, f"{type(exc).__name__}: {text}", None
    return "fetch", f"{type(exc).__name__}: {text}", None
