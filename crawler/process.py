"""process_page: the one extract+clean+record path shared by every entry point.

Crawls, offline files, WARC records and re-cleans all hand a ``Page`` to
``process_page`` and get an ``Outcome`` back: the table it belongs to and its row.
Both pickle, so the call runs in a worker process. Per-page trouble is data: a page
that cannot be used becomes an ``errors`` row with a short code, never an exception.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import cleaners
from cleaners import CLEANER_VERSION, CleanOptions, CleanResult
from cleaners.charset import decode_html

from .quality import prose_problem

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Bytes a body starts with, after whitespace and a BOM, to be sniffed as HTML whatever
# type the server declares.
HTML_SNIFF = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<(?:!doctype html|html|head|body|!--|meta|title|div|p\b)", re.I)
WHITESPACE = re.compile(r"\s+")
# C0 control bytes other than whitespace, and DEL: text never has many, binary has ~11%.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# 5%: random bytes sit at 11.3%, HTML with stray NULs well under 1% (tests/faultsite.py /nul).
BINARY_SHARE = 0.05
# Signatures of PDF, PNG, ZIP and gzip bodies: never HTML, whatever the header says.
BINARY_SIGNATURES = (b"%PDF-", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b")


@dataclass(frozen=True, slots=True)
class Page:
    """One fetched (or read) page, as any source hands it over."""

    url: str
    body: bytes
    crawl_id: str
    fetched_at: datetime
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    # "article" or "listing" as the source decided; "" when it could not (a WARC record):
    # process_page then makes the crawl's DOM decision, in the worker.
    page_type: str = "article"


@dataclass(frozen=True, slots=True)
class Outcome:
    """Where a page goes (``pages``, ``rejected`` or ``errors``) and its row."""

    table: str
    row: dict[str, Any]

    @property
    def reason(self) -> str:
        return self.row.get("reject_reason") or self.row.get("error") or ""


@dataclass(frozen=True, slots=True)
class ProcessOptions:
    """Options of the extract+clean step; ``clean`` is the cleaner's own."""

    clean: CleanOptions = field(default_factory=CleanOptions)


# A small page run through the cleaner by ``warm_up``: its imports and lazily built
# tables load before the first real page, not on it.
WARM_PAGE = ("<html><head><title>Warm-up</title></head><body><article><p>"
             + "A short article that loads the extractor and the cleaner before the first page arrives. " * 4
             + "</p></article></body></html>")


def warm_up(options: ProcessOptions | None = None) -> None:
    """Load everything the first page would wait for: the cleaner's engine and data, Trafilatura,
    the metadata readers, the n-gram model and langdetect's profiles (about a second in all).
    A worker calls it as it starts, while the parent process is still starting up."""
    from cleaners.language import load_profiles

    cleaners.clean_html(WARM_PAGE, options=(options or ProcessOptions()).clean)
    load_profiles()


def process_page(page: Page, options: ProcessOptions | None = None) -> Outcome:
    """Extract, clean and route one page."""
    options = options or ProcessOptions()
    if not 200 <= page.status < 300:
        return error_outcome(page.url, page.crawl_id, "http_status", f"HTTP {page.status}", page.status)
    if not is_html(page.body, page.headers.get("content-type", "")):
        kind = page.headers.get("content-type") or "no content type"
        return error_outcome(page.url, page.crawl_id, "not_html", f"body is not HTML ({kind})", page.status)
    if not page.page_type:
        from .pagetype import classify_stored

        page = replace(page, page_type=classify_stored(page.url, page.body, page.headers.get("content-type")))
    if page.page_type == "listing":
        return Outcome("rejected", _page_row(page, CleanResult(text="", reject_reason="pagetype.listing")))
    _, html = decode_html(page.body, page.headers.get("content-type"))
    result = cleaners.clean_html(html, url=page.url, options=options.clean)
    if not result.reject_reason and (problem := prose_problem(result.text)):
        result = replace(result, reject_reason=problem)
    table = "rejected" if result.reject_reason else "pages"
    return Outcome(table, _page_row(page, result))


def is_html(body: bytes, content_type: str) -> bool:
    """Tell whether a body is HTML: its first bytes decide, whatever the server declares.

    A binary signature or many control bytes make it not HTML even when served as
    text/html; a body that opens like HTML is HTML even when served as image/png (the
    spider reads such a page's links, so its row says it is a page). Otherwise the
    declared type decides.

    >>> is_html(b"<!DOCTYPE html><p>x", "image/png"), is_html(b"%PDF-1.4", "text/html")
    (True, False)
    """
    if is_binary(body):
        return False
    if HTML_SNIFF.match(body[:512]):
        return True
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def is_binary(body: bytes) -> bool:
    """Tell binary data (a PDF, image, archive, or many control bytes) from text.

    >>> is_binary(b"\\x89PNG\\r\\n"), is_binary(bytes(range(32)) * 4), is_binary("Café\\n".encode())
    (True, True, False)
    """
    if body.lstrip()[:5].startswith(BINARY_SIGNATURES):
        return True
    sample = body[:4096]
    return len(CONTROL_BYTES.findall(sample)) > BINARY_SHARE * len(sample)


def error_outcome(url: str, crawl_id: str, error: str, detail: str, status: int | None = None) -> Outcome:
    """Build an ``errors`` row; ``error`` is one of ``errors.ERROR_CODES``."""
    row = {
        "url": url,
        "domain": domain_of(url),
        "crawl_id": crawl_id,
        "error": error,
        "detail": detail[:2000],
        "http_status": status,
        "time": datetime.now(timezone.utc),
    }
    return Outcome("errors", row)


def raw_row(page: Page) -> dict[str, Any]:
    """The ``raw`` table's row for a page, so that ``reclean`` can replay it."""
    return {
        "url": page.url,
        "crawl_id": page.crawl_id,
        "fetched_at": page.fetched_at,
        "http_status": page.status,
        "headers": page.headers,
        "body": page.body,
        "page_type": page.page_type or None,  # undecided: reclean decides as for older datasets
    }


def domain_of(url: str) -> str | None:
    """Return the lower-cased host of a URL (None for file: URLs)."""
    host = urlsplit(url).hostname
    return host.lower() if host else None


def text_hash(text: str) -> str:
    """Hash text after NFC and whitespace folding, so trivial reflows hash alike.

    >>> text_hash("A  b\\n") == text_hash("A b")
    True
    """
    folded = WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.blake2b(folded.encode("utf8"), digest_size=16).hexdigest()


def _page_row(page: Page, r: CleanResult) -> dict[str, Any]:
    return {
        "url": page.url,
        "domain": domain_of(page.url),
        "crawl_id": page.crawl_id,
        "fetched_at": page.fetched_at,
        "http_status": page.status,
        "page_type": page.page_type,
        "canonical_url": r.canonical_url,
        "title": r.title,
        "author": r.author,
        "published": _date(r.published),
        "sitename": r.sitename,
        "language": r.language,
        "language_score": r.language_score,
        "text": r.text,
        "text_length": len(r.text),
        "removed": [_removal(x) for x in r.removed],
        "spam_score": r.spam_score,
        "is_spam": r.is_spam,
        "reject_reason": r.reject_reason or None,
        "text_hash": text_hash(r.text) if r.text else None,
        "cleaner_version": CLEANER_VERSION,
    }


def _removal(x: Any) -> dict[str, Any]:
    signals = " ".join(f"{name}={value:.2f}" for name, value in x.signals)
    return {"kind": x.kind, "reason": x.reason, "text": x.text, "score": x.score, "signals": signals}


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
