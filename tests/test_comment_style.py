"""A comment written in a fancy font is a comment's style: the comment region does not
make it more suspect (``comment_style_context``), while a disguised brand still goes."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.options import CleanOptions


def _italic(text: str) -> str:
    """``text`` in mathematical italic letters (U+1D434..; "h" is the Planck constant's letter)."""
    out = []
    for ch in text:
        if ch == "h":
            out.append("\u210e")
        elif "a" <= ch <= "z":
            out.append(chr(0x1D44E + ord(ch) - ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr(0x1D434 + ord(ch) - ord("A")))
        else:
            out.append(ch)
    return "".join(out)


COMMENTS = [
    "Videonya bagus sekali, terima kasih sudah membuat konten ini untuk kami semua yang menonton dari rumah.",
    "Saya setuju dengan pendapat kakak soal acara kemarin malam, memang penampilan mereka luar biasa.",
    "Semoga acara berikutnya diadakan di kota saya juga ya, pasti saya datang bersama keluarga.",
    "Lagunya enak didengar waktu perjalanan pulang kerja, apalagi kalau jalanan sedang macet.",
    "Kapan ada video baru lagi? Sudah tidak sabar menunggu kelanjutan ceritanya minggu depan.",
    "Penjelasannya mudah dipahami, anak saya juga ikut menonton sampai selesai tadi sore.",
]
STYLED = _italic("Maaf telat nonton gara gara sinyal jelek banget")


def _thread(*last: str) -> str:
    return "\n\n".join([f"{len(COMMENTS) + len(last)} Comments", *COMMENTS, *last])


def test_a_comment_in_a_fancy_font_stays():
    text = _thread(STYLED)
    assert STYLED in clean_text(text).text
    # The region counted whole for its style, the last short comment went as a disguise.
    off = clean_text(text, options=CleanOptions(comment_style_context=False))
    assert STYLED not in off.text
    assert [r.reason for r in off.removed] == ["spam.disguised_name"]


def test_a_disguised_brand_in_the_same_thread_still_goes():
    brand = "Main di \U0001d5ea\U0001d5d8\U0001d5e7\U0001d5e2\U0001d5e1\U0001d7f4\U0001d7f4 gampang menang, wd cair terus bosku"
    out = clean_text(_thread(STYLED, brand))
    assert STYLED in out.text and brand not in out.text
