"""Pitch shape: a paragraph built like an advertisement, on a subject the page never raises.

Spam written with words no lexicon holds still has the shape of a sales pitch: a
hook question ("Tired of waiting for your winnings?"), an exclamation, an offer in
figures (a percentage, an amount in a currency sign), a brand-shaped name (an
inner capital, letters glued to digits, a name followed by a small number, a Latin
word in a text of another script). None of these is rare in news alone; what makes
them a pitch is that the paragraph shares (almost) no vocabulary with the rest of
the page: injected spam is written for its market, not for the article it lands in.
The vocabulary is compared by word stems (a word's first ``pitch_stem_chars``
letters, so inflected forms meet; a Hangul word's first ``pitch_hangul_syllables``
syllables, as Korean writes its particles on the word), leaving out stems most of the page's blocks use
(function words, the site's name). Structure and overlap only: no word list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..language import UNSPACED
from ..model import Block, PageFacts
from ..dom import site_of
from ..facts import MENTION
from ..links import host
from ..options import CleanOptions
from ..segment import LINK, last_part
from ..ngrams import model as ngram_model
from ..resources import (
    CRITICAL, HANGUL_FUNCTION_STEMS, HANGUL_NUMBERED_WORDS, HANGUL_PARTICLES, NOUN_CAPITALS, PLATFORMS, QUANTITY,
    STOPWORDS,
)
from .registry import signal

# A hook: the text opens with a short question and goes on after it.
HOOK = re.compile(r"^\s*[^.!?;:؟。！？\n]{3,140}[?؟？]\s+\S")
EXCLAIM = re.compile(r"[!！](?:\s|$)")
# An offer in figures: a currency sign, or a percentage.
OFFER = re.compile(r"[€$£₪₹₺¥₽₩฿₫₱₦₴₸₼]|\d\s?%|%\s?\d|\d\s?٪|٪\s?\d")


def _cased_class(category: str, last: int = 0x0530) -> str:
    """A regex class of the letters of one case ("Lu" or "Ll") in the cased alphabets
    below ``last``: Latin, Greek, Cyrillic (a brand in Serbian is "Трешња 77")."""
    return "".join(re.escape(chr(o)) for o in range(0x41, last) if unicodedata.category(chr(o)) == category)


# A brand-shaped token: two capitalised parts of three letters or more glued
# ("RubbelRausch", "ЗвонкоКоло"; not "McKinley" or "iPhone"), letters glued to digits
# ("Dhamaal7", "Penízky24"), or a capitalised word followed by a number of one to three
# digits that is not part of a longer figure or a date ("Akropolux 12", "Klicksturm 360",
# "Трешња 77"). Capitals and small letters of Latin (with its extensions), Greek and
# Cyrillic (``_cased_class``): until cleaner 1.20.0 only À-Þ, so a Serbian offer's name
# never sold (dev: "Играј без лимита ... на Трешња 77."). Three searches, not one
# alternation: each keeps the engine's first-character skip, and the glued one starts at
# a digit (a run of one to four, three letters before it) instead of trying every letter:
# 0.20 s against 0.55 s over the 32,208 blocks of both extraction sets (2026-12-05).
UPPER, LOWER = _cased_class("Lu"), _cased_class("Ll")
# Hangul syllables. Korean writes its particles on the word ("Doran 52가", "Starlit에서"):
# a name ends at a word's end or before a particle that ends the word (morphology.toml
# [hangul] particles), for the name shapes below and ``names_seller``.
SYLLABLE = "\uac00-\ud7a3"
PARTICLE_END = "(?:%s)(?![%s])" % ("|".join(sorted(HANGUL_PARTICLES, key=len, reverse=True)), SYLLABLE)
NAME_END = f"(?:\\b|(?={PARTICLE_END}))"
# A name starts after a character that is no letter or digit, or after a Hebrew or
# Arabic letter: those scripts write a preposition or a conjunction on the word that
# follows ("فـCasaLuna", "בCasaLuna"), a Latin name too (cleaner 1.78.0). Written after
# the name's first letter, so the engine still skips ahead to a capital (a look-behind
# first: three times as slow over the news paragraphs of bench/spamcorpus). A Latin
# name glued to Japanese or Chinese ("再びKeePassが") starts no name here.
NAME_START = "(?<![^\\W\u0590-\u06ff].)"
CAMEL = re.compile(f"[{UPPER}]{NAME_START}[{LOWER}]{{2,}}[{UPPER}]\\w*")
GLUED_DIGITS = re.compile(r"\d(?<=[^\W\d_]{3}\d)\d{0,3}(?!\d)")
NUMBERED = re.compile(f"[{UPPER}]{NAME_START}[^\\W\\d_]{{2,}}[ -]\\d{{1,3}}(?![\\d.,:/]\\d){NAME_END}")
BRANDISH = (CAMEL, GLUED_DIGITS, NUMBERED)
# A word of cased letters (Latin, Greek, Cyrillic) holding a digit, read whole for
# ``GLUED_DIGITS`` (pitch.seller_names): in a script without spaces, the name alone.
DIGIT_WORD = re.compile(f"[{UPPER}{LOWER}\\d]*\\d[{UPPER}{LOWER}\\d]*")
# What stands before a sentence's first word: nothing, or a full stop, bang or question
# mark and a space, with opening quotes or brackets (searched in the text before a name).
_SENTENCE_END, _OPENING_MARKS = r"(?:^|[.!?…。！？]\s+)", r"[\"'“‘«(\[]*\s*$"
SENTENCE_OPENING = re.compile(_SENTENCE_END + _OPENING_MARKS)
# A model's code after its number ("Elitebook 845 G10"): a product line, no seller.
MODEL_CODE = re.compile(r"\s?[A-Z]{1,3}\d")
# A handle or a hashtag ("@AmyKup", "#HealthyHydration"): an account named, no seller.
HANDLE = re.compile(r"[@#]\w+")
# A word written twice, in the Indonesian and Malay shorthand: a small word and a 2.
REDUPLICATED = re.compile(r"[^\W\dA-Z_]+2")
# A Latin word of four or more letters (a brand) inside a block of another script.
LATIN_WORD = re.compile(f"[A-Za-z]{NAME_START}[A-Za-z]{{3,}}{NAME_END}")
# A capitalised word: a capital and two or more small letters (Latin, Greek, Cyrillic).
CAPITALISED = re.compile(f"\\b[{UPPER}][{LOWER}]{{2,}}\\b")
# A word holding a capital, and a run of them one space apart ("9to5Mac Gift Guides").
NAME_WORD = re.compile(f"\\w*[{UPPER}]\\w*")
NAME_RUN = re.compile(f"{NAME_WORD.pattern}(?: {NAME_WORD.pattern})*")
# A speaker's label opening a sentence ("Άννα: Ξέρει κανείς ..."): two in a paragraph are
# a conversation (pitch._plainly_pasted).
SPEAKER = re.compile(f"(?:^|(?<=[.!?…]\\s))[{UPPER}][{LOWER}]+:\\s")
# ... or, for plain_names, after a one-word label ("Thunder: Host the Lakers on Friday.").
OPENING = re.compile(_SENTENCE_END + r"(?:[^\s:]+:\s+)?" + _OPENING_MARKS)


def _mark_class(first: int = 0x0300, last: int = 0x2000) -> str:
    """A regex class of the combining marks in [first, last): the vowel signs of Indic
    scripts and the Arabic and Hebrew points, which ``\\w`` does not match, so a word
    is not cut at its vowels."""
    spans: list[list[int]] = []
    for o in range(first, last):
        if unicodedata.category(chr(o)).startswith("M"):
            if spans and spans[-1][1] == o - 1:
                spans[-1][1] = o
            else:
                spans.append([o, o])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in spans)


# A word: letters and the combining marks written inside them.
LETTERS = f"(?:[^\\W\\d_]|[{_mark_class()}])"
STEM_WORD = re.compile(f"{LETTERS}{{3,}}")
# A Hangul word (its syllables; pitch.hangul_stem).
HANGUL_WORD = re.compile(f"[{SYLLABLE}]+")
# Hangul letters glued to a small number, with or without a particle ("별빛77에서",
# "달빛12"): a seller's name where no capital can show one (pitch.seller_names). It
# starts and ends as the other name shapes do (NAME_START, NAME_END).
HANGUL_NUMBERED = re.compile(f"([{SYLLABLE}]{NAME_START}[{SYLLABLE}]+)\\d{{1,3}}{NAME_END}")


# Letters of a script without capitals glued to a number ("赛点99", "秒借99"): a brand
# where no capital can show one.
CASELESS_DIGITS = re.compile(r"[^\W\d_](?<=[^\W\d_A-Za-z])\d{1,4}(?!\d)")


def brand_shaped(text: str) -> bool:
    """``text`` holds a brand-shaped token (``BRANDISH``, or ``CASELESS_DIGITS`` where the
    letters have no case).

    >>> brand_shaped("OddsForge"), brand_shaped("Tyrazh 36"), brand_shaped("赛点99"), brand_shaped("Livret A")
    (True, True, True, False)
    """
    return _brandish(text) or any(m.group()[0].lower() == m.group()[0].upper() for m in CASELESS_DIGITS.finditer(text))


def _brandish(text: str) -> bool:
    return any(rx.search(text) for rx in BRANDISH)


def selling(text: str, page: PageFacts) -> int:
    """Count the marks of a text that sell: an offer figure, a brand-shaped name."""
    brand = _brandish(text) or (page.script not in ("latin", "none") and bool(LATIN_WORD.search(text)))
    return bool(OFFER.search(text)) + brand


def marks(text: str, page: PageFacts) -> int:
    """Count the pitch marks of a text: offer figure, brand-shaped name, hook question,
    exclamation; 0 unless it has one of the first two and one of the last two. A pitch
    names who sells or what it costs and calls out to the reader: figures and company
    names alone are business news, a question and an exclamation alone a columnist's.

    >>> from cleaners.options import CleanOptions
    >>> from cleaners.facts import page_facts
    >>> page = page_facts([], {"latin": 30}, {}, CleanOptions())
    >>> marks("Tired of limits? At Lucky 7 you get 100% more!", page), marks("Ever heard them? Listen!", page)
    (4, 0)
    >>> marks("Brent LCOc1 was last at $60.73, down 2.74% on the day.", page)
    0
    """
    if not HOOK.search(text):  # first: 302 of the 32,208 blocks of the extraction sets open with one
        return 0
    sells = selling(text, page)
    return sells + 1 + bool(EXCLAIM.search(text)) if sells else 0


def stems(text: str, opts: CleanOptions, letters: int = 0) -> set[str]:
    """The word stems of a text: each word of ``letters`` (by default
    ``pitch_word_letters``) letters or more that is no known function word, case-folded,
    cut to ``pitch_stem_chars``. Short words are mostly function words, in languages with
    no list of them too.

    >>> sorted(stems("Winners win winnings in Vienna with them", CleanOptions()))
    ['vienn', 'winne', 'winni']
    >>> sorted(stems("Winners win winnings in Vienna with them", CleanOptions(), letters=3))
    ['vienn', 'win', 'winne', 'winni']
    """
    n, chars = letters or opts.pitch_word_letters, opts.pitch_stem_chars
    found = {low[:chars] for w in STEM_WORD.findall(text) if len(w) >= n and (low := w.casefold()) not in STOPWORDS
             and not HANGUL_WORD.match(w)}
    found.update(s for w in HANGUL_WORD.findall(text) if (s := hangul_stem(w, opts)))
    return found


def hangul_stem(word: str, opts: CleanOptions) -> str:
    """A Hangul word's stem: its first ``pitch_hangul_syllables`` syllables, or "" for a
    word too short to have one (a one-syllable noun and its particle: "밤에") or a
    function word (morphology.toml [hangul]). Korean writes particles and endings on the
    word, so its forms meet only so.

    >>> from cleaners.options import CleanOptions
    >>> [hangul_stem(w, CleanOptions()) for w in ("정책을", "정책", "밤에", "있습니다")]
    ['정책', '정책', '', '']
    """
    n = opts.pitch_hangul_syllables
    if len(word) < n or (len(word) == n and word[-1] in HANGUL_PARTICLES):  # a one-syllable particle
        return ""
    stem = word[:n]
    return "" if stem in HANGUL_FUNCTION_STEMS else stem


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A page's stems: the blocks each occurs in, and the blocks that look injected
    (a selling mark, and under ``pitch_overlap_high`` of their stems in a block without
    one), which lend no vocabulary to each other: two paragraphs of one pitch share theirs."""

    blocks: dict[str, tuple[int, ...]]
    common: float
    suspects: frozenset[int]


