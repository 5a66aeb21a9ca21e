"""Shared fixtures: the loopback site server, the seed, and a way to run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
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


def run_cli_peak(*args: str, timeout: float = 300) -> tuple[subprocess.CompletedProcess[str], int]:
    """``run_cli``, and the peak RSS in KB of that run alone (the command or any process it
    waited for, such as its workers): ``os.wait4`` reads the one child, where
    ``RUSAGE_CHILDREN`` would also count every earlier test's children."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([*CLI, *args], stdout=out, stderr=err, text=True, cwd=REPO, env=cli_env())
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise subprocess.TimeoutExpired(proc.args, timeout)
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(proc.args, proc.returncode, out.read(), err.read()), usage.ru_maxrss
