"""Web addresses in text: their hosts, and whether they point where self-promotion points."""

from __future__ import annotations

import re

from .resources import PROMO_HOSTS

# A web address's host (folded text): after a scheme or "www.", or a dotted name followed
# by a path ("gofundme.com/abc"; a bare "Amazon.com" in prose is a name, not a link).
HOST = re.compile(r"(?:[a-z][a-z0-9+.-]*://|(?<![\w.])(?=www\.))([^\s/?#:\"'<>()]+)|(?<![\w.@/])((?:[a-z0-9-]+\.)+[a-z]{2,})(?=/\S)")
# A referral or affiliate parameter: the address pays whoever posted it ("ref=" only with
# a digit in its value: "?ref=4604617" is a referrer's id, "?ref=main" a branch).
REFERRAL = re.compile(r"[?&](?:referral|refid|ref_id|aff|affid|aff_id|affiliate|affiliateid|affiliate_id)=|[?&]ref=[\w-]*\d")


def promo_links(low: str) -> int:
    """Count the web addresses of folded text that point where self-promotion points: a
    host of ``PROMO_HOSTS`` (or a subdomain of one), or an address with a referral
    parameter.

    >>> promo_links("sub me! https://m.facebook.com/me and gofundme.com/x, www.bbc.co.uk")
    2
    >>> promo_links("see https://example.org/join?aff=77 or facebook.com, pic.twitter.com/3BDnrv")
    1
    """
    if "/" not in low and "www." not in low:
        return 0
    n = len(REFERRAL.findall(low))
    for m in HOST.finditer(low):
        n += listed(m.group(1) or m.group(2)) is True
    return n


def listed(name: str) -> bool | None:
    """True for a host of ``PROMO_HOSTS`` or under one, False for one listed as not (a
    "-" line), None for any other host; the most specific listed name decides.

    >>> listed("m.facebook.com"), listed("pic.twitter.com"), listed("example.org")
    (True, False, None)
    """
    labels = name.strip(".").split(".")
    found = (PROMO_HOSTS.get(".".join(labels[i:])) for i in range(len(labels) - 1))
    return next((promo for promo in found if promo is not None), None)


def host(link: str) -> str:
    """The host of a web address as ``segment.LINK`` finds it (lower case).

    >>> host("(https://www.twitch.tv/someone?ref=1")
    'www.twitch.tv'
    """
    m = HOST.search(link.lower())
    return (m.group(1) or m.group(2) or "") if m else ""
