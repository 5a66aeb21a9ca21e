"""The engine: segment, run the registry, score, decide, assemble; the only loop.

``clean_text`` cleans plain text. ``clean_html`` parses once, runs the DOM rules on
the tree, hands the same tree to Trafilatura, and cleans the extracted text with
the same block engine, told which anchor texts pointed off-site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import dom
from .charset import decode_html
from .extract import drop_headline, extract, headlines
from .folding import fold
from .facts import (
    Context, TextFacts, anchor_share, block_facts, contexts, is_prose, leading_family, names_other, page_facts,
    page_vocabulary, with_foreign,
)
from .language import (
    UNSPACED, add_counts, document_language, dominant, glued_to, says_language, stop_counts, stop_langs,
)
from .model import Block, CleanResult, Near, PageFacts, Removal, Verdict
from .ngrams import model as ngram_model
from .options import CleanOptions
from .rules import entries
from .rules.registry import specific
from .rules.lexicon import commercial
from .rules.pitch import (appended, apart, brand_shaped, names_seller, plain_names, seller_names, sold_tail, stems,
                          tail_apart, unnamed)
from .score import Score, score_block
from .resources import NOUN_CAPITALS, STOPWORDS, STOPWORDS_OF
from .segment import LINK, WORD, last_part, segment_text, split_parts, words

BLOCK_RULES = entries("rule", "block")
DOM_RULES = entries("rule", "dom")
NEIGHBOUR_RULES = entries("rule", "neighbour")
SELLER_RULES = entries("rule", "seller")
NEVER = float("inf")  # a ``learned_min`` that no model reading reaches: the model alone is never specific
PAGE_RULES = entries("rule", "page")
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# Candidate names (``_names``): a letter and three or more word characters; and where a
# sentence starts (after the text's start, . ! ? : or a table cell's bar, and spaces,
# a list's bullet or an opening quote).
NAME = re.compile(r"\b[^\W\d_]\w{3,}\b")
# A Latin name glued to the next word in a script that does not space its words
# ("RepoMasterにお任せください", "MoneyBada에서"): ``_names`` reads it apart.
GLUED_NAME = glued_to("A-Za-z0-9")
SENTENCE_START = re.compile(r"(?:^|[.!?:|])[\s\-–—•*\"'“„«¿¡(]*")
# A glued sentence (``_seam``): a capitalised word after a letter, digit, closing quote
# or bracket and spaces (not after a mark that ends or joins clauses), and the marks a
# sentence ends with.
SEAM_START = re.compile(r"(?<=[\w\"'”’»)\]])\s+(?=[^\W\d_])")
SEAM_END = frozenset(".!?…")
# A hook: one question, ending with its question mark, and no other sentence before it.
HOOK_END = re.compile(r"[?？؟]$")
SENTENCE_BREAK = re.compile(r"[.!?。！？؟।۔]\s")
DEFAULT = CleanOptions()
# Quote marks that open or close a quotation (single ones are apostrophes as often).
DOUBLE_QUOTES = frozenset('"“”„«»「」『』')


@dataclass(frozen=True, slots=True)
class Decision:
    """What happens to one block: its records, and whether it goes whole or in part.

    ``dropped``: the whole block goes. ``cuts``: block-relative spans that go.
    ``removals`` records both, and guard records of vetoed removals.
    """

    block: Block
    removals: tuple[Removal, ...] = ()
    cuts: tuple[tuple[int, int], ...] = ()
    dropped: bool = False
    score: float = 0.0  # the block's combined score (0.0 when a rule decided it or nothing fired)
    ruled: float = 0.0  # the same without the model's evidence (``Score.ruled``)


def clean_text(text: str, url: str | None = None, options: CleanOptions | None = None) -> CleanResult:
    """Clean plain text: drop spam and boilerplate blocks and appended spam sentences.

    Kept blocks keep their text and order; blank-line paragraph breaks are kept.
    Removal offsets index into ``text``. Raises TypeError when ``text`` is not a str.
    """
    if not isinstance(text, str):
        hint = ": decode it first, or pass HTML to clean_html" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"clean_text() takes text as str, not {type(text).__name__}{hint}")
    return run_text(text, options or DEFAULT, dom.site_of(url))


def clean_html(html: str | bytes, url: str | None = None, options: CleanOptions | None = None) -> CleanResult:
    """Parse, drop spam elements, extract the main text and metadata, clean the text.

    Bytes are decoded as a browser decodes a page with no HTTP header (``charset.py``).
    Removal offsets index into the extracted text (-1 for elements removed from the
    tree). A page without main text gets ``reject_reason="extract.no_text"``. Raises
    TypeError when ``html`` is neither str nor bytes.
    """
    if isinstance(html, (bytes, bytearray)):
        html = decode_html(bytes(html))[1]
    elif not isinstance(html, str):
        raise TypeError(f"clean_html() takes HTML as str or bytes, not {type(html).__name__}")
    options = options or DEFAULT
    tree = dom.parse(html) if html else None
    if tree is None:
        return CleanResult(text="", reject_reason="extract.no_text")
    canonical = dom.canonical_url(tree, url)
    site = dom.site_of(url) or dom.site_of(canonical)
    found, anchors = dom.candidates(tree, site, options)
    heading, parts = dom.headings(tree)
    brands = (dom.linked_headline_names(tree, heading, site, options.doorway_title_words)
              if options.doorway_learned < 1 else ())
    named = heading + parts
    heads = dom.headline_names(named, options.pitch_title_words)
    linked = bool(brands)
    if not brands and options.doorway_learned < 1 and options.doorway_unlinked_learned < 1:
        brands = branded_headline_names(named, options.pitch_title_words)
    dom_removals = run_dom(found, page_facts([], {}, {}, options, site, anchors, True))
    titles = headlines(tree) if options.drop_headline else ()
    meta = extract(tree, url, options, html)
    result = run_text(meta.text, options, site, anchors, dom_removals, is_html=True, brands=brands, heads=heads,
                      linked=linked)
    # The headline is judged with the text (a landing page's pitch starts there) and
    # left out of what is kept: neither extraction benchmark counts it as body text.
    text = drop_headline(result.text, titles, options.headline_part_chars) if titles else result.text
    return replace(result, text=text, title=meta.title, author=meta.author, published=meta.published,
                   sitename=meta.sitename, canonical_url=canonical)


def run_dom(found: list[dom.Candidate], page: PageFacts) -> tuple[Removal, ...]:
    """Run the DOM rules on each candidate not inside a dropped one; drop those that fire."""
    removals, dropped = [], set()
    for cand in found:
        el = cand.element
        if any(a in dropped for a in el.iterancestors()):
            continue
        for entry in DOM_RULES:
            if entry.fn(cand.block, page):
                removals.append(Removal(entry.kind, entry.code, cand.block.text))
                dropped.add(el)
                el.drop_tree()
                break
    return tuple(removals)


def run_text(
    text: str, options: CleanOptions, site: str | None = None,
    anchors: tuple[str, ...] = (), dom_removals: tuple[Removal, ...] = (), is_html: bool = False,
    brands: tuple[str, ...] = (), heads: tuple[str, ...] = (), linked: bool = True,
) -> CleanResult:
    """Clean extracted or plain text; ``dom_removals`` are recorded ahead of the text's.
    ``brands`` are the page's linked headline names (``dom.linked_headline_names``), or
    with ``linked`` false its brand-shaped headline's names (``branded_headline_names``),
    ``heads`` its short headline's names (``dom.headline_names``)."""
    blocks, page, stops = _facts(text, options, site, anchors, is_html)
    if not blocks:
        # Nothing extracted: a page whose DOM pass took an article's worth of spam was a
        # spam page; otherwise there was simply no main text.
        dom_spam = sum(len(r.text) for r in dom_removals if r.kind == "spam")
        is_spam = dom_spam >= options.min_article_chars
        return CleanResult(text="", removed=dom_removals, is_spam=is_spam, spam_score=1.0 if dom_spam else 0.0,
                           reject_reason="spam.page" if is_spam else "extract.no_text")
    decisions = _same_seller(_neighbours_of_spam([decide(b, page) for b in blocks], page), page)
    verdict = judge(decisions, dom_removals, options, brands, page.language, heads, linked)
    for entry in PAGE_RULES:  # the first page rule that fires decides
        if entry.fn(verdict, page):
            if entry.kind == "spam":
                return _spam_page(decisions, dom_removals, verdict, entry.code)
            decisions = [_veto(d, entry.code) for d in decisions]
            break
    kept = assemble(text, decisions)
    removed = dom_removals + tuple(r for d in decisions for r in d.removals)
    spam_chars = sum(len(r.text) for r in removed if r.kind == "spam")
    kept_stops: dict[str, float] = {}
    for d in decisions:
        if not d.dropped:
            add_counts(kept_stops, stops[d.block.index])
    lang, lang_score = (document_language(kept, page.script, kept_stops, options)
                        if options.detect_language else (None, None))
    return CleanResult(text=kept, removed=removed, language=lang, language_score=lang_score,
                       spam_score=round(spam_chars / verdict.chars, 4) if verdict.chars else 0.0)


