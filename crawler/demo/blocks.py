"""Theme building blocks: article body, comment list and form, share, newsletter, notices.

Each block returns HTML and records in ``Rendered`` the visible boilerplate or spam
lines it printed, so the manifest lists exactly what a page shows.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from .chrome import human_date
from .inject import Injected, anchor
from .sitemodel import Article

E = html.escape


@dataclass(slots=True)
class Rendered:
    """A rendered page and the boilerplate / comment-spam lines it printed."""

    html: str
    boilerplate: list[str] = field(default_factory=list)
    comment_spam: list[str] = field(default_factory=list)


def body(a: Article, inj: Injected) -> str:
    """Paragraphs with spam slots after them and spam tails appended."""
    out = []
    for i, p in enumerate(a.paragraphs):
        tail = inj.appends.get(i, "")
        if p.startswith("## "):
            out.append(f"<h2>{E(p[3:])}</h2>")
        elif p.startswith("> "):
            out.append(f"<blockquote><p>{E(p[2:])}{tail}</p></blockquote>")
        else:
            out.append(f"<p>{E(p)}{tail}</p>")
        out.append(inj.slot(f"content:{i}"))
    out.append(inj.slot("content_end"))
    return "\n".join(x for x in out if x)


def comments(a: Article, ui: dict, r: Rendered, wrap: str) -> str:
    """The comment list; ``wrap`` is the element around each comment body."""
    items = []
    for n, c in enumerate(a.comments, start=1):
        who = anchor(c.author, ' rel="external nofollow ugc" class="url"')[0] if c.link else E(c.author)
        items.append(
            f'<li id="comment-{n}" class="comment depth-1">\n<{wrap} id="div-comment-{n}" class="comment-body">\n'
            f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{who}</b> '
            f'<span class="says">{E(ui["says"])}</span></div>\n'
            f'<div class="comment-metadata"><a href="#comment-{n}"><time datetime="{c.date}">'
            f"{human_date(c.date, ui)}</time></a></div></footer>\n"
            f'<div class="comment-content"><p>{E(c.text)}</p></div>\n'
            f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-{n}">{E(ui["reply"])}</a>'
            f"</div>\n</{wrap}>\n</li>"
        )
        if c.spam:
            r.comment_spam += [c.text, c.author]
    if not items:
        return ""
    title = ui["comments_title"].format(n=len(items), title=a.title)
    return (f'<h2 class="comments-title">{E(title)}</h2>\n<ol class="comment-list">\n' + "\n".join(items)
            + "\n</ol>")


def comment_form(ui: dict, r: Rendered, button: bool) -> str:
    """The WordPress reply form; ``button`` prints the submit label as text (not an input value)."""
    note = f'{E(ui["required_note"])}'.replace("*", '<span class="required">*</span>')
    r.boilerplate += [ui["leave_reply"], f'{ui["email_note"]} {ui["required_note"]}', ui["save_info"]]
    if button:
        r.boilerplate.append(ui["post_comment"])
        submit = f'<button name="submit" type="submit" id="submit" class="submit">{E(ui["post_comment"])}</button>'
    else:
        submit = f'<input name="submit" type="submit" id="submit" class="submit" value="{E(ui["post_comment"])}">'
    field_ = '<p class="comment-form-{0}"><label for="{0}">{1} <span class="required">*</span></label> ' \
             '<input id="{0}" name="{0}" type="text" size="30" required></p>'
    return (
        '<div id="respond" class="comment-respond">\n'
        f'<h3 id="reply-title" class="comment-reply-title">{E(ui["leave_reply"])}</h3>\n'
        '<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>\n'
        f'<p class="comment-notes"><span id="email-notes">{E(ui["email_note"])}</span> '
        f'<span class="required-field-message">{note}</span></p>\n'
        f'<p class="comment-form-comment"><label for="comment">{E(ui["comment_label"])} '
        '<span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" required>'
        "</textarea></p>\n"
        + field_.format("author", E(ui["name_label"])) + "\n" + field_.format("email", E(ui["email_label"])) + "\n"
        + f'<p class="comment-form-url"><label for="url">{E(ui["website_label"])}</label> '
        '<input id="url" name="url" type="url" size="30"></p>\n'
        '<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" type="checkbox" value="yes"> '
        f'<label for="wp-comment-cookies-consent">{E(ui["save_info"])}</label></p>\n'
        f'<p class="form-submit">{submit}</p>\n</form>\n</div>'
    )


def share(ui: dict, r: Rendered, cls: str) -> str:
    r.boilerplate.append(ui["share"])
    links = "".join(f'<li><a class="share-{s.lower()}" href="#share-{s.lower()}" rel="nofollow">{s}</a></li>'
                    for s in ("Facebook", "X", "WhatsApp", "Telegram"))
    return f'<div class="{cls}">\n<h3 class="sd-title">{E(ui["share"])}</h3>\n<ul>{links}</ul>\n</div>'


def subscribe(ui: dict, r: Rendered) -> str:
    r.boilerplate += [ui["subscribe"], ui["subscribe_note"]]
    return ('<div class="newsletter-box">\n'
            f'<h4 class="newsletter-title">{E(ui["subscribe"])}</h4>\n<p>{E(ui["subscribe_note"])}</p>\n'
            '<form action="/newsletter/" method="post"><input type="email" name="email" placeholder="you@example.test">'
            f' <button type="submit">{E(ui["subscribe_button"])}</button></form>\n</div>')


def notice(ui: dict, r: Rendered) -> str:
    """A rights notice printed inside the article body, where extractors keep it."""
    r.boilerplate.append(ui["rights_notice"])
    return f'<p class="rights-notice"><em>{E(ui["rights_notice"])}</em></p>'


def cookie(ui: dict, r: Rendered) -> str:
    r.boilerplate.append(ui["cookie"])
    return (f'<div id="cookie-notice" class="cookie-notice" role="dialog"><p class="cn-text">{E(ui["cookie"])}</p>'
            f' <a href="#" class="cn-accept" id="cn-accept-cookie">{E(ui["cookie_accept"])}</a></div>')


def copyright_line(theme: str, ui: dict, r: Rendered) -> str:
    text = "Example Times © 2024" if theme == "minimal" else ui["copyright"]
    r.boilerplate.append(text)
    return text
