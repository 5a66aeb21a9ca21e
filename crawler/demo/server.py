"""Serve the bundled demo site (and an optional generated section) over loopback HTTP.

Standard library only, so the demo command and the tests can start it without Scrapy.

    with SiteServer() as server:          # 127.0.0.1, a free port
        urlopen(server.url + "/")         # {{BASE}} in pages is replaced by server.url
        server.requests                   # [(method, path, status), ...]
        server.validators                 # [(path, If-None-Match, If-Modified-Since, status), ...]
        server.change("/a/", new_html)    # serve new content (new ETag, later Last-Modified)

Every 200 carries an ETag (a hash of the body) and a Last-Modified date, and a GET
or HEAD whose If-None-Match or If-Modified-Since still holds is answered 304, as
RFC 9110 section 13 orders them; ``send_validators = False`` turns both off.

    python -m crawler.demo.server [--port N] [--generated N]
"""

from __future__ import annotations

import argparse
import hashlib
import posixpath
import re
import sys
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Sequence
from urllib.parse import unquote, urlsplit

from . import generated

DEMO_SITE: Path = Path(__file__).resolve().parent / "site"
PLACEHOLDER = b"{{BASE}}"
SUBSTITUTED = (".html", ".xml", ".txt")
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
}
# Feeds are .xml files too; their own media types let a client tell them from sitemaps.
NAMED_TYPES = {"feed.xml": "application/rss+xml", "atom.xml": "application/atom+xml"}
GEN_ARTICLE = re.compile(r"/gen/article-(\d{1,9})\.html")
GEN_LIST = re.compile(r"/gen/list-(\d{1,9})\.html")
NOT_FOUND = b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n"

Response = tuple[int, dict[str, str], bytes]


