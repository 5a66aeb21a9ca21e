"""The rule registry: codes are registered, documented, and each has a positive and a negative case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaners import REGISTRY
from cleaners.resources import DataError, TermPattern
from cleaners.options import CleanOptions
from cleaners.rules.registry import CODE, default_weight, rule, signal
from test_clean_cases import CASES, emitted, run

README = Path(__file__).resolve().parents[1] / "cleaners" / "data" / "README.md"
# Reject reasons that are not rule codes (documented in data/README.md too).
REJECT_ONLY = {"extract.no_text"}


def test_every_emitted_code_is_registered() -> None:
    for case in CASES:
        unknown = emitted(run(case)) - set(REGISTRY) - REJECT_ONLY
        assert not unknown, f"{case.label}: unregistered codes {unknown}"


def test_every_registered_code_has_a_readme_line() -> None:
    table = README.read_text(encoding="utf8").split("## Reason codes", 1)[1]
    documented = set(re.findall(r"^\| `([a-z]+\.[a-z_]+)` \|", table, re.M))
    assert set(REGISTRY) <= documented, f"undocumented: {set(REGISTRY) - documented}"
    assert documented <= set(REGISTRY), f"documented but not registered: {documented - set(REGISTRY)}"
    assert all(f"`{code}`" in table for code in REJECT_ONLY)


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_registered_code_has_a_positive_and_a_negative_case(code: str) -> None:
    # The case tests check that "codes" are emitted and "not_codes" are not.
    assert any(code in case.get("codes", []) for case in CASES), f"no positive case for {code}"
    assert any(code in case.get("not_codes", []) for case in CASES), f"no negative case for {code}"


def test_codes_are_kind_dot_snake_name_and_kinds_match_removals() -> None:
    for code, entry in REGISTRY.items():
        assert CODE.match(code) and entry.kind == code.split(".")[0]
        if entry.shape == "signal":
            assert 0 < default_weight(entry) <= 1 and entry.role in ("content", "context")


def test_every_weight_field_weighs_one_signal() -> None:
    weights = sorted(f for f in CleanOptions.__dataclass_fields__ if f.startswith("weight_"))
    assert weights == sorted(e.weight for e in REGISTRY.values() if e.shape == "signal")


def test_registering_a_bad_or_duplicate_code_fails() -> None:
    before = dict(REGISTRY)
    with pytest.raises(ValueError, match="kind.snake_name"):
        rule("Spam-Bad")(lambda block, page: False)
    with pytest.raises(ValueError, match="twice"):
        signal("spam.brand_morphology", weight="weight_brand_morphology")(lambda block, page: 0.0)
    with pytest.raises(ValueError, match="not a CleanOptions weight_"):
        signal("spam.new_signal", weight="spam_threshold")(lambda block, page: 0.0)
    assert REGISTRY == before


def test_an_empty_term_group_is_a_data_error() -> None:
    with pytest.raises(DataError, match="empty group"):
        TermPattern([], "lexicon/empty.txt")


def test_terms_match_spaced_terms_at_word_starts_and_unspaced_terms_anywhere() -> None:
    terms = TermPattern(["casino", "slot gacor", "สล็อต", "娱乐"], "t")
    assert sorted(terms.findall("เว็บสล็อต, casinos, slot gacor and 金沙娱乐城")) == sorted(["casino", "slot gacor", "娱乐", "สล็อต"])
    assert terms.findall("alphabet-casino xcasino") == ["casino"]
    assert [m.start() for m in terms.finditer("a casino")] == [2]


def test_run_order_is_the_explicit_list_not_import_order() -> None:
    from cleaners.rules import ORDER
    from cleaners.rules.registry import entries

    assert sorted(ORDER) == sorted(REGISTRY)
    for shape, scope in {(e.shape, e.scope) for e in REGISTRY.values()}:
        got = [e.code for e in entries(shape, scope)]
        assert got == [c for c in ORDER if REGISTRY[c].shape == shape and REGISTRY[c].scope == scope]


def test_an_order_that_misses_or_invents_a_code_fails() -> None:
    from cleaners.rules import ORDER
    from cleaners.rules.registry import set_order

    before = list(ORDER)
    with pytest.raises(ValueError, match="not listed"):
        set_order(tuple(ORDER[1:]))
    with pytest.raises(ValueError, match="not registered"):
        set_order((*ORDER, "spam.nonexistent"))
    assert list(ORDER) == before


def test_registering_in_another_order_changes_nothing() -> None:
    # Importing a rule module runs cleaners/rules/__init__.py first, so import order cannot
    # be varied from outside: a fresh interpreter re-registers every entry in reverse
    # order instead, and the run order of each stage must not move.
    import subprocess
    import sys

    code = ("from cleaners.rules import REGISTRY, entries; items = list(REGISTRY.items()); REGISTRY.clear(); "
            "REGISTRY.update(reversed(items)); stages = sorted({(e.shape, e.scope) for e in REGISTRY.values()}); "
            "print(';'.join(','.join(e.code for e in entries(*s)) for s in stages))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.strip()
    from cleaners.rules import ORDER
    from cleaners.rules.registry import entries

    stages = sorted({(e.shape, e.scope) for e in REGISTRY.values()})
    assert out == ";".join(",".join(e.code for e in entries(*s)) for s in stages)
    assert sorted(out.replace(";", ",").split(",")) == sorted(ORDER)
