"""Map a failed request's Twisted failure to an error code, detail and HTTP status."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net


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
    if isinstance(exc, (net.TimeoutError, net.TCPTimedOutError)) or "timeout" in type(exc).__name__.lower():
        return "timeout", str(exc) or "timed out", None
    if isinstance(exc, net.DNSLookupError):
        return "dns", str(exc), None
    if isinstance(exc, (net.ConnectionRefusedError, net.ConnectionLost, net.ConnectionDone, net.ConnectError)):
        return "connection", str(exc) or type(exc).__name__, None
    name = type(exc).__name__
    if "ResponseNeverReceived" in name or "ResponseFailed" in name:
        return "connection", f"{name}: {exc}", None
    return "fetch", f"{name}: {exc}", None