def _facts(text: str, options: CleanOptions, site: str | None, anchors: tuple[str, ...],
           is_html: bool) -> tuple[list[Block], PageFacts, list[dict[str, float]]]:
    spans = segment_text(text)
    blocks, stops = [], []
    # The page's script and language are voted by its blocks; blocks with commercial
    # evidence vote apart, and count only when the others are too few to decide (a
    # gambling article): a short article under a long spam tail keeps its own language.
    scripts: dict[str, int] = {}
    all_stops: dict[str, float] = {}
    ad_scripts: dict[str, int] = {}
    ad_stops: dict[str, float] = {}
    read: dict[str, TextFacts] = {}  # a line repeated on the page is read once
    for i, ((a, b), ctx) in enumerate(zip(spans, contexts(spans, text, options, anchors))):
        block, sc, st = block_facts(text[a:b], options, a, b, i, ctx, read=read)
        blocks.append(block)
        stops.append(st)
        ad = commercial(block)
        add_counts(ad_scripts if ad else scripts, sc)
        add_counts(ad_stops if ad else all_stops, st)
    if sum(scripts.values()) < options.own_vote_share * (sum(scripts.values()) + sum(ad_scripts.values())):
        add_counts(scripts, ad_scripts)
        add_counts(all_stops, ad_stops)
    page = page_facts(blocks, scripts, all_stops, options, site, anchors, is_html)
    return [with_foreign(b, page) for b in blocks], page, stops


def _is_spam(d: Decision) -> bool:
    return d.dropped and any(r.kind == "spam" for r in d.removals)


def _neighbours_of_spam(decisions: list[Decision], page: PageFacts) -> list[Decision]:
    """Run the neighbour rules on each kept block next to removed spam, in order (the
    first that fires removes the block), until nothing changes: runs of spam grow."""
    out = decisions
    changed = True
    while changed:
        changed = False
        for i, d in enumerate(out):
            if d.dropped or d.removals:
                continue
            before = i > 0 and _is_spam(out[i - 1])
            after = i + 1 < len(out) and _is_spam(out[i + 1])
            if not (before or after):
                continue
            near = Near(before, after, lambda b=d.block: score_block(b, page))
            for entry in NEIGHBOUR_RULES:
                if entry.fn(d.block, near, page):
                    b, s = d.block, near.score() if near.scored else None
                    removal = Removal(entry.kind, entry.code, b.text, s.value if s else 1.0, s.evidence if s else (),
                                      b.start, b.end)
                    out[i] = Decision(b, (removal,), dropped=True, score=s.value if s else d.score,
                                      ruled=s.ruled if s else d.ruled)
                    changed = True
                    break
    return out


