"""Compute the facts rules read: per block from its text, per page from all blocks.

Facts are computed once; rules and signals only read them. ``contexts`` says what a
block's neighbours tell (position, repetition, comment region, off-site anchor
text); ``block_facts`` adds what its own text tells; ``page_facts`` aggregates the
blocks into the document's script, language and topics.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .language import (
    STOP_SCRIPT, UNSPACED, count_stops, detect_short, dominant, japanese_or_chinese, script_counts, stop_langs,
    contradicts, detect, other_language, says_language, stop_language,
)
from .model import Block, PageFacts
from .ngrams import folded_tokens, model as ngram_model
from .normalize import reveal
from .morphology import DIGIT_HINT, ROOT_ANY, brand_total, glued_runs, may_name_brand
from .options import CleanOptions
from .resources import (
    CORE, COMMENT_AUTHORS, COMMENT_HEADERS, COMMENT_MARKERS, MENTION_FRAMES, MISREAD, QUOTED_LANGUAGES, STOP_FAMILY,
    STOPWORDS, STOPWORDS_OF, TERM_GROUPS, TERMS, TOPICS,
)
from .folding import bare, fold
from .links import host, listed, promo_links
from .segment import LINK, WORD, split_parts, words

# The last character (white space aside) of a block that ends a sentence.
SENTENCE_CLOSE = ".!?。！？…:;\"”’»)।؟۔"
# A short quoted span: a phrase someone is reported to have used.
MENTION = re.compile(r'"[^"\n]{1,80}"|“[^”\n]{1,80}”|„[^“”\n]{1,80}[“”]|«[^»\n]{1,80}»|「[^」\n]{1,80}」|『[^』\n]{1,80}』')
QUOTES = "\"'“”„«»‘’‚「」『』"


@dataclass(frozen=True, slots=True)
class Context:
    """What a block's neighbours tell about it (see ``contexts``)."""

    position: float = 0.0
    repeats: int = 0
    in_comments: bool = False
    comment_header: bool = False
    anchor_share: float = 0.0


NO_CONTEXT = Context()


# What a block's text alone tells (``_text_facts``): the Block fields that do not depend
# on its place, self-promotion outside the comment region, script and stopword counts,
# and the web addresses in it.
TextFacts = tuple[dict[str, object], float, dict[str, int], dict[str, float], tuple[str, ...]]


def block_facts(text: str, options: CleanOptions, start: int = -1, end: int = -1, index: int = 0,
                ctx: Context = NO_CONTEXT, learned: bool = True,
                read: dict[str, TextFacts] | None = None) -> tuple[Block, dict[str, int], dict[str, float]]:
    """Return a block's facts, with its script and stopword counts for page totals.

    ``learned=False`` skips the n-gram model (the DOM rules do not read it). ``read``
    keeps what the texts read so far tell, by text, for one page, options and ``learned``:
    a line repeated on a page (3,624 of the 32,208 blocks of both extraction sets) is read
    once. The counts returned are shared then, and not to be changed."""
    found = read.get(text) if read is not None else None
    if found is None:
        found = _text_facts(text, options, learned)
        if read is not None:
            read[text] = found
    fields, promo, scripts, stops, links = found
    block = Block(
        index=index, text=text, start=start, end=end,
        position=ctx.position, anchor_share=ctx.anchor_share, repeats=ctx.repeats,
        in_comments=ctx.in_comments, comment_header=ctx.comment_header,
        self_promo=promo + (_link_dominated(text, links, options) if ctx.in_comments else 0), **fields,
    )
    return block, scripts, stops


