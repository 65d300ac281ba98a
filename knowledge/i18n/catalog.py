"""Message catalogs: every string the bot says, one gettext .po file per language and domain
(`<directory>/<lang>/LC_MESSAGES/<domain>.po`), read with Babel when first needed.

Each message is keyed by its msgctxt (the name the code asks for, "DISCLAIMER"); its msgid is
the English source and its msgstr the translation. The English catalog is the source: a key
missing or left untranslated (or fuzzy) in another language falls back to English, and the
tests refuse a shipped catalog with such a gap.

Which language a string is looked up in is the active language (`speaking`), set around each
reply by the engine and the front ends, as gettext's "current locale" (Django's
translation.override, flask-babel's force_locale): the code that composes a reply reads
`wording.DISCLAIMER` whatever the language. A ContextVar keeps concurrent replies apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextvars import ContextVar, Token
from functools import cache
from pathlib import Path
from types import MappingProxyType

from babel.messages.pofile import read_po

from knowledge.i18n.languages import CODES, DEFAULT_LANGUAGE, is_language, is_rtl

_ACTIVE: ContextVar[str] = ContextVar("active_language", default=DEFAULT_LANGUAGE)
# The user's country, when their app says it (Telegram's "pt-br" -> "BR"): which helplines.
_REGION: ContextVar[str | None] = ContextVar("active_region", default=None)
_PLACEHOLDER = re.compile(r"\{\w+\}")
# First-strong isolate ... pop directional isolate (Unicode bidi, UAX #9): a value put into a
# right-to-left sentence ("B6", "112", an English name) keeps its own direction and order.
FSI, PDI = "\u2068", "\u2069"


def speaking(lang: str, region: str | None = None) -> _Speaking:
    """Strings looked up inside the block are in `lang` (an unsupported code: English), and
    helplines are those of `region` (a country code) when known."""
    return _Speaking(lang if is_language(lang) else DEFAULT_LANGUAGE, region)


class _Speaking:
    """`speaking`'s block: a plain context manager, not a generator one, since every turn
    enters a few (measured: a third of the cost, bench/RESULTS.md)."""

    __slots__ = ("_lang", "_region", "_tokens")

    def __init__(self, lang: str, region: str | None) -> None:
        self._lang, self._region = lang, region
        self._tokens: list[tuple[Token[str], Token[str | None]]] = []

    def __enter__(self) -> None:
        self._tokens.append((_ACTIVE.set(self._lang), _REGION.set(self._region)))

    def __exit__(self, *_: object) -> None:
        token, region_token = self._tokens.pop()
        _REGION.reset(region_token)
        _ACTIVE.reset(token)


def active_language() -> str:
    return _ACTIVE.get()


def active_region() -> str | None:
    return _REGION.get()


class Catalog:
    """One domain's messages in every supported language."""

    def __init__(self, directory: Path, domain: str) -> None:
        self.directory = directory
        self.domain = domain
        self._texts = cache(self._read)

    def path(self, lang: str) -> Path:
        return self.directory / lang / "LC_MESSAGES" / f"{self.domain}.po"

    def text(self, key: str, lang: str | None = None) -> str:
        """The message `key` in `lang` (default: the active language), else in English.
        KeyError when the English catalog has no such key."""
        found = self.texts(lang or active_language()).get(key)
        return found if found is not None else self.texts(DEFAULT_LANGUAGE)[key]

    def attribute(self, name: str) -> str:
        """A wording module's `__getattr__`: `wording.NAME` is the message NAME in the active
        language; any other name is no attribute."""
        if not name.isupper():
            raise AttributeError(name)
        try:
            return self.text(name)
        except KeyError:
            raise AttributeError(f"the {self.domain} catalog has no message {name!r}") from None

    def texts(self, lang: str) -> Mapping[str, str]:
        """Key -> text of the translated, non-fuzzy messages of `lang`."""
        return self._texts(lang) if lang in CODES else self._texts(DEFAULT_LANGUAGE)

    def sources(self, lang: str) -> Mapping[str, str]:
        """Key -> the English msgid each message of `lang` was translated from."""
        with self.path(lang).open("rb") as file:
            return {m.context: m.id for m in read_po(file) if m.id and m.context and isinstance(m.id, str)}

    def _read(self, lang: str) -> Mapping[str, str]:
        path = self.path(lang)
        if not path.exists():
            return MappingProxyType({})
        with path.open("rb") as file:
            catalog = read_po(file, locale=None, domain=self.domain)
        texts: dict[str, str] = {}
        for message in catalog:
            if not message.id or not message.context or message.fuzzy or not isinstance(message.id, str):
                continue
            text = message.string if isinstance(message.string, str) and message.string else ""
            if not text and lang == DEFAULT_LANGUAGE:
                text = message.id  # the English catalog may leave msgstr empty: msgid is the text
            if text:
                texts[message.context] = _isolated(text) if is_rtl(lang) else text
        return MappingProxyType(texts)


def _isolated(text: str) -> str:
    """Each {placeholder} of a right-to-left message wrapped in FSI/PDI."""
    return _PLACEHOLDER.sub(lambda m: f"{FSI}{m.group(0)}{PDI}", text)
