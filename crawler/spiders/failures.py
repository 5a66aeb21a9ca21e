"""Map a failed request's Twisted failure to an error code, detail and HTTP status."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

from ..middlewares import ForbiddenAddress, RedirectLoop
from ..refusals import Offsite

# Exception class names (Scrapy's own since 2.13, and Twisted's) -> error code. Names,
# not classes, so one table serves Scrapy versions that lack some of them.
CODES_BY_NAME = {
    "DownloadTimeoutError": "timeout", "TimeoutError": "timeout", "TCPTimedOutError": "timeout",
    "CannotResolveHostError": "dns", "DNSLookupError": "dns",
    "DownloadConnectionRefusedError": "connection", "ConnectionRefusedError": "connection",
    "ConnectionLost": "connection", "ConnectionDone": "connection", "ConnectError": "connection",
    "ResponseNeverReceived": "connection", "ResponseFailed": "connection", "ResponseDataLossError": "connection",
    "UnsupportedURLSchemeError": "fetch",
    # Scrapy 2.19 cancels a body that passes DOWNLOAD_MAXSIZE while streaming (no
    # Content-Length to refuse it up front) and says only "DownloadCancelledError".
    "DownloadCancelledError": "too_large",
}
DETAILS_BY_NAME = {"DownloadCancelledError": "download cancelled: the body passed DOWNLOAD_MAXSIZE while streaming"}


def describe_failure(failure: Any) -> tuple[str | None, str, int | None]:
    """Return (error code, detail, status); code None means "not a page, record nothing"."""
    exc = failure.value
    text = str(exc) or type(exc).__name__
    lowered = text.lower()
    # The downloader says "max size"; HttpCompressionMiddleware (gzip bombs) "DOWNLOAD_MAXSIZE".
    if "max size" in lowered or "download_maxsize" in lowered:
        return "too_large", text, None
    if isinstance(exc, HttpError):
        status = exc.response.status
        return "http_status", f"HTTP {status}", status
    if isinstance(exc, ForbiddenAddress):
        return "forbidden_address", text, None
    if isinstance(exc, Offsite):
        return "offsite", text, None
    if isinstance(exc, RedirectLoop) or "max redirections" in lowered:
        return "redirect", text, None
    if isinstance(exc, IgnoreRequest):
        if "robots.txt" in lowered:
            return "robots", "forbidden by robots.txt", None
        return "fetch", text, None
    for cls in type(exc).__mro__:
        if code := CODES_BY_NAME.get(cls.__name__):
            if str(exc) == "" and cls.__name__ in DETAILS_BY_NAME:
                return code, DETAILS_BY_NAME[cls.__name__], None
            return code, f"{type(exc).__name__}: {text}", None
    return "fetch", f"{type(exc).__name__}: {text}", None