def stem_index(page: PageFacts, letters: int) -> tuple[list[set[str]], dict[str, tuple[int, ...]]]:
    """Each block's ``stems`` (of words of ``letters`` letters or more), and for each stem
    the blocks that use it; made once a page for each ``letters``."""
    key = f"stems_{letters}"
    found = page.memo.get(key)
    if found is None:
        sets = [stems(t, page.options, letters) for t in page.texts]
        where: dict[str, list[int]] = {}
        for i, st in enumerate(sets):
            for s in st:
                where.setdefault(s, []).append(i)
        found = page.memo[key] = (sets, {s: tuple(v) for s, v in where.items()})
    return found


def vocabulary(page: PageFacts) -> Vocabulary:
    """The page's ``Vocabulary``, made once a page."""
    found = page.memo.get("pitch_vocabulary")
    if found is None:
        opts = page.options
        sets, blocks = stem_index(page, opts.pitch_word_letters)
        common = max(2.0, opts.pitch_common_share * len(sets))
        sells = frozenset(i for i, t in enumerate(page.texts) if selling(t, page))
        first = Vocabulary(blocks, common, sells)
        suspects = frozenset(i for i in sells if _shared(sets[i], i, first) < opts.pitch_overlap_high)
        found = page.memo["pitch_vocabulary"] = Vocabulary(blocks, common, suspects)
    return found


