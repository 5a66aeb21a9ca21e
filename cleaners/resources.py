"""Load the cleaner's data files once: read, validate and compile them at import.

Everything the rules match against lives in ``cleaners/data/`` (see its README.md).
A missing file, an empty group or a pattern that does not compile raises
``DataError`` at import, so a broken data file fails the first test, not a crawl.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from .folding import bare

DATA = resources.files("cleaners") / "data"
CODE = re.compile(r"^[a-z]+\.[a-z_]+$")
# Terms starting with one of these scripts are matched at a word start; the others
# (Thai, CJK, Hangul, Kana) are written without spaces and are matched anywhere.
SPACED = re.compile(r"^[\w'&-]", re.ASCII)
SPACED_NON_ASCII = re.compile(r"^[\u00C0-\u024F\u1E00-\u1EFF\u0370-\u03FF\u0400-\u04FF]")


class DataError(ValueError):
    """A data file is missing, empty or malformed."""


@dataclass(frozen=True, slots=True)
class LinePattern:
    """One boilerplate pattern: the code it emits and the longest line it may remove."""

    code: str
    languages: tuple[str, ...]
    regex: re.Pattern[str]
    max_chars: int


def read_terms(name: str) -> tuple[str, ...]:
    """Return the terms of a one-term-a-line file, lower-cased, without comments (a line
    starting with "#", or " #" and what follows it after a term)."""
    text = (DATA / name).read_text(encoding="utf8")
    terms = tuple(t for line in text.splitlines()
                  if (t := line.split(" #", 1)[0].strip().lower()) and not t.startswith("#"))
    if not terms:
        raise DataError(f"{name}: no terms")
    return terms


def read_toml(name: str) -> dict:
    """Parse a TOML data file."""
    try:
        return tomllib.loads((DATA / name).read_text(encoding="utf8"))
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{name}: {exc}") from None


class TermPattern:
    """Lower-case terms compiled for lower-cased text: ``findall`` and ``finditer`` as a regex has.

    Terms in spaced scripts match at a word start only ("casino" matches "casinos",
    "bet" does not match "alphabet"); Thai/CJK/Hangul terms match anywhere. Each kind
    is one trie-shaped regex, so the engine rejects most positions on their first
    character; kept apart (one alternation of both was 5x slower on the bench), and the
    unspaced one is not run over ASCII text, where it cannot match.

    >>> t = TermPattern(["casino", "สล็อต"], "t")
    >>> sorted(t.findall("เว็บสล็อต and casinos")), t.findall("alphabet casino")
    (['casino', 'สล็อต'], ['casino'])
    >>> TermPattern(["bet"], "t").findall("alphabet")
    []
    """

    def __init__(self, terms: tuple[str, ...] | list[str], name: str) -> None:
        if not terms:
            raise DataError(f"{name}: empty group")
        spaced = sorted({t for t in terms if SPACED.match(t) or SPACED_NON_ASCII.match(t)})
        unspaced = sorted(set(terms) - set(spaced))
        # "\b" rather than a look-behind: it keeps the engine's first-character skip (2x faster).
        self.patterns = ([re.compile(r"\b(?:" + _trie(spaced) + ")")] if spaced else []) + (
            [re.compile(_trie(unspaced))] if unspaced else [])
        self.ascii_patterns = self.patterns[:1] if spaced and all(not t.isascii() for t in unspaced) else self.patterns

    def findall(self, text: str) -> list[str]:
        found: list[str] = []
        for pattern in self.ascii_patterns if text.isascii() else self.patterns:
            found += pattern.findall(text)
        return found

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for pattern in self.ascii_patterns if text.isascii() else self.patterns:
            yield from pattern.finditer(text)


def _trie(terms: list[str]) -> str:
    """Build a regex alternation that shares common prefixes."""
    root: dict = {}
    for term in terms:
        node = root
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(root)


def _node_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def term_groups(groups: dict[str, tuple[str, ...]]) -> tuple[TermPattern, dict[str, tuple[str, ...]]]:
    """Compile several term groups into one regex, and map each term to its groups.

    One scan finds the longest term at each place; a term is credited to its own
    groups and to those of every shorter term it starts with ("daftar sekarang"
    counts as a promo and as the call to action "daftar").

    >>> rx, owners = term_groups({"a": ("slot",), "b": ("slot gacor",)})
    >>> [owners[m] for m in rx.findall("slot gacor")]
    [('a', 'b')]
    """
    owner: dict[str, set[str]] = {}
    for name, terms in groups.items():
        for term in terms:
            owner.setdefault(bare(term), set()).add(name)
    credited = {}
    for term in owner:
        names = set(owner[term])
        for k in range(1, len(term)):  # every shorter term it starts with: a look-up per prefix
            names |= owner.get(term[:k], set())
        credited[term] = tuple(sorted(names))
    return TermPattern(tuple(owner), "terms"), credited


def _line_patterns() -> dict[str, tuple[LinePattern, ...]]:
    out: dict[str, list[LinePattern]] = {}
    for i, entry in enumerate(read_toml("boilerplate.toml").get("pattern", [])):
        code, pattern = entry.get("code", ""), entry.get("pattern", "")
        if not CODE.match(code) or not pattern or not entry.get("languages"):
            raise DataError(f"boilerplate.toml: pattern #{i + 1} needs code, languages and pattern")
        try:
            regex = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise DataError(f"boilerplate.toml: pattern #{i + 1} ({code}): {exc}") from None
        item = LinePattern(code, tuple(entry["languages"]), regex, int(entry.get("max_chars", 200)))
        out.setdefault(code, []).append(item)
    if not out:
        raise DataError("boilerplate.toml: no patterns")
    return {code: tuple(items) for code, items in out.items()}


def _stopwords() -> dict[str, tuple[str, ...]]:
    """Map each stopword to the languages it belongs to."""
    index: dict[str, list[str]] = {}
    for item in sorted((DATA / "stopwords").iterdir(), key=lambda p: p.name):
        if item.name.endswith(".txt"):
            lang = item.name[:-4]
            for word in read_terms(f"stopwords/{item.name}"):
                index.setdefault(word, []).append(lang)
    if not index:
        raise DataError("stopwords/: no languages")
    return {word: tuple(langs) for word, langs in index.items()}


def _core_stopwords() -> dict[str, frozenset[str]]:
    """Each language's CORE_STOPWORDS most frequent function words (its file's first lines)."""
    out = {}
    for item in sorted((DATA / "stopwords").iterdir(), key=lambda p: p.name):
        if item.name.endswith(".txt"):
            out[item.name[:-4]] = frozenset(read_terms(f"stopwords/{item.name}")[:CORE_STOPWORDS])
    return out


def _lexicons() -> dict[str, tuple[str, ...]]:
    """Every lexicon/*.txt file by name: the topics, and "promo"."""
    names = sorted(p.name[:-4] for p in (DATA / "lexicon").iterdir() if p.name.endswith(".txt"))
    return {name: read_terms(f"lexicon/{name}.txt") for name in names}


def _group(table: dict, key: str, name: str) -> list:
    value = table.get(key)
    if not value:
        raise DataError(f"{name}: empty group {key!r}")
    return value


_MORPH = read_toml("morphology.toml")
_BRAND = _MORPH.get("brand", {})
_COMMENTS = read_toml("comments.toml")

BOILERPLATE: dict[str, tuple[LinePattern, ...]] = _line_patterns()
_GROUPS: dict[str, tuple[str, ...]] = {**_lexicons(), "cta": tuple(t.lower() for t in _group(_MORPH.get("cta", {}), "terms", "morphology.toml [cta]")),
                                      "selfpromo": read_terms("selfpromo.txt"), "selfcue": read_terms("selfpromo_cues.txt")}
# Groups that are not topics: offers, calls to action, a commenter selling their own
# channel, and the words such a pitch uses that news uses too.
NOT_TOPICS = frozenset({"promo", "cta", "selfpromo", "selfcue"})
# Hosts self-promotion links to (a host matches itself and its subdomains), and hosts
# under them that are not ("-pic.twitter.com": a news story's embedded tweet): host -> bool.
PROMO_HOSTS: dict[str, bool] = {h.lstrip("-"): not h.startswith("-") for h in read_terms("promo_hosts.txt")}
# Platforms a reader names in passing: no seller's name (spam.comment_seller).
PLATFORMS: frozenset[str] = frozenset(read_terms("platforms.txt"))
TOPICS: tuple[str, ...] = tuple(sorted(set(_GROUPS) - NOT_TOPICS))
# One regex for every lexicon topic, promo phrase and call to action, matched on
# accent-stripped text (segment.bare), so "casinò" and "giris" match "casino", "giriş".
TERMS, TERM_GROUPS = term_groups(_GROUPS)
STOPWORDS: dict[str, tuple[str, ...]] = _stopwords()
# Stopword files list the commonest words first; a long sentence of a language has
# at least one of its first four ("the", "and", "of", "to"). How the lists are read
# (CORE is compiled once at import), so a module constant, not a CleanOptions field.
CORE_STOPWORDS = 4
CORE: dict[str, frozenset[str]] = _core_stopwords()
LANGUAGES: tuple[str, ...] = tuple(sorted({lang for langs in STOPWORDS.values() for lang in langs}))
# Each language's stopwords, for counting one language's in a list of words (a set test
# per word instead of a scan of the word's languages).
STOPWORDS_OF: dict[str, frozenset[str]] = {
    lang: frozenset(w for w, langs in STOPWORDS.items() if lang in langs)
    for lang in LANGUAGES
}

BRAND_MIN = int(_BRAND.get("min_token", 5))
SUFFIX_ROOTS: tuple[str, ...] = tuple(_group(_BRAND, "suffix_roots", "morphology.toml [brand]"))
PREFIX_ROOTS: tuple[str, ...] = tuple(_group(_BRAND, "prefix_roots", "morphology.toml [brand]"))
ORDINARY_PREFIXES: tuple[str, ...] = tuple(_group(_BRAND, "ordinary_prefixes", "morphology.toml [brand]"))
ORDINARY_SUFFIXES: tuple[str, ...] = tuple(_group(_BRAND, "ordinary_suffixes", "morphology.toml [brand]"))


# Common words of many languages that look like brands ("selskabet", "rekabet"):
# made from wordfreq's lists by bench/ordinary_words.py.
ORDINARY_WORDS: frozenset[str] = frozenset(read_terms("ordinary_words.txt"))
# Any root inside a token: used to tell a glued commercial run from a glued name.
ROOTS: tuple[str, ...] = tuple(sorted(set(SUFFIX_ROOTS + PREFIX_ROOTS)))
ROOT_INSIDE = re.compile(_trie(list(ROOTS)))
DIGIT_BRAND = re.compile(
    r"^(?:[a-z]{3,}(?:%s)|\d+x[a-z]{3,})$" % "|".join(map(re.escape, _group(_BRAND, "digit_affixes", "morphology.toml [brand]")))
)
# A word of magnitude after a number ("18 tisíc"): the number counts, no name is numbered.
_QUANTITY_STEMS = _group(_MORPH.get("quantity", {}), "stems", "morphology.toml [quantity]")
QUANTITY = re.compile(r"\s*(?:%s)" % "|".join(map(re.escape, _QUANTITY_STEMS)), re.IGNORECASE)
# Korean words carry their particles (morphology.toml [hangul]): what pitch.stems leaves
# out of a page's vocabulary, and the particles and numbered words of pitch.seller_names.
_HANGUL = _MORPH.get("hangul", {})
HANGUL_PARTICLES: tuple[str, ...] = tuple(_group(_HANGUL, "particles", "morphology.toml [hangul]"))
HANGUL_FUNCTION_STEMS: frozenset[str] = frozenset(_group(_HANGUL, "function_stems", "morphology.toml [hangul]"))
HANGUL_NUMBERED_WORDS: frozenset[str] = frozenset(_group(_HANGUL, "numbered_words", "morphology.toml [hangul]"))
_GLUE = _MORPH.get("glue", {})
# ".comSupertotobet": a domain glued to the next word (the separators of an anchor run lost).
# Atomic group, longest TLD first: ".com/" must not match as ".co" glued to "m".
DOMAIN_GLUE = re.compile(
    r"[a-z0-9]\.(?>%s)(?=[A-Za-z0-9])" % "|".join(sorted(_group(_GLUE, "tlds", "morphology.toml [glue]"), key=len, reverse=True))
)

COMMENT_MARKERS = re.compile("|".join(f"(?:{m})" for m in _group(_COMMENTS, "markers", "comments.toml")), re.IGNORECASE)
COMMENT_AUTHORS = re.compile("|".join(f"(?:{m})" for m in _group(_COMMENTS, "authors", "comments.toml")), re.IGNORECASE)
COMMENT_HEADERS = re.compile("|".join(f"(?:{m})" for m in _group(_COMMENTS, "headers", "comments.toml")), re.IGNORECASE)

_ADDRESS = read_toml("address.toml")


def _address(lang: str) -> re.Pattern[str]:
    table = _ADDRESS[lang]
    words = "|".join(map(re.escape, _group(table, "words", f"address.toml [{lang}]")))
    formal = "|".join(map(re.escape, _group(table, "formal", f"address.toml [{lang}]")))
    return re.compile(rf"(?i:\b(?:{words})\b)|(?<![.!?:] )(?<=\s)(?:{formal})\b")


_LANGUAGE_TABLES = read_toml("stopword_families.toml")


def _listed(langs: Iterable[str], where: str) -> frozenset[str]:
    """``langs`` as a set, each one a language with a stopword list (else DataError)."""
    found = frozenset(langs)
    unknown = found - set(STOPWORDS_OF)
    if unknown:
        raise DataError(f"stopword_families.toml {where}: no stopword list for {sorted(unknown)}")
    return found


def _families() -> dict[str, tuple[str, ...]]:
    table = _LANGUAGE_TABLES.get("families", {})
    out: dict[str, tuple[str, ...]] = {}
    for name in table:
        members = tuple(sorted(_listed(_group(table, name, "stopword_families.toml [families]"),
                                       f"[families] {name}")))
        out.update((lang, members) for lang in members)
    return out


# Each language's family (sorted) of languages whose stopword lists share their words
# (stopword_families.toml); a language of no family is its own.
STOP_FAMILY: dict[str, tuple[str, ...]] = _families()

# Languages a page in another script quotes as its own (stopword_families.toml [quoted]).
QUOTED_LANGUAGES: frozenset[str] = _listed(
    _group(_LANGUAGE_TABLES.get("quoted", {}), "languages", "stopword_families.toml [quoted]"), "[quoted]")

# Per page language, the languages langdetect names for its informal writing
# (stopword_families.toml [misread]).
_MISREAD = _LANGUAGE_TABLES.get("misread", {})
MISREAD: dict[str, frozenset[str]] = {lang: frozenset(_group(_MISREAD, lang, "stopword_families.toml [misread]"))
                                      for lang in _listed(_MISREAD, "[misread]")}

# Languages that capitalise their nouns, each with its second-person forms (address.toml).
NOUN_CAPITALS = {lang: _address(lang) for lang in _ADDRESS}

_MENTION = read_toml("mention.toml")


def _phrases(table: str) -> list[str]:
    return sorted({f.lower() for frames in _group(_MENTION, table, "mention.toml").values() for f in frames},
                  key=len, reverse=True)


_WORD = r"[ \t]+[^\s.,;:!?。，]+"
# A reporting frame ("so-called", "promising", "terms such as") and the words it
# governs, to the end of the clause or ``window`` words: what someone said, not a pitch.
# A phrase against the spam ("stop judi", "laporkan") and ``against_window`` words after it.
MENTION_FRAMES = re.compile(r"(?<!\w)(?:(?:%s)\w*(?:%s){1,%d}|(?:%s)\w*(?:%s){0,%d})"
                            % (_trie(_phrases("frames")), _WORD, int(_group(_MENTION, "window", "mention.toml")),
                               _trie(_phrases("against")), _WORD,
                               int(_group(_MENTION, "against_window", "mention.toml"))))

# A reader against a seller ("stay away from", "never paid", "kecanduan"): such a comment
# names the seller to criticise it (mention.toml [critical]).
CRITICAL = re.compile(r"(?<!\w)(?:%s)(?!\w)" % _trie(_phrases("critical")))

_DISGUISE = read_toml("disguise.toml")
# Look-alike letter -> Latin letter, mapped inside words that also have Latin letters.
LOOKALIKES: dict[str, str] = dict(_group(_DISGUISE, "lookalike", "disguise.toml"))
RANGES: tuple[tuple[int, str], ...] = tuple((int(first), str(letter)) for first, letter
                                            in _group(_DISGUISE, "ranges", "disguise.toml").values())
_LEET = _group(_DISGUISE, "leet", "disguise.toml")
LEET: dict[str, str] = dict(_group(_LEET, "map", "disguise.toml [leet]"))
LEET_RUN = int(_group(_LEET, "max_run", "disguise.toml [leet]"))
_SPACED = _group(_DISGUISE, "spaced", "disguise.toml")
SPACED_MIN = int(_group(_SPACED, "min_pieces", "disguise.toml [spaced]"))
SPACED_PIECE = int(_group(_SPACED, "max_piece", "disguise.toml [spaced]"))
SPACED_DOTTED_MIN = int(_group(_SPACED, "dotted_min_pieces", "disguise.toml [spaced]"))
for _k, _v in LOOKALIKES.items():
    if len(_k) != 1 or len(_v) != 1 or not _v.isascii():
        raise DataError(f"disguise.toml [lookalike]: {_k!r} = {_v!r}: want one character to one Latin letter")
