"""The strings only Telegram shows: help, privacy, notices, inline mode. The words of answers
come with each Reply from knowledge; command descriptions sit in the command table
(handlers/commands.py)."""

from __future__ import annotations

HELP_TEXT = (
    "Send me a question in your own words, for example the name of a condition or an "
    "ingredient. Use the buttons under an answer to read more.\n\n"
    "{commands}"
)
PRIVACY_TEXT = (
    "I don't store your messages or your name, and nothing you write goes to disk or to the "
    "logs. Your question is read to answer it and then forgotten.\n\n"
    'So that you can ask follow-ups such as "is it safe?", I remember what we are talking '
    "about: the topics and section of my last answer and the level of any advice I gave, never "
    "your words. It is kept for {minutes} minutes after your last message, and /forget clears "
    "it at once.\n\n"
    "I also keep which of my replies answered which message (so an edited question can update "
    "its answer) and a per-user message count for flood protection.\n\n"
    "{where}"
)
# Where the above is kept: the conversation store says which (ConversationStore.where).
KEPT_IN_MEMORY = "All of this is kept in the bot's memory only, and vanishes when the bot restarts."
KEPT_IN_REDIS = (
    "All of this is kept in the bot's Redis database, which its copies share, and each item "
    "deletes itself: the conversation after the minutes above, which replies answered which "
    "message after 48 hours (how long Telegram allows edits), the message count after 10 seconds."
)
FORGET_DONE = "Done: I've forgotten what we were talking about. Your next question starts afresh."
SHORTENED = "… (shortened: the rest does not fit here; use the buttons below to read more)"
EDIT_SUPERSEDED = "(This part of the earlier answer was replaced above.)"
NON_TEXT_HINT = "I can only read text. Please type your question."
BUTTON_EXPIRED = "That button has expired. Please ask again."
FLOOD_NOTICE = "You're sending messages very fast. Please slow down; I'll answer again shortly."
ERROR_TEXT = "Sorry, something went wrong on my side. Please try again."
CURRENT_SECTION = "• {label}"  # the section on screen: its button marked, in its place
INLINE_EMPTY_TITLE = "Ask about a condition or an ingredient"
INLINE_EMPTY_TEXT = "Type a question, for example the name of a condition or an ingredient."
