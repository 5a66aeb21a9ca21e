"""Run every cleaner case in tests/cases/*.json through clean_text or clean_html.

A case has a ``label``, one input (``input`` text, ``file`` relative to tests/cases,
or ``seed`` naming a file in tests/cases/seeds, copied from ../shared/seeds) and expectations: ``must_keep`` and
``must_remove`` substrings (absent from the text and recorded in a removal),
``must_absent`` substrings (absent, whoever dropped them: Trafilatura drops comment
sections and footers itself), ``codes`` that must be emitted (as a removal's reason or
one of its signals) and ``not_codes`` that must not, and optionally ``whole``,
``no_spam``, ``is_spam``, ``reject_reason``, ``language``, ``keep_lines_before`` and
``expect`` ("fail" for a known failure).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cleaners import CleanResult, clean_html, clean_text

CASES_DIR = Path(__file__).resolve().parent / "cases"
SEEDS = Path(__file__).resolve().parent / "cases" / "seeds"


@dataclass(frozen=True)
class Case:
    label: str
    source: str
    is_html: bool
    data: dict[str, Any] = field(repr=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


def load_cases() -> list[Case]:
    """Every case of every tests/cases/*.json file, in file order."""
    out = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf8")):
            if "seed" in item:
                source, is_html = (SEEDS / item["seed"]).read_text(encoding="utf8"), False
            elif "file" in item:
                f = CASES_DIR / item["file"]
                source, is_html = f.read_text(encoding="utf8"), f.suffix == ".html"
            else:
                source, is_html = item["input"], bool(item.get("html"))
            out.append(Case(f"{path.stem}: {item['label']}", source, is_html, item))
    return out


def emitted(result: CleanResult) -> set[str]:
    """Every code a result emits: its reject reason, removal reasons and their signals."""
    codes = {r.reason for r in result.removed} | {name for r in result.removed for name, _ in r.signals}
    return codes | ({result.reject_reason} if result.reject_reason else set())


def run(case: Case) -> CleanResult:
    if case.is_html:
        return clean_html(case.source.encode("utf8"), url=case.get("url"))
    return clean_text(case.source, url=case.get("url"))


def fold(text: str) -> str:
    return " ".join(text.split())


def check(case: Case, r: CleanResult) -> None:
    for kept in case.get("must_keep", []):
        assert kept in r.text, f"lost: {kept!r}"
    removed_text = fold(" ".join(x.text for x in r.removed if x.kind != "guard"))
    for gone in case.get("must_remove", []):
        assert gone not in r.text, f"left in: {gone!r}"
        assert fold(gone) in removed_text, f"not recorded as removed: {gone!r}"
    for gone in case.get("must_absent", []):
        assert gone not in r.text, f"left in: {gone!r}"
    codes = emitted(r)
    assert set(case.get("codes", [])) <= codes, f"missing codes {set(case.get('codes', [])) - codes}"
    assert not set(case.get("not_codes", [])) & codes, f"unexpected codes {set(case.get('not_codes', [])) & codes}"
    if case.get("whole"):
        assert r.text == case.source and all(x.kind == "guard" for x in r.removed)
    if case.get("no_spam"):
        assert not [x for x in r.removed if x.kind == "spam"]
    assert r.is_spam == case.get("is_spam", False)
    assert r.reject_reason == case.get("reject_reason", "spam.page" if r.is_spam else "")
    if case.get("language"):
        assert r.language == case.get("language")
    if marker := case.get("keep_lines_before"):
        article = [line for line in case.source.split(marker)[0].splitlines() if line.strip()]
        assert [line for line in r.text.splitlines() if line.strip()] == article


CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_case(case: Case) -> None:
    r = run(case)
    if case.get("expect") == "fail":
        with pytest.raises(AssertionError):
            check(case, r)
        return
    check(case, r)


TEXT_CASES = [c for c in CASES if not c.is_html]


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c.label for c in TEXT_CASES])
def test_text_removals_point_at_their_text(case: Case) -> None:
    r = run(case)
    for x in r.removed:
        assert 0 <= x.start < x.end <= len(case.source)
        assert case.source[x.start:x.end] == x.text
        assert 0.0 <= x.score <= 1.0
    assert 0.0 <= r.spam_score <= 1.0
