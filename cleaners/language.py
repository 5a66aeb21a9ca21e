"""Tell scripts and languages apart: per block by script and stopwords, per document once.

Per block the check is cheap (a few regex counts and a stopword lookup per token).
The document's language uses the summed stopword counts when they decide, the
script when it names the language (Thai, Hangul, Kana), and seeded langdetect on a
bounded sample only otherwise (it costs about 9 ms a call).
"""

from __future__ import annotations

from array import array
from functools import cache, lru_cache
import re

from .options import CleanOptions
from .resources import STOPWORDS

SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("latin", re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")),
    ("cyrillic", re.compile(r"[\u0400-\u04FF]")),
    ("thai", re.compile(r"[\u0E00-\u0E7F]")),
    ("hangul", re.compile(r"[\uAC00-\uD7AF\u1100-\u11FF]")),
    ("kana", re.compile(r"[\u3040-\u30FF]")),
    ("han", re.compile(r"[\u4E00-\u9FFF]")),
    ("arabic", re.compile(r"[\u0600-\u06FF]")),
    ("hebrew", re.compile(r"[\u0590-\u05FF]")),
    ("greek", re.compile(r"[\u0370-\u03FF]")),
    ("devanagari", re.compile(r"[\u0900-\u097F]")),
    # Every other script in one bucket: Armenian, Syriac and Thaana, the Indic scripts
    # after Devanagari (Bengali, Tamil, ...), Lao to Mongolian, Georgian, Ethiopic. A
    # script the cleaner knows nothing about still differs from the page's.
    ("other", re.compile(r"[\u0530-\u058F\u0700-\u08FF\u0980-\u0DFF\u0E80-\u10FF\u1200-\u18AF]")),
)
# Any letter outside Latin (and outside punctuation/symbol blocks): the slow path.
NON_LATIN = re.compile(r"[\u0370-\u1DFF\u2E80-\uD7FF\uF900-\uFAFF\uFF66-\uFFDC]")
NOT_LETTER = re.compile(r"[\W\d_]")
# The same for ASCII text, as bytes to delete (bytes.translate: about 5x faster than the findall).
ASCII_NOT_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())
# Scripts that name their language outright.
SCRIPT_LANGUAGE = {"thai": "th", "hangul": "ko", "kana": "ja", "han": "zh", "hebrew": "he", "greek": "el"}
# Stopword languages not written in Latin script.
STOP_SCRIPT = {"ru": "cyrillic", "uk": "cyrillic"}
# Scripts written without spaces between words: units are characters / 3.
UNSPACED = frozenset({"thai", "han", "kana"})
# Scripts some stopword list (data/stopwords/) is written in: only there does a block's
# share of stopwords tell prose from a list of names or keywords.
LISTED_SCRIPTS = frozenset({"latin", *STOP_SCRIPT.values()})
# Letters of the scripts that glue other words to theirs: a number or a Latin name runs
# into the next word without a space ("下调130元", "RepoMasterにお任せ", "MoneyBada에서").
GLUING = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"


def glued_to(chars: str) -> re.Pattern[str]:
    """Where a character of the class ``chars`` meets a letter of a gluing script (GLUING),
    either way round: substituting a space there reads the two apart.

    >>> glued_to("0-9").sub(" ", "下调130元")
    '下调 130 元'
    """
    return re.compile(f"(?<=[{GLUING}])(?=[{chars}])|(?<=[{chars}])(?=[{GLUING}])")


def script_counts(text: str) -> dict[str, int]:
    """Count the letters of each script in ``text``.

    >>> script_counts("Hi สล็อต")["thai"]
    5
    """
    if text.isascii():
        return {"latin": len(text.encode("ascii").translate(None, ASCII_NOT_LETTER))}
    if not NON_LATIN.search(text):
        return {"latin": len(text) - len(NOT_LETTER.findall(text))}
    counts: dict[str, int] = {}
    for name, pattern in SCRIPTS:
        n = len(pattern.findall(text))
        if n:
            counts[name] = n
    return counts


def dominant(counts: dict[str, int] | dict[str, float]) -> str:
    """Return the most frequent key, or "none" when there is none."""
    return max(counts, key=counts.__getitem__) if counts else "none"


def japanese_or_chinese(counts: dict[str, int]) -> str:
    """Han text with kana is Japanese; report it as the kana script."""
    top = dominant(counts)
    if top == "han" and counts.get("kana", 0) >= 0.1 * counts["han"]:
        return "kana"
    return top


def stop_counts(words: list[str]) -> dict[str, float]:
    """Count, per language, the tokens that are its stopwords.

    A word shared by k languages ("de") adds 1/k to each, so words of one language
    only decide between close languages (Portuguese and Spanish).
    """
    return count_stops(stop_langs(words))


