"""SharedFrontier: one crawl's queue, seen set, workers and parked requests in Redis.

Every ``cleancrawl crawl --redis URL`` process is a *worker* of the crawl whose keys
start with ``CLEANCRAWL_REDIS_PREFIX``:

    P:crawl_id        the crawl id every worker writes under (set by the first one)
    P:requests        sorted set of queued requests (scrapy-redis PriorityQueue layout)
    P:seen            set of request keys (journal.request_key) ever queued
    P:start_urls      list of start entries pushed from outside ("URL" or {"url": ..., "kind": ...})
    P:workers         set of worker ids
    P:alive:W         "busy" or "idle", expiring CLEANCRAWL_REDIS_WORKER_TIMEOUT after W's last beat
    P:parked:W        requests W popped and has not finished, with their queue scores

Each step that must not be cut in half by a kill is one Lua script, so Redis runs it
whole: a request enters ``seen`` and ``requests`` together (a kill between the two
lost the request in stock scrapy-redis); a pop moves it to W's parked set; a request
that leads to another (redirect, retry) leaves the parked set as its successor is
queued. A request leaves the parked set once its rows are in a committed Parquet file
(or it made none). When W's ``alive`` key expires, another worker puts W's parked
requests back in the queue, minus those whose rows W's committed files already hold,
so a SIGKILL loses nothing and repeats nothing.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path
from typing import Any, Iterable

from .errors import ConfigError
from .journal import request_key
from .redis_codec import decode

# Queue a request unless seen (ARGV[3] = "1" for dont_filter); in the same step, take the
# request it came from (ARGV[4], a parked member, or "") off the parked set. 1 if queued.
PUSH = """
if ARGV[3] ~= '1' and redis.call('SADD', KEYS[2], ARGV[1]) == 0 then
  if ARGV[4] ~= '' then redis.call('ZREM', KEYS[3], ARGV[4]) end
  return 0
end
if ARGV[3] == '1' then redis.call('SADD', KEYS[2], ARGV[1]) end
redis.call('ZADD', KEYS[1], ARGV[5], ARGV[2])
if ARGV[4] ~= '' then redis.call('ZREM', KEYS[3], ARGV[4]) end
return 1
"""
# Pop the best request into the worker's parked set and mark the worker busy.
POP = """
local r = redis.call('ZPOPMIN', KEYS[1])
if #r == 0 then return false end
redis.call('ZADD', KEYS[2], r[2], r[1])
redis.call('SET', KEYS[3], 'busy', 'PX', ARGV[1])
return r[1]
"""
# Put a dead worker's parked requests back, except ARGV[2..] (done); forget the worker.
# -1 when the worker beat again meanwhile (it is alive: leave it alone).
RECOVER = """
if redis.call('EXISTS', KEYS[4]) == 1 then return -1 end
for i = 2, #ARGV do redis.call('ZREM', KEYS[1], ARGV[i]) end
local items = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #items, 2 do redis.call('ZADD', KEYS[2], items[i + 1], items[i]) end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[1])
return #items / 2
"""
# 1 when nothing is queued or waiting to start and every registered worker is alive and idle.
FINISHED = """
if redis.call('ZCARD', KEYS[1]) > 0 or redis.call('LLEN', KEYS[2]) > 0 then return 0 end
for _, w in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  if redis.call('GET', ARGV[1] .. ':alive:' .. w) ~= 'idle' then return 0 end
end
return 1
"""
TABLES = ("pages", "rejected", "errors")
# Timeouts without a turn of the reactor after which the heartbeat thread stops: the worker hangs.
HUNG = 5


def connect(url: str) -> Any:
    """A Redis client for ``url``, checked with a PING; ConfigError naming the URL when it cannot be reached."""
    import redis

    try:
        server = redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10, retry_on_timeout=True)
        server.ping()
    except ValueError as exc:
        raise ConfigError(f"invalid Redis URL {url!r}: {exc}") from None
    except redis.RedisError as exc:
        raise ConfigError(f"cannot reach Redis at {url}: {exc}") from None
    return server


def shared_crawl_id(url: str, prefix: str, proposed: str) -> str:
    """The crawl id of the crawl at ``prefix``: ``proposed`` if this worker is the first, else the first's."""
    server = connect(url)
    server.set(f"{prefix}:crawl_id", proposed, nx=True)
    return server.get(f"{prefix}:crawl_id").decode()


