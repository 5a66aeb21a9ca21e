"""Checks that keep the held-out split honest: it must share nothing with dev or the cleaner.

A held-out template that trips a lexicon term, or a held-out brand built on a brand
root, measures what the cleaner was written for, not how it generalises. These
functions list every such leak; tests/test_spam_corpus.py asserts the lists are empty.

    .venv/bin/python -m bench.spamcorpus.audit      # print the leaks, if any
"""

from __future__ import annotations

from . import corpus

SHARED_RUN = 4  # brands sharing a substring this long are related


def text_hits(text: str) -> dict[str, float]:
    """What the cleaner's vocabulary sees in ``text``: term groups, brand weight, glued runs."""
    from cleaners.facts import term_hits
    from cleaners.folding import bare, fold
    from cleaners.morphology import brand_total, glued_runs
    from cleaners.segment import words

    low = bare(fold(text))
    hits: dict[str, float] = dict(term_hits(low))
    brands = brand_total(low, words(low))
    if brands:
        hits["brand"] = brands
    glued = glued_runs(text)
    if glued:
        hits["glued"] = glued
    return hits


def matched_terms(text: str) -> list[str]:
    """The lexicon terms found in ``text``: what to reword."""
    from cleaners.folding import bare, fold
    from cleaners.resources import TERMS

    return TERMS.findall(bare(fold(text)))


def filled_templates(m: corpus.Market) -> list[str]:
    """Every template of a market filled with every pair of its brands (first brand twice too)."""
    pairs = [(b, m.brands[(i + 1) % len(m.brands)]) for i, b in enumerate(m.brands)]
    out = []
    for t in m.templates():
        out.extend(corpus.fill(t, b1, b2) for b1, b2 in pairs)
    return out


def template_leaks() -> list[tuple[str, str, dict]]:
    """(market, text, hits) of held-out texts that the cleaner's lexicon or morphology knows."""
    out = []
    for m in corpus.markets("heldout"):
        for text in dict.fromkeys(filled_templates(m)):
            hits = text_hits(text)
            if hits:
                out.append((m.market, text, hits))
    return out


def runs(s: str, n: int = SHARED_RUN) -> set[str]:
    """Every ``n``-character substring of a lower-cased name without spaces."""
    s = "".join(s.lower().split())
    return {s[i:i + n] for i in range(len(s) - n + 1)}


def brand_leaks() -> list[tuple[str, str]]:
    """(brand, why) of held-out brands related to a dev brand or built like the cleaner's brands."""
    from cleaners.resources import ROOTS, read_toml

    digit_affixes = read_toml("morphology.toml")["brand"]["digit_affixes"]  # resources compiles these into a regex
    dev = {b for m in corpus.markets("dev") for b in m.brands}
    dev_runs = {r: b for b in dev for r in runs(b)}
    out = []
    for b in sorted({b for m in corpus.markets("heldout") for b in m.brands}):
        low = b.lower()
        out += [(b, f"root {r}") for r in ROOTS if r in low]
        out += [(b, f"digit affix {d}") for d in digit_affixes if d in low]
        out += [(b, f"shares {r!r} with {dev_runs[r]}") for r in sorted(runs(b)) if r in dev_runs]
        hits = text_hits(b)
        if hits:
            out.append((b, f"cleaner reads {hits}"))
    return out


def main() -> int:
    leaks = template_leaks()
    for market, text, hits in leaks:
        print(f"{market}\t{hits}\t{matched_terms(text)}\t{text[:100]}")
    bl = brand_leaks()
    for b, why in bl:
        print(f"brand {b}: {why}")
    print(f"{len(leaks)} template leaks, {len(bl)} brand leaks")
    return 1 if leaks or bl else 0


if __name__ == "__main__":
    raise SystemExit(main())