def says_language(word: str, stop: frozenset[str]) -> bool:
    """``word`` is one of a language's ``stop`` words and tells that language: a word of
    one letter does not ("i" is English, Danish, Norwegian, Swedish, Polish, Italian...),
    so a Danish tail appended to an English page ("Penge på kontoen i dag uden
    kreditvurdering fra Lønforskud24.") still reads as foreign (2 of the dev dump spam
    lines left went so, none of the 627 extraction outputs changed; 2026-12-05)."""
    return len(word) > 1 and word in stop


def stop_langs(words: list[str]) -> list[tuple[str, ...]]:
    """The languages of each stopword among ``words``, in order (one entry a stopword)."""
    return [langs for langs in map(STOPWORDS.get, words) if langs]


def count_stops(found: list[tuple[str, ...]]) -> dict[str, float]:
    """``stop_counts`` from ``stop_langs``' list."""
    counts: dict[str, float] = {}
    for langs in found:
        share = 1.0 / len(langs)
        for lang in langs:
            counts[lang] = counts.get(lang, 0.0) + share
    return counts


def add_counts(total: dict, counts: dict) -> None:
    """Add ``counts`` into ``total`` in place."""
    for key, n in counts.items():
        total[key] = total.get(key, 0) + n


def stop_language(counts: dict[str, float], min_hits: float, min_share: float) -> tuple[str | None, float]:
    """Return the stopword language and its share of hits, when it decides."""
    if not counts:
        return None, 0.0
    lang = dominant(counts)
    best = counts[lang]
    share = best / sum(counts.values())
    if best >= min_hits and share >= min_share:
        return lang, share
    return None, share


def document_language(text: str, script: str, stops: dict[str, float],
                      options: CleanOptions) -> tuple[str | None, float]:
    """Return the document's ISO 639-1 language and a confidence in [0, 1]: by script, by
    stopwords (``doc_stop_hits``, ``doc_stop_share``) unless they are sparse and langdetect
    ``contradicts`` them, else langdetect on ``language_sample`` characters (run once)."""
    if not text.strip():
        return None, 0.0
    if script in SCRIPT_LANGUAGE:
        return SCRIPT_LANGUAGE[script], 1.0
    lang, share = stop_language(stops, options.doc_stop_hits, options.doc_stop_share)
    detected = None
    if lang is not None and script == STOP_SCRIPT.get(lang, "latin"):
        if stops[lang] / max(1, len(text.split())) >= options.language_check_density:
            return lang, round(min(1.0, 0.5 + share / 2), 3)
        detected = detect(text[:options.language_sample])
        if not contradicts(detected, lang, options):
            return lang, round(min(1.0, 0.5 + share / 2), 3)
    return detected or detect(text[:options.language_sample])


# langdetect's codes that the stopword lists name otherwise: ``detect`` answers in the
# lists' codes, so a block's, a page's and the result's languages compare as they are.
STOP_CODE = {"no": "nb"}


def contradicts(detected: tuple[str | None, float], lang: str, options: CleanOptions) -> bool:
    """Tell whether langdetect's answer for a text (``detect``) names another language than
    its stopword language ``lang``, at ``detect_prob`` or more. Asked only where the
    stopwords are sparse (under ``language_check_density`` a word): Estonian text has the
    Finnish list's "ja", "ei", "et"; Serbian and Bulgarian the Russian and Ukrainian
    lists' "и", "на", "за", "од"."""
    found, prob = detected
    return found is not None and found != lang and prob >= options.detect_prob


@lru_cache(maxsize=4096)
def detect_short(text: str) -> tuple[tuple[str, float], ...]:
    """Seeded langdetect with fewer trials, for one sentence-sized block: its languages
    and their probabilities, likeliest first (those langdetect gives 0.1 or more).

    langdetect averages 7 random walks over the text's n-grams; for a block's language
    against its page's, 2 walks of at most 100 draws name the same language on the spam
    corpus and no benchmark block as foreign (bench/spam_eval.py, 2026-11-25). A block
    that has not converged after 100 draws is ambiguous (it would not reach
    CleanOptions.detect_prob): English captions ran to langdetect's 10,000 at 3 ms.
    Seeded, so its answer for a text never changes: a sentence probed again as a part of
    its block is answered from a cache.
    """
    return probabilities(text, trials=2, draws=100)


def other_language(found: tuple[tuple[str, float], ...], lang: str) -> tuple[str | None, float]:
    """The likeliest language of langdetect's answer ``found`` (``detect_short``) that is
    not ``lang``, and the probability that the text is not in ``lang`` (1 less
    ``lang``'s own). A short sentence splits its probability among the languages of one
    family ("Stavte na DAC ... v Kurz 24.": Slovak 0.56, the rest Czech and Slovene) while
    it is plainly not the page's English."""
    others = [(code, p) for code, p in found if code != lang]
    if not others:
        return None, 0.0
    return others[0][0], round(1.0 - sum(p for code, p in found if code == lang), 3)