def _shared(mine: set[str], index: int, vocab: Vocabulary) -> float:
    """Share of ``mine`` (uncommon stems only) found in a block other than ``index`` and
    not a suspect; 1.0 (belongs) when fewer than 2 uncommon stems are left."""
    own = [s for s in mine if len(vocab.blocks.get(s, ())) <= vocab.common]
    if len(own) < 2:
        return 1.0
    return sum(1 for s in own if any(j != index and j not in vocab.suspects for j in vocab.blocks.get(s, ()))) / len(own)


def _block_shared(block: Block, page: PageFacts) -> float | None:
    """``_shared`` for a block's stems, or None when it has fewer than
    ``pitch_min_stems`` uncommon stems (too few to tell)."""
    vocab = vocabulary(page)
    mine = stems(block.text, page.options)
    if sum(1 for s in mine if len(vocab.blocks.get(s, ())) <= vocab.common) < page.options.pitch_min_stems:
        return None
    return _shared(mine, block.index, vocab)


def belongs(block: Block, page: PageFacts) -> bool:
    """Tell whether a block shares its page's vocabulary: ``pitch_min_stems`` uncommon
    stems or more, at least ``pitch_overlap_high`` of them found in another block that
    does not look injected. An article paragraph that names betting words shares the
    article's; a short line (too few stems) is not known to belong."""
    shared = _block_shared(block, page)
    return shared is not None and shared >= page.options.pitch_overlap_high


def isolation(block: Block, page: PageFacts) -> float:
    """How little of a block's vocabulary the rest of the page shares, in [0, 1]: 1.0 at
    ``pitch_overlap_low`` of its stems found in another block or less, 0.0 at
    ``pitch_overlap_high`` or more; 0.0 for fewer than ``pitch_min_stems`` uncommon stems."""
    opts = page.options
    shared = _block_shared(block, page)
    if shared is None:
        return 0.0
    span = opts.pitch_overlap_high - opts.pitch_overlap_low
    return max(0.0, min(1.0, (opts.pitch_overlap_high - shared) / span))