def _same_seller(decisions: list[Decision], page: PageFacts) -> list[Decision]:
    """Run the seller rules on the kept blocks that name a seller (``seller_names``) that
    a spam removal of the page named on specific evidence (the model's reading alone
    names no seller), where at most ``same_seller_blocks`` kept blocks name it: each such
    block, or only its last sentence when nothing before it in the block names the seller
    (a pitch appended to news). The first rule that fires takes the unit; a block is
    taken once, whichever of the sellers it names is looked up first."""
    named: dict[str, None] = {}
    for d in decisions:
        for r in d.removals:
            if r.kind == "spam" and specific(r.signals, learned_min=NEVER):
                named.update(dict.fromkeys(seller_names(r.text, page)))
    if not named:
        return decisions
    opts = page.options
    kept = ["" if d.dropped else assemble_block(d) for d in decisions]
    out = list(decisions)
    taken: set[int] = set()
    for name in named:
        where = [i for i, text in enumerate(kept) if text and names_seller(name, text)]
        if len(where) > opts.same_seller_blocks:
            continue  # the page's own subject
        for i in where:
            if i in taken:
                continue  # its unit went for another seller already
            d, block = out[i], out[i].block
            a, b = last_part(block.text, opts)
            tail = a > 0 and not names_seller(name, block.text[:a])
            unit = _part(block, a, b, page) if tail else block
            for entry in SELLER_RULES:
                if entry.fn(unit, page):
                    out[i] = _taken(d, (a, b) if tail else None, entry.kind, entry.code, unit.learned)
                    taken.add(i)
                    break
    return out


def _taken(d: Decision, tail: tuple[int, int] | None, kind: str, code: str, learned: float) -> Decision:
    """``d`` with its last sentence ``tail`` cut, or (``tail`` None) with all it kept
    gone, recorded piece by piece under ``code`` (what earlier cuts took keeps its own
    record)."""
    block, signals = d.block, ((code, 1.0),)
    spans = [tail] if tail else [(a, b) for a, b in _gaps(d.cuts, len(block.text)) if block.text[a:b].strip()]
    taken = tuple(Removal(kind, code, block.text[a:b], round(learned, 4), signals, block.start + a, block.start + b)
                  for a, b in spans)
    return Decision(block, d.removals + taken, d.cuts + ((tail,) if tail else ()), dropped=not tail,
                    score=d.score, ruled=d.ruled)


def _gaps(cuts: tuple[tuple[int, int], ...], end: int) -> list[tuple[int, int]]:
    """The spans of ``[0, end)`` that ``cuts`` leave.

    >>> _gaps(((4, 9),), 12), _gaps((), 3)
    ([(0, 4), (9, 12)], [(0, 3)])
    """
    out, pos = [], 0
    for a, b in sorted(cuts):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    return out + [(pos, end)] if pos < end else out


def decide(block: Block, page: PageFacts) -> Decision:
    """Decide one block: a rule removes it, or its score removes it or some of its parts."""
    for entry in BLOCK_RULES:
        if entry.fn(block, page):
            removal = Removal(entry.kind, entry.code, block.text, 1.0, (), block.start, block.end)
            return Decision(block, (removal,), dropped=True)
    opts = page.options
    s = score_block(block, page)
    if s.value < opts.probe_threshold and not _worth_probing(block, page):
        return Decision(block, score=s.value, ruled=s.ruled)
    removal = Removal("spam", s.reason, block.text, s.value, s.evidence, block.start, block.end)
    whole = Decision(block, (removal,), dropped=True, score=s.value, ruled=s.ruled)
    parts = split_parts(block.text, opts)
    if (k := _seam(block, *parts[-1], page)) is not None:  # the last sentence is cut at its seam
        a, b = parts.pop()
        parts += [(a, len(block.text[:k].rstrip())), (k, b)]
    elif len(parts) >= 2 and _hooked(block.text, *parts[-1], opts) == parts[-2][0]:
        parts[-2:] = [(parts[-2][0], parts[-1][1])]  # a short pitch is judged with its hook
    if len(parts) < 2:
        return whole if s.value >= opts.spam_threshold else Decision(block, score=s.value, ruled=s.ruled)
    found = _decide_parts(block, parts, s, page)
    return replace(found, score=s.value, ruled=s.ruled) if found else whole


def _decide_parts(block: Block, parts: list[tuple[int, int]], s: Score, page: PageFacts) -> Decision | None:
    """Cut the spam sentences (or cells) of a block; None when the whole block should go."""
    opts = page.options
    scored = [(a, b, part, score_block(part, page)) for a, b in parts if (part := _part(block, a, b, page))]
    hits = sum(part.hits() for _, _, part, _ in scored)
    spam = [(a, b, p) for a, b, part, p in scored
            if p.value >= opts.spam_threshold and (_specific(p) or _topic_shift(part, hits, page))]
    unsure = any(opts.probe_threshold <= p.value < opts.spam_threshold for _, _, _, p in scored)
    cut = {(a, b) for a, b, _ in spam}
    kept = [(a, b, part) for a, b, part, _ in scored if (a, b) not in cut]  # what the cuts would leave
    if s.value >= opts.spam_threshold and (len(spam) == len(parts) or not spam or unsure or _foreign_whole(s)
                                           or _pitch_whole(s, page, _rest(block, kept, opts))):
        return None
    if s.value >= opts.spam_threshold and not any(is_prose(part, opts) for _, _, part in kept):
        return None  # what the cuts would leave is not prose (the other cells of a spam row)
    if not spam:
        return Decision(block)
    if _spam_comment(block, kept, spam, opts):
        _, _, p = max(spam, key=lambda piece: piece[2].value)
        return Decision(block, (Removal("spam", p.reason, block.text, p.value, p.evidence, block.start, block.end),),
                        dropped=True)
    spam = _with_hook(block, spam, [(a, b) for a, b, _, _ in scored], page)
    removals = tuple(Removal("spam", p.reason, block.text[a:b], p.value, p.evidence, block.start + a, block.start + b)
                     for a, b, p in spam)
    return Decision(block, removals, tuple((a, b) for a, b, _ in spam))


