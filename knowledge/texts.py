"""Every user-facing string of the product, in one place.

The engine, the renderers, the console and the Telegram handlers take their words from here.
Medical content never lives here: it comes from the articles and the lexicon data.
"""

from __future__ import annotations

BOT_NAME = "Remedy bot"

DISCLAIMER = "This is general information, not a diagnosis or medical advice."

GREETING_TITLE = "Hello! I answer questions about health conditions and natural remedies."
GREETING_BODY = (
    "Ask me in your own words, typos are fine. I know about the conditions and ingredients "
    "listed below, and I will always tell you when something you describe needs a doctor."
)
EXAMPLES_HEADING = "Try asking"
# Filled in with the knowledge base's own names.
EXAMPLE_TEMPLATES = (
    "what causes {condition}",
    "does {ingredient} help with {condition}",
    "when should I see a doctor about {condition}",
)
EMPTY_PROMPT = "Type a question, for example the name of a condition or an ingredient."

UNKNOWN_TITLE = "I don't have information on that yet."
UNKNOWN_BODY = "I can only answer about these topics:"
SUGGEST_TITLE = "I'm not sure what you meant."
SUGGEST_BODY = "Did you mean one of these?"
KNOWN_CONDITIONS = "Conditions"
KNOWN_INGREDIENTS = "Ingredients"
AND_MORE = "… and {count} more"
MORE_LABEL = "More"

# Section headings (answers) and button labels (follow-ups), by section key.
SECTION_HEADINGS = {
    "overview": "Overview",
    "synopsis": "Overview",
    "types": "Types",
    "causes": "Common causes",
    "severity": "Serious causes",
    "doctor": "When to see a doctor",
    "remedies": "Natural remedies",
    "ingredients": "Ingredients",
    "safety": "Safety",
}
SECTION_BUTTONS = {
    "synopsis": "Overview",
    "types": "Types",
    "causes": "Causes",
    "severity": "Serious causes",
    "doctor": "When to see a doctor",
    "remedies": "Remedies",
    "ingredients": "Ingredients",
    "safety": "Safety",
}
ALSO_KNOWN_AS = "Also known as: {aliases}"
USE_HEADING = "For {condition}"
USE_LISTED_ONLY = "{condition}: listed as an ingredient. {intro}"
USE_LISTED_ONLY_NO_INTRO = "{condition}: listed as an ingredient, with no further description."
INGREDIENT_CONTEXT = "{ingredient} and {condition}"
RELATED_HEADING = "Related ingredients"
ALSO_ASKED_HEADING = "You also asked about"
INGREDIENTS_NOTE = "Tap an ingredient to read what it is used for."

# Safety section of an ingredient: the facts come from the overlay, these frame them.
UPPER_LIMIT = "Upper limit for adults: {limit}"
NO_UPPER_LIMIT = "No upper limit established."
ASK_FIRST = "Talk to a doctor or pharmacist first: {groups}."
SOURCES = "Source: {sources}"
SAFETY_ADVICE = (
    "Talk to a doctor or pharmacist before starting a supplement, especially if you are "
    "pregnant, take medicines, or live with a kidney, liver or thyroid condition."
)

# Escalation. Crisis and emergency advice opens the reply; doctor advice closes it, with a
# one-line banner at the top. The medical words of each red flag live in triage.toml.
CRISIS_TITLE = "You don't have to go through this alone."
CRISIS_ADVICE = (
    "I'm really sorry you're feeling like this. If you might act on these thoughts, or you are "
    "in danger right now, call your local emergency number ({numbers}) or go to the nearest "
    "emergency department."
)
CRISIS_REACH_OUT = "If you can, tell someone you trust how you are feeling, and stay with them."
CRISIS_LINES_HEADING = "You can talk to someone now, free and confidential:"
EMERGENCY_TITLE = "⚠️ This may be an emergency"
EMERGENCY_ADVICE = (
    "Call your local emergency number now ({numbers}), or ask someone nearby to call. "
    "Do not wait for a reply from this bot."
)
POISON_LINES_HEADING = "A poison centre can also advise you:"
DOCTOR_BANNER = "⚠️ What you describe needs a doctor's check. The advice is at the end."
DOCTOR_TITLE = "⚠️ Please see a doctor"
DOCTOR_ADVICE = (
    "What you describe is a reason to get checked by a doctor soon rather than manage it "
    "on your own. If it gets suddenly worse, call your local emergency number."
)
WATCH_BANNER = "ℹ️ Signs to watch for are at the end of this answer."
WATCH_TITLE = "Signs to watch for"
WATCH_HEADING = "See a doctor if any of these appear:"
REASONS_LABEL = "You mentioned: {reasons}"
DENIED_LABEL = "You said no {denied}."
DOCTOR_ITEMS_LABEL = "See a doctor about {condition} when there is:"
HELPLINE = "{region}: {contact} ({name})"
OR = " or "

# Telegram and console interface.
HELP_TEXT = (
    "Send me a question in your own words, for example the name of a condition or an "
    "ingredient. Use the buttons under an answer to read more.\n\n"
    "/conditions lists the conditions I know\n"
    "/ingredients lists the ingredients I know\n"
    "/privacy says what I keep about you\n"
    "/help shows this message"
)
PRIVACY_TEXT = (
    "I don't store your messages or your name. Your question is read to answer it and then "
    "forgotten; nothing is written to disk or to the logs. While the bot is running, it keeps "
    "in memory only which of its replies answered which message (so an edited question can "
    "update its answer), and a per-user message count for flood protection; both vanish when "
    "the bot restarts."
)
PREVIOUS_PAGE = "‹ Previous"
NEXT_PAGE = "Next ›"
PAGE_OF = "Page {page} of {pages}"
EDIT_SUPERSEDED = "(This part of the earlier answer was replaced above.)"
CONDITIONS_TITLE = "Conditions I know"
INGREDIENTS_TITLE = "Ingredients I know"
NON_TEXT_HINT = "I can only read text. Please type your question."
BUTTON_EXPIRED = "That button has expired. Please ask again."
FLOOD_NOTICE = "You're sending messages very fast. Please slow down; I'll answer again shortly."
ERROR_TEXT = "Sorry, something went wrong on my side. Please try again."
INLINE_EMPTY_TITLE = "Ask about a condition or an ingredient"
INLINE_EMPTY_TEXT = EMPTY_PROMPT
COMMANDS = (
    ("start", "Start and see what I can do"),
    ("help", "How to ask"),
    ("conditions", "Conditions I know"),
    ("ingredients", "Ingredients I know"),
    ("privacy", "What I keep about you"),
)
CONSOLE_GREETING = (
    "Console chat: type a question and press Enter. Type a number to press a button. "
    "Ctrl-D or Ctrl-C quits."
)
CONSOLE_PROMPT = "you> "
CONSOLE_BYE = "Bye!"
CONSOLE_BAD_CHOICE = "There is no button {number}."
