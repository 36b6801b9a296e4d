"""Text from a file or a user, made safe for Streamlit's Markdown (which renders in st.markdown,
captions, alerts, headers and widget labels): nothing in it can format, link, load an image,
insert HTML or maths, colour text or draw an icon; it shows exactly as written."""

import re

# Every ASCII punctuation character: CommonMark lets a backslash escape each of them, so the
# escaped text renders as written. Covers \ ` * _ { } [ ] < > ( ) # + - . ! | ~ $ : and more.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# GitHub-style autolinks (http://, www., mailto:, a@b.fi) are found in the text after the
# escapes are undone, so escapes cannot stop them: an invisible WORD JOINER before each colon
# and at-sign and inside "www." breaks the pattern without changing what the reader sees.
WORD_JOINER = "\u2060"
_LINK_START = re.compile(r"(?=\\[:@])|(?<=www)(?=\\\.)", re.IGNORECASE)
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")


def escape_markdown(text) -> str:
    """text (None shows as '') as literal Markdown. Runs of spaces, tabs and line breaks become
    one space and leading ones go (as HTML would show them anyway), so a value can never start a
    list, a quote, a code block or a header of its own."""
    if text is None:
        return ""
    flat = _WHITESPACE.sub(" ", str(text)).lstrip(" ")
    return _LINK_START.sub(WORD_JOINER, _PUNCTUATION.sub(r"\\\1", flat))


def shown_text(markdown: str) -> str:
    """What a reader sees of escaped Markdown: the escapes undone and the invisible joiners
    left out (for tests, which read the Markdown a page sends)."""
    return _ESCAPED.sub(r"\1", markdown).replace(WORD_JOINER, "")


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
