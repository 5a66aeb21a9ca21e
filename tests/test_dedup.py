"""Duplicates marked, not hidden: exact repeats in `rejected` with the URL they repeat, near ones pointed at.

Real pages: the demo site's articles, rendered in its three themes (one article, three
kinds of chrome), run through `cleancrawl process` and real crawls of the loopback demo
site under two addresses; the dataset is read back with pyarrow and DuckDB.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from conftest import CLI, cli_env, FAST, REPO, run_cli, run_json
from crawler.dedup import NEAR_THRESHOLD
from crawler.demo.chrome import Links
from crawler.demo.inject import inject
from crawler.demo.server import SiteServer
from crawler.demo.sitemodel import load_articles, load_ui
from crawler.demo.themes import render_article

# One article whose cleaned text differs a little between two themes (0.984 estimated
# Jaccard: the second copy carries one more sentence; since the headline line is no
# longer body text, the two themes alone give the same text), and another article.
NEAR = "/ru/2024/07/novyi-tramvai-vyshel-na-liniyu/"
ADDED = "<p>Материал дополнен комментарием пресс-службы городского транспорта.</p></article>"
OTHER = "/pt/2024/03/escolas-de-lisboa-instalam-paineis-solares/"


def _render(path: str, theme: str) -> str:
    """The demo article at ``path`` as the theme ``theme`` renders it."""
    (article,) = [a for a in load_articles("article") if a.path == path]
    a = dataclasses.replace(article, theme=theme, boilerplate=None)
    html = render_article(a, load_ui()[a.lang], inject(a.spam), Links(recent=[], related=[])).html
    return html.replace("{{BASE}}", "http://127.0.0.1:1")


def _rows(out: Path, table: str) -> list[dict[str, object]]:
    files = sorted(out.glob(f"{table}/*/*.parquet"))
    return [r for f in files for r in pq.read_table(f).to_pylist()]


# Run in a fresh interpreter: cleaning 111 pages grows the test process by 140 MB, which
# every later subprocess would inherit until it execs (test_faults bounds children's RSS).
MEASURE = """
import dataclasses, itertools, json
from cleaners import clean_html
from crawler.dedup import signature, similarity
from crawler.demo.chrome import Links
from crawler.demo.inject import inject
from crawler.demo.sitemodel import THEMES, load_articles, load_ui
from crawler.demo.themes import render_article

ui, sigs = load_ui(), {}
for a in load_articles("article"):
    for theme in THEMES:
        b = dataclasses.replace(a, theme=theme, boilerplate=None)
        html = render_article(b, ui[b.lang], inject(b.spam), Links(recent=[], related=[])).html
        text = clean_html(html.replace("{{BASE}}", "http://127.0.0.1:1"), url="http://127.0.0.1:1" + a.path).text
        sigs[(a.path, theme)] = signature(text)
pairs = list(itertools.combinations(sigs, 2))
print(json.dumps({"same": [similarity(sigs[x], sigs[y]) for x, y in pairs if x[0] == y[0]],
                  "different": [similarity(sigs[x], sigs[y]) for x, y in pairs if x[0] != y[0]]}))
