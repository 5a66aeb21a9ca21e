"""URL helpers for the crawl: drop tracking parameters, and reduce a URL to its trap-prone shape.

Plain functions with no Scrapy import; the rules are data (TRACKING_PARAMS, ID_SEGMENT,
SESSION_TOKEN, DATE_TAIL).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that tag the visitor or the campaign, never the content: one
# article is one row whichever newsletter or share button led to it.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "ttclid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    "ref_src", "spm",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
# A path segment that carries an id rather than a name: any digit, or a long hex/base64-ish token.
ID_SEGMENT = re.compile(r"^(?=.*\d).+$|^[A-Za-z0-9_-]{24,}$")
# A session id: 16+ hex digits with a letter among them, or 20+ letters and digits mixed.
# No separators, so a slug ("council-votes-2024-budget") never looks like one, and no
# all-digit run, so numeric article ids are not taken for sessions.
SESSION_TOKEN = re.compile(r"^(?=[0-9]*[a-fA-F])[0-9a-fA-F]{16,}$|^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{20,}$")
# A path that ends in a date (a calendar or day/month archive): /events/2024/05/, /cal/2024-05-17.
DATE_TAIL = re.compile(r"^(?P<prefix>.*?)/(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-](?:0?[1-9]|[12]\d|3[01]))?/?$")


def is_tracking(name: str) -> bool:
    """Tell whether a query parameter name only tracks the visitor.

    >>> is_tracking("utm_source"), is_tracking("fbclid"), is_tracking("page")
    (True, True, False)
    """
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Return ``url`` without tracking parameters and without its fragment; other parameters keep their order.

    >>> canonical_url("http://a.test/x.html?utm_source=nl&id=3&fbclid=Iw#top")
    'http://a.test/x.html?id=3'
    >>> canonical_url("http://a.test/x.html?utm_medium=email")
    'http://a.test/x.html'
    """
    parts = urlsplit(url)
    if not parts.query and not parts.fragment:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not is_tracking(k)]
    query = parts.query if len(kept) == len(pairs) else urlencode(kept)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def url_shape(url: str) -> str:
    """Reduce a URL to host, path with id-like segments as ``*``, and sorted query names.

    Calendar and session-id traps keep one shape while their URLs never repeat.

    >>> url_shape("http://a.test/calendar?month=13&y=2")
    'a.test/calendar?month&y'
    >>> url_shape("http://a.test/s/9f3c0a7b1e2d4c5f/page")
    'a.test/s/*/page'
    >>> url_shape("http://a.test/news/harbour-gates-delayed")
    'a.test/news/harbour-gates-delayed'
    """
    parts = urlsplit(url)
    path = "/".join("*" if ID_SEGMENT.match(seg) else seg for seg in parts.path.split("/"))
    names = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{parts.netloc}{path}" + (f"?{'&'.join(names)}" if names else "")


def trap_key(url: str) -> str | None:
    """Name the link pattern a session or calendar trap would mint endless URLs of; None for other URLs.

    A session id in the path keys on the path up to it, one in the query on the
    parameter's name, and a path ending in a date on the path before the date, so each
    key covers every URL such a trap can make however many pages it spans.

    >>> trap_key("http://a.test/s/9f3c0a7b1e2d4c5f/page"), trap_key("http://a.test/s/9f3c0a7b1e2d4c5f")
    ('a.test/s/~', 'a.test/s/~')
    >>> trap_key("http://a.test/article?id=12&sid=9f3c0a7b1e2d4c5f")
    'a.test?sid=~'
    >>> trap_key("http://a.test/events/2024/05/"), trap_key("http://a.test/events/2024-05-17")
    ('a.test/events/{date}', 'a.test/events/{date}')
    >>> [trap_key(u) for u in ("http://a.test/2024/05/city-vote", "http://a.test/news/123456789012345678",
    ...                        "http://a.test/gen/article-12.html", "http://a.test/list?page=3")]
    [None, None, None, None]
    """
    parts = urlsplit(url)
    segments = parts.path.split("/")
    for n, seg in enumerate(segments):
        if SESSION_TOKEN.match(seg):
            return f"{parts.netloc}{'/'.join(segments[:n])}/~"
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if SESSION_TOKEN.match(value):
            return f"{parts.netloc}?{name}=~"
    if match := DATE_TAIL.match(parts.path):
        return f"{parts.netloc}{match.group('prefix')}/{{date}}"
    return None
