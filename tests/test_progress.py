"""Progress of process and reclean: a tqdm bar with rate and ETA on a terminal, plain lines otherwise."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios
from pathlib import Path

from conftest import CLI, REPO, cli_env, run_cli
from test_process import ARTICLE


def saved_pages(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"p{i}.html").write_text(ARTICLE.replace("harbour", f"harbour {i}"), encoding="utf8")
    return folder


def test_a_terminal_gets_a_bar_with_rate_and_time_left(tmp_path: Path) -> None:
    src = saved_pages(tmp_path / "in", 3)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty is 0 columns wide
    proc = subprocess.Popen([*CLI, "process", str(src), "--out", str(tmp_path / "out"), "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=follower, cwd=REPO, env=cli_env())
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the command closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert proc.wait(timeout=120) == 0
    bar = shown.decode("utf8", "replace").replace("\r", "\n").splitlines()[-2:]
    final = next(line for line in bar if "3/3" in line)
    # e.g. "100%|██████████| 3/3 [00:01<00:00,  2.10 pages/s]": done, elapsed<left, rate (tqdm
    # turns the rate round below one page a second, "1.72s/ pages]", as on a loaded machine)
    assert "100%" in final and "<00:00" in final and ("pages/s]" in final or "s/ pages]" in final)


def test_without_a_terminal_progress_is_plain_lines(tmp_path: Path) -> None:
    src = saved_pages(tmp_path / "in", 3)
    r = run_cli("process", str(src), "--out", str(tmp_path / "out"), "--workers", "1")
    assert r.returncode == 0, r.stderr
    assert "\r" not in r.stderr and "\x1b" not in r.stderr
    assert [line for line in r.stderr.splitlines() if line.startswith("processed ")][-1].startswith(
        "processed 3/3 pages (")
