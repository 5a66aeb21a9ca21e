"""Run ``cleancrawl`` with tracemalloc on, writing a heap snapshot each time the process gets SIGUSR1.

    python bench/memory_shim.py SNAPSHOT_DIR crawl --start-url ... (cleancrawl's arguments)
    python bench/memory_shim.py --census SNAPSHOT_DIR crawl ...   # no tracemalloc: object census, full speed
    python bench/memory_shim.py --diff A B [TOP]                  # two snapshots (or two censuses) compared

bench/crawl_memory.py ``--trace DIR`` (and bench/redis_scaling.py ``--trace DIR``)
starts the crawler this way and signals it at each mark. Only the crawler process is
traced (its workers are spawned, and start untraced). ``--census`` traces nothing, so the
crawl keeps its speed: at each signal it writes the live objects the garbage collector
tracks, counted by type, the largest containers, and glibc's own accounting (mallinfo2:
memory in use by malloc and memory it holds free), which tells a Python structure that
grows from an allocator that keeps what was freed.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import signal
import sys
import tracemalloc
from collections import Counter
from pathlib import Path

FRAMES = 12
# Containers reported by size at each census mark.
LARGEST = 25


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]


def malloc_mb() -> dict[str, float]:
    """glibc's accounting (all arenas): MB in use, MB free inside its heaps, MB in direct mmaps."""
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2
    m = libc.mallinfo2()
    return {"in_use_mb": round(m.uordblks / 2**20, 2), "free_mb": round(m.fordblks / 2**20, 2),
            "heaps_mb": round(m.arena / 2**20, 2), "mmapped_mb": round(m.hblkhd / 2**20, 2)}


def census() -> dict[str, object]:
    """Live gc-tracked objects by type, the largest containers with a hint of what they hold, and malloc's figures."""
    objects = gc.get_objects()
    types = Counter(type(o).__qualname__ for o in objects)
    # Coroutines and async generators by code, tasks by coroutine and state: what awaits, or stays after it ended.
    types.update(f"{type(o).__name__} {_code(o)}" for o in objects if type(o).__name__ in ("coroutine", "async_generator"))
    types.update(f"Task {_code(o.get_coro())} {'done' if o.done() else 'pending'}" for o in objects
                 if type(o).__name__ == "Task")
    # The collector does not track a dict of strings and bytes only (a dict of request keys):
    # such containers are found one step away from the objects it tracks.
    containers = {id(o): o for o in [*objects, *gc.get_referents(*objects)]
                  if isinstance(o, (dict, list, set, frozenset, tuple, bytearray))}
    sized = sorted(((len(o), o) for o in containers.values()), key=lambda t: t[0], reverse=True)[:LARGEST]
    largest = [{"type": type(o).__name__, "len": n, "sample": _sample(o)} for n, o in sized]
    del objects, containers, sized
    arrow = sys.modules.get("pyarrow")
    return {"objects": len(gc.get_objects()), "types": dict(types.most_common(60)), "largest": largest,
            # Collections each generation has had so far: objects in reference cycles (an ended
            # asyncio task and its coroutine) wait for one of the oldest generation's.
            "gc_collections": [g["collections"] for g in gc.get_stats()],
            "malloc": malloc_mb(),
            # Blocks of Python's own small-object allocator (str and bytes too, which gc does not list)
            # and Arrow's pool: the two allocators whose pages are neither glibc's nor gc's.
            "python_blocks": sys.getallocatedblocks(),
            "arrow_mb": round(arrow.total_allocated_bytes() / 2**20, 2) if arrow is not None else None}


def _code(coroutine: object) -> str:
    code = getattr(coroutine, "cr_code", None) or getattr(coroutine, "ag_code", None)
    return code.co_qualname if code is not None else "?"


def _sample(container: object) -> str:
    first = next(iter(container.items() if isinstance(container, dict) else container), None)  # type: ignore[attr-defined]
    return repr(first)[:120]


def _diff(a: str, b: str, top: int = 30) -> None:
    if a.endswith(".json"):
        old, new = json.loads(Path(a).read_text()), json.loads(Path(b).read_text())
        print(f"objects {old['objects']} -> {new['objects']}; malloc {old['malloc']} -> {new['malloc']}; Python blocks"
              f" {old.get('python_blocks')} -> {new.get('python_blocks')}; Arrow {old.get('arrow_mb')} -> {new.get('arrow_mb')} MB")
        grew = Counter(new["types"])
        grew.subtract(old["types"])
        for name, n in grew.most_common(top):
            print(f"{n:+9d} {name} (now {new['types'].get(name, 0)})")
        for c in new["largest"][:top]:
            print(f"{c['len']:9d} {c['type']}: {c['sample']}")
        return
    old, new = tracemalloc.Snapshot.load(a), tracemalloc.Snapshot.load(b)
    for key in ("filename", "traceback"):
        stats = new.compare_to(old, key)
        print(f"--- by {key}: total {sum(s.size_diff for s in stats) / 1e6:+.2f} MB")
        for s in stats[:top]:
            print(f"{s.size_diff / 1e6:+8.3f} MB {s.count_diff:+8d} blocks  now {s.size / 1e6:8.2f} MB")
            frames = s.traceback.format()[-2 * FRAMES:] if key == "traceback" else [str(s.traceback[0])]
            print("    " + "\n    ".join(line.strip() for line in frames[-8:]))


def main() -> int:
    if sys.argv[1] == "--diff":
        _diff(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 30)
        return 0
    counting = sys.argv[1] == "--census"
    args = sys.argv[2:] if counting else sys.argv[1:]
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    taken = 0

    def dump(signum: int, frame: object) -> None:
        nonlocal taken
        taken += 1
        if counting:
            (out / f"census-{taken:03d}.json").write_text(json.dumps(census()))
        else:
            tracemalloc.take_snapshot().dump(str(out / f"snap-{taken:03d}.tracemalloc"))

    signal.signal(signal.SIGUSR1, dump)
    if not counting:
        tracemalloc.start(FRAMES)
    sys.path.insert(0, os.getcwd())  # the checkout the crawl runs from, as `python -m` would
    from crawler.cli import main as cleancrawl

    return cleancrawl(args[1:])


if __name__ == "__main__":
    sys.exit(main())
