"""The supported languages, defined once. Everything else (the detector's candidates, the
catalogs that must exist, the /language buttons, the menus set per language) derives from this
table. To add a language: a row here, its catalogs (docs/languages.md), its helplines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LanguageSpec:
    code: str  # ISO 639-1, as Telegram's language_code and the catalogs' directories name it
    name: str  # in English, for logs and docs
    native: str  # on its /language button
    rtl: bool = False  # written right to left: replies are rendered with bidi marks


LANGUAGES: tuple[LanguageSpec, ...] = (
    LanguageSpec("en", "English", "English"),
    LanguageSpec("es", "Spanish", "Español"),
    LanguageSpec("pt", "Portuguese", "Português"),
    LanguageSpec("ru", "Russian", "Русский"),
    LanguageSpec("uk", "Ukrainian", "Українська"),
    LanguageSpec("de", "German", "Deutsch"),
    LanguageSpec("fr", "French", "Français"),
    LanguageSpec("it", "Italian", "Italiano"),
    LanguageSpec("tr", "Turkish", "Türkçe"),
    LanguageSpec("id", "Indonesian", "Bahasa Indonesia"),
    LanguageSpec("ar", "Arabic", "العربية", rtl=True),
)
DEFAULT_LANGUAGE = "en"  # the catalogs' source language and the last resort
BY_CODE: dict[str, LanguageSpec] = {spec.code: spec for spec in LANGUAGES}
CODES: tuple[str, ...] = tuple(BY_CODE)


def is_language(code: str) -> bool:
    return code in BY_CODE


def is_rtl(code: str) -> bool:
    spec = BY_CODE.get(code)
    return spec is not None and spec.rtl


def language_of(tag: str | None) -> str | None:
    """The supported language of an IETF tag such as Telegram's language_code ("pt-br",
    "en", "es-419", "pt_BR"), or None."""
    if not tag:
        return None
    code = tag.replace("_", "-").split("-")[0].strip().lower()
    return code if code in BY_CODE else None


def region_of(tag: str | None) -> str | None:
    """The region of an IETF tag in upper case ("pt-br" -> "BR"), or None when it names none
    (a two-letter region only: "es-419" names a group of countries, not one)."""
    if not tag:
        return None
    parts = tag.replace("_", "-").split("-")
    if len(parts) < 2 or len(parts[1]) != 2 or not parts[1].isalpha():
        return None
    return parts[1].upper()


def _check() -> None:
    """Codes are unique two-letter codes and the default is among them: fails at import."""
    if len(BY_CODE) != len(LANGUAGES) or DEFAULT_LANGUAGE not in BY_CODE:
        raise ValueError("language codes must be unique and include the default")
    if any(len(s.code) != 2 or not s.code.islower() for s in LANGUAGES):
        raise ValueError("language codes are two lower-case letters")


_check()