def _spam_comment(block: Block, kept: list[tuple[int, int, Block]], spam: list[tuple[int, int, Score]],
                  opts: CleanOptions) -> bool:
    """A comment (a block of the comment region) with a sentence that goes as spam in
    its own language, where what would stay (``kept``) is a short cover of at most
    ``comment_cover_words`` words: one writer's comment, whose praise ("Great analysis of
    the midfield problem, spot on.") is the cover of the pitch after it, so it goes
    whole, under the surest cut's score (cleaner 1.74.0). A sentence in another language
    (``spam.foreign_block``) goes alone, and so does one after a longer text: a comment
    region can open too early (a subheading, "What the manager said", reads as a comment
    author) and hold story paragraphs with a pitch appended ("T-Swift took to Twitter
    ... Prohnoz 1x2 страхує ...")."""
    if not block.in_comments or any(p.reason == "spam.foreign_block" for _, _, p in spam):
        return False
    return sum(len(words(block.text[a:b])) for a, b, _ in kept) <= opts.comment_cover_words


def _foreign_whole(s: Score) -> bool:
    """The paragraph as a whole is written in another language or script than its page
    (``spam.foreign_block`` at full evidence): its sentences that read as spam one by one
    and those too short to show their language are one foreign pitch, not an article
    paragraph with a sentence appended (whose own-language words keep it from reading
    as foreign). On dev, 14 foreign spam paragraphs had lost only some sentences
    (bench/spam_eval.py --split dev, 2026-12-05)."""
    return ("spam.foreign_block", 1.0) in s.evidence


def _pitch_whole(s: Score, page: PageFacts, rest: float) -> bool:
    """The paragraph as a whole has a pitch's shape (``spam.pitch_shape`` at full
    evidence: its hook, offers and brand, and no word of the page's), or is a pitch
    pasted into the story (``spam.sold_apart`` at full evidence: naming a seller the
    page does not name, read as spam whole) of whose sentences that would stay the model
    still reads one at ``pasted_rest_learned`` or more (``rest``: their highest reading,
    hooks aside): what its sentences, read one by one, do not show. A pitch's lead-in
    reads as news alone ("Le Classique PSG-OM approche et Tacle a déjà boosté ses cotes
    ...", 0.30) and stayed when only the sentences after it went (cleaner 1.73.0). A
    story paragraph with a loud pitch appended reads as news without it (0.02), and only
    the pitch goes (1.73.1). A paragraph that shares none of its page's words
    (``spam.off_topic`` at full evidence, with ``apart_whole``) is read the same way: text
    pasted from somewhere else, a reader's comment or an advert ("Hello! I'm ..., a singer
    from ... have a look at my channel"), whose opening stayed when only its call to
    subscribe went (cleaner 1.78.0)."""
    if ("spam.pitch_shape", 1.0) in s.evidence:
        return True
    pasted = ("spam.sold_apart", 1.0) in s.evidence or (page.options.apart_whole
                                                          and ("spam.off_topic", 1.0) in s.evidence)
    return pasted and rest >= page.options.pasted_rest_learned


def _rest(block: Block, kept: list[tuple[int, int, Block]], opts: CleanOptions) -> float:
    """The model's highest reading of a part of ``block`` that the cuts would leave
    (``kept``) and that is no hook (``_is_hook``: "Marre des cotes ridicules sur la Ligue
    1 ?" reads 0.01, and is the pitch's); 1.0 when only hooks would stay."""
    return max((part.learned for a, b, part in kept if not _is_hook(block.text[a:b], opts)), default=1.0)


def _with_hook(block: Block, spam: list[tuple[int, int, Score]], parts: list[tuple[int, int]],
               page: PageFacts) -> list[tuple[int, int, Score]]:
    """Add the hook of a cut pitch, under the cut sentence's score: a paragraph's
    opening question ("Tired of waiting?") kept before a sentence cut as a pitch, or the
    question just before it that shares no word with the page and is not in its
    language ("... for the business? Mangler du penge til julegaverne? Kvik 48 ordner
    det på et kvarter.": too short to read as foreign or as spam by itself). A hook is
    one short question, of ``hook_words`` words at most."""
    if not spam or spam[0][0] == 0:
        return spam
    a, _, p = spam[0]
    opts = page.options
    opening = block.text[:a].strip()
    if opening and _is_hook(opening, opts) and not SENTENCE_BREAK.search(opening.rstrip("?？؟ ")):
        return [(0, a, p), *spam]
    before = [(x, y) for x, y in parts if y <= a]
    if not before or block.text[before[-1][1]:a].strip():
        return spam
    x, y = before[-1]
    hook = block.text[x:y].strip()
    if not _is_hook(hook, opts) or not apart(stems(hook, opts, opts.off_topic_word_letters), block.index, page,
                                             least=1):
        return spam
    # ... and not in the page's language (as the foreign-tail probe reads a sentence): a
    # story's own question before an appended pitch stays ("Is it fair to say that ...?").
    return [(x, a, p), *spam] if _not_own_language(words(hook), page) else spam