def _text_facts(text: str, options: CleanOptions, learned: bool) -> TextFacts:
    scripts = script_counts(text)
    script = japanese_or_chinese(scripts)
    toks = words(text)
    found = stop_langs(toks)
    stops = count_stops(found)
    if script in UNSPACED:
        units = max(1, sum(scripts.values()) // 3)
        stop_ratio = options.prose_stop_ratio  # unknown for unspaced scripts: read as prose
    else:
        units = len(toks)
        stop_ratio = len(found) / units if units else 0.0
    lang, _ = stop_language(stops, options.block_stop_hits, options.block_stop_share)
    shown = reveal(text)
    folded = fold(shown.text)
    plain = bare(folded)
    quoted = _quoted(text)
    # Mention is not use: phrases a block quotes ("sign up now", "best online casino") are
    # what someone said, so lexicon, promo and call-to-action terms inside short quoted
    # spans do not count, unless the whole block is one quotation (a spam line in quotes);
    # the n-gram model does not read them either.
    used = folded if quoted else MENTION_FRAMES.sub(" ", MENTION.sub(" ", folded))
    hits = term_hits(plain if used is folded else bare(used))
    model_words = folded_tokens(used) if learned else []
    evidence = ngram_model().evidence(model_words) if learned else (0.0, 0)
    links = tuple(LINK.findall(text)) if "://" in text or "www." in text else ()
    fields = dict(
        units=units, script=script,
        stop_lang=lang, stop_ratio=stop_ratio, stop_hits=tuple(stops.items()), sentence_end=_sentence_end(text),
        brands=_brands(plain, toks, text.isascii() and shown.text == text), glued=glued_runs(text),
        topics=tuple((t, hits[t]) for t in TOPICS if t in hits), cta=hits.get("cta", 0), promo=hits.get("promo", 0),
        mixed=_mixed(scripts, options), second_letters=sorted(scripts.values())[-2] if len(scripts) > 1 else 0,
        quoted=quoted, disguised=shown.disguised,
        learned=ngram_model().combine(*evidence) if learned else 0.0, learned_evidence=evidence,
        letter_words=sum(1 for w in model_words if w.strip("0")),
        link_units=0 if script in UNSPACED else sum(max(0, len(words(x)) - 1) for x in links),
    )
    promo = hits.get("selfpromo", 0) + options.self_promotion_cue * hits.get("selfcue", 0) + promo_links(folded)
    return fields, promo, scripts, stops, links


def _brands(plain: str, toks: list[str], same: bool) -> float:
    """``brand_total`` of a block's bare text; ``toks`` are its words when ``same`` (an
    ASCII block nothing disguised), else they are read only when the quick scan passes
    (in 779 of the 8,824 other blocks of both extraction sets)."""
    if same:
        return brand_total(plain, toks)
    return brand_total(plain, words(plain)) if may_name_brand(plain) else 0.0


def _sentence_end(text: str) -> bool:
    """Tell whether ``text`` ends with a sentence's closing mark (white space aside).

    >>> _sentence_end("It rained. "), _sentence_end("Home | News")
    (True, False)
    """
    t = text.rstrip()
    return bool(t) and t[-1] in SENTENCE_CLOSE


def _link_dominated(text: str, links: Sequence[str], options: CleanOptions) -> int:
    """1 when the web addresses ``links`` (segment.LINK's) make up at least
    ``link_text_share`` of the block's characters
    (a comment that is a link and little else), else 0. Read in the comment region only:
    in an article a line of links is a credit, a source or a shop link (12 such lines of
    the 181 bench pages, 2026-12-04). Addresses of hosts ``PROMO_HOSTS`` lists as not
    promotion (the video site's own links, which fans share) do not count."""
    chars = sum(len(m) for m in links if listed(host(m)) is not False)
    return int(chars > 0 and chars >= options.link_text_share * len(text.strip()))


def _mixed(scripts: dict[str, int], options: CleanOptions) -> bool:
    if len(scripts) < 2:
        return False
    name, second = sorted(scripts.items(), key=lambda kv: kv[1])[-2]
    least = options.mixed_letters_unspaced if name in UNSPACED else options.mixed_letters
    return second >= least and second >= options.mixed_share * sum(scripts.values())


def _quoted(text: str) -> bool:
    """A block that is one quotation: opens with a quote mark and closes with one."""
    t = text.strip().rstrip(".,;:")
    return len(t) > 2 and t[0] in QUOTES and t[-1] in QUOTES


def foreign_language(block: Block, page: PageFacts) -> str | None:
    """Return the language of a block written in another language than its page, else None.

    Only for blocks in the page's own script (another script is told by the script
    alone): the block's stopword language when it has one, else, for a sentence
    with almost none of the page language's stopwords, seeded langdetect. And for a
    Latin-script block on a page of another script whose stopwords name its language
    (``foreign_latin_named``), unless a page quotes that language as its own
    (``QUOTED_LANGUAGES``): Latin letters alone are names and code on such a page. In
    the comment region, langdetect's reading of a language it names for the page
    language's informal writing (``MISREAD``, ``comment_misreads``) is no evidence.
    """
    opts = page.options
    if (opts.foreign_latin_named and block.script == "latin" and page.script not in ("latin", "none")
            and block.stop_lang and block.stop_lang not in QUOTED_LANGUAGES and not block.quoted
            and block.units >= opts.foreign_units):
        return block.stop_lang  # a Dutch casino line on a Russian page: not a name, nor code
    if not page.language or block.units < opts.foreign_units or block.script != page.script or block.quoted:
        return None
    own = _own_share(block, page.language)
    hits = dict(block.stop_hits)
    if block.stop_lang and block.stop_lang != page.language:
        outweighed = own < opts.own_language_share or names_other(hits, page.language, opts)
        return block.stop_lang if outweighed and not _reads_own(block, page) else None
    # A web address's words ("fatwa-para-ulama") are no language's prose: left out here.
    if (not block.stop_lang and own < opts.own_language_share and block.units - block.link_units >= opts.foreign_units
            and (lang := _family_language(block, page)) and not _reads_own(block, page)):
        return lang
    if block.units < opts.detect_units or (own >= (
            opts.foreign_stop_share if block.units < opts.detect_long_units else opts.detect_long_stop_share)
            and not names_other(hits, page.language, opts)):
        return None
    if own >= opts.foreign_stop_share and CORE.get(page.language, frozenset()) & set(words(block.text)):
        return None  # a long sentence with the page language's commonest words is in it
    text = LINK.sub(" ", block.text)
    lower = [fold(w) for w in WORD.findall(text) if w.isalpha() and w[0].islower()]
    if len(lower) < opts.detect_lower_words:
        return None  # numbers, link parts, names and product titles are no evidence of a language
    vocabulary = page_vocabulary(page)
    shared = sum(1 for w in lower if vocabulary.get(w, block.index) != block.index)
    if shared >= opts.detect_shared_vocabulary * len(lower):
        return None
    found = detect_short(text)
    if opts.comment_misreads and block.in_comments and found and found[0][0] in MISREAD.get(page.language, ()):
        return None  # "yg ngomong yg punya video tapi ..." is an Indonesian comment, not Tagalog
    own_family = family_of(page.language) if opts.foreign_own_reading else (page.language,)
    if found and found[0][0] not in own_family and found[0][1] >= opts.detect_prob:
        return found[0][0]
    if not (block.sentence_end and _inside_paragraph(block, page)) or _any_own_stopword(text, page):
        return None
    if found and found[0][0] in own_family and not block.stop_hits:
        return None  # no function word of any list, read as a sister language: no evidence
    # A sentence closing inside a longer paragraph, without one of the page language's
    # stopwords: not the page's language, whichever it is (other_language; a short
    # sentence splits langdetect's belief among a family's languages). Not for a line
    # on its own: an English bullet ("- Fast, precise autofocus captures every moment.")
    # reads as French or Romanian; nor for a sentence of names with a stopword
    # ("Kukushkin had beaten Botic van de Zandschulp 6-2, 6-2, while ...").
    lang, other = other_language(found, page.language)
    return lang if other >= opts.detect_prob else None


def names_other(hits: dict[str, float], language: str | None, options: CleanOptions) -> bool:
    """Stopword hits (``stop_counts``) that name another language than ``language``: one
    holds ``foreign_tail_stopwords`` or more and ``foreign_stop_lead`` times the page
    language's ("Şu an çevrende 37 bekâr kadın ... üzerinde çevrimiçi.": Turkish 2,
    English 1 for "an"; "Studenci, którzy nie mają czasu, zgłaszają się do Nuqoxe.":
    Polish 2.5, English 0.5 for "do"), though the page's make a tenth of the words."""
    others = [n for lang, n in hits.items() if lang != language]
    return bool(others) and max(others) >= max(options.foreign_tail_stopwords,
                                                hits.get(language or "", 0.0) * options.foreign_stop_lead)


def family_of(lang: str) -> tuple[str, ...]:
    """``lang`` and the languages whose stopword lists share its words (``STOP_FAMILY``)."""
    return STOP_FAMILY.get(lang, (lang,))


def family_hits(hits: dict[str, float]) -> dict[tuple[str, ...], float]:
    """Stopword hits summed by family (``family_of``): a Czech sentence's "už" and "od"
    split between the Czech and Polish lists, and count as two for the family."""
    sums: dict[tuple[str, ...], float] = {}
    for lang, n in hits.items():
        family = family_of(lang)
        sums[family] = sums.get(family, 0.0) + n
    return sums


def leading_family(hits: dict[str, float]) -> tuple[tuple[str, ...], float]:
    """The family (``family_hits``) with most stopword hits and their sum, ties to the
    first in sorted order; ((), 0.0) without hits."""
    sums = family_hits(hits)
    if not sums:
        return (), 0.0
    family = max(sorted(sums), key=sums.__getitem__)
    return family, sums[family]


def _reads_own(block: Block, page: PageFacts) -> bool:
    """Seeded langdetect reads a block whose stopwords named another language than the
    page's as the page's language or one of its family (``foreign_own_reading``). The
    lists hold a language's commonest words, and a sentence's few of them are often
    words many languages share: a French sentence ("En parler tôt à un proche ...") held
    more Spanish hits than French, a Portuguese one ("... o vazio interior se transformam
    na busca ...") Czech and Polish ones. A reading of a third language leaves the block
    foreign (Estonian read by its stopwords as Finnish)."""
    if not page.options.foreign_own_reading:
        return False
    found = detect_short(LINK.sub(" ", block.text))
    return bool(found) and found[0][0] in family_of(page.language or "")


def _own_share(block: Block, lang: str) -> float:
    """``block.stop_share(lang)`` less its words of one letter, which tell no language
    (``says_language``): a Polish sentence's "i" is the English list's only ("Wytypuj
    zwycięzcę konkursu w Typ 777 i zgarnij zwrot stawki." held a tenth of English
    stopwords)."""
    share = block.stop_share(lang)
    if not share:
        return 0.0
    one = [langs for w in words(block.text) if len(w) == 1 and lang in (langs := STOPWORDS.get(w, ()))]
    return max(0.0, share - sum(1.0 / len(langs) for langs in one) / block.units)


def _any_own_stopword(text: str, page: PageFacts) -> bool:
    """``text`` holds a stopword that tells the page's language (``says_language``)."""
    stop = STOPWORDS_OF.get(page.language or "", frozenset())
    return any(says_language(w, stop) for w in words(text))


def _inside_paragraph(block: Block, page: PageFacts) -> bool:
    """The block is a sentence of a longer paragraph (``clean._part``), not a line of its own."""
    return 0 <= block.index < len(page.texts) and len(page.texts[block.index]) > len(block.text)


def _family_language(block: Block, page: PageFacts) -> str | None:
    """The language of a block whose stopwords split among languages that share them
    (``STOP_FAMILY``: Danish and Norwegian): the family with most hits, counted
    together, when it has ``block_stop_hits`` and ``block_stop_share`` of them and is
    not the page language's; its language with most hits."""
    hits = dict(block.stop_hits)
    family, n = leading_family(hits)
    if (not family or page.language in family or n < page.options.block_stop_hits
            or n < page.options.block_stop_share * sum(hits.values())):
        return None
    return dominant({lang: hits[lang] for lang in family if lang in hits})


def page_vocabulary(page: PageFacts) -> dict[str, int]:
    """Map each word of the page's own-language sentences to the block it occurs in (-1: several).

    Built once a page, on first need, from its own prose without commercial evidence,
    sentence by sentence: a sentence counts when at least ``vocabulary_stop_share`` of its
    words are the page language's stopwords, so a foreign sentence appended to an
    article paragraph does not lend its words to a foreign block elsewhere.
    """
    vocabulary = page.memo.get("vocabulary")
    if vocabulary is None:
        vocabulary = page.memo["vocabulary"] = {}
        stops = STOPWORDS_OF.get(page.language, frozenset())
        for index, text in page.own_prose:
            for a, b in split_parts(text, page.options):
                toks = words(text[a:b])
                own = sum(map(stops.__contains__, toks))
                if toks and own >= page.options.vocabulary_stop_share * len(toks):
                    for w in toks:
                        vocabulary[w] = index if vocabulary.get(w, index) == index else -1
    return vocabulary


def with_foreign(block: Block, page: PageFacts) -> Block:
    """The block with ``foreign`` filled in (the same block when it is not foreign)."""
    lang = foreign_language(block, page)
    return replace(block, foreign=lang) if lang else block


def term_hits(low: str) -> dict[str, int]:
    """Count lexicon, promo and call-to-action hits in accent-stripped text, by group."""
    hits: dict[str, int] = {}
    for m in TERMS.findall(low):
        for group in TERM_GROUPS[m]:
            hits[group] = hits.get(group, 0) + 1
    return hits


def commercial_text(text: str) -> bool:
    """Tell quickly whether a text has any commercial evidence (lexicon, promo, brand, glue)."""
    low = bare(fold(text))
    for m in TERMS.finditer(low):
        if TERM_GROUPS[m.group()] != ("cta",):
            return True
    return brand_total(low, words(low)) >= 1 or glued_runs(text) > 0


def commercial_texts(texts: list[str]) -> list[bool]:
    """``commercial_text`` of many short texts (a page's off-site anchor texts: hundreds of
    names and headlines). One scan of them all finds the few that can have evidence (a
    lexicon term, a brand root, a digit glued to a letter); only those are read whole."""
    if not texts:
        return []
    joined = "\n".join(texts)
    low = bare(fold(joined))
    starts = [0]
    for line in low.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    maybe: set[int] = set()
    for pattern in (TERMS, ROOT_ANY, DIGIT_HINT):
        for m in pattern.finditer(low):
            maybe.add(bisect_right(starts, m.start()) - 1)
    if not low.isascii():  # glued_runs reads roots in text.lower(), before accents are stripped
        plain = joined.lower()
        if len(plain) == len(joined):
            pstarts = [0]
            for line in plain.split("\n")[:-1]:
                pstarts.append(pstarts[-1] + len(line) + 1)
            maybe.update(bisect_right(pstarts, m.start()) - 1 for m in ROOT_ANY.finditer(plain))
        else:
            return [commercial_text(t) for t in texts]
    return [i in maybe and commercial_text(t) for i, t in enumerate(texts)]


def is_prose(block: Block, options: CleanOptions) -> bool:
    """Tell whether a block reads as ordinary running text (not glued, not a sales pitch)."""
    if block.units < options.prose_units or block.glued:
        return False
    if block.stop_ratio < (options.prose_stop_ratio_sentence if block.sentence_end else options.prose_stop_ratio):
        return False
    return block.promo / block.units <= options.prose_promo_density


def _detected_leader(stops: dict[str, float], script: str, mine: list[Block], options: CleanOptions) -> str | None:
    """The page's language when its stopwords lead without deciding and langdetect names
    the same language: the leader has ``doc_stop_hits`` or more and ``doc_stop_lead``
    of all hits, and seeded langdetect gives it ``detect_prob`` or more. Romance pages
    share their short words ("a", "o", "de", "da", "en") with each other and with
    Turkish, so a Portuguese or Italian page's own list held 0.29-0.47 of its hits and
    the page had no language: a sentence appended in another language read as the
    page's own."""
    lang = dominant(stops)
    if (stops[lang] < options.doc_stop_hits or stops[lang] < options.doc_stop_lead * sum(stops.values())
            or STOP_SCRIPT.get(lang, "latin") != script):
        return None
    found, prob = detect("\n".join(b.text for b in mine)[:options.language_sample])
    return lang if found == lang and prob >= options.detect_prob else None


def page_facts(
    blocks: list[Block], scripts: dict[str, int], stops: dict[str, float], options: CleanOptions,
    host: str | None = None, anchors: tuple[str, ...] = (), is_html: bool = False,
) -> PageFacts:
    """Aggregate block facts into the document's facts."""
    lang, _ = stop_language(stops, options.doc_stop_hits, options.doc_stop_share)
    script = japanese_or_chinese(scripts) if scripts else dominant(scripts)
    if lang and STOP_SCRIPT.get(lang, "latin") != script:
        lang = None  # English menus around a Korean article do not make it English
    mine = [b for b in blocks if b.script == script]
    if lang:
        if stops[lang] < options.language_check_density * sum(b.units for b in mine) and contradicts(
                detect("\n".join(b.text for b in mine)[:options.language_sample]), lang, options):
            lang = None  # an Estonian page is not Finnish: its blocks would all read as foreign
    elif stops:
        lang = _detected_leader(stops, script, mine, options)
    own = [b for b in blocks if belongs(b, script, lang, options)]
    # Blocks of a named other script or stopword language (not the merely unknown:
    # lists and captions have few stopwords of any language).
    other = [b for b in blocks if (b.script not in ("none", script) and b.script != "latin")
             or (lang and b.stop_lang and b.stop_lang != lang)]
    chars = sum(len(b.text) for b in blocks)
    own_prose = tuple((b.index, b.text) for b in own
                      if lang and b.stop_lang == lang and not b.commercial())
    return PageFacts(
        host=host, chars=chars, blocks=len(blocks), script=script, language=lang,
        topics=document_topics(own, options), options=options,
        offsite_anchors=anchors, is_html=is_html,
        foreign_share=sum(len(b.text) for b in other) / chars if chars else 0.0,
        foreign_blocks=sum(1 for b in other if b.units >= options.prose_units), own_prose=own_prose,
        texts=tuple(b.text for b in blocks),
        comments_from=next((b.index for b in blocks if b.in_comments), len(blocks)),
        comment_headers=frozenset(b.index for b in blocks if b.comment_header),
    )


def belongs(block: Block, script: str, lang: str | None, options: CleanOptions) -> bool:
    """Tell whether a block is written in the document's own script and language."""
    if block.script != script:
        return False
    return lang is None or block.stop_lang == lang or block.stop_share(lang) >= options.own_language_share


def document_topics(blocks: list[Block], options: CleanOptions) -> frozenset[str]:
    """Return the lexicon topics the document's prose is about.

    A topic must be carried by at least ``topic_share`` of the prose characters and by
    at least ``topic_blocks`` prose blocks, each at an ordinary density: a single
    keyword-stuffed line does not make a page "about" its keywords. A block the n-gram
    model reads as spam (``learned_floor``) carries no topic, though its characters
    count in the prose: two casino pitches pasted into a story on pharmacy advice do not
    make it a page about gambling, whose gambling words would then weigh
    ``topic_discount`` as much.
    """
    prose = [b for b in blocks if is_prose(b, options)]
    total = sum(len(b.text) for b in prose)
    if not total:
        return frozenset()
    chars: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for b in prose:
        if b.learned >= options.learned_floor:
            continue
        for topic, n in b.topics:
            if n / b.units <= options.topic_density:
                chars[topic] += len(b.text)
                count[topic] += 1
    return frozenset(t for t, n in chars.items()
                     if n / total >= options.topic_share and count[t] >= options.topic_blocks)


def contexts(spans: list[tuple[int, int]], text: str, options: CleanOptions,
             anchors: tuple[str, ...] = ()) -> list[Context]:
    """Return each block's context: position, repetition, comment region, anchor share."""
    lines = [text[a:b].strip() for a, b in spans]
    seen = Counter(line.lower() for line in lines)
    authors = [i for i, line in enumerate(lines)
               if len(line) <= options.comment_author_max_chars and COMMENT_AUTHORS.fullmatch(line)]
    opens = authors[0] if len(authors) >= options.comment_author_lines else -1
    out, in_comments = [], False
    for i, ((a, _), line) in enumerate(zip(spans, lines)):
        short = len(line) <= options.comment_marker_max_chars
        in_comments = in_comments or i == opens  # an author line is itself part of the comments
        marker = short and bool(COMMENT_MARKERS.fullmatch(line))
        out.append(Context(
            position=a / len(text), repeats=seen[line.lower()] - 1, in_comments=in_comments and not marker,
            comment_header=short and bool(COMMENT_HEADERS.fullmatch(line)), anchor_share=anchor_share(line, anchors),
        ))
        in_comments = in_comments or marker
    return out


def anchor_share(text: str, anchors: tuple[str, ...]) -> float:
    """Share of ``text`` covered by the given anchor texts."""
    if not anchors or not text:
        return 0.0
    low = text.lower()
    covered = sum(len(a) * low.count(a) for a in anchors if a in low)
    return min(1.0, covered / len(text))