"""


def test_the_near_threshold_parts_one_article_in_three_themes_from_different_articles() -> None:
    scores = run_json(MEASURE, timeout=120)
    same, different = scores["same"], scores["different"]
    print(f"same article, two themes: {len(same)} pairs, least {min(same):.3f}; "
          f"different articles: {len(different)} pairs, most {max(different):.3f}")
    assert len(same) == 3 * len(load_articles("article"))
    assert max(different) < NEAR_THRESHOLD <= min(same)


def test_a_signature_does_not_depend_on_the_interpreter_run() -> None:
    code = "from crawler.dedup import signature; print(signature('one two three four five six seven').hex())"
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outs) == 1 and len(outs.pop().strip()) == 2 * 4 * 128


def test_process_rejects_exact_duplicates_and_points_at_near_ones_across_runs(tmp_path: Path) -> None:
    pages, out = tmp_path / "in", tmp_path / "out"
    pages.mkdir()
    (pages / "a.html").write_text(_render(NEAR, "newsline"), "utf8")
    (pages / "b.html").write_text(_render(NEAR, "newsline"), "utf8")   # the same page under another name
    (pages / "c.html").write_text(_render(NEAR, "minimal").replace("</article>", ADDED, 1), "utf8")  # other chrome, a sentence more
    (pages / "d.html").write_text(_render(OTHER, "newsline"), "utf8")
    r = run_cli("process", str(pages), "--out", str(out), "--workers", "1")
    assert r.returncode == 0, r.stderr
    url = {name: (pages / name).resolve().as_uri() for name in ("a.html", "b.html", "c.html", "d.html", "e.html")}
    kept = {row["url"]: row["near_duplicate_of"] for row in _rows(out, "pages")}
    assert kept == {url["a.html"]: None, url["c.html"]: url["a.html"], url["d.html"]: None}
    rejected = [(row["url"], row["reject_reason"], row["duplicate_of"]) for row in _rows(out, "rejected")]
    assert rejected == [(url["b.html"], "duplicate.exact", url["a.html"])]
    assert "rejected: duplicate.exact 1" in r.stdout
    # A later run into the same dataset: a copy of a page the dataset keeps is a duplicate too.
    for name in ("a.html", "b.html", "c.html", "d.html"):
        (pages / name).unlink()
    (pages / "e.html").write_text(_render(NEAR, "newsline"), "utf8")
    r = run_cli("process", str(pages), "--out", str(out), "--workers", "1")
    assert r.returncode == 0, r.stderr
    q = f"SELECT url, duplicate_of FROM read_parquet('{out}/rejected/*/*.parquet') WHERE reject_reason = 'duplicate.exact'"
    assert sorted(duckdb.connect().execute(q).fetchall()) == [(url["b.html"], url["a.html"]),
                                                              (url["e.html"], url["a.html"])]


@pytest.fixture(scope="module")
def demo_twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, int]]:
    """`cleancrawl demo` run twice into one dataset: the dataset, the site's address, the rows after the first run."""
    out = tmp_path_factory.mktemp("dedup") / "demo"
    first = run_cli("demo", "--out", str(out))
    assert first.returncode == 0, first.stderr[-2000:]
    rows = {t: len(_rows(out, t)) for t in ("pages", "rejected", "errors")}
    second = run_cli("demo", "--out", str(out))
    assert second.returncode == 0, second.stderr[-2000:]
    assert second.stderr.splitlines()[0] == first.stderr.splitlines()[0]  # served at the same address
    return out, first.stderr.splitlines()[0].rsplit(" ", 1)[1], rows


def test_the_demo_run_twice_adds_no_rows(demo_twice: tuple[Path, str, dict[str, int]]) -> None:
    out, _, rows = demo_twice
    assert {t: len(_rows(out, t)) for t in ("pages", "rejected", "errors")} == rows
    assert rows["pages"] > 30


def test_a_second_address_of_the_site_adds_only_marked_duplicates_and_a_rerun_adds_nothing(
        demo_twice: tuple[Path, str, dict[str, int]]) -> None:
    out, site, _ = demo_twice

    def crawl(url: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*CLI, "crawl", "--start-url", url + "/", "--out", str(out), *FAST], cwd=REPO, env=cli_env(),
                              capture_output=True, text=True, timeout=120)

    kept = {row["url"].removeprefix(site) for row in _rows(out, "pages")}
    with SiteServer() as mirror:  # the same site on another port: every article again under a new URL
        second = crawl(mirror.url)
        assert second.returncode == 0, second.stderr[-2000:]
        assert "0 pages kept" in second.stdout
        duplicates = {(row["url"].removeprefix(mirror.url), row["duplicate_of"].removeprefix(site))
                      for row in _rows(out, "rejected") if row["reject_reason"] == "duplicate.exact"}
        assert duplicates == {(path, path) for path in kept}
        rows = sum(len(_rows(out, t)) for t in ("pages", "rejected", "errors"))
        third = crawl(mirror.url)
        assert third.returncode == 0, third.stderr[-2000:]
        assert sum(len(_rows(out, t)) for t in ("pages", "rejected", "errors")) == rows