@signal("spam.pitch_shape", weight="weight_pitch_shape")
def pitch_shape(block: Block, page: PageFacts) -> float:
    """Pitch marks (``pitch_full_marks`` saturate) in a sentence-ending block whose
    vocabulary the rest of the page does not share (``isolation``). Not on pages of
    fewer than ``pitch_min_blocks`` blocks (nothing to compare with), not for a
    quotation, not in the comment region (comments share no vocabulary with each other,
    and a fan asks "How did this video on YouTube get so many views?"), not in scripts
    written without spaces (no words to compare)."""
    opts = page.options
    if (block.quoted or block.dom or block.in_comments or not block.sentence_end or block.units < opts.pitch_min_units
            or block.script in UNSPACED or len(page.texts) < opts.pitch_min_blocks):
        return 0.0
    found = marks(block.text, page)
    if not found:
        return 0.0
    return min(1.0, found / opts.pitch_full_marks) * isolation(block, page)


@signal("spam.off_topic", weight="weight_off_topic", role="context")
def off_topic(block: Block, page: PageFacts) -> float:
    """1.0 for a block of the article that the n-gram model reads as spam (``learned_floor``)
    and that shares (almost) none of its words with the rest of the page: at least
    ``off_topic_min_stems`` words of ``off_topic_word_letters`` letters or more, no known
    function words, at most ``off_topic_shared`` of them (by stem) in another block,
    in a block of ``off_topic_min_units`` words or more. A reader's comment or an ad
    pasted between the paragraphs of a story ("sub me if you dont like the song") is
    written for somewhere else; the story's own lines reuse its words. Context only: it
    strengthens the model's evidence, never condemns alone. Not in the comment region
    (comments share no vocabulary with each other), not for a quotation, not in scripts
    written without spaces, not on pages of fewer than ``pitch_min_blocks`` blocks nor,
    for a whole paragraph, on pages whose items share nothing with each other
    (``_cohesive``: a news roundup's item on a lottery win is apart as every item is), not
    for one sentence of a paragraph (a pitch whose sentences each scored this way was cut
    sentence by sentence instead of going whole, and its neighbour stayed: dev, uk),
    except the last one when it sells (an offer figure or a brand-shaped name) and the
    rest of its paragraph is the page's own (``tail_apart``): an offer appended to an
    article paragraph. The last sentence needs no ``off_topic_min_units`` ("A leggyorsabb
    kifizetés Magyarországon: Forint777." has five words; ``tail_apart`` asks for its
    stems). Without the selling mark, a legitimate Dutch article lost its paragraph's
    last sentence ("Later volgden vergelijkbare signalen uit Egypte en Tunesië."), so
    the mark stays (bench/spam_eval.py --split dev, 2026-12-05)."""
    opts = page.options
    if (block.learned < opts.learned_floor or block.in_comments or block.quoted or block.dom
            or block.script in UNSPACED or len(page.texts) < opts.pitch_min_blocks):
        return 0.0
    if not _whole(block, page):  # a sentence: its block decides, but for a selling tail
        head = _tail_start(block.text, block.index, page)
        return 1.0 if (head and selling(block.text, page)
                       and tail_apart(page.texts[block.index], head, block.index, page)) else 0.0
    if block.units < opts.off_topic_min_units or not _cohesive(page, block.index):
        return 0.0
    return 1.0 if apart(own_stems(block, page), block.index, page) else 0.0


@signal("spam.sold_apart", weight="weight_sold_apart")
def sold_apart(block: Block, page: PageFacts) -> float:
    """1.0 for a whole paragraph of the article that shares (almost) none of its words
    with the rest of the page (``apart``, as ``spam.off_topic`` reads it), that the model
    reads at ``sold_apart_learned`` or more (under ``sold_apart_sure_learned`` only when
    ``_plainly_pasted``) and that names a seller no other block of the page names
    (``seller_names`` read with the page, in any case; a Latin word in another script
    from ``appended_seller_latin_learned``): a pitch pasted between a story's
    paragraphs in the story's own language ("Онлайн-казино KozakSpin працює за офіційною
    ліцензією ..."), which the model alone reads under ``spam_threshold`` and
    ``spam.off_topic``, a context, cannot lift. A paragraph the model reads at
    ``sold_apart_alone_learned`` or more that ends a sentence needs not be apart: a pitch
    written for a page of its market shares its words ("Jeg satset en hundrelapp ... og
    OddsOrkan ga meg odds på over 6." under a story of a lottery win), and so does a
    headline ("Retired Nurse Wins 5 Million in National Lottery Jackpot" is a
    capitalised name before a number). A news item names its subject again, or
    shares its words with the page; a review or a shop page names its product in its
    title. Not in the comment region, not for a quotation or a DOM element, not in
    scripts written without spaces, not for one sentence of a paragraph
    (``spam.appended_pitch`` reads a last sentence), not on pages of fewer than
    ``pitch_min_blocks`` blocks, not for a block of fewer than ``off_topic_min_units``
    words, not for a paragraph against its seller (``against_seller``)."""
    opts = page.options
    if (block.learned < opts.sold_apart_learned or block.in_comments or block.quoted or block.dom
            or block.script in UNSPACED or len(page.texts) < opts.pitch_min_blocks
            or block.units < opts.off_topic_min_units or not _whole(block, page)):
        return 0.0
    if ((block.learned < opts.sold_apart_alone_learned or not block.sentence_end)
            and not apart(own_stems(block, page), block.index, page)):
        return 0.0
    names = unnamed(seller_names(block.text, page, latin=block.learned >= opts.appended_seller_latin_learned), page,
                    block.index)
    if not names or against_seller(block.text):
        return 0.0
    return 1.0 if block.learned >= opts.sold_apart_sure_learned or _plainly_pasted(block, names, page) else 0.0


