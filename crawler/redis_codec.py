"""Requests as JSON for the shared queue: ``request.to_dict()`` with its bytes in base64.

scrapy-redis pickles requests by default; unpickling what a shared server holds runs
whatever anyone who can write to that server put there. JSON cannot carry code.
"""

from __future__ import annotations

import base64
import json
from typing import Any


def encode(request_dict: dict[str, Any]) -> bytes:
    """A request's ``to_dict()`` as JSON (bytes as base64): data from Redis is never unpickled."""
    return json.dumps(_plain(request_dict), separators=(",", ":"), ensure_ascii=False).encode("utf8")


def decode(data: bytes) -> dict[str, Any]:
    """The inverse of ``encode``."""
    return _typed(json.loads(data))


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"$b": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: _plain(v) for k, v in value.items()}
        return {"$d": [[_plain(k), _plain(v)] for k, v in value.items()]}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _typed(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$b"}:
            return base64.b64decode(value["$b"])
        if set(value) == {"$d"}:
            return {_typed(k): _typed(v) for k, v in value["$d"]}
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return value
