"""cleaners: remove injected SEO spam and boilerplate from article text; no Scrapy needed.

    from cleaners import clean_html, clean_text
    r = clean_html(html, url="https://example.org/a")   # or clean_text(text)
    r.text, r.removed, r.is_spam, r.spam_score, r.language

Trafilatura is imported on the first ``clean_html`` call, not here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import CleanResult, Removal
from .options import CleanOptions

if TYPE_CHECKING:
    from .clean import clean_html, clean_text
    from .rules import REGISTRY

# Stored in every row. The major part changes when a reason code is renamed or removed
# (codes are stored in Parquet), the minor part when rules or data change what is
# removed: 1.1 adds spam.foreign_block, spam.neighbour, spam.comment_pitch and
# boilerplate.navigation to 1.0.
# 1.4.0: market lexicons in ~34 languages (topics crypto, loans, essay, replica; dating in
# adult; their offers in promo), reporting frames as mentions (data/mention.toml), the
# n-gram model hashed (format 3), table cells split into sentences.
# 1.5.0: a pitch the rules sell alone needs 0.1 from the model (pitch_ruled_*), pharmacy
# and follower-selling lexicons in about 30 more languages, the fallback extraction run
# per page (extract.py), the headline line left out of the kept text.
# 1.6.0: the main text chosen per page between Trafilatura, Readability, Resiliparse and
# favor_recall (choice.py); doorway pages rejected as spam.page; comment threads judged
# comment by comment; stopwords for eight more languages; the model retrained on dev
# spam and legitimate articles in 30 languages.
# 1.7.0: spam.pitch_shape (a paragraph built like an ad that shares no vocabulary with its
# page; rules/pitch.py); a paragraph wholly in another language goes whole; a hook
# question goes with the pitch cut after it; spam.neighbour spares a paragraph that has
# only topic words and shares the article's vocabulary.
# 1.8.0: English self-promotion (selfpromo.txt phrases, selfpromo_cues.txt cues, links to
# promo_hosts.txt), the model retrained with real comments weighed up (English 3,
# Indonesian 2), the comment region amplifies the model alone less (comment_model_only),
# brand repetition needs its own sellers to hold pitch_brand_own_share of a page.
# 1.8.1: phrases against the spam ("stop judi", "laporkan", "promosi judol": mention.toml
# [against]) read as mentions, so a comment calling to report gambling promotion stays.
# 1.9.0: spam.off_topic (rules/pitch.py), context: a whole block of the article that the
# model reads as spam and that shares (almost) none of its words with the page.
# 1.9.1: Turkish "dedi" makes a comment header or author line only with its colon
# (comments.toml): "kang dedi" ends Indonesian comments to a man named Dedi.
# 1.10.0: the model trains on every dev corpus file (18 more languages' spam and legit
# articles; real English comments weigh 5); spam.learned counts words without figures;
# a paragraph's last sentence that the model reads as spam and that is foreign to its
# page is probed (tail_apart_learned), and spam.off_topic reads it when it sells.
# 1.11.0: a page's stopword language gives way when its stopwords are sparse and
# langdetect reads another language (Estonian pages read as Finnish, Serbian and
# Bulgarian as Ukrainian or Russian, lost every paragraph as foreign); the model trains
# on Bulgarian, Norwegian, Slovak and Urdu spam too (dev corpus: 9 more languages, the
# spam of those with too little legitimate text evaluated only).
# 1.12.0: spam.pasted_link (rules/pitch.py): an article block with an off-site web
# address that shares none of the page's words and reads as spam to the model.
# 1.13.0: a paragraph's selling last sentence needs no off_topic_min_units for
# spam.off_topic (its stems decide), and a sentence in another script that opens with a
# Latin name keeps the name (segment.py, script_head_names).
# 1.13.1: langdetect's Norwegian ("no") is the stopword lists' Bokmål ("nb"): on a
# page read as "nb", a sentence langdetect reads as "no" is not foreign.
# 1.14.0: common words of other languages that look like brands (Danish "selskabet",
# Turkish "rekabet", Indonesian "ribet"; data/ordinary_words.txt from wordfreq) are none.
# 1.15.0: a paragraph's last sentence is apart from its page when 0.15 of the rest of its
# paragraph's stems (not 0.3) are found elsewhere (off_topic_rest_shared).
# 1.16.0: a sentence in another language glued to a heading without a full stop is cut
# where it starts (clean._seam, seam_stopwords) and judged as a sentence of its own.
# 1.17.0: on a page in a language that capitalises its nouns (German) and speaks to its
# reader, the doorway rule counts only brand-shaped names (data/address.toml).
# 1.18.0: a self-promotion phrase in a block apart from its page's words counts at
# self_promotion_apart_density (0.05), not 0.1: a reader's comment pasted into a story.
# 1.19.0: a word of one letter tells no language: the foreign-tail probe and the seam
# count only stopwords of two letters or more ("i" is English, Danish, Swedish...).
# 1.20.0: brand-shaped names (rules/pitch.BRANDISH) in Greek, Cyrillic and every Latin
# letter with a diacritic, not only ASCII and À-Þ ("Трешња 77", "ЗвонкоКоло", "ŻubrFart").
# 1.21.0: the model reads a number apart from the words of scripts that glue them
# ("下调130元"; ngrams.GLUED_NUMBER, format 4) and is retrained with news in eight more
# languages (bn ja ko ru th tl vi zh); a character of an unspaced page counts
# dense_chars (2) in the page rules' lengths; a Latin name glued to Han, kana or Hangul
# is a name (clean.GLUED_NAME); pasted_link_learned 0.62. Chinese and Japanese news
# pages no longer go whole as spam pages.
# 1.21.1: dense_chars also in spam.page's confidence test (a Chinese text of 150
# characters is an article's length and needs page_confidence); no measured output moved.
# 1.22.0: the model is retrained with legitimate text of spam-like kinds (recipes, a
# site's own calls to action, event listings, shop, travel and finance copy, classifieds,
# reader comments; bench/spamcorpus/genres, 40 languages) at C 300; pitch_learned 0.4.
# Greek, Japanese and Urdu pages of those kinds no longer go whole as spam pages.
# 1.22.1: hidden text holding most of a page (hidden_main_share) goes as spam.hidden_block
# only on a brand, glue, a promo or dense lexicon hits, not on one lexicon word beside an
# off-site link (a Yahoo news page of extraction-dev went whole as spam.page).
# 1.23.0: the model is retrained with spam by other writers (bench/spamcorpus/pitches:
# landing paragraphs, sentences appended to news, adverts, eight markets, 46 languages)
# and legitimate text that mentions what spam sells (bench/spamcorpus/mentions, counting
# 2); a block sells on the rules' evidence alone only by its score without the model's
# (Score.ruled; the pitch's ruled path); page_learned_specific 0.3.
# 1.24.0: the model reads 3- and 4-grams, no 2-grams (ngrams.GRAMS, file format 5): it
# separates spam it never saw from legitimate text better (the fresh set's paragraphs:
# ROC AUC 0.893 -> 0.919).
# 1.25.0: pitch_block 0.65 -> 0.55 (a landing page's paragraphs sell from there).
# 1.26.0: no seam inside a foreign sentence whose opening words are its own language's
# or one short word the page also uses (clean._one_language, seam_word_letters).
# 1.27.0: a block whose stopwords split among languages that share them (Danish and
# Norwegian; data/stopword_families.toml) is in that family's language.
# 1.28.0: a row of a dated or numbered list between two rows of its shape stays when only
# the model reads it as spam (rules/learned.in_series, series_prefix_tokens).
# 1.29.0: a block names a selling block's brand wherever the brand starts a word, a
# sentence's first word too (clean._selling): a landing page's testimonial that opens
# with the shop's name sells with the rest of the page.
# 1.30.0: a short headline's names (dom.headline_names, pitch_title_words) are brands
# for the pitch's brand spread once a selling block names them: a landing page without
# an off-site button, its brand glued into sentences ("币赢88"), sells from end to end.
# 1.31.0: a paragraph with a pitch's shape at full evidence (spam.pitch_shape) goes
# whole when it reaches spam_threshold, not sentence by sentence (clean._pitch_whole).
# 1.32.0: the question just before a cut pitch sentence goes with it when it shares no
# word with the page and is not in the page's language (clean._with_hook).
# 1.33.0: a sentence closing a longer paragraph, without a stopword of the page's
# language, is foreign when langdetect gives the page's language 0.1 or less, whichever
# language it names (facts.foreign_language, language.other_language).
# 1.34.0: a block's share of the page language's stopwords leaves out words of one
# letter when its language is judged (facts._own_share): a Polish "i" is English too.
# 1.35.0: a block of probe_long_units (150) words or more has each sentence judged
# (an article run into one block); a hook is one question of hook_words (20) words at
# most, and a danda ends a sentence before it (clean._with_hook).
# 1.36.0: a last sentence shorter than foreign_tail_units after a short question is
# probed and judged with it, as one pitch (clean._hooked).
# 1.37.0: a page whose stopwords lean to a language without doc_stop_share of the hits
# takes it when langdetect names it too (facts.page_facts, PageFacts.language_sure
# false); on it only langdetect names a block's language, outside the page's family.
# 1.37.1: English is not foreign on such a page (option unsure_page_shared).
# 1.38.0: 1.37.0 and 1.37.1 withdrawn (the eval gate's legitimate-loss ceiling on the
# held-out real comments in articles): outputs as 1.36.0's.
# 1.39.0: a doorway whose short headline is brand-shaped ("Tombala 101") needs no
# off-site link to its brand, at doorway_unlinked_learned (0.2) of the model's reading.
# 1.40.0: on a page of pitch_scattered_blocks (8) selling blocks or more, what does not
# sell is judged by its longest run (Verdict.unsold_run_chars): a pitch cut into short
# lines is a pitch (rules/page.pitch).
# 1.41.0: a Latin-script sentence whose stopwords name a language is foreign on a page
# of another script, unless pages quote that language as their own (English;
# stopword_families.toml [quoted], option foreign_latin_named).
# 1.42.0: zero-width spaces cross extraction as stand-ins, like the joiners: a name
# broken up by them is read as disguised in HTML too, and the text keeps them.
# 1.43.0: a line that only says "Subscribe" (boilerplate.subscribe) and the heading
# "Share your thoughts" (boilerplate.comment_form) are boilerplate.
# 1.44.0: in the comment region, langdetect's Tagalog or Malay reading of a comment on an
# Indonesian page is slang, not a foreign language (stopword_families.toml [misread],
# option comment_misreads).
# 1.45.0 was withdrawn (README).
# 1.46.0: an acronym written with dots ("N.A.T.O.", "C.A.R.E") is no disguise below
# disguise.toml [spaced] dotted_min_pieces (5), though it is read glued as before.
# 1.47.0: a sentence opens after a table cell's bar, and after a list's bullet or an
# opening quote, so a row's or an item's first word is no name (clean.SENTENCE_START): a
# doorway written as table rows or list items counted its openings as other names.
# 1.48.0: on a page of pitch_scattered_blocks selling blocks, the longest run that does
# not sell is no article below pitch_run_share (0.3) of the page.
# 1.49.0: the parts of a <title> joined by a separator ("Sports betting | Oddsforge")
# are headlines of their own for the pitch's brand and the unlinked doorway
# (dom.headings); not for the linked doorway, whose longer headlines they would
# fill with topic words.
# 1.49.1: a colon between spaces is no title separator (French spaces it before as a
# headline's own colon).
# 1.50.0: a page whose stopwords lead with doc_stop_lead (0.25) of the hits, short of
# doc_stop_share, has that language when seeded langdetect names it (Portuguese,
# Italian, French, Danish, Norwegian pages share their short words with other lists);
# a block whose stopwords name another language is not foreign when langdetect reads it
# as the page's language or family, nor one langdetect reads as the page's family
# (foreign_own_reading); a sentence that opens a quotation running on past it is
# quoted (clean._opens_quotation).
# 1.51.0: a sentence whose stopwords name another language (foreign_tail_stopwords hits,
# foreign_stop_lead times the page language's) is probed and read as foreign though one
# English stopword ("do", "we", "an") makes a tenth of it (facts.names_other); a glued
# sentence counts its language family's hits, and a web address before it is no words
# (clean._one_language).
# 1.52.0: a paragraph's last sentence of appended_pitch_words or more that names a seller
# no other block names (an inner capital, letters glued to digits), shares no words with
# its page while the rest of its paragraph does, and that the model reads at
# appended_pitch_learned or more goes (spam.appended_pitch): a soft pitch in the page's
# own language.
# 1.52.1: ... only on a page of appended_pitch_cohesive blocks that share their words
# with the rest (pitch._cohesive): a news roundup's or a classifieds page's items do not.
# 1.53.0: a comment under a story of pitch_min_blocks blocks or more that names a seller
# the story does not name (pitch.seller_names: an inner capital, letters glued to digits,
# a name before a small number, a Latin word in another script; not a platform of
# data/platforms.txt) and that the model reads at comment_seller_learned or more goes
# (spam.comment_seller): the drive-by comment in the page's own language and market.
# 1.54.0: a paragraph's last sentence that names a seller neither another block nor the
# rest of its paragraph names and that the model reads at appended_seller_learned or more
# goes, apart from its page or not (pitch.sold_tail, in spam.appended_pitch): a pitch
# appended in the page's own language and market. Names are matched in any case; a
# handle or a model's code after its number is none.
# 1.55.0: a whole article paragraph that shares none of the page's words, that the model
# reads at sold_apart_learned or more and that names a seller no other block names goes
# (spam.sold_apart): a pitch pasted between a story's paragraphs in its own language.
# 1.56.0: a block the model reads as spam (learned_floor) carries no topic in
# facts.document_topics: pitches pasted into a story do not make it a page about their
# market, whose words topic_discount would then discount.
# 1.57.0: a name disguised inside a plain comment (disguised words under
# comment_style_share of its words) that the model reads at comment_style_learned or more
# counts its disguise whole: a fancy font throughout is a commenter's style, one hidden
# name is not.
# 1.58.0: pitch.sold_tail counts a seller's shaped name as new when the page names it
# elsewhere only in other paragraphs' last sentences (pitch.named_in with heads): a pitch
# appended to several paragraphs of one story.
# 1.59.0: spam.sold_apart takes a paragraph the model reads at sold_apart_alone_learned
# or more though it shares the page's words: a pitch written for a page of its market.
# 1.60.0: spam.comment_seller from a model reading of comment_seller_learned 0.2 (was
# 0.4); more platforms a reader names in passing in data/platforms.txt.
# 1.61.0: a comment that warns others off a seller (mention.toml [critical]: "stay away
# from", "never paid", "kecanduan") names it to criticise it: spam.comment_seller reads no
# seller there.
# 1.61.1 (review): the reader against a seller holds for spam.sold_apart and
# pitch.sold_tail too (pitch.against_seller), not only for spam.comment_seller.
# 1.62.0: the model retrained with second writers' text in 46 languages (pitches pasted
# into news, news that reads like them, honest commercial copy) and the mentions
# counting 3 (bench/train_spam_model.py TEXT_WEIGHT).
# 1.62.1: "tot" and "kunnen" are Dutch stopwords (a Dutch sentence without one was read
# as Danish and cut as foreign).
# 1.63.0: three kinds of legitimate sentence no longer cut (the fresh set's news pages):
# a last sentence with no stopword of any list that langdetect reads in the page
# language's own family (facts.foreign_language); Romanian's "de" and "la" are Romanian
# stopwords; a number before a word of magnitude ("Letné 18 tisíc") numbers no seller
# (morphology.toml [quantity]).
# 1.64.0: spam.off_topic says nothing of a whole paragraph on a page whose items share
# nothing with each other (pitch._cohesive, as spam.appended_pitch): a news roundup's
# item on a lottery win stays.
# 1.65.0: a word written twice with a hyphen ("betul-betul") is no glued run
# (morphology.glued_runs); spam.no_prose reads only scripts a stopword list is written in.
# 1.66.0: pitch.sold_tail also counts a plain capitalised word new to the page as a
# seller's name when the model reads the sentence at appended_plain_learned, the sentence
# quotes nothing, does not open with the page's own name, and the paragraph before it
# reads as news (pitch.plain_sellers).
# 1.67.0: spam.comment_seller also reads a plain capitalised word new to the page as the
# seller's name when the model reads the comment at comment_plain_learned; a run of names
# one of which the page writes elsewhere (but in a comment header) is the page's, and a
# word after a one-word label ("Thunder: Host ...") opens its clause (pitch.plain_names).
# 1.68.0: a seller stage after the neighbours (spam.same_seller): a kept block, or its
# last sentence alone, naming a seller (pitch.seller_names) that a removal on specific
# evidence named, where at most same_seller_blocks kept blocks name it, goes when the
# model reads it at same_seller_learned.
# 1.69.0: a plain name that the page gives only in other paragraphs' last sentences is
# still new to it (pitch.plain_names and _gives with heads), as a shaped one was: a
# pitch appended to two paragraphs names its seller in both.
# 1.70.0: a Latin name and a dash or colon opening a sentence in another script open it
# (segment._names_only): the sentence is no longer split after them.
# 1.71.0: a paragraph's last sentence after a danda or an Urdu full stop is a sentence of
# its own when it names a Latin seller (segment._seller_stop); those marks end no other.
# 1.72.0: ... or any capitalised Latin word (segment.LATIN_SELLER): "... Ranvik पर
# आज़माइए।", and a sentence written wholly in Latin letters after an Urdu one.
# 1.73.0: a paragraph that spam.sold_apart reads as a pasted pitch goes whole
# (clean._pitch_whole), not only its sentences that read as spam alone.
# 1.73.1: ... only when it is apart from its page and the sentences that would stay read
# at pasted_rest_learned or more (a story paragraph with a loud pitch appended keeps them).
# 1.74.0: a comment with a sentence that goes as spam in its own language goes whole
# (clean._spam_comment): its praise is the pitch's cover.
# 1.74.1: ... when what would stay has at most comment_cover_words words.
# 1.75.0: spam.sold_apart from a model reading of 0.55, under 0.65 only for a paragraph
# that holds nothing of a page's own (pitch._plainly_pasted).
# 1.75.1: a comment header's or author line's name holds no comma (data/comments.toml):
# "He said, she said" is a subheading.
# 1.75.2: ... never for a paragraph in Hangul under sold_apart_sure_learned: Korean
# words carry their particles, so no Korean paragraph shares stems with its page.
# 1.75.3 (review): a block is taken once by the seller stage (a last sentence naming two
# removed sellers was recorded twice); a name before a model's code is no seller's
# anywhere (pitch.seller_names), not only in spam.sold_apart's band.
# 1.76.0: Korean words have stems (their first two syllables; morphology.toml [hangul]),
# and a seller's name is read with its Korean particle ("별빛77에서", "Starlit에서").
# 1.77.0: in the comment region, a word with a character that shows nothing inside it
# ("Mar\u200bigold") counts its disguise whole: no style is invisible (normalize.unseen).
# 1.77.1 (review): a Korean particle ends a name in the name shapes themselves
# (pitch.NAME_END in NUMBERED and LATIN_WORD), so a name before one passes the same
# checks as any other (a sentence's first word, a model's code, a word of magnitude) and
# a Latin word carrying one is a selling mark too; one list of particles
# (morphology.toml [hangul]).
# 1.77.2 (review): Korean magnitudes ("52만 명") are words of magnitude (morphology.toml
# [quantity]): "Busan 52만" counts people and names no seller.
# 1.78.0: a paragraph that reads as spam whole and shares none of its page's words
# goes whole, not only its sentences that read as spam alone, when what would stay
# still reads at pasted_rest_learned (clean._pitch_whole, apart_whole); a Latin name
# written on a Hebrew or Arabic proclitic ("فـCasaLuna") is a seller's name
# (pitch.NAME_START).
# 1.79.0: a Latin word on a page of another script names a seller from the model's
# reading 0.7, not 0.8 (appended_seller_latin_learned): "... опитайте Kovrant още тази
# вечер." appended to a Bulgarian match report goes.
# 1.79.1 (review): a Hangul-numbered name and ``names_seller`` start and end a name as
# the other name shapes do (pitch.NAME_START, NAME_END), not with their own copies of
# the bounds; outputs as with 1.79.0.
CLEANER_VERSION = "1.79.1"

__all__ = ["CLEANER_VERSION", "REGISTRY", "CleanOptions", "CleanResult", "Removal", "clean_html", "clean_text"]


def __getattr__(name: str) -> Any:
    """The engine (``clean_html``, ``clean_text``, ``REGISTRY``) on first use: importing it
    compiles every lexicon and pattern (about 0.2 s), which a process that only reads
    ``CLEANER_VERSION`` or builds ``CleanOptions`` (the crawl's writer) never needs."""
    if name in ("clean_html", "clean_text"):
        from . import clean

        return getattr(clean, name)
    if name == "REGISTRY":
        from .rules import REGISTRY

        return REGISTRY
    raise AttributeError(f"module 'cleaners' has no attribute {name!r}")