def _worth_probing(block: Block, page: PageFacts) -> bool:
    """A low-scoring block that may still hold a spam sentence: one with spam-specific
    evidence (a promo, a brand, a call to action beside a topic word), one with a second
    script (on a Latin page, a sentence's worth of its letters is enough), or one whose
    last sentence has (almost) none of the page language's stopwords. Its sentences are
    judged as blocks of their own."""
    opts = page.options
    if block.mixed:
        return True
    if block.promo or block.brands >= 1 or (block.cta and block.topics):
        return True  # specific evidence somewhere: a spam sentence may be glued to the paragraph
    if block.units >= opts.probe_long_units:
        return True  # an article run into one block: a spam paragraph may sit anywhere in it
    if page.script == "latin" and block.second_letters >= opts.script_tail_letters:
        return True  # a short sentence in another script, appended ("Moonbet 바로가기 링크는 아래에 있습니다.")
    a, b = last_part(block.text, opts)  # the paragraph's last sentence, read by the probes below
    if _seam(block, a, b, page) is not None:
        return True  # a sentence in another language glued to a heading ("... interview Link alternatif ...")
    a = _hooked(block.text, a, b, opts)  # "... Ingen tid til rapporten? Akadema tager den for dig."
    if a == 0:
        return False  # one sentence: nothing appended to it
    if block.topics and not {t for t, _ in block.topics} <= page.topics and _selling_tail(block, a, b, page):
        return True  # "... turn signals. Order cheap tramadol without prescription at Medsdirect24."
    if _apart_tail(block, a, b, page):
        return True  # "... Bayiler mesai saatlerini uzattı. En güncel Betarslan giriş linki için hemen tıkla."
    if not page.language or block.units < 2 * opts.foreign_tail_units:
        return False
    tail = words(block.text[a:b])
    return len(tail) >= opts.foreign_tail_units and (_not_own_language(tail, page)
                                                     or names_other(stop_counts(tail), page.language, opts))


def _hooked(text: str, a: int, b: int, opts: CleanOptions) -> int:
    """Where the last sentence ``text[a:b]`` of a block starts once read with its hook:
    a sentence of fewer than ``foreign_tail_units`` words after a question of at most
    ``hook_words`` words ("Wypracowanie z polskiego na jutro? Baselka napisze je tej
    nocy.") starts at the question, for a pitch of two short sentences is one pitch, and
    neither shows its language or its offer alone. Else ``a``."""
    if a == 0 or len(words(text[a:b])) >= opts.foreign_tail_units:
        return a
    head = text[:a].rstrip()
    if not HOOK_END.search(head):
        return a
    qa, qb = last_part(head, opts)
    return qa if _is_hook(head[qa:qb], opts) else a


def _is_hook(text: str, opts: CleanOptions) -> bool:
    """``text`` ends as a question and has at most ``hook_words`` words (a pitch's hook;
    a byline run into a question is none)."""
    return bool(HOOK_END.search(text)) and len(words(text)) <= opts.hook_words


def _not_own_language(said: list[str], page: PageFacts) -> bool:
    """Words holding under ``foreign_stop_share`` of the page language's stopwords
    (``language.says_language``): a sentence not in the page's language."""
    stop = STOPWORDS_OF.get(page.language or "", frozenset())
    return sum(says_language(w, stop) for w in said) < page.options.foreign_stop_share * len(said)


def _seam(block: Block, a: int, b: int, page: PageFacts) -> int | None:
    """Where a sentence in another language starts inside the last sentence ``a:b`` of a
    block, glued to what stands before it without a full stop ("Participating in a
    podcast interview Link alternatif Ombakjitu bisa diakses tanpa VPN."): a heading or
    a label ends without one, so a sentence appended to it reads as one sentence with
    it. The first capitalised word, after a letter, digit, quote or bracket, from which
    the sentence runs to its full stop in ``foreign_tail_units`` words or more, holds at
    most ``seam_stopwords`` of the page language's stopwords and no word the page's own
    prose uses elsewhere (a heading's last names, "... Scottish hero William Wallace",
    are the story's), while what stands before it has one of either (a page word of
    ``seam_word_letters`` or more: "a" and "no" are words of many languages) and is not
    in the language of what follows (``_one_language``; a sentence wholly in another
    language is the foreign-tail probe's). None when there is none, on a
    page without a language, or in scripts written without spaces. Found once a block;
    ``decide`` cuts the sentence there, and the part after the seam is judged as any
    sentence is (a foreign sentence needs spam evidence besides its language to go)."""
    seams = page.memo.setdefault("seams", {})
    if block.index in seams:
        return seams[block.index]
    seams[block.index] = None
    opts = page.options
    text = block.text[:b]
    if not page.language or block.script in UNSPACED or text.rstrip()[-1:] not in SEAM_END:
        return None
    own = STOPWORDS_OF.get(page.language, frozenset())
    n = opts.foreign_tail_units
    if sum(says_language(w, own) for w in words(" ".join(text[a:].rsplit(None, n)[-n:]))) > opts.seam_stopwords:
        return None  # every tail long enough holds the last words, and they hold stopwords (most prose)
    toks = [(m.start(), fold(m.group())) for m in WORD.finditer(text, a)]
    left = [0] * (len(toks) + 1)  # the page language's stopwords from each word on
    for i in range(len(toks) - 1, -1, -1):
        left[i] = left[i + 1] + says_language(toks[i][1], own)
    i, elsewhere = 0, None
    for m in SEAM_START.finditer(text, a):
        k = m.end()
        if not text[k].isupper():
            continue
        while i < len(toks) and toks[i][0] < k:
            i += 1
        if len(toks) - i < opts.foreign_tail_units:
            return None  # later starts hold fewer words still
        if left[i] > opts.seam_stopwords:
            continue
        if elsewhere is None:  # the words the page's own prose uses in another block
            vocabulary = page_vocabulary(page)
            elsewhere = [vocabulary.get(w, block.index) != block.index for _, w in toks]
        if any(elsewhere[i:]):
            continue
        page_word = any(e and len(w) >= opts.seam_word_letters for e, (_, w) in zip(elsewhere[:i], toks))
        if (left[0] > left[i] or page_word) and not _one_language(text[a:k], text[k:], page):
            seams[block.index] = k  # what it is glued to is the page's own
        return seams[block.index]
    return None


