"""The spam benchmark corpus: deterministic, exactly labelled, loopback-only, split kept clean."""

from __future__ import annotations

import gzip
import hashlib
import ipaddress
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.spamcorpus import all_legit_cases, audit, corpus, digest, dump_case, html_case, inject, landing_cases, obfuscate, page_ids  # noqa: E402,E501
from bench.spamcorpus.cases import N_DEV, N_FRESH, N_HELDOUT  # noqa: E402
from bench import train_spam_model  # noqa: E402
from cleaners.folding import bare, fold  # noqa: E402
from cleaners.morphology import brand_total  # noqa: E402
from cleaners.segment import words  # noqa: E402

IDS = page_ids()[:: max(1, len(page_ids()) // 12)][:12]
URL = re.compile(r"(?:https?:)?\\?/\\?/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", re.I)
DENSE = {"ja", "zh", "th", "ko"}  # languages whose article length is told in characters
UNSPACED_NAME = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # Thai, kana, Han, Hangul
KINDS = {"gambling", "crypto", "loans", "essay", "replica", "dating", "pharma", "social"}


def cleaner_text(path: Path) -> str:
    """A cleaner data file as text, gzip-compressed ones (trained models) unpacked."""
    raw = path.read_bytes()
    return (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf8", errors="replace")


def dev_brands() -> list[str]:
    return sorted({b for m in corpus.markets("dev") for b in m.brands})


def heldout_brands() -> list[str]:
    return sorted({b for m in corpus.markets("heldout") for b in m.brands})


def visible_text(html: str) -> str:
    """The page's text nodes outside scripts and styles, whitespace collapsed."""
    tree = lxml.html.document_fromstring(html)
    for el in tree.xpath("//script|//style"):
        el.drop_tree()
    return " ".join(tree.text_content().split())


def fingerprint(value: object) -> str:
    """sha256 of ``repr(value)``: cases are frozen values of strings, numbers and tuples."""
    return hashlib.sha256(repr(value).encode()).hexdigest()


def fingerprint_elsewhere(expr: str) -> str:
    """``fingerprint`` of ``expr`` built in a fresh interpreter with another PYTHONHASHSEED:
    no cache, random state or hash order of this process is shared."""
    code = ("import hashlib, sys; sys.path.insert(0, '.'); from bench.spamcorpus import html_case, dump_case, landing_cases;"
            f"print(hashlib.sha256(repr(({expr})).encode()).hexdigest())")
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout.strip()


@pytest.fixture(scope="module")
def html_cases():
    return [html_case(pid, n) for pid in IDS for n in range(N_DEV + N_HELDOUT)] + all_legit_cases() + landing_cases()


def test_generator_is_deterministic():
    """Every field of dev, held-out, dump and landing cases comes out the same when built again
    elsewhere (built twice in one process, shared caches and random state could hide a difference)."""
    built = f"[(html_case(pid, 0), html_case(pid, {N_DEV}), dump_case(pid, 1)) for pid in {IDS[:3]!r}], landing_cases()"
    here = [(html_case(pid, 0), html_case(pid, N_DEV), dump_case(pid, 1)) for pid in IDS[:3]], landing_cases()
    assert fingerprint_elsewhere(built) == fingerprint(here)


def test_cases_cover_both_splits_and_every_style(html_cases):
    assert {c.split for c in html_cases} == {"dev", "heldout"}
    styles = {c.style for c in html_cases}
    assert {"prose", "append", "comments", "footer_links", "anchor_list", "hidden", "noscript", "lead"} <= styles
    assert {c.kind for c in html_cases} == {"html", "legit", "landing"}


def test_injected_spam_is_visible_text(html_cases):
    for case in html_cases:
        text = visible_text(case.text)
        for s in case.spam:
            assert " ".join(s.split()) in text, (case.id, case.style, s)


def test_dump_offsets_are_exact():
    for pid in IDS:
        for n in range(2):
            case = dump_case(pid, n)
            assert case.labels
            spam = [case.text[s:e] for s, e, kind in case.labels if kind == "spam"]
            assert tuple(spam) == case.spam
            for s, e, _ in case.labels:
                assert case.text[s:e] and case.text[s:e] == case.text[s:e].strip()


def test_no_url_leaves_loopback(html_cases):
    for case in html_cases:
        for host in URL.findall(case.text):
            if re.fullmatch(r"[\d.]+", host):
                assert ipaddress.ip_address(host).is_loopback, (case.id, host)
            else:
                # a dotted name that is not an address: only file names such as "jquery.min.js" may match
                assert not re.search(r"\.(com|net|org|io|co|uk|de|ru|info|gov|edu)$", host, re.I), (case.id, host)


def test_heldout_brands_absent_from_cleaner_data():
    data = "\n".join(cleaner_text(p).lower() for p in (REPO / "cleaners" / "data").rglob("*") if p.is_file())
    for b in heldout_brands():
        assert b.lower() not in data, b


def test_heldout_templates_trip_no_lexicon_term():
    """Filled with each brand, no held-out text has a lexicon, promo or call-to-action hit, a
    brand-shaped word or a glued run: the cleaner's vocabulary cannot be what catches it."""
    leaks = audit.template_leaks()
    assert not leaks, [(m, h, audit.matched_terms(t)) for m, t, h in leaks[:10]]  # no text: held-out stays unread


def test_heldout_brands_share_nothing_with_dev_or_morphology():
    """No held-out brand contains a brand root or digit affix of cleaners/data/morphology.toml,
    shares a four-character run with a dev brand, or reads as a brand to the cleaner."""
    # The message names the dev side only: whoever adds dev data must not read held-out
    # names (the held-out side is in `python -m bench.spamcorpus.audit`, for its keepers).
    whys = [why for _, why in audit.brand_leaks()]
    dev_side = sorted({why.rsplit(" with ", 1)[1] for why in whys if " with " in why})
    others = sum(1 for why in whys if " with " not in why)
    assert not dev_side and not others, f"dev brands to rename: {dev_side}; held-out brands built like the cleaner's: {others}"
    read = sum(1 for b in heldout_brands() if brand_total(bare(fold(b.lower())), words(bare(fold(b.lower())))))
    assert read == 0, f"{read} held-out brands read as brands"


def test_heldout_languages_mostly_unseen():
    langs = {m.lang for m in corpus.markets("heldout")}
    stop = {p.stem for p in (REPO / "cleaners" / "data" / "stopwords").glob("*.txt")}
    assert len(langs) >= 16
    # 8 until 2026-12-05, when Danish, Finnish and Polish got stopword lists: legitimate
    # articles in them were read as English and lost whole as foreign. Those three
    # held-out languages are no longer unseen (README, spam figures).
    assert len(langs - stop) >= 7, sorted(langs - stop)
    assert langs == corpus.split().languages


def test_heldout_markets_cover_every_kind():
    held = corpus.markets("heldout")
    assert {m.kind for m in held} >= KINDS
    assert {m.kind for m in held} == corpus.split().kinds
    assert {m.market for m in held} == corpus.split().markets
    for lang in {m.lang for m in held}:
        kinds = {m.kind for m in held if m.lang == lang}
        assert "gambling" in kinds and len(kinds) >= 3, lang


def test_heldout_markets_have_every_piece():
    for m in corpus.markets("heldout"):
        assert m.prose and len(m.sentences) >= 2 and len(m.comments) >= 2 and len(m.anchors) >= 3, m.market
        assert 3 <= len(m.landing) <= 6, m.market
        assert all("{brand}" in t for t in (*m.prose, *m.sentences, *m.comments)), m.market
        assert len(m.brands) >= 2 and len(set(m.brands)) == len(m.brands), m.market


def test_splits_use_only_their_own_brands(html_cases):
    dev, held = set(dev_brands()), set(heldout_brands())
    for case in html_cases:  # landing pages included
        other = held if case.split == "dev" else dev
        assert not any(b in s for s in case.spam for b in other), case.id


def test_landing_cases_in_both_splits():
    cases = landing_cases()
    assert {c.split for c in cases} == {"dev", "heldout"}
    assert {c.topic for c in cases if c.split == "heldout"} >= KINDS
    for c in cases:
        assert c.kind == "landing" and len(c.spam) >= 2
        text = visible_text(c.text)
        assert all(" ".join(s.split()) in text for s in c.spam), c.id


def test_heldout_landing_layouts_are_no_dev_layout():
    # No page wrapper is shared: the held-out layouts are neither the corpus's dev layouts
    # nor the extra shapes bench/landing_fragments.py measures, and each renders.
    held = set(corpus.split().landing_templates)
    dev = set(inject.LANDING_TEMPLATES) | set(inject.SHAPE_TEMPLATES)
    assert held and not held & dev
    for layout in sorted(held | dev):
        page = inject.landing_page(random.Random(0), "Brandname 7", "en", ("One pitch.", "Two pitch."),
                                   ("Go now",), layout)
        assert "Two pitch." in visible_text(page), layout


def test_heldout_comments_carry_disguised_brands():
    """A share of held-out comments write the brand in styled letters, spaced out, with
    zero-width spaces, or among emoji; the generator makes them, deterministically."""
    spam = [s for pid in page_ids() for n in range(N_DEV, N_DEV + N_HELDOUT)
            for c in [html_case(pid, n)] if c.style.startswith("comments") for s in c.spam]
    styled = [s for s in spam if any(0x1D400 <= ord(ch) <= 0x1D7FF for ch in s)]
    assert styled and any("\u200b" in s for s in spam)
    assert any(any(ch in obfuscate.EMOJI for ch in s) for s in spam)
    assert obfuscate.styled("Ab", "math_sans_bold") == "\U0001d5d4\U0001d5ef"
    assert obfuscate.spaced("Ab c") == "A B C"


def test_legit_articles():
    dev, held = corpus.articles("dev"), corpus.articles("heldout")
    assert len(dev) >= 20 and len({a.lang for a in dev}) >= 5
    assert len(held) >= 8 and len({a.lang for a in held}) >= 5
    assert not {a.id for a in dev} & {a.id for a in held}
    for a in dev + held:
        words_n = sum(len(p.split()) for p in a.paragraphs)
        if a.lang in DENSE:  # no spaces between words (ja, zh, th), or few long ones (ko): characters
            assert 300 <= sum(len(p) for p in a.paragraphs) <= 1500, a.id
        else:  # news briefs of four paragraphs (150) to features (500)
            assert 150 <= words_n <= 500, (a.id, words_n)


def test_mention_articles_quote_spam_in_dev_languages():
    """Journalism quoting spam phrases ("claim your free spins") must be kept whole."""
    mentions = [a for a in corpus.articles("dev") if "mention" in a.id]
    assert len(mentions) >= 6 and {a.lang for a in mentions} >= {"en", "id", "tr", "es", "de", "pt"}
    for a in mentions:
        assert any('"' in p for p in a.paragraphs), a.id


def test_fresh_set_is_never_trained_on_and_shares_no_brand():
    """The fresh set (bench/spamcorpus/fresh) judges changes on spam nobody tuned for: the
    model's training inputs and the cleaner's data hold none of its brands, and no dev
    market uses one."""
    fresh = sorted({b for m in corpus.markets("fresh") for b in m.brands})
    assert len(fresh) >= 1000 and len({m.lang for m in corpus.markets("fresh")}) >= 30
    inputs = [p for p in REPO.joinpath("bench", "spamcorpus").rglob("*.toml") if "fresh" not in p.parts]
    assert corpus.SPAM_DIRS["fresh"] not in {train_spam_model.SPAM_DIR, train_spam_model.LEGIT_DIR}
    assert not [p for p in train_spam_model.inputs() if corpus.SPAM_DIRS["fresh"] in p.parents]
    taught = "\n".join([p.read_text(encoding="utf8").lower() for p in inputs]
                       + [cleaner_text(p).lower() for p in (REPO / "cleaners" / "data").rglob("*") if p.is_file()])
    shaped = [b for b in fresh if _brand_shaped(b)]
    shared = [b for b in shaped if b.lower() in taught]
    assert not shared, shared  # glued, CamelCase or numbered names: a plain word ("Verde") may be any text's


def test_fresh_cases_draw_only_fresh_spam():
    cases = [html_case(pid, n, "fresh") for pid in IDS for n in range(N_FRESH)]
    dumps = [dump_case(pid, 0, "fresh") for pid in IDS]
    fresh = {m.market for m in corpus.markets("fresh")}
    assert {c.split for c in cases + dumps} == {"fresh"} and all(c.market in fresh for c in cases + dumps)
    assert {c.style.split(":")[0] for c in cases} <= {"prose", "append", "comments", "lead"}
    for c in cases:
        text = visible_text(c.text)
        assert c.spam and all(" ".join(s.split()) in text for s in c.spam), c.id
    assert fingerprint_elsewhere(f"html_case({IDS[2]!r}, 1, 'fresh')") == fingerprint(html_case(IDS[2], 1, "fresh"))
    legit = corpus.articles("fresh")
    assert len(legit) >= 500 and all(len(a.paragraphs) == corpus.FRESH_PARAGRAPHS for a in legit)


def _shingles(text: str, n: int = 8) -> set[str]:
    """Runs of ``n`` words (of ``n`` * 3 characters where words are not spaced)."""
    tokens = text.lower().split()
    if len(tokens) < n:
        return {text[i:i + 3 * n] for i in range(max(1, len(text) - 3 * n + 1))}
    return {" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def test_genre_texts_trained_on_and_genre_pages_evaluated_share_nothing():
    """The spam-like legitimate kinds (recipes, a site's own calls to action, event listings,
    shop copy, reader comments, ...): the model trains on bench/spamcorpus/genres and is
    judged on fresh/genres, written by other writers. No run of eight words crosses over,
    the training reads only the dev folder, and every fresh page is three paragraphs."""
    trained = corpus.genre_texts()
    pages = corpus.genre_pages()
    assert len(trained) >= 35 and len(pages) >= 25
    assert all(len({g for g, _ in texts}) >= 12 for texts in trained.values())
    assert all(len(paras) % corpus.FRESH_PARAGRAPHS == 0 and len(paras) >= 30 for paras in pages.values())
    seen = {sh for texts in trained.values() for _, paras in texts for p in paras for sh in _shingles(p)}
    crossed = [p for paras in pages.values() for p in paras if _shingles(p) & seen]
    assert not crossed, crossed[:3]
    inputs = {p.relative_to(REPO).as_posix() for p in corpus.GENRES.glob("*.toml")}
    assert inputs and not any("fresh" in name for name in inputs)
    read = {p.relative_to(REPO).as_posix() for p in train_spam_model.inputs()}
    evaluated = {p.relative_to(REPO).as_posix() for p in (corpus.SPAM_DIRS["fresh"] / "genres").glob("*.toml")}
    assert inputs <= read and evaluated and not evaluated & read
    genre = [a for a in corpus.articles("fresh") if a.kind == "genre"]
    assert len(genre) == sum(len(paras) for paras in pages.values()) // corpus.FRESH_PARAGRAPHS
    assert all(not a.train and a.id.startswith("fresh-genre-") for a in genre)


def _name_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text.lower())))


def _named(text: str, names: set[str], inside: set[str]) -> bool:
    """One of ``names`` (``_name_key``) stands in ``text`` as whole words, or one of
    ``inside`` (lower case: names in scripts written without spaces, and glued,
    CamelCase or numbered ones) anywhere in it."""
    tokens = _name_key(text).split()
    runs = {" ".join(tokens[i:i + n]) for n in range(1, 5) for i in range(len(tokens) - n + 1)}
    lower = text.lower()
    return bool(runs & names) or any(d in lower for d in inside)


def _brand_shaped(brand: str) -> bool:
    """Glued, CamelCase or numbered: a name no ordinary text holds by chance (a plain
    word, "Verde", may be any text's)."""
    return (len(brand) > 5 and not brand.isalpha()) or any(ch.isupper() for ch in brand[1:])


def _inside(brands: list[str]) -> set[str]:
    """The brands found anywhere in a text, lower case: those in scripts written without
    spaces, and the brand-shaped ones."""
    return {b.lower() for b in brands if UNSPACED_NAME.search(b) or _brand_shaped(b)}


def test_pitch_and_mention_texts_trained_on_share_nothing_with_what_is_evaluated():
    """The spam texts of bench/spamcorpus/pitches and the legitimate mentions of
    bench/spamcorpus/mentions are training data only: no text shares a run of eight
    words with a fresh or held-out template, a fresh news or genre page, and none names
    a fresh or held-out brand (writers who never saw those sets still chose some of the
    same names). The training reads both folders; no case is built from them. The
    message names only the dev side (the held-out text stays unread)."""
    pitches, mentions = corpus.pitch_texts(), corpus.mention_texts()
    assert len(pitches) >= 40 and all(len(t) >= 90 for t in pitches.values())
    assert {k for texts in pitches.values() for k, _, _ in texts} == KINDS
    assert {f for texts in pitches.values() for _, f, _ in texts} == {"landing", "sentence", "advert", "comment"}
    assert len(mentions) >= 40 and all(len(t) >= 40 for t in mentions.values())
    evaluated, names, brands = set(), set(), []
    for split in ("fresh", "heldout"):
        for m in corpus.markets(split):
            evaluated |= {sh for t in m.templates() for sh in _shingles(corpus.fill(t, m.brands[0], m.brands[-1]))}
            names |= {_name_key(b) for b in m.brands if len(b) >= 4}
            brands += m.brands
    for paras in (*corpus.genre_pages().values(), *corpus.news().values()):
        evaluated |= {sh for p in paras for sh in _shingles(p)}
    inside = _inside(brands)
    crossed = [(lang, i) for texts in (pitches, mentions) for lang, ts in sorted(texts.items())
               for i, (_, _, t) in enumerate(ts) if _shingles(t) & evaluated or _named(t, names, inside)]
    assert not crossed, f"training texts to drop (language, index): {crossed[:20]}"
    read = {p.relative_to(REPO).as_posix() for p in train_spam_model.inputs()}
    for folder in (corpus.PITCHES, corpus.MENTIONS):
        files = {p.relative_to(REPO).as_posix() for p in folder.glob("*.toml")}
        assert files and files <= read
    # What cases are built from (every split's templates and legitimate paragraphs) holds
    # no text of either folder.
    sources = {corpus.fill(t, m.brands[0], m.brands[-1]) for split in ("dev", "fresh", "heldout")
               for m in corpus.markets(split) for t in m.templates()}
    sources |= {p for split in ("dev", "fresh", "heldout") for a in corpus.articles(split) for p in a.paragraphs}
    trained = {t for texts in (pitches, mentions) for ts in texts.values() for _, _, t in ts}
    assert not trained & sources


def test_corpus_digest_is_pinned():
    current, pinned = digest.corpus_digest(), digest.pinned()
    assert current == pinned, (
        f"bench/spamcorpus data changed: digest {current} != pinned {pinned}. Figures on the old and new corpus "
        "are not comparable, and held-out data must not be edited after seeing its scores. If the change is "
        "deliberate, run `.venv/bin/python bench/spam_eval.py --update-digest` and commit bench/spamcorpus/DIGEST.")


def test_generator_ignores_hash_seed():
    """Same bytes in a fresh interpreter with another PYTHONHASHSEED."""
    out = fingerprint_elsewhere(f"html_case({IDS[1]!r}, 5).text + dump_case({IDS[1]!r}, 1).text"
                                " + ''.join(c.text for c in landing_cases('dev'))")
    landing = "".join(c.text for c in landing_cases("dev"))
    assert out == fingerprint(html_case(IDS[1], 5).text + dump_case(IDS[1], 1).text + landing)
