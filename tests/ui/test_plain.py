"""escape_markdown: text from a file or a user renders as written in Markdown, with no
formatting, link, image, HTML, maths, colour, icon or autolink (checked with a CommonMark
renderer here, and in Streamlit's own renderer by tests/browser/test_plain_text.py)."""

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ui.plain import WORD_JOINER, escape_markdown, shown_text

COMMONMARK = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")

PAYLOADS = [
    "**bold**",
    "__bold__ _em_ *em*",
    "[link](http://example.com)",
    "![img](http://example.com/x.png)",
    "<img src=x onerror=alert(1)>",
    "<b>b</b> &amp; &#60;",
    ":red[x] :material/home: :smile:",
    "$x^2$ and $$y$$",
    "# header",
    "1. list",
    "- item",
    "> quote",
    "`code` ~~strike~~ a|b|c",
    "back\\slash {curly} (round) + ! . ~",
    "http://example.com www.example.com me@example.com mailto:me@example.com",
]


def rendered(text: str) -> str:
    return COMMONMARK.render(escape_markdown(text))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_renders_as_a_single_paragraph_of_its_own_text(payload):
    out = rendered(payload)
    assert out.startswith("<p>") and out.rstrip().endswith("</p>")
    inner = out.strip()[3:-4]
    assert "<" not in inner.replace("&lt;", "")  # no tag of any kind
    assert shown_text(html.unescape(inner)) == payload


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**bold**", r"\*\*bold\*\*"),
        ("[a](b)", r"\[a\]\(b\)"),
        ("$x$ :red[x]", "\\$x\\$ " + WORD_JOINER + r"\:red\[x\]"),
        ("a\\b", r"a\\b"),
        ("Päiväkoti Aurinko", "Päiväkoti Aurinko"),
    ],
)
def test_every_special_character_gets_a_backslash(text, expected):
    assert escape_markdown(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "http://example.com",
        "HTTPS://x.fi",
        "www.example.com",
        "WWW.x.fi",
        "a@b.fi",
        "mailto:a@b.fi",
        "xmpp:a@b.fi",
    ],
)
def test_autolinks_are_broken_by_an_invisible_joiner(text):
    seen = escape_markdown(text).replace("\\", "")  # the text as the renderer sees it
    assert shown_text(seen) == text
    for pattern in AUTOLINKS:
        assert not pattern.search(seen), pattern


# The patterns GitHub-flavoured Markdown (mdast-util-gfm-autolink-literal) looks for in text.
AUTOLINKS = [
    re.compile(r"(https?://|www(?=\.))[-.\w]+", re.IGNORECASE | re.ASCII),
    re.compile(r"(mailto|xmpp):[-.\w+]+@", re.IGNORECASE | re.ASCII),
    re.compile(r"[-.\w+]+@[-\w]+(\.[-\w]+)+", re.ASCII),
]


def test_line_breaks_cannot_start_a_block_of_their_own():
    assert escape_markdown("a\n# b\r\n- c\rd") == r"a \# b \- c d"
    assert escape_markdown("\t    code") == "code"
    assert rendered("a\n# b").count("<p>") == 1


def test_none_and_numbers():
    assert escape_markdown(None) == ""
    assert escape_markdown(4.5) == r"4\.5"


@given(st.text())
def test_any_text_renders_without_markup(text):
    out = rendered(text)
    for tag in ("<a ", "<img", "<strong", "<em>", "<code", "<h1", "<li", "<script", "<del"):
        assert tag not in out