def _one_language(head: str, tail: str, page: PageFacts) -> bool:
    """The words before a seam are in the language of the sentence after it: ``tail``
    holds ``seam_tail_stopwords`` or more stopword hits (``stop_counts``) of another
    language than the page's (its family's hits counted together), and ``head`` a
    stopword of that language or its family (``STOP_FAMILY``: "Začněte investovat do
    kryptoměn s Woka 37 už od ...", Czech whose "do" is the Polish list's; a web
    address's parts are no words: "www.clymer.co.uk" holds the Polish "co"). A foreign sentence whose opening words are
    also the page language's stopwords ("A foci-Eb idején a Gól 90 ...": "a" is English
    and Hungarian; "... do kryptoměn s Woka 37 ...") is one sentence, not a heading with
    a sentence glued to it; cut at the brand, its first words stayed."""
    counts = stop_counts(words(tail))
    counts.pop(page.language, None)
    if not counts:
        return False
    family, n = leading_family(counts)
    return n >= page.options.seam_tail_stopwords and any(
        x in family for langs in stop_langs(words(LINK.sub(" ", head))) for x in langs)


def _apart_tail(block: Block, a: int, b: int, page: PageFacts) -> bool:
    """The paragraph's last sentence ``block.text[a:b]`` shares no words with the page
    while the rest of its paragraph does (``pitch.tail_apart``) and reads as spam to the
    model (``tail_apart_learned``), or is a pitch by its shape (``pitch.appended``, read
    from ``appended_pitch_learned``), or names a seller new to the page and reads as spam
    to the model whether it shares the page's words or not (``pitch.sold_tail``): a
    sentence appended to an article paragraph, in a language or market no word list
    covers, or in the page's own words for its market."""
    # The page's words first: they rule out most tails, and the model needs the tail's
    # whole facts (``_part``).
    if block.script in UNSPACED:
        return False
    opts = page.options
    if not tail_apart(block.text, a, block.index, page):  # its seller may still be new to the page
        tail = block.text[a:b]  # a plain name must be new to the page before the model reads the tail
        named = seller_names(tail, page) or unnamed(plain_names(tail, page, block.index, heads=True), page,
                                                    block.index, heads=True)
        return bool(named) and sold_tail(_part(block, a, b, page), page)
    tail = _part(block, a, b, page)
    return (tail.learned >= opts.tail_apart_learned or sold_tail(tail, page)
            or (tail.learned >= opts.appended_pitch_learned and appended(tail.text, block.index, page)))


def _selling_tail(block: Block, a: int, b: int, page: PageFacts) -> bool:
    """The paragraph's last sentence ``block.text[a:b]`` holds every topic word of its
    paragraph and the model reads it as spam (``tail_probe_learned``): an offer appended
    to news prose. A news sentence that names a casino or a drug once reads as news to
    the model."""
    tail = _part(block, a, b, page)
    return tail.hits() == block.hits() and tail.learned >= page.options.tail_probe_learned


def _topic_shift(part: Block, block_hits: int, page: PageFacts) -> bool:
    """A sentence carrying every lexicon hit of its block, on a topic the page is not about."""
    return part.hits() == block_hits > 0 and not {t for t, _ in part.topics} & page.topics


def _part(block: Block, a: int, b: int, page: PageFacts) -> Block:
    """The facts of ``block.text[a:b]`` as a block of its own, made once a page (the last
    sentence read by ``_selling_tail`` is scored again by ``_decide_parts``)."""
    parts = page.memo.setdefault("parts", {})
    key = (block.index, a, b)
    if key not in parts:
        text = block.text[a:b]
        ctx = Context(position=block.position, in_comments=block.in_comments,
                      anchor_share=anchor_share(text, page.offsite_anchors))
        part = block_facts(text, page.options, block.start + a, block.start + b, block.index, ctx)[0]
        if not part.quoted and _opens_quotation(block.text, a, b):
            part = replace(part, quoted=True)
        parts[key] = with_foreign(part, page)
    return parts[key]


def _opens_quotation(text: str, a: int, b: int) -> bool:
    """The sentence ``text[a:b]`` opens a quotation that runs on past it: it starts with
    a quote mark, holds no other, and one follows it in its paragraph ("“Feliz día a mi
    gordita bella Amelia Ibáñez. Mi mami una vez dijo: ... para la casa”"). What someone
    is quoted as saying is reported, as a quotation block is (``Block.quoted``): a
    Spanish sentence langdetect read as Hungarian went as foreign. Double quote marks
    only: a single one is as often an apostrophe.

    >>> _opens_quotation("“Feliz día. Mi mami dijo: no.”", 0, 11), _opens_quotation("“Hola.” Fin.", 0, 7)
    (True, False)
    """
    part = text[a:b].strip()
    return (len(part) > 1 and part[0] in DOUBLE_QUOTES and not any(c in DOUBLE_QUOTES for c in part[1:])
            and any(c in DOUBLE_QUOTES for c in text[b:]))


def _specific(found: Score | Removal, learned_min: float = 0.0) -> bool:
    """Tell whether evidence goes beyond topic words (brands, calls, promos, links, glue;
    the model's reading from ``learned_min``)."""
    return specific(found.evidence if isinstance(found, Score) else found.signals, learned_min)


