"""The /start parameter of a deep link (the button above inline results, t.me/bot?start=...):
the topic to open and the advice to keep showing, in Telegram's 1-64 characters of
A-Z, a-z, 0-9, _ and -.

    <slug>              a topic
    <slug>_<keep>       a topic, with the advice its inline result carried (Escalation.keep)
    _<keep>             advice with no topic
    inline              nothing in particular: the greeting

Slugs hold no "_", so the parts never mix. Anything else is read as nothing in particular.
"""

from __future__ import annotations

import re

from telegram.constants import InlineQueryResultsButtonLimit

from handlers.telegram import wording
from knowledge import Reply

_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KEEP = re.compile(r"[a-z]{1,8}")


def start_parameter(reply: Reply | None) -> str:
    """The parameter that opens this reply's topic (and keeps its advice) in a private chat."""
    if reply is None:
        return wording.INLINE_START_PARAMETER
    slug = reply.topics[0] if reply.topics else ""
    keep = reply.escalation.keep
    parameter = f"{slug}_{keep}" if keep else slug
    if not parameter or len(parameter) > InlineQueryResultsButtonLimit.MAX_START_PARAMETER_LENGTH:
        return wording.INLINE_START_PARAMETER
    return parameter if _PARAMETER.fullmatch(parameter) else wording.INLINE_START_PARAMETER


def read_start_parameter(parameter: str) -> tuple[str | None, str]:
    """(slug or None, keep code) from a start parameter; (None, "") for anything else."""
    slug, _, keep = parameter.partition("_")
    if keep and not _KEEP.fullmatch(keep):
        return None, ""
    if slug and not _SLUG.fullmatch(slug):
        return None, ""
    return slug or None, keep
