"""URL helpers for the crawl: drop tracking parameters, and reduce a URL to its trap-prone shape.

Plain functions with no Scrapy import; the rules are data (TRACKING_PARAMS, ID_SEGMENT).
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
