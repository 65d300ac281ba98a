"""Reply -> WhatsApp text messages: knowledge's layout in WhatsApp's formatting (*bold*,
_italic_), split by the platforms' one splitter (handlers/split.py) to WhatsApp's 4,096
characters a message, its own note in the reply's language."""

from __future__ import annotations

from functools import lru_cache

from handlers.split import Line, Splitter
from handlers.whatsapp import wording
from knowledge import BULLET, Layout, Reply, layout
from knowledge import Line as LaidOut

WHATSAPP_LIMIT = 4096  # characters in a text message
MAX_MESSAGES = 3  # one answer, however large the article


def _styled(text: str, mark: str) -> str:
    """`text` in WhatsApp's *bold* or _italic_: the marks must touch the words, so spaces
    around the text stay outside them."""
    stripped = text.strip()
    if not stripped:
        return text
    return f"{mark}{stripped}{mark}"


class WhatsAppMarkup:
    def line(self, line: LaidOut) -> Line:
        if line.name:
            text = f"{_styled(line.name + ':', '*')} {line.text}"
        elif line.style == "bold":
            text = _styled(line.text, "*")
        elif line.style == "italic":
            text = _styled(line.text, "_")
        else:
            text = line.text
        if line.bullet:
            text = f"{BULLET} {text}"
        return Line(text, line.plain, len(text))

    def plain(self, text: str) -> Line:
        return Line(text, text, len(text))

    def italic(self, text: str) -> Line:
        styled = _styled(text, "_")
        return Line(styled, text, len(styled))

    def size(self, text: str) -> int:
        return len(text)


_MARKUP = WhatsAppMarkup()


def render_whatsapp(reply: Reply, limit: int = WHATSAPP_LIMIT) -> tuple[str, ...]:
    """The reply as at most three WhatsApp text messages."""
    if reply.escalation.quotes_person:  # never kept
        return _write(layout(reply), reply.lang, bool(reply.disclaimer), limit)
    return _messages(layout(reply), reply.lang, bool(reply.disclaimer), limit)


def _write(laid: Layout, lang: str, disclaimed: bool, limit: int) -> tuple[str, ...]:
    splitter = Splitter(_MARKUP, limit, MAX_MESSAGES, wording.text("SHORTENED_CHOICES", lang))
    return splitter.messages(laid, disclaimed)


# Written once per layout of knowledge's words only (render_whatsapp leaves out advice that
# quotes what the person wrote), language and limit: the key is the content itself, so a
# knowledge reload can never serve a stale answer.
_messages = lru_cache(maxsize=512)(_write)
