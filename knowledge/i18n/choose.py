"""The language of each reply, per message, in this order:

1. the user's explicit choice (/language), kept with the conversation;
2. the language the message is written in, when the detector can tell, so that a person who
   writes Spanish is answered in Spanish whatever their app's language;
3. the conversation's language so far: a message too short to tell ("ok", "b6?") keeps it;
4. the language of the user's app (Telegram's language_code);
5. English.
"""

from __future__ import annotations

from knowledge.conversation import Conversation
from knowledge.i18n.detect import Detector
from knowledge.i18n.languages import DEFAULT_LANGUAGE, language_of


def choose_language(
    text: str, conversation: Conversation | None, user_tag: str | None, detector: Detector
) -> str:
    if conversation is not None and conversation.lang_chosen and conversation.lang:
        return conversation.lang  # no need to detect
    return language_for(detector.detect(text) if text else None, conversation, user_tag)


def language_for(detected: str | None, conversation: Conversation | None, user_tag: str | None) -> str:
    """The same choice, with the message's language already detected (`detected`, None when
    it cannot be told): the engine detects it once a turn, for the reply and for reading."""
    if conversation is not None and conversation.lang_chosen and conversation.lang:
        return conversation.lang
    if detected is not None:
        return detected
    if conversation is not None and conversation.lang:
        return conversation.lang
    return language_of(user_tag) or DEFAULT_LANGUAGE


def language_without_text(conversation: Conversation | None, user_tag: str | None) -> str:
    """The language of a reply to a command or a button press: nothing to detect."""
    if conversation is not None and conversation.lang:
        return conversation.lang
    return language_of(user_tag) or DEFAULT_LANGUAGE
