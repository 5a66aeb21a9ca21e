"""Shared fixtures: the loopback site server, the seed, and a way to run the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest


REPO = Path(__file__).resolve().parents[1]
# The real scrape from ../shared/seeds, copied so the suite runs without shared/ beside it.
SEED = REPO / "tests" / "cases" / "seeds" / "000_8dc2b0d923a32ba4.txt"
CLI = [sys.executable, "-m", "crawler.cli"]
# Loopback needs no politeness; the progress log would only add noise.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
        "-s", "LOG_LEVEL=WARNING"]


@pytest.fixture(scope="session")
def demo_site() -> Iterator[object]:
    """The bundled demo site, served on 127.0.0.1 at a free port for the whole session."""
    from crawler.demo.server import SiteServer

    with SiteServer() as server:
        yield server


def cli_env() -> dict[str, str]:
    """The environment `cleancrawl` runs in under the tests: this checkout first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    env.pop("CLEANCRAWL_DEBUG", None)
    return env


def run_cli(*args: str, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `cleancrawl ARGS` in a subprocess, as a user would."""
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=timeout, cwd=REPO,
                          env=cli_env())


def run_json(code: str, timeout: float = 300) -> object:
    """Run Python ``code`` in a fresh interpreter at the repository's root (nothing this
    test process has loaded or cached can help it) and return what it printed as JSON."""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=timeout)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


# Runs a command and writes its peak RSS (KB) to the file named first. A fresh small
# interpreter starts the command: a child forked from the test process would carry the
# test process's own RSS up to its exec, and Linux counts that in the child's peak.
_MEASURE = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_cli_peak(*args: str, timeout: float = 300) -> tuple[subprocess.CompletedProcess[str], int]:
    """``run_cli``, and the peak RSS in KB of that run alone (the command or any process it
    waited for, such as its workers): ``os.wait4`` reads the one child, where
    ``RUSAGE_CHILDREN`` would also count every earlier test's children."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err, \
            tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        cmd = [sys.executable, "-c", _MEASURE, peak.name, *CLI, *args]
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, cwd=REPO, env=cli_env(),
                                start_new_session=True)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
        out.seek(0)
        err.seek(0)
        peak.seek(0)
        return (subprocess.CompletedProcess([*CLI, *args], proc.returncode, out.read(), err.read()),
                int(peak.read() or 0))