def _plainly_pasted(block: Block, names: list[str], page: PageFacts) -> bool:
    """A paragraph the model reads under ``sold_apart_sure_learned`` is a pasted pitch
    only when it holds none of what a page's own paragraphs do (a name before a model's
    code, a product under review as "CleanBot X50", is no seller's: ``seller_names``):
    another name the page writes (the page's own post quoted: "The 9to5Mac BundleHunt delivers ..."), an
    account's handle (an embedded post), or two speakers' labels (readers' comments run
    into one paragraph: "Σπύρος: ... Άννα: ..."). Never in Hangul: Korean writes its
    particles and endings on its words ("기술자들은", "보고했다"), so a paragraph shares
    no stems with its page and every paragraph is apart; a story paragraph with a pitch
    appended went whole (cleaner 1.75.2). Since Korean stems are a word's first
    syllables (1.76.0), a story's paragraphs share some, but a short story's too few: the
    guard stays (``tests/test_sold_apart.py``)."""
    text = block.text
    if block.script == "hangul" or HANDLE.search(text) or len(SPEAKER.findall(text)) >= 2:
        return False
    mine = {n.lower() for n in names}
    return not any(w.lower() not in mine and w.lower() not in STOPWORDS and _gives(w, page, block.index)
                   for w in NAME_WORD.findall(text))


def _whole(block: Block, page: PageFacts) -> bool:
    """``block`` is all of its paragraph, not one of its sentences judged apart."""
    return page.texts[block.index].rstrip() == block.text


@signal("spam.appended_pitch", weight="weight_appended_pitch")
def appended_pitch(block: Block, page: PageFacts) -> float:
    """1.0 for the last sentence of an article paragraph that is a pitch appended to it
    in the page's own language (``appended``): ``appended_pitch_words`` words or more,
    naming a seller the page does not name elsewhere, sharing none of the page's words
    while the rest of its paragraph does, and read by the model at
    ``appended_pitch_learned`` or more. Writers the model never read write soft pitches
    it reads as news ("CourtKing Sports has been the quiet favourite among Lakers fans
    this week, thanks mostly to its same-game parlays on the playoff series."); what
    gives them away is that they are about something else than the paragraph they end,
    and name who sells it. Not in the comment region, not for a quotation, not in scripts
    written without spaces, not on pages of fewer than ``pitch_min_blocks`` blocks nor
    on pages whose items share nothing with each other (``_cohesive``); a whole block is
    ``spam.off_topic``'s."""
    opts = page.options
    if (block.learned < opts.appended_pitch_learned or block.in_comments or block.quoted or block.dom
            or block.script in UNSPACED or len(page.texts) < opts.pitch_min_blocks):
        return 0.0
    return 1.0 if appended(block.text, block.index, page) or sold_tail(block, page) else 0.0


def sold_tail(tail: Block, page: PageFacts) -> bool:
    """``tail``, the last sentence of its paragraph (not all of it), of
    ``appended_seller_words`` words or more, names a seller that neither another block of
    the page nor the rest of its paragraph names (``seller_names`` read with the page, in
    any case: "Freshbooks" names "FreshBooks"), and the model reads it at
    ``appended_seller_learned`` or more: a pitch appended in the page's own language and
    market, whose words its page shares ("Vsaďte na Plzeň v evropských pohárech a s
    Firen 53 berete dvojnásobnou výhru."). A Latin word on a page of another script
    ("Bateka дава най-добрите коефициенти за всеки мач от Първа лига.") is as often the
    name of the writer's own blog or a product, and counts from
    ``appended_seller_latin_learned``; a plain capitalised word ("... hos Ornella.")
    counts from ``appended_plain_learned``, on ``plain_sellers``' terms. A name shaped
    as a seller's, or a plain one, named elsewhere only in other paragraphs' last
    sentences is still new (``named_in`` with ``heads``): a pitch appended to several
    paragraphs names its seller in each. A Latin word counts anywhere (a Persian
    classifieds page ends each ad with "... [phone] تماس بگیرید.").
    Not in the comment region, not for a quotation, not on pages of fewer than
    ``pitch_min_blocks`` blocks, not for a sentence against its seller
    (``against_seller``)."""
    opts = page.options
    if (tail.learned < opts.appended_seller_learned or tail.in_comments or tail.quoted or tail.dom
            or len(page.texts) < opts.pitch_min_blocks or len(tail.text.split()) < opts.appended_seller_words):
        return False
    head = _tail_start(tail.text, tail.index, page)
    if not head:
        return False
    own = page.texts[tail.index][:head].lower()
    shaped = seller_names(tail.text, page, latin=False)
    latin = latin_names(tail.text, page) if tail.learned >= opts.appended_seller_latin_learned else []
    plain = plain_sellers(tail, head, page)
    new = unnamed(shaped + plain, page, tail.index, heads=True) + unnamed(latin, page, tail.index)
    return any(n.lower() not in own for n in new) and not against_seller(tail.text)


def appended(tail: str, index: int, page: PageFacts) -> bool:
    """``tail`` ends block ``index``'s paragraph without being all of it, holds
    ``appended_pitch_words`` words or more, names a seller new to the page
    (``_new_brand``; a capitalised name before a number, "Windows 11", "Liga 1", is as
    often news), and is apart from its page while the rest of its paragraph is not
    (``tail_apart``), on a page told as one story (``_cohesive``). Neither an offer
    figure nor a lexicon topic the page is not about counts: amounts and percentages end
    news paragraphs, and a news roundup's paragraph on a betting raid ends in betting
    words (the fresh set's legitimate pages, 2026-12-07)."""
    head = _tail_start(tail, index, page)
    return bool(head and len(tail.split()) >= page.options.appended_pitch_words and _new_brand(tail, index, page)
                and tail_apart(page.texts[index], head, index, page) and _cohesive(page, index))