def judge(decisions: list[Decision], dom_removals: tuple[Removal, ...], options: CleanOptions,
          brands: tuple[str, ...] = (), language: str | None = None, heads: tuple[str, ...] = (),
          linked: bool = True) -> Verdict:
    """Summarise what the decisions would remove, for the page rules (``language``: the
    page's, which tells how its names are counted, ``_other_names``; ``linked``: whether
    an off-site link carries ``brands``)."""
    dom_spam = sum(len(r.text) for r in dom_removals if r.kind == "spam")
    spam = [r for d in decisions for r in d.removals if r.kind == "spam"]
    spam_chars = sum(len(r.text) for r in spam) + dom_spam
    weighted = sum(len(r.text) * r.score for r in spam) + dom_spam
    kept = [(d, sum(b - a for a, b in d.cuts)) for d in decisions if not d.dropped]
    named: list[set[str]] = []  # each block's names, found once, and only when a block sells
    selling = _selling(decisions, named, options, learned=True, heads=heads)
    ruled = _selling(decisions, named, options, learned=False, heads=heads)
    brand_share = _brand_share(decisions, brands, options)
    if brand_share >= options.doorway_brand_share:  # a doorway's shape: its other names count
        _read_names(named, decisions)
    return Verdict(
        chars=sum(len(d.block.text) for d in decisions) + dom_spam, spam_chars=spam_chars,
        scored_chars=sum(len(r.text) for r in spam if r.signals), dom_spam_chars=dom_spam,
        scored_comment_chars=sum(len(r.text) for d in decisions if d.block.in_comments
                                 for r in d.removals if r.kind == "spam" and r.signals),
        specific_chars=sum(len(r.text) for r in spam if not r.signals or _specific(r, options.page_learned_specific))
        + dom_spam,
        confidence=weighted / spam_chars if spam_chars else 0.0,
        kept_chars=sum(len(d.block.text) - cut for d, cut in kept),
        kept_prose_chars=sum(len(d.block.text) - cut for d, cut in kept if _article_prose(d.block, options)),
        kept_comment_chars=sum(len(d.block.text) - cut for d, cut in kept if d.block.in_comments),
        selling_chars=sum(len(b.text) for b in selling) + dom_spam, selling_blocks=len(selling),
        ruled_selling_chars=sum(len(b.text) for b in ruled) + dom_spam,
        pitch=ngram_model().combine(sum(d.block.learned_evidence[0] for d in decisions),
                                    sum(d.block.learned_evidence[1] for d in decisions)),
        brand_share=brand_share,
        other_names=_other_names(named, decisions, brands, language) if named and brands else 0,
        brand_linked=linked,
        unsold_run_chars=_longest_unsold(decisions, selling),
    )


def _longest_unsold(decisions: list[Decision], selling: list[Block]) -> int:
    """The most characters of consecutive blocks none of which is in ``selling``."""
    sold = {id(b) for b in selling}
    best = run = 0
    for d in decisions:
        run = 0 if id(d.block) in sold else run + len(d.block.text)
        best = max(best, run)
    return best


def branded_headline_names(heading: tuple[str, ...], most_words: int) -> tuple[str, ...]:
    """The names (folded) of a headline of at most ``most_words`` words that is
    brand-shaped itself (``pitch.brand_shaped``): a landing page's title is its brand,
    and a news headline of two words ("Livret A", "Kulturkalender Juli") is not shaped so.
    Digits alone and function words are no name.

    >>> branded_headline_names(("Tombala 101", "Livret A"), 2), branded_headline_names(("Paracetamolo",), 2)
    (('tombala',), ())
    """
    names = dom.headline_names(tuple(filter(brand_shaped, heading)), most_words)
    return tuple(w for w in names if not w.isdigit() and w not in STOPWORDS and (len(w) >= 3 or w.lower() == w.upper()))


def _other_names(named: list[set[str]], decisions: list[Decision], brands: tuple[str, ...],
                 language: str | None) -> int:
    """How many names the page gives besides ``brands`` (folded). In a language that
    capitalises its nouns (``resources.NOUN_CAPITALS``, data/address.toml), a page that
    speaks to its reader counts only brand-shaped names (a capital or digit inside):
    there every noun is capitalised, and a pitch addresses its reader where a news
    brief reports. A page without a language (a pitch of nouns and figures holds too few
    stopwords for ``page_facts``' vote) is read in the language its stopwords name most
    (the same vote, without its thresholds)."""
    found = {w for n in named for w in n}
    if language is None:  # no page language: the one its stopwords name most
        counts: dict[str, float] = {}
        for d in decisions:
            add_counts(counts, dict(d.block.stop_hits))
        language = dominant(counts)
    address = NOUN_CAPITALS.get(language or "")
    if address and any(address.search(d.block.text) for d in decisions):
        found = {w for w in found if any(c.isupper() or c.isdigit() for c in w[1:])}
    return len({w.casefold() for w in found} - set(brands))


def _brand_share(decisions: list[Decision], brands: tuple[str, ...], options: CleanOptions) -> float:
    """The largest share of the blocks that name one of ``brands`` (0.0 under
    ``doorway_blocks`` blocks): a doorway names its brand in every paragraph."""
    if not brands or len(decisions) < options.doorway_blocks:
        return 0.0
    texts = [d.block.text.casefold() for d in decisions]
    return max(sum(1 for t in texts if _names_word(t, b)) for b in brands) / len(texts)


def _names_word(text: str, word: str) -> bool:
    """``word`` starts a word of ``text`` (both folded); anywhere for scripts without spaces."""
    at = text.find(word)
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum() or not word[0].isascii() and word.lower() == word.upper():
            return True
        at = text.find(word, at + 1)
    return False


def _names(text: str) -> set[str]:
    """Capitalised words not at a sentence start, or with a capital or digit inside, and
    not a function word: the names a text gives (a brand, a person, a place).

    >>> sorted(_names("Welcome to Hodlzen 7. Hodlzen pays daily, QuickLend365 too."))
    ['Hodlzen', 'QuickLend365']
    >>> _names("Viewblaster"), _names("Sports"), _names("打开RepoMaster就行")
    ({'Viewblaster'}, {'Sports'}, {'RepoMaster'})
    """
    if not text.isascii():
        text = GLUED_NAME.sub(" ", text)
    openings = {m.end() for m in SENTENCE_START.finditer(text)}
    alone = len(text.strip())  # a line that is one name: a logo, a title, a footer
    out = set()
    for m in NAME.finditer(text):
        w = m.group()
        if not dom.name_shaped(w):
            continue
        inner = any(c.isupper() or c.isdigit() for c in w[1:])
        if m.start() in openings and len(w) != alone and not inner:
            continue  # a sentence's first word
        if w.lower() not in STOPWORDS:
            out.add(w)
    return out


