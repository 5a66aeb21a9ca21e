"""The cleaner's public API: imports, determinism, offsets, layout, metadata, options."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import cleaners
from cleaners import CLEANER_VERSION, CleanOptions, clean_html, clean_text

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "tests" / "cases" / "seeds" / "000_8dc2b0d923a32ba4.txt"
HTML = REPO / "tests" / "cases" / "html"


def test_import_loads_neither_scrapy_nor_pyarrow_nor_trafilatura() -> None:
    code = ("import cleaners, sys; bad = [m for m in ('scrapy', 'pyarrow', 'trafilatura') if m in sys.modules]; "
            "assert not bad, bad")
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_public_names() -> None:
    assert isinstance(CLEANER_VERSION, str) and CLEANER_VERSION.count(".") == 2
    for name in ("clean_html", "clean_text", "CleanResult", "Removal", "CleanOptions", "REGISTRY"):
        assert hasattr(cleaners, name)


def test_seed_keeps_its_paragraph_layout_and_removals_point_into_it() -> None:
    seed = SEED.read_text(encoding="utf8")
    r = clean_text(seed)
    assert r.text == seed.split("Leave a Reply")[0].strip()
    assert [x.text for x in r.removed if x.kind == "boilerplate"][0] == "Leave a Reply"
    assert all(seed[x.start:x.end] == x.text for x in r.removed)
    assert r.language == "en" and r.language_score is not None and r.language_score > 0.9
    assert 0 < r.spam_score < 0.1 and not r.is_spam


def test_results_are_deterministic() -> None:
    seed = SEED.read_text(encoding="utf8")
    assert clean_text(seed) == clean_text(seed)
    page = (HTML / "hidden_zero_height_es.html").read_bytes()
    assert clean_html(page) == clean_html(page)


def test_html_metadata_and_canonical_url() -> None:
    r = clean_html((HTML / "hidden_display_none_tr.html").read_bytes(), url="https://news.example.org/x?utm=1")
    assert r.title == "Sahil parkı genişliyor"
    assert r.author == "Jane Reporter" and r.sitename == "Example News"
    assert r.published == "2024-05-14"
    assert r.canonical_url == "https://news.example.org/2024/05/story.html"
    assert r.language == "tr"
    dom = [x for x in r.removed if x.reason == "spam.hidden_block"]
    assert dom and dom[0].start == -1 and "Sahabet Giriş" in dom[0].text


def test_html_accepts_str_and_bytes_and_rejects_nothing_to_extract() -> None:
    page = (HTML / "hidden_opacity_en.html").read_text(encoding="utf8")
    assert clean_html(page).text == clean_html(page.encode("utf8")).text
    for empty in ("", b"", "not html at all"):
        r = clean_html(empty)
        assert r.text == "" and r.reject_reason == "extract.no_text"


def test_options_change_the_decision() -> None:
    seed = SEED.read_text(encoding="utf8")
    strict = clean_text(seed, options=CleanOptions(spam_threshold=1.01))
    assert "Sahabet" in strict.text and "Leave a Reply" not in strict.text
    assert clean_text(seed, options=CleanOptions(detect_language=False)).language is None


def test_plain_text_without_blank_lines_is_joined_with_newlines() -> None:
    text = "First line of the story.\nSecond line of the story.\nAll Rights Reserved 2022."
    assert clean_text(text).text == "First line of the story.\nSecond line of the story."


@pytest.mark.parametrize("name", [
    "cleaners.segment", "cleaners.folding", "cleaners.resources", "cleaners.morphology", "cleaners.score",
    "cleaners.dom", "cleaners.rules.lexicon", "cleaners.language",
])
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0


def test_wrong_input_types_raise_type_error_naming_the_expected_type() -> None:
    with pytest.raises(TypeError, match=r"^clean_html\(\) takes HTML as str or bytes, not NoneType$"):
        clean_html(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^clean_text\(\) takes text as str, not bytes: decode it first"):
        clean_text(b"First line of the story.")  # type: ignore[arg-type]
    assert clean_html(bytearray(b"")).reject_reason == "extract.no_text"