def _tail_start(tail: str, index: int, page: PageFacts) -> int:
    """Where ``tail``, a sentence of block ``index``, starts in its paragraph when it ends
    the paragraph without being all of it; else 0."""
    whole, tail = page.texts[index].rstrip(), tail.strip()
    head = len(whole) - len(tail)
    return head if head > 0 and whole.endswith(tail) else 0


def _cohesive(page: PageFacts, index: int) -> bool:
    """At least ``appended_pitch_cohesive`` blocks of the page other than ``index``, of
    ``off_topic_min_units`` words or more, share ``off_topic_rest_shared`` of their stems
    with another block: one story told over paragraphs, not a roundup of unrelated items
    (whose every paragraph is apart from the rest)."""
    found = page.memo.get("cohesive")
    if found is None:
        opts = page.options
        sets, _ = stem_index(page, opts.off_topic_word_letters)
        found = page.memo["cohesive"] = tuple(
            i for i, mine in enumerate(sets)
            if mine and len(page.texts[i].split()) >= opts.off_topic_min_units and _shares_page(mine, i, page))
    return sum(1 for i in found if i != index) >= page.options.appended_pitch_cohesive


def _new_brand(text: str, index: int, page: PageFacts) -> bool:
    """``text`` names a seller no other block of the page names (``seller_names``, in any
    case: ``named_in``)."""
    return bool(unnamed(seller_names(text), page, index))


def named_in(name: str, page: PageFacts, index: int = -1, upto: int | None = None, heads: bool = False) -> bool:
    """``name`` appears, in any case, in a block of the page other than ``index`` (of its
    first ``upto`` blocks). With ``heads``, the last sentence of a paragraph of two or
    more does not count: a pitch appended to several paragraphs names its seller in each
    ("נסו את המזל הערב ב-MazalSpin ..." and "... המזל מחכה לך ב-MazalSpin."), and the
    story around them still never does."""
    key = "heads" if heads else "lowered"
    low = page.memo.get(key)
    if low is None:
        low = page.memo[key] = tuple(t.lower() for t in (_heads(page) if heads else page.texts))
    name = name.lower()
    return any(name in t for j, t in enumerate(low[:upto]) if j != index)


def _heads(page: PageFacts) -> tuple[str, ...]:
    """The page's block texts less the last sentence of each paragraph of two or more
    (``named_in`` and ``_gives`` with ``heads``), cut once a page."""
    heads = page.memo.get("head_texts")
    if heads is None:
        cuts = (last_part(t.rstrip(), page.options)[0] for t in page.texts)
        heads = page.memo["head_texts"] = tuple(t[:a] if a else t for t, a in zip(page.texts, cuts))
    return heads


def unnamed(names: list[str], page: PageFacts, index: int = -1, upto: int | None = None,
            heads: bool = False) -> list[str]:
    """``names`` that no block of the page other than ``index`` names (``named_in``, with
    its ``upto`` and ``heads``): the sellers new to the page."""
    return [n for n in names if not named_in(n, page, index, upto, heads)]


def against_seller(text: str) -> bool:
    """``text`` warns others off a seller or tells what it cost them (``CRITICAL``,
    mention.toml [critical]: "Stay away from BetHarbour, they closed my account after I
    won and never paid out."): it names the seller to criticise it, which is no pitch."""
    return bool(CRITICAL.search(text.lower()))


def seller_names(text: str, page: PageFacts | None = None, latin: bool = True) -> list[str]:
    """The names in ``text`` shaped as a seller's: a word with an inner capital
    ("CourtKing", ``CAMEL``) or letters glued to digits with a small letter among them
    ("Spin247", "Krypto9ja"; an acronym's version, "WPA2", is not one); with ``page``,
    also a capitalised name before a small number ("Kasa 77", ``NUMBERED``), Hangul
    letters glued to a small number ("별빛77에서", ``HANGUL_NUMBERED``; not a word Korean
    news glues so, "코로나19") and, on a page of another script (unless ``latin`` is
    False), a Latin word ("Vexel" in Russian, ``LATIN_WORD``); a Korean particle on a
    name ends it ("Doran 52가", ``NAME_END``). With ``page``, none of these: a handle or a hashtag
    ("@AmyKup"), a name before a number that opens a sentence (its first word: "Rund 20
    Prozent", "Samedi 20 juillet"), a name before a model's code (a product line:
    "Elitebook 845 G10", "CleanBot X50"), a name before a number before a word of
    magnitude ("na Letné 18 tisíc diváků", ``QUANTITY``), a small
    word with a 2 (Indonesian and Malay write a plural so: "judi2", "anak2"), a
    platform a reader names in passing (``PLATFORMS``, with or without its version:
    "YouTube", "Windows10").

    >>> seller_names("Try OddsForge or Spin247, not WPA2.")
    ['OddsForge', 'Spin247']
    >>> from cleaners.facts import page_facts
    >>> korean = page_facts([], {"hangul": 30}, {}, CleanOptions())
    >>> seller_names("별빛77에서 만나요, 코로나19 이후 Doran 52가 인기", korean)
    ['Doran 52', '별빛77', 'Doran']
    """
    if page is not None:
        text = HANDLE.sub(" ", text)
    names = [m.group() for m in CAMEL.finditer(text) if page is None or not MODEL_CODE.match(text, m.end())]
    names += [w for w in DIGIT_WORD.findall(text) if GLUED_DIGITS.search(w) and any(c.islower() for c in w)]
    if page is None:
        return names
    names += [m.group() for m in NUMBERED.finditer(text)
              if not SENTENCE_OPENING.search(text[:m.start()]) and not MODEL_CODE.match(text, m.end())
              and not QUANTITY.match(text, m.end())]
    names += [m.group() for m in HANGUL_NUMBERED.finditer(text)
              if m.group(1) not in HANGUL_NUMBERED_WORDS and not QUANTITY.match(text, m.end())]
    return _no_platform(names) + (latin_names(text, page) if latin else [])


