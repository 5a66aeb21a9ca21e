"""A loopback HTTP server with one small named handler per pathology of the real web.

    with FaultSite() as internal, FaultSite("127.0.0.2") as offsite, \
            FaultSite(internal_url=internal.url, offsite_url=offsite.url) as site:
        site.url              # http://127.0.0.1:PORT, the job's start host
        site.requests         # [(method, "host:port", path, status), ...], the server's own log
        site.redirects        # {"http://host:port/path": "http://...target"}, each redirect it answered

Every URL a page carries points at loopback (this site, ``internal_url`` or ``offsite_url``,
another loopback address standing for another host), never elsewhere.
"""

from __future__ import annotations

import html
import os
import socket
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from faultsite_text import ARTICLES, CYRILLIC, FRENCH, TURKISH, WESTERN

# Longer than the tests' DOWNLOAD_TIMEOUT (2 s); stop() cuts the wait short.
SLOW_SECONDS = 10.0
HUGE_BYTES = 20 * 1024 * 1024
# 16 gzip members of 64 MiB of zeros: about 1 MB on the wire, 1 GiB decompressed.
BOMB_MEMBER_MIB, BOMB_MEMBERS = 64, 16
PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
       b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
ENTITY_BOMB = (b'<?xml version="1.0"?>\n<!DOCTYPE urlset [\n <!ENTITY lol "lol">\n'
               + b"".join(b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                          for i in range(1, 10))
               + b']>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               b"<url><loc>&lol9;</loc></url></urlset>\n")
# Paths the home page links to (besides the articles); the test maps each to its outcome.
FAULT_LINKS = ("/status/404", "/status/500", "/flaky", "/busy", "/slow", "/reset", "/huge", "/bomb", "/pdf", "/binary",
               "/nul", "/charset/cp1251-header", "/charset/cp1254-meta", "/charset/none", "/chain/1",
               "/loop/a", "/calendar?month=1", "/s/start/page", "/private/secret.html", "/to-internal",
               "/to-offsite", "/to-tides", "/articles/" + "long-" * 420 + "url.html")
GOOD = ("tides", "orchard", "library", "bridge")
# Pathologies of size and number, not linked from the home page: tests start crawls at them.
FLOOD_LINKS = 200_000
WORDWALL_BYTES = 5 * 1024 * 1024
# One entry per trap: a session id in the path, one in the query, a calendar in the query
# and one in the path. Every page of each leads to four URLs never met before.
TRAPS = ("/sid/9f3c0a7b1e2d4c5f/home", "/qs/home?sid=9f3c0a7b1e2d4c5f", "/qcal?m=1", "/events/2024/01/")

_flood: bytes | None = None
_bomb: bytes | None = None
_bomb_lock = threading.Lock()


def gzip_bomb() -> bytes:
    """Build (once per process) the gzip body that inflates to 1 GiB of zeros."""
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            c = zlib.compressobj(9, zlib.DEFLATED, 31)
            zeros = bytes(1 << 20)
            _bomb = b"".join([*(c.compress(zeros) for _ in range(BOMB_MEMBER_MIB)), c.flush()]) * BOMB_MEMBERS
        return _bomb


def flood_page() -> bytes:
    """Build (once per process) the page of FLOOD_LINKS links, about 6 MB."""
    global _flood
    with _bomb_lock:
        if _flood is None:
            links = "".join(f'<a href="/flood/{n}.html">{n}</a>\n' for n in range(FLOOD_LINKS))
            _flood = f"<html><head><title>Flood</title></head><body>\n{links}</body></html>\n".encode()
        return _flood


def page(title: str, paragraphs: tuple[str, ...], links: tuple[str, ...] = (), head: str = "") -> str:
    """An article page: a title, paragraphs and a list of links."""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    items = "".join(f'<li><a href="{html.escape(u)}">{html.escape(u)}</a></li>\n' for u in links)
    return (f"<!DOCTYPE html>\n<html><head>{head}<title>{html.escape(title)}</title></head><body>\n"
            f"<article><h1>{html.escape(title)}</h1>\n{body}</article>\n<nav><ul>\n{items}</ul></nav>\n</body></html>\n")


class _Handler(BaseHTTPRequestHandler):
    """Dispatch on the path to one method per pathology; every answer is logged."""

    server: "_Server"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        route = ROUTES.get(path) or next((f for p, f in PREFIXES if path.startswith(p)), None)
        (route or _Handler.not_found)(self)

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.server.site.log(self.command, self.path, status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def html(self, text: str, status: int = 200) -> None:
        self.send(status, text.encode("utf8"))

    def home(self) -> None:
        site = self.server.site
        links = (*(f"/articles/{s}.html" for s in GOOD), "/articles/ferry.html?utm_source=newsletter&utm_medium=email",
                 "/articles/ferry.html?fbclid=IwAR0fault", *FAULT_LINKS, f"{site.internal_url}/secret")
        self.html(page("Fault site", ("Links to every pathology.",), links))

    def article(self) -> None:
        slug = urlsplit(self.path).path.rsplit("/", 1)[-1].removesuffix(".html")
        if slug not in ARTICLES:
            return self.not_found()
        self.html(page(*ARTICLES[slug], links=("/",)))

    def status(self) -> None:
        code = int(urlsplit(self.path).path.rsplit("/", 1)[-1])
        self.html(page(f"Status {code}", ("An error page.",)), status=code)

    def not_found(self) -> None:
        self.html(page("Not found", ("Nothing here.",)), status=404)

    def flaky(self) -> None:
        if self.server.site.once("flaky"):
            return self.send(503, b"busy", "text/plain", Retry_After="1")
        self.html(page(*ARTICLES["flaky"]))

    def busy(self) -> None:
        if self.server.site.once("busy"):
            return self.html(page("Busy", ("Try again later.",)), status=500)  # no Retry-After: backoff
        self.html(page(*ARTICLES["busy"]))

    def slow(self) -> None:
        self.server.site.stopping.wait(SLOW_SECONDS)
        self.html(page("Slow", ("Too late.",)))

    def reset(self) -> None:
        """Promise 5000 bytes, send 1000, then reset the connection (RST, not FIN)."""
        self.server.site.log(self.command, self.path, 200)
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n" + b"<p>x" * 250)
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def huge(self) -> None:
        """20 MB of paragraphs, delimited by the connection's close (no Content-Length to refuse early)."""
        self.server.site.log(self.command, self.path, 200)
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>")
        chunk = b"<p>" + b"all work and no play " * 3000 + b"</p>\n"
        for _ in range(HUGE_BYTES // len(chunk) + 1):
            self.wfile.write(chunk)
        self.close_connection = True

    def bomb(self) -> None:
        self.send(200, gzip_bomb(), Content_Encoding="gzip")

    def pdf(self) -> None:
        self.send(200, PDF)

    def binary(self) -> None:
        self.send(200, os.urandom(64 * 1024))

    def nul(self) -> None:
        title, paras = ARTICLES["nul"]
        text = page(title, paras).encode("utf8")
        self.send(200, text.replace(b"<p>", b"<p>\x00", 2).replace(b"</h1>", b"\x00\x00</h1>"))

    def cp1251_header(self) -> None:
        self.send(200, page(*CYRILLIC[:2]).encode("cp1251"), "text/html; charset=windows-1251")

    def cp1254_meta(self) -> None:
        self.send(200, page(*TURKISH[:2], head='<meta charset="windows-1254">').encode("cp1254"), "text/html")

    def no_charset(self) -> None:
        self.send(200, page(*WESTERN[:2]).encode("cp1252"), "text/html")

    def redirect(self, to: str) -> None:
        site = self.server.site
        site.redirects[site.url + self.path] = to if "://" in to else site.url + to
        self.send(302, b"", "text/plain", Location=to)

    def chain(self) -> None:
        hop = int(urlsplit(self.path).path.rsplit("/", 1)[-1])
        self.redirect(f"/chain/{hop + 1}" if hop < 3 else "/articles/chained.html")

    def loop(self) -> None:
        self.redirect("/loop/b" if self.path.endswith("/a") else "/loop/a")

    def calendar(self) -> None:
        month = int(parse_qs(urlsplit(self.path).query).get("month", ["1"])[0])
        self.html(page(f"Calendar {month}", ("No events this month.",), (f"/calendar?month={month + 1}", "/")))

    def session(self) -> None:
        self.html(page("Session", ("Your session.",), (f"/s/{os.urandom(8).hex()}/page", "/")))

    def flood(self) -> None:
        """One page linking 200,000 distinct articles."""
        self.send(200, flood_page())

    def flood_article(self) -> None:
        n = int(urlsplit(self.path).path.rsplit("/", 1)[-1].removesuffix(".html"))
        title, paras = ARTICLES[GOOD[n % len(GOOD)]]
        self.html(page(f"{title} ({n})", (f"Report {n} of the flood.", *paras)))

    def wordwall(self) -> None:
        """5 MB of one word repeated on one line: text with no sentence in it."""
        self.send(200, b"<html><head><title>Words</title></head><body><p>"
                  + b"word " * (WORDWALL_BYTES // 5) + b"</p></body></html>")

    def traps(self) -> None:
        self.html(page("Traps", ("Four ways to mint endless URLs.",), TRAPS))

    def session_path(self) -> None:
        sid = os.urandom(8).hex()
        self.html(page("Members' news", ARTICLES["tides"][1], tuple(f"/sid/{sid}/{p}" for p in ("home", "a", "b", "c"))))

    def session_query(self) -> None:
        sid = os.urandom(8).hex()
        self.html(page("Members' news", ARTICLES["tides"][1], tuple(f"/qs/{p}?sid={sid}" for p in ("home", "a", "b", "c"))))

    def query_calendar(self) -> None:
        m = int(parse_qs(urlsplit(self.path).query).get("m", ["1"])[0])
        self.html(page(f"Calendar {m}", ("No events this month.",), tuple(f"/qcal?m={m + k}" for k in (1, 2, 3, 4))))

    def path_calendar(self) -> None:
        year, month = (int(x) for x in urlsplit(self.path).path.split("/")[2:4])
        months = [(year + (month + k - 1) // 12, (month + k - 1) % 12 + 1) for k in (1, 2, 3, 4)]
        self.html(page(f"Events {year}-{month:02d}", ("No events this month.",),
                       tuple(f"/events/{y}/{m:02d}/" for y, m in months)))

    def to_internal(self) -> None:
        self.redirect(f"{self.server.site.internal_url}/redirected-secret")

    def to_offsite(self) -> None:
        """Redirect to another host: outside the allowed domains, and a non-public address too."""
        self.redirect(f"{self.server.site.offsite_url}/landed")

    def to_tides(self) -> None:
        """Redirect to an article the home page links as well (the scheduler drops the repeat)."""
        self.redirect("/articles/tides.html")

    def robots(self) -> None:
        base = self.server.site.url
        text = f"User-agent: *\nDisallow: /private/\nSitemap: {base}/sitemap.xml\nSitemap: {base}/sitemap-bomb.xml\n"
        self.send(200, text.encode(), "text/plain")

    def sitemap(self) -> None:
        base = self.server.site.url
        locs = "".join(f"<url><loc>{base}/articles/{s}.html</loc></url>" for s in (*GOOD, "ferry"))
        self.send(200, f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                       f"{locs}</urlset>".encode(), "application/xml")

    def sitemap_bomb(self) -> None:
        self.send(200, ENTITY_BOMB, "application/xml")

    def utf8_stray_byte(self) -> None:
        """UTF-8 declared by <meta> alone, with one invalid byte (0xFF) inside one word."""
        text = page(*FRENCH[:2], head="<meta charset='utf-8'>").encode("utf8")
        word = FRENCH[2].encode()
        self.send(200, text.replace(word, word[:2] + b"\xff" + word[2:], 1), "text/html")

    def latin1_header(self) -> None:
        """Declared ISO-8859-1 in the header, written in windows-1252 (curly quotes at 0x93/0x94)."""
        self.send(200, page(*WESTERN[:2]).encode("cp1252"), "text/html; charset=ISO-8859-1")

    def lying_png(self) -> None:
        """An HTML article served as image/png; it links to an article nothing else links to."""
        self.send(200, page(*ARTICLES["ferry"], links=("/articles/chained.html",)).encode("utf8"), "image/png")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Stay silent: requests are recorded in FaultSite.requests."""


ROUTES: dict[str, Callable[[_Handler], None]] = {
    "/": _Handler.home, "/flaky": _Handler.flaky, "/busy": _Handler.busy, "/slow": _Handler.slow, "/reset": _Handler.reset,
    "/huge": _Handler.huge, "/bomb": _Handler.bomb, "/pdf": _Handler.pdf, "/binary": _Handler.binary,
    "/nul": _Handler.nul, "/charset/cp1251-header": _Handler.cp1251_header,
    "/charset/cp1254-meta": _Handler.cp1254_meta, "/charset/none": _Handler.no_charset,
    "/loop/a": _Handler.loop, "/loop/b": _Handler.loop,
    "/calendar": _Handler.calendar, "/to-internal": _Handler.to_internal,
    "/to-offsite": _Handler.to_offsite, "/to-tides": _Handler.to_tides, "/flood": _Handler.flood,
    "/wordwall": _Handler.wordwall, "/traps": _Handler.traps, "/qcal": _Handler.query_calendar, "/robots.txt": _Handler.robots,
    "/sitemap.xml": _Handler.sitemap, "/sitemap-bomb.xml": _Handler.sitemap_bomb,
    # Not linked from the home page: tests/test_decode.py starts a crawl at each.
    "/charset/utf8-stray-byte": _Handler.utf8_stray_byte, "/charset/latin1-header": _Handler.latin1_header,
    "/lying-png": _Handler.lying_png,
}
PREFIXES: tuple[tuple[str, Callable[[_Handler], None]], ...] = (
    ("/articles/", _Handler.article), ("/status/", _Handler.status), ("/chain/", _Handler.chain),
    ("/s/", _Handler.session), ("/flood/", _Handler.flood_article), ("/sid/", _Handler.session_path),
    ("/qs/", _Handler.session_query), ("/events/", _Handler.path_calendar),
)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: "FaultSite"

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up (size limits, timeouts, resets) are the point here, not errors."""


class FaultSite:
    """The fault site on ``host`` at a free port, with its own request log."""

    def __init__(self, host: str = "127.0.0.1", internal_url: str = "", offsite_url: str = "") -> None:
        self.host, self.internal_url, self.offsite_url = host, internal_url, offsite_url
        self.url = ""
        self.requests: list[tuple[str, str, str, int]] = []
        self.redirects: dict[str, str] = {}
        self.times: list[float] = []  # time.monotonic() of each request, beside ``requests``
        self.stopping = threading.Event()
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self._httpd: _Server | None = None

    def log(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((method, self.url.removeprefix("http://"), path, status))
            self.times.append(time.monotonic())

    def once(self, key: str) -> bool:
        """True the first time ``key`` is asked about, False after."""
        with self._lock:
            first = key not in self._seen
            self._seen.add(key)
            return first

    def start(self) -> "FaultSite":
        self._httpd = _Server((self.host, 0), _Handler)
        self._httpd.site = self
        self.url = "http://{}:{}".format(*self._httpd.server_address[:2])
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()

    def __enter__(self) -> "FaultSite":
        return self.start()

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.stop()
