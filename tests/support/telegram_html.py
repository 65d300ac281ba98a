"""A validator for Telegram's parse_mode=HTML, modelled on tdlib's ``parse_html``.

The scanner follows tdlib's algorithm (and its error texts, which the Bot API returns after
"Bad Request: can't parse entities: "), so byte offsets and messages match real Telegram.
Two rules are stricter than tdlib by default (``strict=True``), because the Bot API docs
require them and a bot relying on tdlib's leniency is fragile:

* a ``&`` that does not start ``&lt;`` ``&gt;`` ``&amp;`` ``&quot;`` or ``&#N;``/``&#xH;`` is an
  error (tdlib keeps it as a literal ``&``; it also tolerates a missing ``;``);
* ``<a>`` must carry ``href`` (tdlib falls back to the link text).

Pass ``strict=False`` to get tdlib's exact behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["HtmlError", "parse", "utf16_len", "validate", "visible_text"]

_SPACE = " \t\r\n\v\0"
_END = "\0"  # sentinel appended to the input, like tdlib's NUL-terminated CSlice
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SIMPLE_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline", "ins": "underline",
    "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough", "tg-spoiler": "spoiler",
    "span": "spoiler", "code": "code", "pre": "pre",
}  # fmt: skip
_TAGS = frozenset({*_SIMPLE_TYPES, "a", "tg-emoji", "blockquote"})


class HtmlError(ValueError):
    """Raised when text is not valid Telegram HTML; str(err) is Telegram's reason."""


def utf16_len(s: str) -> int:
    """Length of ``s`` in UTF-16 code units, the unit Telegram uses for limits and offsets."""
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


@dataclass
class _Open:
    """A start tag waiting for its end tag."""

    tag: str
    arg: str
    offset: int  # UTF-16 offset of the entity in the visible text
    begin: int  # index into the visible text, for <a> without href