def new_worker_id() -> str:
    """This process's worker id: host name and pid, in the letters a file name takes.

    >>> bool(re.fullmatch(r"[A-Za-z0-9]+-[0-9]+", new_worker_id()))
    True
    """
    host = re.sub(r"[^A-Za-z0-9]", "", socket.gethostname().split(".")[0]) or "host"
    return f"{host[:24]}-{os.getpid()}"


def committed_urls(out: str | Path, crawl_id: str, worker: str) -> set[str]:
    """URLs of the rows in ``worker``'s committed files of ``crawl_id`` (pages, rejected, errors)."""
    import pyarrow.parquet as pq

    urls: set[str] = set()
    for table in TABLES:
        for path in Path(out).glob(f"{table}/*/{crawl_id}-{worker}-*.parquet"):
            urls.update(pq.read_table(path, columns=["url"]).column("url").to_pylist())
    return urls


class SharedFrontier:
    """One worker's handle on the crawl's keys: push, pop and park, settle, beat, recover, finish."""

    def __init__(self, server: Any, prefix: str, worker: str, timeout: float) -> None:
        self.server, self.prefix, self.worker = server, prefix, worker
        self.timeout_ms = int(timeout * 1000)
        self.queue_key, self.seen_key = f"{prefix}:requests", f"{prefix}:seen"
        self.start_key, self.workers_key = f"{prefix}:start_urls", f"{prefix}:workers"
        self.parked_key, self.alive_key = self.parked(worker), f"{prefix}:alive:{worker}"
        self._push, self._pop = server.register_script(PUSH), server.register_script(POP)
        self._recover, self._finished = server.register_script(RECOVER), server.register_script(FINISHED)
        # Members this worker popped, by request key; and those whose rows wait for a commit.
        self.popped: dict[bytes, bytes] = {}
        self.written: list[bytes] = []
        self.last_tick = time.monotonic()
        self._stop = threading.Event()
        self._beating: threading.Thread | None = None

    @classmethod
    def from_settings(cls, settings: Any, worker: str) -> "SharedFrontier":
        return cls(connect(settings.get("CLEANCRAWL_REDIS_URL")), settings.get("CLEANCRAWL_REDIS_PREFIX"), worker,
                   settings.getfloat("CLEANCRAWL_REDIS_WORKER_TIMEOUT"))

    def parked(self, worker: str) -> str:
        return f"{self.prefix}:parked:{worker}"

    def register(self) -> None:
        """Join the crawl as busy (a worker just started may be about to queue its sources), and keep
        the heartbeat going from a thread of its own, so a reactor busy for a few seconds (imports,
        a large page) is not taken for a dead worker. The thread stops beating once the reactor has
        not ticked for ``HUNG`` timeouts: a hung worker's requests go to the others too."""
        self.server.sadd(self.workers_key, self.worker)
        self.beat("busy")
        self.ticked()
        self._beating = threading.Thread(target=self._keep_alive, name="cleancrawl-heartbeat", daemon=True)
        self._beating.start()

    def ticked(self) -> None:
        """Note that the reactor is turning (the scheduler's timer calls this)."""
        self.last_tick = time.monotonic()

    def _keep_alive(self) -> None:
        import redis

        interval = self.timeout_ms / 5000
        while not self._stop.wait(interval):
            if time.monotonic() - self.last_tick < HUNG * self.timeout_ms / 1000:
                try:
                    self.server.pexpire(self.alive_key, self.timeout_ms)  # keeps the busy/idle value
                except redis.RedisError:  # the reactor's own calls report a lost server
                    pass

    def beat(self, state: str) -> bool:
        """Say this worker is alive and ``state``; False when it was taken for dead and its requests handed out."""
        pipe = self.server.pipeline()
        pipe.set(self.alive_key, state, px=self.timeout_ms)
        pipe.sismember(self.workers_key, self.worker)
        return bool(pipe.execute()[1])

    def push(self, url: str, data: bytes, priority: int, dont_filter: bool, origin: bytes | None) -> bool:
        """Queue a request unless seen; release ``origin`` (the popped request it continues) in the same step."""
        member = self.popped.pop(origin, b"") if origin else b""
        return bool(self._push(keys=[self.queue_key, self.seen_key, self.parked_key],
                               args=[request_key(url), data, "1" if dont_filter else "0", member, -priority]))

    def pop(self) -> bytes | None:
        """The best queued request, now parked under this worker; None when the queue is empty."""
        data = self._pop(keys=[self.queue_key, self.parked_key, self.alive_key], args=[self.timeout_ms])
        return data or None

    def track(self, key: bytes, data: bytes) -> None:
        self.popped[key] = data

    def settle(self, keys: Iterable[bytes]) -> None:
        """Release popped requests that are done (what they led to is queued, they made no row)."""
        members = [self.popped.pop(k) for k in keys if k in self.popped]
        if members:
            self.server.zrem(self.parked_key, *members)

    def wrote(self, url: str) -> None:
        """Note that ``url``'s row is written; it is released by ``committed``."""
        self.written.append(request_key(url))

    def committed(self) -> None:
        """Release the requests whose rows are now in committed files."""
        written, self.written = self.written, []
        self.settle(written)

    def queued(self) -> int:
        return int(self.server.zcard(self.queue_key)) + int(self.server.llen(self.start_key))

    def progress(self) -> str:
        """One line on the whole crawl: requests queued and met, workers and how many are busy."""
        workers = [w.decode() for w in self.server.smembers(self.workers_key)]
        states = self.server.mget([f"{self.prefix}:alive:{w}" for w in workers]) if workers else []
        busy = sum(1 for st in states if st == b"busy")
        return (f"{self.server.zcard(self.queue_key)} requests queued, {self.server.scard(self.seen_key)} met,"
                f" {len(workers)} workers ({busy} busy)")

    def take_start(self) -> bytes | None:
        return self.server.lpop(self.start_key)

    def finished(self) -> bool:
        return bool(self._finished(keys=[self.queue_key, self.start_key, self.workers_key], args=[self.prefix]))

    def dead_workers(self) -> list[str]:
        """Registered workers whose heartbeat expired."""
        workers = sorted(w.decode() for w in self.server.smembers(self.workers_key))
        pipe = self.server.pipeline()
        for w in workers:
            pipe.exists(f"{self.prefix}:alive:{w}")
        return [w for w, alive in zip(workers, pipe.execute()) if not alive and w != self.worker]

    def recover(self, worker: str, out: str, crawl_id: str) -> int:
        """Queue a dead worker's parked requests again, except those its committed files hold rows for."""
        members = self.server.zrange(self.parked(worker), 0, -1)
        done = committed_urls(out, crawl_id, worker) if members else set()
        finished = [m for m in members if decode(m).get("url") in done]
        n = self._recover(keys=[self.parked(worker), self.queue_key, self.workers_key, f"{self.prefix}:alive:{worker}"],
                          args=[worker, *finished])
        return int(n)

    def leave(self, finished: bool, out: str, crawl_id: str) -> None:
        """Deregister; the requests still parked go back to the queue unless the crawl is finished
        (less those whose rows this worker's committed files hold: a write that failed after
        some files were committed leaves such requests parked).

        The last worker to leave a finished crawl deletes its keys, so the next crawl
        under the prefix starts afresh; a stopped crawl keeps them for its workers to resume.
        """
        self._stop.set()
        pipe = self.server.pipeline()
        if not finished:
            parked = self.server.zrange(self.parked_key, 0, -1, withscores=True)
            done = committed_urls(out, crawl_id, self.worker) if parked else set()
            for member, score in parked:
                if decode(member).get("url") not in done:
                    pipe.zadd(self.queue_key, {member: score})
        pipe.delete(self.parked_key, self.alive_key)
        pipe.srem(self.workers_key, self.worker)
        pipe.execute()
        self.popped.clear()
        if finished and not self.server.scard(self.workers_key) and not self.queued():
            self.server.delete(self.queue_key, self.seen_key, self.start_key, f"{self.prefix}:crawl_id")
