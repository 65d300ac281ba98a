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
    "I don't store your messages or your name. Your question is read to answer it and then "
    "forgotten; nothing is written to disk or to the logs. While the bot is running, it keeps "
    "in memory only which of its replies answered which message (so an edited question can "
    "update its answer), and a per-user message count for flood protection; both vanish when "
    "the bot restarts."
)
EDIT_SUPERSEDED = "(This part of the earlier answer was replaced above.)"
NON_TEXT_HINT = "I can only read text. Please type your question."
BUTTON_EXPIRED = "That button has expired. Please ask again."
FLOOD_NOTICE = "You're sending messages very fast. Please slow down; I'll answer again shortly."
ERROR_TEXT = "Sorry, something went wrong on my side. Please try again."
INLINE_EMPTY_TITLE = "Ask about a condition or an ingredient"
INLINE_EMPTY_TEXT = "Type a question, for example the name of a condition or an ingredient."
