"""Render the synthetic `/gen/` section: deterministic listing and article pages made on the fly.

Used for scale and memory tests (`SiteServer(generated_pages=N)`): nothing is stored,
page ``i`` is the same bytes on every call because its text is seeded from ``i``.
"""

from __future__ import annotations

import html
import random

PER_LIST = 50
# Every fifth generated article carries a footer link run, like the bundled site.
SPAM_EVERY = 5

_SUBJECTS = (
    "The city council", "A regional water board", "The transport authority", "Local researchers",
    "The harbour commission", "A group of residents", "The school district", "Market traders",
    "The weather service", "Hospital managers", "A volunteer fire brigade", "The county library",
)
_VERBS = (
    "approved", "postponed", "published", "questioned", "reviewed", "funded", "announced",
    "rejected", "measured", "expanded", "debated", "reported on",
)
_OBJECTS = (
    "a plan to repave the old market square", "new figures on river levels", "the budget for winter gritting",
    "a pilot scheme for night buses", "a survey of nesting birds along the coast", "the cost of repairing two bridges",
    "longer opening hours for public pools", "a study of air quality near schools", "the timetable for the tram extension",
    "a proposal to plant four thousand trees", "rules for short-term rentals", "a report on emergency response times",
)
_DETAILS = (
    "Officials said the work would begin in the spring if the weather allowed it.",
    "Several speakers asked for the figures to be published before the next meeting.",
    "The estimate was revised twice during the afternoon session.",
    "Opposition members said the consultation had been too short.",
    "A spokesperson declined to give a date for the final decision.",
    "Residents who attended the meeting were broadly supportive.",
    "The previous plan had been shelved after costs rose sharply.",
    "Engineers will present a detailed survey in the coming weeks.",
    "Funding is expected to come partly from a national grant.",
    "Critics argued that smaller neighbourhoods had been overlooked again.",
    "The measure passed by a narrow margin after a long debate.",
    "Local businesses have been invited to comment by the end of the month.",
)
_SPAM_ANCHORS = (
    "Casibom Giriş", "slot gacor", "situs togel", "bahis siteleri", "deneme bonusu", "canlı casino",
    "judi bola", "nhà cái uy tín", "twitch viewer bot", "instagram takipçi satın al", "Sahabet Giriş",
)


def list_count(pages: int) -> int:
    """Return how many listing pages hold ``pages`` generated articles.

    >>> list_count(0), list_count(50), list_count(51)
    (1, 1, 2)
    """
    return max(1, -(-pages // PER_LIST))


def _page(title: str, body: str, og_type: str, path: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)} – Generated Gazette</title>\n"
        f'<meta property="og:type" content="{og_type}">\n'
        f'<meta property="og:title" content="{html.escape(title)}">\n'
        '<meta property="og:site_name" content="Generated Gazette">\n'
        f'<link rel="canonical" href="{path}">\n</head>\n<body>\n'
        '<header class="site-header"><a href="/gen/list-0.html">Generated Gazette</a>\n'
        '<nav><a href="/gen/list-0.html">Latest</a> <a href="/">Home</a></nav></header>\n'
        f"{body}\n"
        '<footer class="site-footer"><p>© 2024 Generated Gazette. All Rights Reserved.</p></footer>\n'
        "</body>\n</html>\n"
    )


def home_page() -> str:
    """Return the root page of a server with only generated pages."""
    return _page("Generated Gazette", '<main><p><a href="/gen/list-0.html">All generated articles</a></p></main>',
                 "website", "/")


def listing_page(k: int, pages: int) -> str | None:
    """Return listing page ``k`` (50 article links and a "next" link), or None past the end."""
    if not 0 <= k < list_count(pages):
        return None
    first = k * PER_LIST
    items = "\n".join(
        f'<li><a href="/gen/article-{i}.html">{html.escape(_title(i))}</a></li>'
        for i in range(first, min(first + PER_LIST, pages))
    )
    nav = f'<a class="next" href="/gen/list-{k + 1}.html">Next page</a>' if k + 1 < list_count(pages) else ""
    body = f'<main class="archive">\n<h1>Archive, page {k + 1}</h1>\n<ul>\n{items}\n</ul>\n{nav}\n</main>'
    return _page(f"Archive, page {k + 1}", body, "website", f"/gen/list-{k}.html")


def _title(i: int) -> str:
    rng = random.Random(i * 7919)
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} (report {i})"


def _paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(5, 7)):
        if rng.random() < 0.5:
            sentences.append(f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}.")
        else:
            sentences.append(rng.choice(_DETAILS))
    return " ".join(sentences)


def article_page(i: int, pages: int) -> str | None:
    """Return generated article ``i`` (about 3-6 KB), or None when ``i`` is out of range."""
    if not 0 <= i < pages:
        return None
    rng = random.Random(i)
    title = _title(i)
    paragraphs = "\n".join(f"<p>{html.escape(_paragraph(rng))}</p>" for _ in range(rng.randint(6, 9)))
    day = 1 + i % 28
    body = (
        f'<main>\n<article class="post">\n<h1>{html.escape(title)}</h1>\n'
        f'<p class="byline">By Staff Writer · <time datetime="2024-03-{day:02d}">March {day}, 2024</time></p>\n'
        f'<div class="entry-content">\n{paragraphs}\n</div>\n</article>\n'
        f'<p><a href="/gen/list-{i // PER_LIST}.html">Back to the archive</a></p>\n</main>'
    )
    if i % SPAM_EVERY == 0:
        anchors = rng.sample(_SPAM_ANCHORS, 6)
        links = " ".join(
            f'<a href="http://127.0.0.{2 + (i + n) % 249}:9/go/{n}">{html.escape(a)}</a>' for n, a in enumerate(anchors)
        )
        body += f'\n<div class="footer-widgets">{links}</div>'
    return _page(title, body, "article", f"/gen/article-{i}.html")
