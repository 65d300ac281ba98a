"""The strings only Telegram shows: help, privacy, notices, inline mode, the bot's profile.
The words of answers come with each Reply from knowledge; command descriptions sit in the
command table (handlers/commands.py)."""

from __future__ import annotations

HELP_TEXT = (
    "Ask in your own words: the name of a condition or an ingredient, or a question such as "
    '"{example}". Typos are fine: I work out what you meant, or offer buttons to pick from.\n\n'
    "Tap the buttons under an answer to read its other sections (the one on screen is marked "
    "•) and the topics it links to.\n\n"
    "Inline mode: in any chat, type @{username} and a question, then pick an answer to send "
    "it there.\n\n"
    "Warning signs always come first: if you describe a red flag, such as chest pain or "
    "sudden weakness, I tell you to see a doctor or to call the emergency number.\n\n"
    "/privacy says what I keep; /forget makes me forget our conversation at once.\n\n"
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
FLOOD_TOAST = "Slow down a little"  # a dropped button press's toast (200 characters at most)
FLOOD_NOTICE = "You're sending messages very fast. Please slow down; I'll answer again shortly."
ERROR_TEXT = "Sorry, something went wrong on my side. Please try again."
# To the operators' chat (ADMIN_CHAT_ID) when a handler fails: never a user's words or ids.
ADMIN_NOTICE = "⚠️ Handler error: {error}\nwhere: {where}\nupdate: {update}"
ADMIN_HELD_BACK = "(+{count} more since the last notice, held back: at most one per {seconds} s)"
ADMIN_NO_UPDATE = "none"
ADMIN_UNKNOWN = "unknown"
CURRENT_SECTION = "• {label}"  # the section on screen: its button marked, in its place

# The bot's profile, set at start-up (setMyDescription, setMyShortDescription): what a new user
# sees in an empty chat (at most 512 characters) and on the bot's profile (at most 120).
BOT_DESCRIPTION = (
    "I answer questions about health conditions and the natural-remedy ingredients used for "
    "them, from a curated knowledge base. Ask in your own words; typos are fine. If you "
    "describe a warning sign, I tell you first when to see a doctor or call the emergency "
    "number. General information, not a diagnosis or medical advice.\n\nTap Start to begin."
)
BOT_SHORT_DESCRIPTION = (
    "Health conditions and natural-remedy ingredients in plain words. Information, not medical advice."
)

# Inline mode (@bot question in any chat).
TRY_INLINE = "Try inline mode"  # a button that starts "@bot " in the chat's input field
INLINE_OPEN_CHAT = "Open a private chat with me"  # the button above inline results
INLINE_START_PARAMETER = "inline"  # /start's parameter from that button, when no topic fits
# A result that carries advice says so in the result list, where its message is not yet seen.
INLINE_ADVICE = {"crisis": "💬 Crisis support", "emergency": "⚠️ Emergency advice", "doctor": "⚠️ See a doctor"}
INLINE_WATCH = "ℹ️ Signs to watch for"
INLINE_ADVICE_TITLE = "{label}: {title}"
