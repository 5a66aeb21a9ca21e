"""A WARC test set written here: every kind of record `process` meets, and the row each must give.

``write_set(folder)`` writes two files and returns what each response or revisit record
(and each stretch of broken data) must become, as ``{url: (table, reason)}``:

- ``set.warc.gz``, one gzip member per record (warcio): warcinfo, a request, a UTF-8
  article, a windows-1251 article, a chunked and gzip-encoded article, a 404, a revisit
  of the first article under another URL (resolved), a revisit whose response was never
  read (an errors row), a record whose Content-Length is not a number, a torn gzip member,
  and an article after all of that;
- ``plain.warc``, uncompressed: an article, a record whose Content-Length is too short
  (its leftover bytes are not a record), and an article after it.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HOST = "http://archive.test"


def article(topic: str) -> str:
    paras = "".join(f"<p>Engineers finished stage {i} of the repairs on the {topic} this week, and the council said "
                    f"buses would return to the old {topic} route on Monday morning after {i + 2} months.</p>"
                    for i in range(8))
    return f"<html><head><title>The {topic} reopens</title></head><body><article><h1>The {topic} reopens</h1>{paras}</article></body></html>"


RUSSIAN = ("<html><head><title>Мост открыт</title></head><body><article><h1>Мост снова открыт</h1>"
           + "".join(f"<p>Инженеры завершили {i}-й этап ремонта моста на этой неделе, и городские власти сообщили, "
                     f"что автобусы вернутся на старый маршрут в понедельник утром после {i + 2} месяцев работ.</p>"
                     for i in range(8))
           + "</article></body></html>")


def _response(w: WARCWriter, url: str, body: bytes, headers: list[tuple[str, str]], status: str = "200 OK") -> object:
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = w.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http)
    w.write_record(record)
    return record


def _chunked(body: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 100]), body[i:i + 100]) for i in range(0, len(body), 100)) + b"0\r\n\r\n"


def _bad_length(url: str, length: str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + article("ferry").encode()
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2026-11-20T10:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode() + http + b"\r\n\r\n"


def write_set(folder: Path) -> dict[str, tuple[str, str]]:
    """Write the set into ``folder``; return each expected row as ``{url: (table, reason)}``."""
    html = [("Content-Type", "text/html; charset=utf-8")]
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    w.write_record(w.create_warcinfo_record("set.warc.gz", {"software": "cleancrawl tests"}))
    req = StatusAndHeaders("GET /bridge", [("Host", "archive.test")], protocol="HTTP/1.1", is_http_request=True)
    w.write_record(w.create_warc_record(f"{HOST}/bridge", "request", payload=io.BytesIO(b""), length=0, http_headers=req))
    first = _response(w, f"{HOST}/bridge", article("bridge").encode(), html)
    _response(w, f"{HOST}/ru", RUSSIAN.encode("cp1251"), [("Content-Type", "text/html; charset=windows-1251")])
    _response(w, f"{HOST}/gz", _chunked(gzip.compress(article("tunnel").encode())),
              [("Content-Type", "text/html"), ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")])
    _response(w, f"{HOST}/gone", b"not here", html, status="404 Not Found")
    digest = first.rec_headers.get_header("WARC-Payload-Digest")
    revisit = StatusAndHeaders("200 OK", html, protocol="HTTP/1.1")
    w.write_record(w.create_revisit_record(f"{HOST}/bridge-again", digest, f"{HOST}/bridge", "2026-11-20T10:00:00Z",
                                           http_headers=revisit))
    w.write_record(w.create_revisit_record(f"{HOST}/orphan", "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                           f"{HOST}/elsewhere", "2026-11-19T10:00:00Z", http_headers=revisit))
    bad_at = buf.tell()
    buf.write(gzip.compress(_bad_length(f"{HOST}/bad-length", "abc")))
    torn_at = buf.tell()
    # torn inside its own WARC header, so no reader gets a record out of it, however it buffers
    buf.write(gzip.compress(_bad_length(f"{HOST}/torn", "300"))[:90])
    _response(w, f"{HOST}/last", article("harbour").encode(), html)
    (folder / "set.warc.gz").write_bytes(buf.getvalue())
    set_uri = (folder / "set.warc.gz").resolve().as_uri()

    plain = io.BytesIO()
    p = WARCWriter(plain, gzip=False)
    _response(p, f"{HOST}/plain-1", article("canal").encode(), html)
    short_at = plain.tell()
    plain.write(_bad_length(f"{HOST}/short", "60"))
    _response(p, f"{HOST}/plain-2", article("viaduct").encode(), html)
    (folder / "plain.warc").write_bytes(plain.getvalue())
    plain_uri = (folder / "plain.warc").resolve().as_uri()
    return {
        f"{HOST}/bridge": ("pages", ""), f"{HOST}/ru": ("pages", ""), f"{HOST}/gz": ("pages", ""),
        f"{HOST}/gone": ("errors", "http_status"),
        f"{HOST}/bridge-again": ("rejected", "duplicate.exact"),
        f"{HOST}/orphan": ("errors", "revisit"),
        f"{HOST}/bad-length": ("errors", "unreadable"),
        # what follows a record's wrong Content-Length, and a torn gzip member: unreadable from there on
        f"{set_uri}#byte={bad_at}": ("errors", "unreadable"), f"{set_uri}#byte={torn_at}": ("errors", "unreadable"),
        f"{HOST}/last": ("pages", ""),
        f"{HOST}/plain-1": ("pages", ""), f"{HOST}/short": ("rejected", "extract.no_text"),
        f"{plain_uri}#byte={short_at}": ("errors", "unreadable"), f"{HOST}/plain-2": ("pages", ""),
    }
