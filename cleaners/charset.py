"""Decode HTML bytes to text as a browser does, by the WHATWG Encoding Standard (through w3lib).

The order is the standard's: a byte-order mark, then the charset of the HTTP
``Content-Type`` header, then a ``<meta>`` (or XML) declaration in the first bytes,
then detection, then windows-1252. Labels map as browsers map them (``latin-1`` and
``ascii`` mean windows-1252, ``gb2312`` means gb18030). Bytes that are invalid in the
chosen encoding become U+FFFD one by one; the page is never re-guessed because of them.
Every path that turns bytes into HTML text (the crawl's link extraction, ``process``,
``reclean``, ``clean_html(bytes)``) calls ``decode_html``, so they all read the same text.
"""

from __future__ import annotations

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding, to_unicode

# What browsers fall back to for an undeclared page that detection cannot place.
DEFAULT_ENCODING = "cp1252"
# An undeclared page is read as UTF-8 when its well-formed multi-byte characters
# outnumber its invalid bytes this many times over: one stray byte in a UTF-8 page
# does not make it windows-1252. 4: the 611 pages of ../shared/data (benchmark and
# extraction-dev) with non-ASCII text, re-encoded as windows-1252, reach at most 2.0
# (2 accidental sequences to 1 invalid byte) and all but 14 reach 0 (2026-12-04).
UTF8_MARGIN = 4


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML body; return (Python codec name, text).

    ``content_type`` is the HTTP header's value, or None when there was none. NUL
    characters are dropped: they are never text, and lxml refuses strings holding them.

    >>> decode_html(b"<meta charset='utf-8'><p>caf\\xc3\\xa9 \\xff apr\\xc3\\xa8s")
    ('utf-8', "<meta charset='utf-8'><p>café \\ufffd après")
    >>> decode_html(b"<p>\\x93Quoted\\x94", "text/html; charset=ISO-8859-1")
    ('cp1252', '<p>“Quoted”')
    >>> decode_html(b'<meta charset="utf-16"><p>caf\\xc3\\xa9')[0]
    'utf-8'
    """
    encoding = html_encoding(body, content_type)
    bom = read_bom(body)[1] or b""  # a byte-order mark always names the encoding; it is not text
    return encoding, to_unicode(body[len(bom):], encoding).replace("\x00", "")


def html_encoding(body: bytes, content_type: str | None = None) -> str:
    """Name the Python codec ``decode_html`` reads ``body`` with, without decoding it.

    The crawl's spider hands this to Scrapy's response, which then decodes the page
    once, to the same text.

    >>> html_encoding(b"<p>x", "text/html; charset=latin-1"), html_encoding(b'<meta charset="utf-16"><p>x')
    ('cp1252', 'utf-8')
    """
    bom_encoding, _ = read_bom(body)
    if bom_encoding is not None:
        return bom_encoding
    encoding = http_content_type_encoding(content_type or None)
    if encoding is None:
        encoding = html_body_declared_encoding(body)
        if encoding is not None and encoding.startswith(("utf-16", "utf-32")):
            # A <meta> that an ASCII-compatible prescan could read is not UTF-16: the standard reads UTF-8.
            return "utf-8"
    encoding = encoding or detect_encoding(body) or DEFAULT_ENCODING
    return encoding + "-be" if encoding in ("utf-16", "utf-32") else encoding  # as w3lib's html_to_unicode


def decode_text(data: bytes) -> str:
    """Decode plain text that declares nothing: a byte-order mark, else detection, else windows-1252.

    >>> decode_text("Café “crème”".encode("cp1252")), decode_text("Café".encode("utf-16"))
    ('Café “crème”', 'Café')
    """
    encoding, bom = read_bom(data)
    if encoding is not None and bom is not None:
        return to_unicode(data[len(bom):], encoding)
    return to_unicode(data, detect_encoding(data) or DEFAULT_ENCODING)


def detect_encoding(body: bytes) -> str | None:
    """Name the encoding of a body that declares none (None: no idea, use the default).

    >>> detect_encoding("Un café, après tout ".encode("utf8") * 3 + b"\\xff")
    'utf-8'
    >>> detect_encoding("Привет, как дела? Всё хорошо, спасибо.".encode("cp1251"))
    'cp1251'
    >>> detect_encoding("The crêperie and the Café Müller “stay”.".encode("cp1252"))
    'cp1252'
    """
    if body.isascii():
        return None
    text = body.decode("utf-8", "replace")
    invalid = text.count("\ufffd")
    if not invalid:
        return "utf-8"
    wide = len(text) - len(text.encode("ascii", "ignore")) - invalid
    if wide >= UTF8_MARGIN * invalid:
        return "utf-8"
    from charset_normalizer import from_bytes  # only undeclared, non-UTF-8 pages get here

    matches = from_bytes(body)
    best = matches.best()
    if best is None:
        return None
    # Among guesses that read equally well (Western text fits cp1250 and cp1257 as well as
    # cp1252), the default browsers use wins.
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)}
    return DEFAULT_ENCODING if DEFAULT_ENCODING in tied else resolve_encoding(best.encoding)