@dataclass
class _Parser:
    """Single-pass scanner over ``src`` producing visible text and Bot API entity dicts."""

    src: str
    strict: bool
    t: str = ""
    out: list[str] = field(default_factory=list)
    u16: int = 0
    stack: list[_Open] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    def byte(self, i: int) -> int:
        """Byte offset of character index ``i`` in the UTF-8 encoded input, as tdlib reports."""
        return len(self.src[:i].encode("utf-8", "surrogatepass"))

    def entity(self, i: int) -> tuple[str | None, int]:
        """Decode an HTML entity at ``i`` (which is '&'); return (char or None, next index)."""
        t, j = self.t, i + 1
        if t[j] == "#":
            j += 1
            hexa = t[j] == "x"
            j += hexa
            start = j
            while t[j] in ("0123456789abcdefABCDEF" if hexa else "0123456789"):
                j += 1
            digits = t[start:j]
            code = int(digits, 16 if hexa else 10) if digits else 0
            if code == 0 or code >= 0x10FFFF or j - i >= 10:
                return None, i
            ch = chr(code)
        else:
            while t[j].isascii() and t[j].isalpha():
                j += 1
            if t[i + 1 : j] not in _NAMED:
                return None, i
            ch = _NAMED[t[i + 1 : j]]
        if t[j] == ";":
            return ch, j + 1
        return (None, i) if self.strict else (ch, j)

    def emit(self, s: str) -> None:
        """Append one visible character (so len(out) is a character index)."""
        self.out.append(s)
        self.u16 += utf16_len(s)

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        """Scan the whole input."""
        self.t = self.src + _END
        i, n = 0, len(self.src)
        while i < n:
            c = self.t[i]
            if c == "&":
                ch, j = self.entity(i)
                if ch is not None:
                    self.emit(ch)
                    i = j
                    continue
                if self.strict:
                    raise HtmlError(f'Unescaped "&" at byte offset {self.byte(i)}; use &amp;')
            if c != "<":
                self.emit(c)
                i += 1
                continue
            i = self.end_tag(i) if self.t[i + 1] == "/" else self.start_tag(i)
        if self.stack:
            raise HtmlError(f'Can\'t find end tag corresponding to start tag "{self.stack[-1].tag}"')
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def start_tag(self, begin: int) -> int:
        """Parse ``<tag attr=...>`` starting at ``begin``; return the index after '>'."""
        t, i = self.t, begin + 1
        while t[i] not in _SPACE and t[i] != ">":
            i += 1
        if t[i] == _END:
            raise HtmlError(f"Unclosed start tag at byte offset {self.byte(begin)}")
        tag = t[begin + 1 : i].lower()
        if tag not in _TAGS:
            raise HtmlError(f'Unsupported start tag "{tag}" at byte offset {self.byte(begin)}')
        attrs: dict[str, str] = {}
        while t[i] != ">":
            while t[i] != _END and t[i] in _SPACE:
                i += 1
            if t[i] == ">":
                break
            name_start = i
            while t[i] not in _SPACE and t[i] not in "=>":
                i += 1
            name = t[name_start:i]
            if not name:
                raise HtmlError(f'Empty attribute name in the tag "{tag}" at byte offset {self.byte(begin)}')
            while t[i] != _END and t[i] in _SPACE:
                i += 1
            if t[i] != "=":
                if tag == "blockquote" and name == "expandable":  # the only value-less attribute
                    attrs[name] = ""
                    continue
                raise HtmlError(
                    f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                    f"at byte offset {self.byte(begin)}"
                )
            i += 1
            while t[i] != _END and t[i] in _SPACE:
                i += 1
            if t[i] == _END:
                raise HtmlError(f'Unclosed start tag "{tag}" at byte offset {self.byte(begin)}')
            value, i = self.attr_value(i)
            if t[i] == _END:
                raise HtmlError(f"Unclosed start tag at byte offset {self.byte(begin)}")
            attrs[name] = value
        self.stack.append(_Open(tag, self.tag_arg(tag, attrs, begin), self.u16, len(self.out)))
        return i + 1

    def attr_value(self, i: int) -> tuple[str, int]:
        """Parse a quoted string or a bare name token at ``i``; return (value, next index)."""
        t = self.t
        if t[i] not in "'\"":
            start = i
            while (t[i].isascii() and t[i].isalnum()) or t[i] in ".-":
                i += 1
            if t[i] not in _SPACE and t[i] != ">":
                raise HtmlError(f"Unexpected end of name token at byte offset {self.byte(start)}")
            return t[start:i].lower(), i
        quote, i, value = t[i], i + 1, []
        while t[i] != quote and t[i] != _END:
            if t[i] == "&":
                ch, j = self.entity(i)
                if ch is not None:
                    value.append(ch)
                    i = j
                    continue
            value.append(t[i])
            i += 1
        return "".join(value), i + (t[i] == quote)

    def tag_arg(self, tag: str, attrs: dict[str, str], begin: int) -> str:
        """Pick the one attribute each tag cares about, validating span and a."""
        cls = attrs.get("class", "")
        if tag == "span":
            if cls != "tg-spoiler":
                raise HtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset {self.byte(begin)}')
            return "spoiler"
        if tag == "a":
            if self.strict and "href" not in attrs:
                raise HtmlError(f'Tag "a" must have attribute "href" at byte offset {self.byte(begin)}')
            return attrs.get("href", "")
        if tag == "code":
            return cls.removeprefix("language-") if cls.startswith("language-") else ""
        if tag == "tg-emoji":
            return attrs.get("emoji-id", "")
        return "expandable" if tag == "blockquote" and "expandable" in attrs else ""

    def end_tag(self, begin: int) -> int:
        """Parse ``</tag>`` starting at ``begin``, emit its entity; return the index after '>'."""
        if not self.stack:
            raise HtmlError(f"Unexpected end tag at byte offset {self.byte(begin)}")
        t, i = self.t, begin + 2
        while t[i] not in _SPACE and t[i] != ">":
            i += 1
        name = t[begin + 2 : i].lower()
        while t[i] != _END and t[i] in _SPACE:
            i += 1
        if t[i] != ">":
            raise HtmlError(f"Unclosed end tag at byte offset {self.byte(begin)}")
        top = self.stack.pop()
        if name and name != top.tag:
            raise HtmlError(
                f'Unmatched end tag at byte offset {self.byte(begin)}, expected "</{top.tag}>", '
                f'found "</{name}>"'
            )
        if self.u16 > top.offset:  # tdlib drops empty entities silently
            self.add_entity(top)
        return i + 1

    def add_entity(self, top: _Open) -> None:
        """Append the Bot API entity for a closed, non-empty tag."""
        ent: dict[str, Any] = {"offset": top.offset, "length": self.u16 - top.offset}
        last = self.entities[-1] if self.entities else None
        same_span = last is not None and (last["offset"], last["length"]) == (ent["offset"], ent["length"])
        if top.tag == "a":
            url = top.arg or "".join(self.out[top.begin :])
            ent.update(type="text_link", url=url)
        elif top.tag == "tg-emoji":
            if not top.arg.isdigit() or int(top.arg) == 0:
                raise HtmlError("Invalid custom emoji identifier specified")
            ent.update(type="custom_emoji", custom_emoji_id=top.arg)
        elif top.tag == "blockquote":
            ent["type"] = "expandable_blockquote" if top.arg else "blockquote"
        elif top.tag == "pre" and same_span and last and last["type"] == "code" and last.get("language"):
            last["type"] = "pre"  # <pre><code class="language-x"> is one pre entity with a language
            return
        elif top.tag == "code" and same_span and last and last["type"] == "pre" and top.arg:
            last["language"] = top.arg
            return
        else:
            ent["type"] = _SIMPLE_TYPES[top.tag]
            if top.tag == "code" and top.arg:
                ent["language"] = top.arg  # kept only until the enclosing <pre> closes
        self.entities.append(ent)


def parse(html: str, *, strict: bool = True) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML into (visible text, Bot API MessageEntity dicts); raise HtmlError."""
    text, entities = _Parser(html, strict).run()
    for ent in entities:
        if ent["type"] == "code":
            ent.pop("language", None)  # a bare <code class=...> carries no language in the Bot API
    return text, entities


def validate(html: str, *, strict: bool = True) -> str | None:
    """Return None if ``html`` is valid Telegram HTML, else Telegram's reason string."""
    try:
        parse(html, strict=strict)
    except HtmlError as err:
        return str(err)
    return None


def visible_text(html: str) -> str:
    """The text a user sees: tags removed, entities unescaped (tdlib rules; raises HtmlError)."""
    return parse(html, strict=False)[0]
