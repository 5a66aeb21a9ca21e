"""dom.parse: the tree Trafilatura's load_html makes, from UTF-8 bytes and with element classes looked up in C."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml.html import FormElement, HtmlElement, InputElement, SelectElement, TextareaElement
from trafilatura.utils import load_html

from cleaners import clean_html, dom

PAGES = {
    "plain": "<html><head><title>T</title></head><body><p>One para.</p><p>Two.</p></body></html>",
    "doctype": "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html><body><p>Text é</p></body></html>",
    "xml declaration": "<?xml version='1.0' encoding='iso-8859-1'?><html><body><p>Déjà vu</p></body></html>",
    "meta charset": "<html><head><meta charset='windows-1251'></head><body><p>Привет, мир</p></body></html>",
    "self-closed html": "<html/>\n<body><p>Body text</p></body>",
    "no html tag": "<body><div>a</div><div>b</div></body>",
    "fragment": "<p>only a paragraph</p>",
    "invalid xml characters": "<html><body><p>bell\x07 and\x0b tab</p></body></html>",
    "comment and pi": "<html><body><!-- note --><?php echo 1 ?><p>x</p></body></html>",
    "whitespace": "   \n  ",
    "joiners": "<html><body><p>صفحه\u200cی اصلی</p></body></html>",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_parse_makes_load_htmls_tree(name: str) -> None:
    """The same tree, or None, as Trafilatura's load_html for the same text."""
    ours, theirs = dom.parse(PAGES[name]), load_html(PAGES[name])
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")


def test_parse_keeps_lxml_html_classes() -> None:
    """Elements are lxml.html's classes, form controls included, as load_html's are."""
    tree = dom.parse("<html><body><form><input name=a><select><option>o</option></select>"
                     "<textarea>t</textarea></form><p>text</p></body></html>")
    assert type(tree.find(".//form")) is FormElement
    assert type(tree.find(".//input")) is InputElement
    assert type(tree.find(".//select")) is SelectElement
    assert type(tree.find(".//textarea")) is TextareaElement
    assert type(tree.find(".//p")) is HtmlElement
    assert tree.find(".//p").text_content() == "text"


def test_clean_html_of_bytes_and_text_agree() -> None:
    """Bytes go through the charset detection, text through the bytes parse: one result."""
    html = "<html><head><title>Title</title></head><body><article><p>" + "A sentence of the article. " * 40 + \
        "</p></article></body></html>"
    assert clean_html(html).text == clean_html(html.encode("utf8")).text != ""
