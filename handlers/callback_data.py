"""Button payloads, the same on every platform: stateless, versioned, at most 64 bytes,
validated on the way back.

    v2|t|<slug>|<section code>|<keep>   a topic, optionally one of its sections
    v2|k|<slug>|<step>.<yes>.<unsure>|<keep>
                                        a step of a condition's symptom check: the answers so
                                        far as three hexadecimal numbers (Answers)
    v2|u|<slug>|<page>|<keep>           a page of the conditions an ingredient is used for
    v2|l|<c or i>|<page>|<keep>         a page of the list of conditions or ingredients
    v2|g|<language code or "auto">||    a choice of /language

Section codes come from knowledge's table of sections. `keep` is the escalation advice the
answer showed (Escalation.keep, e.g. "d" or "ea"): the answer to a press shows it again, so a
button never takes safety advice off the screen. Version 1 payloads carried no `keep` and are
refused as expired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import ValidationError

from knowledge import SECTIONS, Action, Answers, Listing, is_language

VERSION = "v2"
# Telegram's limit for callback data (InlineKeyboardButtonLimit.MAX_CALLBACK_DATA), the
# smallest of the platforms': WhatsApp allows 256 for a reply button and 200 for a list row.
# The codec is platform-neutral, so the number is written here rather than imported.
MAX_BYTES = 64
_SECTION_OF = {s.code: s.key for s in SECTIONS}
_CODE_OF = {s.key: s.code for s in SECTIONS}
_LISTINGS: dict[str, Listing] = {"c": "conditions", "i": "ingredients"}
_LISTING_CODE = {name: code for code, name in _LISTINGS.items()}
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MAX_PAGE = 100_000
_KEEP = re.compile(r"[a-z]{0,8}")
_DIGITS = re.compile(r"[0-9]{1,6}")  # str.isdigit() also accepts "²", which int() refuses
_ANSWERS = re.compile(r"([0-9a-f]{1,2})\.([0-9a-f]{1,8})\.([0-9a-f]{1,8})")


@dataclass(frozen=True)
class TopicButton:
    slug: str
    section: str | None
    keep: str = ""


@dataclass(frozen=True)
class CheckButton:
    slug: str
    answers: Answers
    keep: str = ""


@dataclass(frozen=True)
class UsesButton:
    slug: str
    page: int
    keep: str = ""


@dataclass(frozen=True)
class ListButton:
    listing: Listing
    page: int
    keep: str = ""


@dataclass(frozen=True)
class LanguageButton:
    lang: str | None  # None: answer in the language of each message again


_AUTOMATIC = "auto"


def encode_language(lang: str | None) -> str:
    return f"{VERSION}|g|{lang or _AUTOMATIC}||"


def encode(action: Action) -> str | None:
    """The payload for an action, or None if it cannot fit in 64 bytes."""
    if action.listing is not None:
        data = f"{VERSION}|l|{_LISTING_CODE[action.listing]}|{action.page}|{action.keep}"
    elif action.page and action.topic:
        data = f"{VERSION}|u|{action.topic}|{action.page}|{action.keep}"
    elif action.check is not None:
        a = action.check
        data = f"{VERSION}|k|{action.topic}|{a.step:x}.{a.yes:x}.{a.unsure:x}|{action.keep}"
    else:
        code = _CODE_OF[action.section] if action.section else ""
        data = f"{VERSION}|t|{action.topic}|{code}|{action.keep}"
    return data if len(data.encode()) <= MAX_BYTES else None


# A button that shows an answer (as_action), and every button (a /language choice is Telegram's).
AnswerButton = TopicButton | CheckButton | UsesButton | ListButton
Button = AnswerButton | LanguageButton


def decode(data: str | None) -> Button | None:
    """The button's meaning, or None for anything stale, forged or malformed."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split("|")
    if len(parts) != 5 or parts[0] != VERSION or not _KEEP.fullmatch(parts[4]):
        return None
    _, kind, target, extra, keep = parts
    if kind == "t" and _SLUG.fullmatch(target) and (extra == "" or extra in _SECTION_OF):
        return TopicButton(target, _SECTION_OF.get(extra), keep)
    answers = _ANSWERS.fullmatch(extra)
    if kind == "k" and _SLUG.fullmatch(target) and answers is not None:
        step, yes, unsure = (int(n, 16) for n in answers.groups())
        try:
            return CheckButton(target, Answers(step=step, yes=yes, unsure=unsure), keep)
        except ValidationError:  # a step past any check
            return None
    if kind == "u" and _SLUG.fullmatch(target) and _DIGITS.fullmatch(extra) and int(extra) <= _MAX_PAGE:
        return UsesButton(target, int(extra), keep)
    if kind == "l" and target in _LISTINGS and _DIGITS.fullmatch(extra) and int(extra) <= _MAX_PAGE:
        return ListButton(_LISTINGS[target], int(extra), keep)
    if kind == "g" and extra == "" and keep == "" and (target == _AUTOMATIC or is_language(target)):
        return LanguageButton(None if target == _AUTOMATIC else target)
    return None


def as_action(button: AnswerButton) -> Action:
    """The action a decoded button stands for (its label is not carried: it is not needed to
    answer the press)."""
    if isinstance(button, TopicButton):
        return Action(label="", topic=button.slug, section=button.section, keep=button.keep)
    if isinstance(button, UsesButton):
        return Action(label="", topic=button.slug, page=button.page, keep=button.keep)
    if isinstance(button, CheckButton):
        return Action(label="", topic=button.slug, check=button.answers, keep=button.keep)
    return Action(label="", listing=button.listing, page=button.page, keep=button.keep)