class _Handler(BaseHTTPRequestHandler):
    """One request: resolve the path through the owning SiteServer, answer, record it."""

    server: "_Server"
    protocol_version = "HTTP/1.1"  # keep-alive: a crawl reuses connections
    # Without TCP_NODELAY, keep-alive responses stall ~40 ms each on delayed ACKs.
    disable_nagle_algorithm = True
    server_version = "cleancrawl-demo/1"
    sys_version = ""

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_POST(self) -> None:
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, {"Allow": "GET, HEAD", "Content-Type": "text/plain"},
                   b"method not allowed\n", head=False)

    def _answer(self, head: bool) -> None:
        site = self.server.site
        if site.latency:
            time.sleep(site.latency)  # a remote host's delay (this thread's alone)
        site.answered.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
        status, headers, body = site.answer(
            self.path, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"))
        self._send(status, headers, body, head)

    def _send(self, status: int, headers: dict[str, str], body: bytes, head: bool) -> None:
        self.server.site.record(self.command, self.path, int(status))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != HTTPStatus.NOT_MODIFIED:  # a 304 has no body, and no length of its own
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Stay silent: requests are recorded in SiteServer.requests instead."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    site: "SiteServer"

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore clients that hang up mid-response (a crawler closing at shutdown)."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class SiteServer:
    """A loopback HTTP server for a static site dir and/or ``generated_pages`` synthetic articles."""

    def __init__(self, root: Path | None = DEMO_SITE, host: str = "127.0.0.1", port: int = 0,
                 generated_pages: int = 0, latency: float = 0.0) -> None:
        self.root = Path(root).resolve() if root is not None else None
        self.host, self.port, self.generated_pages = host, port, generated_pages
        # Seconds each GET/HEAD waits before its answer, as a remote host does; and one
        # entry per answer: (time.monotonic(), path, User-Agent), for crawl-rate benchmarks.
        self.latency = latency
        self.answered: list[tuple[float, str, str]] = []
        self.url = ""
        self.requests: list[tuple[str, str, int]] = []
        # One entry per GET/HEAD: (path, If-None-Match, If-Modified-Since, status).
        self.validators: list[tuple[str, str | None, str | None, int]] = []
        self.send_validators = True
        self._lock = threading.Lock()
        self._cache: dict[Path, bytes] = {}
        # Pages changed by change(): path -> (body, Last-Modified as a Unix time).
        self._changed: dict[str, tuple[bytes, int]] = {}
        # Unchanged pages were all last modified when the server started (whole seconds, as HTTP dates are).
        self.started = int(time.time()) - 60
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> "SiteServer":
        """Bind (port 0 picks a free port), serve in a daemon thread, set ``url``; return self."""
        httpd = _Server((self.host, self.port), _Handler)
        httpd.site = self
        host, port = httpd.server_address[:2]
        self.url = f"http://{host}:{port}"
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="demo-site-server", daemon=True)
        self._thread.start()
        return self

    def steady_rate(self) -> float:
        """Pages answered per second while every crawler (told apart by User-Agent) is at
        work: from the moment each has had an article answered (before, robots.txt and the
        first listing come one after the other, and a process may start seconds after
        another) to the 90th percentile of the answers (after it, the last listing's
        articles trail behind)."""
        firsts: dict[str, float] = {}
        for t, path, agent in self.answered:
            if "/article-" in path:
                firsts.setdefault(agent, t)
        begin = max(firsts.values())
        end = sorted(t for t, _, _ in self.answered)[int(0.9 * len(self.answered))]
        return sum(1 for t, _, _ in self.answered if begin < t <= end) / (end - begin)

    def stop(self) -> None:
        """Stop serving and close the socket; safe to call twice."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> "SiteServer":
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def record(self, method: str, path: str, status: int) -> None:
        """Append one (method, path, status) to ``requests`` (called from handler threads)."""
        with self._lock:
            self.requests.append((method, path, status))

    def change(self, path: str, body: str | bytes) -> None:
        """Serve ``body`` at ``path`` from now on ({{BASE}} substituted), with a later Last-Modified."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        data = data.replace(PLACEHOLDER, self.url.encode("ascii"))
        with self._lock:
            previous = max([self.started, *(t for _, t in self._changed.values())])
            self._changed[path] = (data, max(int(time.time()), previous + 1))

    def answer(self, target: str, if_none_match: str | None = None, if_modified_since: str | None = None) -> Response:
        """Answer a GET or HEAD: respond(), then the validators; the request's validators are logged."""
        status, headers, body = self.validate(target, self.respond(target), if_none_match, if_modified_since)
        with self._lock:
            self.validators.append((target, if_none_match, if_modified_since, int(status)))
        return status, headers, body

    def validate(self, target: str, response: Response, if_none_match: str | None,
                 if_modified_since: str | None) -> Response:
        """Add ETag and Last-Modified to a 200, and turn it into a 304 when the request's validator holds."""
        status, headers, body = response
        if status != HTTPStatus.OK or not self.send_validators:
            return response
        changed = self._changed.get(unquote(urlsplit(target).path or "/"))
        modified = changed[1] if changed else self.started
        etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
        headers = {**headers, "ETag": etag, "Last-Modified": formatdate(modified, usegmt=True)}
        if if_none_match is not None:  # If-None-Match wins; If-Modified-Since is then ignored
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            fresh = "*" in tags or etag in tags
        else:
            fresh = _not_after(modified, if_modified_since)
        if fresh:
            return HTTPStatus.NOT_MODIFIED, {"ETag": etag, "Last-Modified": headers["Last-Modified"]}, b""
        return status, headers, body

    def respond(self, target: str) -> Response:
        """Answer one request target ("/a/b/?q") with (status, headers, body)."""
        raw_path = urlsplit(target).path or "/"
        path = unquote(raw_path)
        if "\x00" in path or not path.startswith("/"):
            return self._not_found()
        if path in self._changed:
            return HTTPStatus.OK, {"Content-Type": CONTENT_TYPES[".html"]}, self._changed[path][0]
        made = self._generated(path)
        if made is not None:
            return made
        if self.root is None:
            return self._not_found()
        return self._static(path, raw_path)

    def _generated(self, path: str) -> Response | None:
        n = self.generated_pages
        if self.root is None and path in ("/", "/index.html"):
            return self._html(generated.home_page())
        if n <= 0 or not path.startswith("/gen/"):
            return None
        if path == "/gen/":
            return HTTPStatus.MOVED_PERMANENTLY, {"Location": "/gen/list-0.html"}, b""
        article, listing = GEN_ARTICLE.fullmatch(path), GEN_LIST.fullmatch(path)
        page = None
        if article:
            page = generated.article_page(int(article.group(1)), n)
        elif listing:
            page = generated.listing_page(int(listing.group(1)), n)
        return self._html(page) if page is not None else self._not_found()

    def _static(self, path: str, raw_path: str) -> Response:
        assert self.root is not None
        # Normalise before touching the disk: any ".." that climbs out of the root is refused.
        parts = path.split("/")
        if ".." in parts or any("\\" in p for p in parts):
            return self._not_found()
        clean = posixpath.normpath(path)
        file = (self.root / clean.lstrip("/")).resolve()
        if file != self.root and self.root not in file.parents:
            return self._not_found()
        if file.is_dir():
            if not path.endswith("/"):
                return HTTPStatus.MOVED_PERMANENTLY, {"Location": raw_path + "/"}, b""
            file = file / "index.html"
        if not file.is_file():  # no directory listings: a dir without index.html is missing
            return self._not_found()
        return HTTPStatus.OK, {"Content-Type": self._content_type(file)}, self._body(file)

    def _body(self, file: Path) -> bytes:
        body = self._cache.get(file)
        if body is None:
            body = file.read_bytes()
            if file.suffix in SUBSTITUTED:
                body = body.replace(PLACEHOLDER, self.url.encode("ascii"))
            with self._lock:
                self._cache[file] = body
        return body

    @staticmethod
    def _content_type(file: Path) -> str:
        return NAMED_TYPES.get(file.name) or CONTENT_TYPES.get(file.suffix, "application/octet-stream")

    @staticmethod
    def _html(page: str) -> Response:
        return HTTPStatus.OK, {"Content-Type": CONTENT_TYPES[".html"]}, page.encode("utf-8")

    @staticmethod
    def _not_found() -> Response:
        return HTTPStatus.NOT_FOUND, {"Content-Type": CONTENT_TYPES[".html"]}, NOT_FOUND


def _not_after(modified: int, if_modified_since: str | None) -> bool:
    """True when an If-Modified-Since date is valid and not before ``modified`` (Unix seconds)."""
    if not if_modified_since:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since).timestamp()
    except (TypeError, ValueError, IndexError):
        return False  # an invalid date is ignored (RFC 9110 13.1.3)
    return modified <= since


def main(argv: Sequence[str] | None = None) -> int:
    """Serve until Ctrl-C: ``python -m crawler.demo.server [--port N] [--generated N] [--no-site]``."""
    ap = argparse.ArgumentParser(prog="python -m crawler.demo.server", description="Serve the demo site on loopback.")
    ap.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    ap.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    ap.add_argument("--generated", type=int, default=0, metavar="N", help="also serve N generated pages under /gen/")
    ap.add_argument("--no-site", action="store_true", help="serve only the generated section")
    args = ap.parse_args(argv)
    server = SiteServer(root=None if args.no_site else DEMO_SITE, host=args.host, port=args.port,
                        generated_pages=args.generated).start()
    print(server.url + "/", flush=True)
    if args.generated:
        print(f"{server.url}/gen/list-0.html ({args.generated} generated pages)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
