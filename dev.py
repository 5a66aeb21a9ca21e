#!/usr/bin/env python3
"""Developer entry point that needs only Python 3.11: make the virtualenv, install, run.

    python3 dev.py demo [ARGS]   crawl the bundled demo site, write output/demo/
    python3 dev.py test [ARGS]   run the test suite (pytest ARGS)
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".cleancrawl-installed"


def ensure_env() -> None:
    """Create .venv and install the project with its test extras when pyproject.toml changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"dev.py: error: cleancrawl needs Python 3.11 or newer, this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print("dev.py: creating .venv", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pyproject = ROOT / "pyproject.toml"
    if STAMP.exists() and STAMP.stat().st_mtime >= pyproject.stat().st_mtime:
        return
    print("dev.py: installing cleancrawl and its test tools into .venv", file=sys.stderr)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
    STAMP.touch()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("demo", "test"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    ensure_env()
    if argv[0] == "demo":
        cmd = [str(BIN / "cleancrawl"), "demo", *argv[1:]]
    else:
        cmd = [str(BIN / "python"), "-m", "pytest", *argv[1:]]
    return subprocess.run(cmd, cwd=ROOT).returncode


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        sys.exit(f"dev.py: error: {' '.join(map(str, exc.cmd))} failed with exit code {exc.returncode}")
    except KeyboardInterrupt:
        sys.exit(130)