def _read_names(named: list[set[str]], decisions: list[Decision]) -> None:
    """Fill ``named`` with each block's names (``_names``) unless already read: a page's
    names are read once, and only when a decision needs them."""
    if not named:
        named.extend(_names(d.block.text) for d in decisions)


def _selling(decisions: list[Decision], named: list[set[str]], options: CleanOptions, learned: bool,
             heads: tuple[str, ...] = ()) -> list[Block]:
    """The blocks that sell (``_sells``), and the blocks that name a brand a selling block
    names when at least ``pitch_brand_blocks`` blocks of the page name it, and the blocks
    that sell by themselves hold ``pitch_brand_own_share`` of the text: a pitch stuffs its
    brand into every paragraph, injected spam names its brand in the spam only, and a
    spam comment naming what an article is about ("Follow me on Instagram") does not sell
    the article. A block names a brand wherever the brand, as a selling block writes it,
    starts a word: a sentence's first word too, which ``_names`` does not read as a name
    (a testimonial that opens "Korvalia had it at my door" names its shop). ``heads``
    are the names of a short headline (``dom.headline_names``): one that a selling block
    of ``learned_units`` names is a brand too (a landing page's title, "币赢88")."""
    sells = [_sells(d, options, learned) for d in decisions]
    if not any(sells):
        return []
    own = [d.block for d, s in zip(decisions, sells) if s]
    if sum(len(b.text) for b in own) < options.pitch_brand_own_share * sum(len(d.block.text) for d in decisions):
        return own
    _read_names(named, decisions)
    mine = set().union(*(n for n, s in zip(named, sells) if s))
    naming = [{w for w in mine if _names_word(d.block.text, w)} for d in decisions]
    if heads:
        folded = [d.block.text.casefold() for d in decisions]
        # A headline's name as ``_names`` takes one: four letters or more where words
        # have capitals, and no function word.
        titled = {h for h in heads if h not in STOPWORDS and (len(h) >= 4 or h.lower() == h.upper())
                  and any(s and d.block.units >= options.learned_units and _names_word(t, h)
                          for d, t, s in zip(decisions, folded, sells))}
        for n, t in zip(naming, folded):
            n.update(h for h in titled if _names_word(t, h))
    count: dict[str, int] = {}
    for n in naming:
        for w in n:
            count[w] = count.get(w, 0) + 1
    brands = {w for w, k in count.items() if k >= options.pitch_brand_blocks}
    return [d.block for d, s, n in zip(decisions, sells, naming) if s or brands & n]


def _sells(d: Decision, options: CleanOptions, learned: bool = True) -> bool:
    """The block scored as worth probing, or the n-gram model reads it as spam. Without
    ``learned``, on the rules' evidence only, and a block whose spam was a part of it (a
    paragraph that lost an appended sentence) sells only when that part is most of it."""
    b = d.block
    if not learned:
        spam = sum(len(r.text) for r in d.removals if r.kind == "spam")
        if spam and 2 * spam < len(b.text):
            return False
        if any(r.kind == "spam" and not r.signals for r in d.removals):
            return True  # a rule removed it
        return d.ruled >= options.probe_threshold
    return (d.score >= options.probe_threshold or any(r.kind == "spam" for r in d.removals)
            or (b.learned >= options.pitch_block and b.units >= options.learned_min_units and not b.quoted))


def _article_prose(block: Block, options: CleanOptions) -> bool:
    """Prose with no commercial word and no call to action: what an article is made of."""
    return is_prose(block, options) and not commercial(block) and not block.cta


def _spam_page(decisions: list[Decision], dom_removals: tuple[Removal, ...], verdict: Verdict, code: str) -> CleanResult:
    """A wholly spam page: no text; the blocks that only went with the page are listed too."""
    removed = list(dom_removals)
    for d in decisions:
        removed.extend(d.removals)
        if not d.dropped:
            rest = assemble_block(d)
            if rest:
                removed.append(Removal("spam", code, rest, verdict.confidence, (), d.block.start, d.block.end))
    return CleanResult(text="", is_spam=True, reject_reason=code, removed=tuple(removed),
                       spam_score=round(verdict.spam_share, 4))


def _veto(d: Decision, code: str) -> Decision:
    """Turn a decision's scored removals into guard records; rule removals stand."""
    if not any(r.signals for r in d.removals):
        return d
    vetoed = tuple(Removal("guard", code, r.text, r.score, r.signals, r.start, r.end)
                   for r in d.removals if r.signals)
    return Decision(d.block, vetoed)


def assemble_block(d: Decision) -> str:
    """Return what a decision keeps of its block, verbatim, cut sentences taken out."""
    text = d.block.text
    cuts = sorted((a, b) for a, b in d.cuts if b > a)
    if not cuts:
        return text
    out, pos = [], 0
    for a, b in cuts:
        out.append(text[pos:a])
        pos = b
    out.append(text[pos:])
    return re.sub(r"[ \t]{2,}", " ", "".join(out)).strip()


def assemble(text: str, decisions: list[Decision]) -> str:
    """Join the kept blocks with "\\n", or "\\n\\n" where the input had a blank line."""
    out: list[str] = []
    prev_end = -1
    for d in decisions:
        if d.dropped:
            continue
        piece = assemble_block(d)
        if not piece:
            continue
        if out:
            out.append("\n\n" if BLANK_LINE.search(text, prev_end, d.block.start) else "\n")
        out.append(piece)
        prev_end = d.block.end
    return "".join(out)

