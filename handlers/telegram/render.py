"""Reply -> Telegram HTML messages (parse_mode=HTML), each within Telegram's 4096 characters.

The blocks and their order are knowledge's layout (knowledge/answers/layout.py) and the split
is the platforms' one (handlers/split.py): this module only writes a line as HTML, every
dynamic string escaped, and counts length as Telegram does. Its own note (the body was
shortened) is in the reply's language, and each line of a right-to-left reply opens with a
right-to-left mark.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from telegram.constants import MessageLimit

from handlers.split import Line, Markup, Splitter
from handlers.telegram import wording
from knowledge import BULLET, Action, Layout, Reply, is_rtl, layout
from knowledge import Line as LaidOut

TELEGRAM_LIMIT = MessageLimit.MAX_TEXT_LENGTH
MAX_MESSAGES = 3  # one answer, however large the article
# Right-to-left mark: Telegram sets each line's direction from its first strong character, so
# an Arabic line that starts with "B6", a number or an English name would read left to right.
# Each line of a right-to-left reply starts with it; the catalogs isolate the values put into
# their sentences (knowledge.i18n.catalog.FSI).
RLM = "\u200f"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 code units each


def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units: one a character, two for one
    beyond the Basic Multilingual Plane (most emoji). Encoded only when the text has such a
    character: encoding to UTF-16 looks its codec up on every call (bench/RESULTS.md, session 7)."""
    if text.isascii() or _ASTRAL.search(text) is None:
        return len(text)
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Rendered:
    messages: tuple[str, ...]
    buttons: tuple[Action, ...]


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


class HtmlMarkup:
    """Telegram's HTML: <b> and <i>, everything else escaped."""

    def line(self, line: LaidOut) -> Line:
        if line.name:
            markup = f"<b>{_esc(line.name)}:</b> {_esc(line.text)}"
        elif line.style == "bold":
            markup = f"<b>{_esc(line.text)}</b>"
        elif line.style == "italic":
            markup = f"<i>{_esc(line.text)}</i>"
        else:
            markup = _esc(line.text)
        plain = line.plain
        return Line(f"{BULLET} {markup}" if line.bullet else markup, plain, utf16_len(plain))

    def plain(self, text: str) -> Line:
        return Line(_esc(text), text, utf16_len(text))

    def italic(self, text: str) -> Line:
        return Line(f"<i>{_esc(text)}</i>", text, utf16_len(text))

    def size(self, text: str) -> int:
        return utf16_len(text)


class RightToLeft:
    """A markup's lines, each opened with a right-to-left mark."""

    def __init__(self, markup: Markup) -> None:
        self.markup = markup

    def _marked(self, line: Line) -> Line:
        return Line(RLM + line.markup, RLM + line.plain, line.size + self.markup.size(RLM))

    def line(self, line: LaidOut) -> Line:
        return self._marked(self.markup.line(line))

    def plain(self, text: str) -> Line:
        return self._marked(self.markup.plain(text))

    def italic(self, text: str) -> Line:
        return self._marked(self.markup.italic(text))

    def size(self, text: str) -> int:
        return self.markup.size(text)


_HTML = HtmlMarkup()
_RTL_HTML = RightToLeft(_HTML)


@lru_cache(maxsize=64)  # immutable, and the same few for every reply
def _splitter(lang: str, limit: int, most: int) -> Splitter:
    """The splitter for a reply in `lang`: its note in that language, marked right to left in
    a right-to-left language."""
    markup: Markup = _RTL_HTML if is_rtl(lang) else _HTML
    return Splitter(markup, limit, most, wording.text("SHORTENED", lang))


def render_html(reply: Reply, limit: int = TELEGRAM_LIMIT, most: int = MAX_MESSAGES) -> Rendered:
    """The reply as at most `most` messages: one answer never floods a chat, however large
    an article is. What does not fit is cut from the body, never from the advice or the
    disclaimer, and the cut is said."""
    laid, disclaimed = layout(reply), bool(reply.disclaimer)
    if reply.escalation.quotes_person:  # never kept
        messages = _splitter(reply.lang, limit, most).messages(laid, disclaimed)
    else:
        messages = _messages(laid, reply.lang, disclaimed, limit, most)
    return Rendered(messages, (*reply.suggestions, *reply.actions))


# The messages depend only on the layout, the language and the limits: the same answer, asked
# again by anyone, is written once. Only layouts of knowledge's words are kept (render_html
# leaves out advice that quotes what the person wrote); the key is the content itself, so a
# knowledge reload can never serve a stale answer.
@lru_cache(maxsize=512)
def _messages(laid: Layout, lang: str, disclaimed: bool, limit: int, most: int) -> tuple[str, ...]:
    return _splitter(lang, limit, most).messages(laid, disclaimed)


def render_single(reply: Reply, limit: int = TELEGRAM_LIMIT) -> str:
    """One message (for inline results): sections that do not fit are left out, but the
    title, the disclaimer and the escalation advice never are."""
    return _splitter(reply.lang, limit, 1).single(layout(reply))