def names_seller(name: str, text: str) -> bool:
    """``text`` names the seller ``name`` (one of ``seller_names``), as a whole word: a name
    glued in one word in any case ("oddsforge" names "OddsForge"), a name before a number
    as written (a spam comment's shouted "TOP 10" is no news paragraph's "top 10"). The
    name starts and ends where ``seller_names`` reads one (``NAME_START``, ``NAME_END``):
    on a Hebrew or Arabic proclitic, before a Korean particle.

    >>> names_seller("OddsForge", "odds at oddsforge."), names_seller("TOP 10", "the top 10 teams")
    (True, False)
    >>> names_seller("별빛77", "오늘 별빛77에서 만나요"), names_seller("별빛7", "오늘 별빛77에서")
    (True, False)
    >>> names_seller("CasaLuna", "اربح فـCasaLuna"), names_seller("Luna", "CasaLuna")
    (True, False)
    """
    if not NUMBERED.fullmatch(name):
        name, text = name.lower(), text.lower()
    return re.search(f"{re.escape(name[0])}{NAME_START}{re.escape(name[1:])}{NAME_END}", text) is not None


def plain_sellers(tail: Block, head: int, page: PageFacts) -> list[str]:
    """The plain names of ``tail`` (``plain_names``), the last sentence of a paragraph
    that starts at ``head``, when it reads as a pitch appended to news: the model reads
    it at ``appended_plain_learned`` or more, it quotes nothing (reporting that quotes a
    pitch's phrases, "„бонус без депозит“ ... в България", is mention, not use), it does
    not open with a name the page gives elsewhere (a press release's "Ascom registered
    shares are listed on the SIX Swiss Exchange in Zurich."), and the paragraph before it
    reads as news (under ``appended_plain_head``; a prose pitch whose last sentence names
    one more place is the whole-paragraph rules', cut whole). A name the page gives only
    in other paragraphs' last sentences is still new (``plain_names`` with ``heads``)."""
    opts = page.options
    if tail.learned < opts.appended_plain_learned:
        return []
    names = plain_names(tail.text, page, tail.index, tail.stop_lang, heads=True)
    if (not names or MENTION.search(tail.text) or _opens_with_page_name(tail.text, tail.index, page)
            or ngram_model().probability(page.texts[tail.index][:head]) >= opts.appended_plain_head):
        return []
    return names


def plain_names(text: str, page: PageFacts, index: int, language: str | None = None,
                heads: bool = False) -> list[str]:
    """The capitalised words of ``text`` (of block ``index``) that neither open a
    sentence nor follow a one-word label ("... hittar du hos Ornella."; not "Thunder:
    Host the Lakers on Friday."), less handles, web addresses and platforms, and less
    every word of a run of names one of which another block of the page writes with its
    capital (``_gives``: "... more 9to5Mac Gift Guides!" on 9to5Mac's page); none in a
    language that capitalises every noun (``NOUN_CAPITALS``: the page's, else
    ``language``). Plainer than ``seller_names``: in news most such words name people
    and places, so only a sure model reading makes them a seller's. ``heads``: as
    ``_gives``'s, other paragraphs' last sentences do not count."""
    if (page.language or language) in NOUN_CAPITALS:
        return []
    text = HANDLE.sub(" ", LINK.sub(" ", text))
    names = []
    for run in NAME_RUN.finditer(text):
        found = [m.group() for m in CAPITALISED.finditer(text, run.start(), run.end())
                 if text[:m.start()].strip() and not OPENING.search(text[:m.start()])]
        if found and not any(_gives(w, page, index, heads) for w in run.group().split()):
            names += found  # no word of the run is a name the page gives ("9to5Mac Gift Guides")
    return _no_platform(names)


def _gives(word: str, page: PageFacts, index: int, heads: bool = False) -> bool:
    """A block of the page other than ``index``, and other than a comment's header
    (``page.comment_headers``: "Zioło Mazurskie says:", a seller signing its pitch),
    writes ``word``, of three letters or more, as written: with its capital, as a name.
    The page's words with a capital are indexed once a page. With ``heads``, the last
    sentence of a paragraph of two or more does not count, as in ``named_in``: a pitch
    appended to two paragraphs names its seller in each ("Започнете да инвестирате в
    биткойн с Орел Инвест ..." and "... с автоматичния бот на Орел Инвест.")."""
    key = "names_at_heads" if heads else "names_at"
    where = page.memo.get(key)
    if where is None:
        where = page.memo[key] = {}
        for j, text in enumerate(_heads(page) if heads else page.texts):
            if j not in page.comment_headers:
                for w in NAME_WORD.findall(text):
                    where.setdefault(w, set()).add(j)
    return len(word) >= 3 and any(j != index for j in where.get(word, ()))


def _opens_with_page_name(text: str, index: int, page: PageFacts) -> bool:
    """``text`` (of block ``index``) opens with a name that another block of the page
    writes, and writes only with its capital (not a word that merely opened the
    sentence: "Den", "Spela"): the sentence is about the page's own subject."""
    m = CAPITALISED.match(text.lstrip())
    if not m or not _gives(m.group(), page, index):
        return False
    word = re.compile(rf"\b{re.escape(m.group().lower())}\b")
    return not any(word.search(t) for j, t in enumerate(page.texts) if j != index)


