"""Write cleaners/data/ordinary_words.txt: common words of many languages that the brand
morphology would read as gambling brands, so that it does not.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python bench/ordinary_words.py            # rewrite the file
    .venv/bin/python bench/ordinary_words.py --check    # fail if the file differs from a fresh run

The roots of cleaners/data/morphology.toml are short ("bet", "slot", "toto", "judi"),
and ordinary words of other languages end or begin with them: Danish "selskabet" (the
company) and "betyder" (means), Dutch "betekent", Hungarian "többet" (more), Turkish
"rekabet" (competition), Indonesian "ribet" (fussy). Each read as a brand in legitimate
text ("Di pacarin ribet pasti", a legitimate comment of the realspam dev threads, went
as spam on it). This lists every word of wordfreq's frequency lists (every language but
Chinese, Japanese and Korean, whose words have no Latin roots) at ZIPF or more (about
once in a million words) that ``morphology.brand_weight`` reads as a brand, folded as the
cleaner folds them, less words with digits and the names of real bookmakers the lists
contain (KNOWN_BRANDS). ``brand_weight`` gives them 0. Deterministic for one wordfreq
version (the file records it).

Source: wordfreq (Robyn Speer and contributors; code Apache-2.0, word lists CC BY-SA
4.0), https://github.com/rspeer/wordfreq; only the selection of words is written.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

OUT = REPO / "cleaners" / "data" / "ordinary_words.txt"
ZIPF = 3.0
SKIP_LANGUAGES = ("zh", "ja", "ko")
# Bookmakers' names that wordfreq's lists hold as words (they stay brands).
KNOWN_BRANDS = frozenset({"betsson", "doxxbet", "efbet", "triobet", "unibet"})


def ordinary_words() -> tuple[str, list[tuple[str, list[str]]]]:
    """(wordfreq's version, [(folded word, the languages it is common in)]), sorted."""
    import importlib.metadata

    import wordfreq

    from cleaners.morphology import brand_weight
    from cleaners.folding import bare, fold

    found: dict[str, set[str]] = {}
    for lang in sorted(wordfreq.available_languages()):
        if lang in SKIP_LANGUAGES:
            continue
        for word, freq in wordfreq.get_frequency_dict(lang).items():
            if math.log10(freq) + 9 < ZIPF:
                continue
            folded = bare(fold(word))
            # The list is made without itself: the roots alone read the word.
            if (folded in KNOWN_BRANDS or any(c.isdigit() for c in folded)
                    or brand_weight(folded, ordinary=frozenset()) <= 0):
                continue
            found.setdefault(folded, set()).add(lang)
    return importlib.metadata.version("wordfreq"), [(w, sorted(found[w])) for w in sorted(found)]


def render(version: str, words: list[tuple[str, list[str]]]) -> str:
    head = [
        "# Common words that the brand morphology (morphology.toml roots) would read as",
        "# gambling brands: spam.brand_morphology gives them nothing. Made by",
        "# bench/ordinary_words.py (do not edit by hand): every word of wordfreq's frequency",
        f"# lists at Zipf {ZIPF:g} or more that reads as a brand, folded, less words with digits",
        "# and bookmakers' names. After each word, the languages it is common in.",
        f"# Source: wordfreq {version} (Robyn Speer and contributors; word lists CC BY-SA 4.0),",
        "# https://github.com/rspeer/wordfreq; only this selection of its words is written.",
    ]
    return "\n".join(head + [f"{w}  # {' '.join(langs)}" for w, langs in words]) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    args = ap.parse_args()
    text = render(*ordinary_words())
    if args.check:
        if OUT.read_text(encoding="utf8") != text:
            print(f"error: {OUT.relative_to(REPO)} differs from a fresh run", file=sys.stderr)
            return 1
        print("ordinary words: up to date")
        return 0
    OUT.write_text(text, encoding="utf8")
    print(f"wrote {OUT.relative_to(REPO)}: {text.count(chr(10)) - 7} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
