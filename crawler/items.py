"""Items the spider yields: a fetched page, or a URL that failed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class PageItem:
    """One fetched response, handed whole to the processing pipeline."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime
    page_type: str = "article"


@dataclass(slots=True)
class FailureItem:
    """A request that produced no page: recorded as an ``errors`` row."""

    url: str
    error: str
    detail: str
    status: int | None = None
    time: datetime = field(default_factory=datetime.now)