def latin_names(text: str, page: PageFacts) -> list[str]:
    """The Latin words of ``text`` on a page of another script ("Vexel" in Russian,
    ``LATIN_WORD``), less platforms: ``seller_names``'s last kind, read apart where it
    needs a surer model reading."""
    return _no_platform(LATIN_WORD.findall(text)) if page.script not in ("latin", "none") else []


def _no_platform(names: list[str]) -> list[str]:
    """``names`` less the Indonesian and Malay plurals ("judi2") and the platforms
    (``PLATFORMS``, with or without a version: "Windows10")."""
    return [n for n in names if not REDUPLICATED.fullmatch(n) and n.lower().rstrip("0123456789 -") not in PLATFORMS]


def apart(mine: set[str], index: int, page: PageFacts, least: int | None = None) -> bool:
    """``mine`` (``stems`` of ``off_topic_word_letters`` letters or more, of block
    ``index`` or a sentence of it) are at least ``least`` (``off_topic_min_stems`` unless
    told) and at most ``off_topic_shared`` of them are used by another block: the text
    shares (almost) none of its words with its page."""
    opts = page.options
    return (len(mine) >= (opts.off_topic_min_stems if least is None else least)
            and elsewhere(mine, index, page) <= opts.off_topic_shared * len(mine))


def own_stems(block: Block, page: PageFacts) -> set[str]:
    """A block's stems of ``off_topic_word_letters`` letters or more: the page's
    (``stem_index``, made once) for a whole block, read afresh for a sentence of one."""
    letters = page.options.off_topic_word_letters
    if _whole(block, page):
        return stem_index(page, letters)[0][block.index]
    return stems(block.text, page.options, letters)


def elsewhere(mine: set[str], index: int, page: PageFacts) -> int:
    """How many of ``mine`` (``stems`` of ``off_topic_word_letters`` letters or more) a
    block of the page other than ``index`` uses."""
    where = stem_index(page, page.options.off_topic_word_letters)[1]
    return sum(1 for s in mine if any(j != index for j in where.get(s, ())))


def tail_apart(text: str, cut: int, index: int, page: PageFacts) -> bool:
    """Tell whether the sentence from ``cut`` to the end of block ``index``'s ``text`` is
    foreign to its page while the rest of its paragraph is not: at least
    ``off_topic_min_stems`` stems (of ``off_topic_word_letters`` letters or more), at
    most ``off_topic_shared`` of them in another block, and at least
    ``off_topic_rest_shared`` of the rest's own stems in another block. A sentence
    appended to a real paragraph is written for its market; the paragraph it lands on
    is written for its article. Read once a sentence a page: the probes and the signals
    that judge the sentence (``spam.off_topic``, ``spam.appended_pitch``) all ask."""
    known = page.memo.setdefault("tail_apart", {})
    key = (index, text[cut:].strip())
    if key not in known:
        opts = page.options
        mine = stems(text[cut:], opts, opts.off_topic_word_letters)
        rest = stems(text[:cut], opts, opts.off_topic_word_letters) - mine if apart(mine, index, page) else set()
        known[key] = bool(rest) and _shares_page(rest, index, page)
    return known[key]


def _shares_page(mine: set[str], index: int, page: PageFacts) -> bool:
    """At least ``off_topic_rest_shared`` of ``mine`` (stems of block ``index``) are
    found in another block: text of the page's own story."""
    return elsewhere(mine, index, page) >= page.options.off_topic_rest_shared * len(mine)


@signal("spam.pasted_link", weight="weight_pasted_link")
def pasted_link(block: Block, page: PageFacts) -> float:
    """1.0 for a block of the article that carries a web address off the page's site,
    shares (almost) none of its words with the rest of the page (``off_topic_shared``;
    a bare address has none to share) and that the n-gram model reads as spam at
    ``pasted_link_learned`` or more: a comment that points somewhere, pasted into a
    story ("HAPPY BIRTHDAY KATY :) http://giphy.com/..."). A story's own addresses come
    with its own words ("The study was published in Nature (https://doi.org/...)"), or
    point to a site the page names elsewhere ("please visit www.my6sense.com" in a
    story about my6sense). Not in the comment region (``spam.self_promotion`` and the model judge comments),
    not for a quotation, not on pages of fewer than ``pitch_min_blocks`` blocks."""
    opts = page.options
    if (block.learned < opts.pasted_link_learned or block.in_comments or block.quoted or block.dom
            or len(page.texts) < opts.pitch_min_blocks or ("://" not in block.text and "www." not in block.text)):
        return 0.0
    sites = {site_of("//" + host(link)) for link in LINK.findall(block.text)}
    if not any(site and site != page.host and not _named(site, block.index, page) for site in sites):
        return 0.0
    # A bare address has no words to share, and needs none (least=0).
    return 1.0 if apart(stems(LINK.sub(" ", block.text), opts, opts.off_topic_word_letters), block.index, page,
                        least=0) else 0.0


def _named(site: str, index: int, page: PageFacts) -> bool:
    """The name of a site (``dom.site_of``'s registrable part without its suffix:
    "my6sense" of www.my6sense.com), of three characters or more, appears in another
    block of the page."""
    name = site.split(".")[0]
    return len(name) >= 3 and any(name in t.lower() for j, t in enumerate(page.texts) if j != index)
