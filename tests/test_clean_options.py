"""CleanOptions: every number a rule reads is one documented field, and from_mapping checks names and values."""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from cleaners import CleanOptions, clean_text
from conftest import REPO, SEED

CLEANERS = REPO / "cleaners"
# Numbers that stay module constants, and why (each also says so where it is defined):
# resource caps, the n-gram model's feature definition (fixed at training), the brand
# shape shared with the spam corpus audit, how the stopword lists are read, and how an
# undeclared page's encoding is detected (decoding, not cleaning: the crawl's spider and
# every offline path must read the same text whatever the cleaner's options).
KEPT = {
    "charset.py": {"UTF8_MARGIN"},
    "choice.py": {"SHINGLE"},  # 4-word shingles: the unit the benchmarks score in (bench/scoring.py)
    "dom.py": {"MAX_SELECTORS", "MAX_STYLE_CHARS"},
    "ngrams.py": {"GRAMS", "MAX_WORD", "CACHE_WORDS"},
    "morphology.py": {"MIN_SUFFIX_REST", "MIN_PREFIX_REST"},
    "resources.py": {"CORE_STOPWORDS"},
    "language.py": {"_COUNT_BITS"},  # bits of a langdetect row's span that hold its count: a layout, not a threshold
}


def _numeric(node: ast.expr) -> bool:
    """A number literal, or an expression or tuple made only of them ("-1", "64 << 20", "(2, 3, 4)")."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return _numeric(node.operand)
    if isinstance(node, ast.BinOp):
        return _numeric(node.left) and _numeric(node.right)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return bool(node.elts) and all(_numeric(e) for e in node.elts)
    return False


def numeric_constants(path: Path) -> set[str]:
    """Names a module assigns a number to at its top level."""
    found = set()
    for stmt in ast.parse(path.read_text(encoding="utf8")).body:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
        if getattr(stmt, "value", None) is not None and _numeric(stmt.value):
            found |= {t.id for t in targets if isinstance(t, ast.Name)}
    return found


def test_every_field_has_a_comment_line_above_it() -> None:
    source = (CLEANERS / "options.py").read_text(encoding="utf8")
    lines = source.splitlines()
    cls = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == "CleanOptions")
    names = [n.target.id for n in cls.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)]
    assert names == [f.name for f in fields(CleanOptions)]
    for node in cls.body:
        if isinstance(node, ast.AnnAssign):
            above = lines[node.lineno - 2].strip()
            assert above.startswith("#") and not above.startswith("# ----"), f"{node.target.id}: no comment above it"


def test_no_rule_module_defines_a_numeric_constant() -> None:
    rules = sorted((CLEANERS / "rules").glob("*.py"))
    assert len(rules) > 5
    for path in rules:
        assert not numeric_constants(path), f"{path.name}: {numeric_constants(path)} belong in CleanOptions"


def test_cleaner_modules_keep_only_the_listed_numeric_constants() -> None:
    for path in sorted(CLEANERS.glob("*.py")):
        assert numeric_constants(path) == KEPT.get(path.name, set()), path.name


def test_from_mapping_parses_strings_and_keeps_types() -> None:
    o = CleanOptions.from_mapping({"spam_threshold": "1.01", "language_sample": "300", "detect_language": "false",
                                   "weight_learned": 1, "fast_extraction": "0"})
    assert (o.spam_threshold, o.language_sample, o.detect_language, o.weight_learned, o.fast_extraction) == (
        1.01, 300, False, 1.0, False)
    assert isinstance(o.weight_learned, float)
    assert o.probe_threshold == CleanOptions().probe_threshold
    assert CleanOptions.from_mapping({}) == CleanOptions()
    base = CleanOptions(probe_threshold=0.2)
    assert CleanOptions.from_mapping({"guard_share": 0.6}, base) == CleanOptions(probe_threshold=0.2, guard_share=0.6)


@pytest.mark.parametrize(("values", "message"), [
    ({"nope": 1}, "unknown cleaner option 'nope'"),
    ({"spam_treshold": 0.6}, "unknown cleaner option 'spam_treshold' (did you mean 'spam_threshold'?)"),
    ({"spam_threshold": "high"}, "cleaner option spam_threshold must be a number, not 'high'"),
    ({"spam_threshold": "nan"}, "cleaner option spam_threshold must be a number, not 'nan'"),
    ({"spam_threshold": True}, "cleaner option spam_threshold must be a number, not True"),
    ({"language_sample": "1.5"}, "cleaner option language_sample must be a whole number, not '1.5'"),
    ({"language_sample": 2.0}, "cleaner option language_sample must be a whole number, not 2.0"),
    ({"detect_language": "yes"}, "cleaner option detect_language must be true or false (or 1 or 0), not 'yes'"),
    ({"detect_language": 1}, "cleaner option detect_language must be true or false (or 1 or 0), not 1"),
])
def test_from_mapping_rejects_unknown_names_and_bad_values(values: dict, message: str) -> None:
    with pytest.raises(ValueError) as info:
        CleanOptions.from_mapping(values)
    assert str(info.value) == message


def test_the_rules_read_the_options_they_are_given() -> None:
    seed = SEED.read_text(encoding="utf8")
    assert "Sahabet" not in clean_text(seed).text
    weightless = CleanOptions.from_mapping({f.name: 0 for f in fields(CleanOptions) if f.name.startswith("weight_")})
    kept = clean_text(seed, options=weightless)
    assert "Sahabet" in kept.text and not [r for r in kept.removed if r.kind == "spam"]
    assert "Leave a Reply" not in kept.text  # boilerplate rules carry no weight