class _ProfileRows:
    """langdetect's n-gram -> per-language probabilities, kept sparse.

    Reads like the dict of lists langdetect builds (``word in rows``, ``rows[word][i]``):
    that dict holds 87,598 lists of 55 Python floats, 63 MB in every worker process.
    Only 184,129 of those 4.8 million numbers are not zero (3.8 %), so this keeps the
    non-zero ones, as 32-bit floats with their language's index, and makes a word's
    row of 55 when langdetect asks for it: about 13 MB, most of it the dict of n-grams.
    """

    def __init__(self, width: int) -> None:
        if width >= 1 << _COUNT_BITS:
            raise ValueError(f"{width} languages: at most {(1 << _COUNT_BITS) - 1} fit a row")
        self.width = width
        self._zeros = [0.0] * width
        # word -> start << _COUNT_BITS | count, into langs and probs; while loading, word -> its number.
        self.spans: dict[str, int] = {}
        self.langs = array("B")
        self.probs = array("f")
        self._words = array("I")  # while loading: the word number of each (lang, prob)

    def set(self, word: str, index: int, prob: float) -> None:
        """Note one non-zero probability; ``freeze()`` once all are noted."""
        number = self.spans.setdefault(word, len(self.spans))
        self._words.append(number)
        self.langs.append(index)
        self.probs.append(prob)

    def freeze(self) -> None:
        """Group the noted probabilities by word (in the order they were noted, so by language)."""
        words, langs, probs = self._words, self.langs, self.probs
        order = sorted(range(len(words)), key=words.__getitem__)
        self.langs = array("B", (langs[i] for i in order))
        self.probs = array("f", (probs[i] for i in order))
        counts = array("I", bytes(4 * len(self.spans)))
        for number in words:
            counts[number] += 1
        starts, start = array("I"), 0
        for count in counts:
            starts.append(start)
            start += count
        for word, number in self.spans.items():
            self.spans[word] = starts[number] << _COUNT_BITS | counts[number]
        self._words = array("I")

    def __contains__(self, word: object) -> bool:
        return word in self.spans

    def __getitem__(self, word: str) -> list[float]:
        span = self.spans[word]
        start = span >> _COUNT_BITS
        row = self._zeros.copy()
        langs, probs = self.langs, self.probs
        for k in range(start, start + (span & _COUNT_MASK)):
            row[langs[k]] = probs[k]
        return row


_COUNT_BITS = 6  # a row's count of non-zero languages fits in the low bits of its span
_COUNT_MASK = (1 << _COUNT_BITS) - 1


@cache
def _factory():  # -> langdetect.DetectorFactory
    """Our own langdetect detector factory, its 55 profiles loaded once into ``_ProfileRows``.

    Kept here, not installed as langdetect's module-wide factory: nothing of langdetect
    is patched, and ``detect_langs`` (which would build its own 63 MB factory) is not used.
    ``add_profile`` is the one method overridden, for the compact rows (langdetect is
    pinned in pyproject.toml because of it)."""
    from langdetect import DetectorFactory, detector_factory

    class CompactFactory(DetectorFactory):
        def add_profile(self, profile, index: int, langsize: int) -> None:
            if not isinstance(self.word_lang_prob_map, _ProfileRows):
                self.word_lang_prob_map = _ProfileRows(langsize)
            self.langlist.append(profile.name)
            for word, count in profile.freq.items():
                if 1 <= len(word) <= 3:
                    self.word_lang_prob_map.set(word, index, count / profile.n_words[len(word) - 1])

    factory = CompactFactory()
    factory.load_profile(detector_factory.PROFILES_DIRECTORY)
    factory.word_lang_prob_map.freeze()
    return factory


def load_profiles() -> None:
    """Load langdetect's profiles now (about 0.3 s), not on the first document that needs them:
    a worker process calls it while it waits for its first page."""
    _factory()


def detect(text: str, trials: int | None = None, draws: int | None = None) -> tuple[str | None, float]:
    """Run seeded langdetect, by default as it runs itself (7 trials); ``trials`` and
    ``draws`` (n-gram draws a trial) bound it: its likeliest language and that
    language's probability. Imported lazily: its profiles load slowly. The language is
    named as the stopword lists name it (``STOP_CODE``: Bokmål "nb")."""
    found = probabilities(text, trials, draws)
    return found[0] if found else (None, 0.0)


def probabilities(text: str, trials: int | None = None, draws: int | None = None) -> tuple[tuple[str, float], ...]:
    """Seeded langdetect's languages for ``text`` with their probabilities, likeliest
    first (see ``detect``); empty when it finds no feature to read."""
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    detector = _factory().create()
    if trials is not None:
        detector.n_trial = trials
    if draws is not None:
        detector.ITERATION_LIMIT = draws
    detector.append(text)
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return ()
    return tuple((STOP_CODE.get(code, code), round(guess.prob, 3))
                 for guess in found for code in (guess.lang.split("-")[0],))
