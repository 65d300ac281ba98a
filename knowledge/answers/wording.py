"""The words of answers, in one place: what the engine says around the knowledge base's own
text. Telegram's own strings (commands, notices) live in handlers/wording.py and the console's
in bot/console.py. Medical content never lives here: it comes from the articles and the lexicon.
"""

from __future__ import annotations

DISCLAIMER = "This is general information, not a diagnosis or medical advice."

GREETING_TITLE = "Hello! I answer questions about health conditions and natural remedies."
GREETING_BODY = (
    "Tap a topic below, or ask me in your own words: typos are fine. I will always tell you "
    "when something you describe needs a doctor."
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
UNKNOWN_BODY = "Tap one of the topics I know below, or ask about one in your own words."
SUGGEST_TITLE = "I'm not sure what you meant."
SUGGEST_BODY = "Did you mean one of these?"
ALL_CONDITIONS = "All conditions ›"
ALL_INGREDIENTS = "All ingredients ›"

ALSO_KNOWN_AS = "Also known as: {aliases}"
FORMS = "Forms: {forms}"
USE_HEADING = "For {condition}"
# An article that lists an ingredient without a remedy describing it.
USE_LISTED_ONLY = "Listed among the ingredients for {condition}; the article gives no description."

# Safety section of an ingredient: the facts come from the overlay, these frame them.
UPPER_LIMIT = "Upper limit for adults: {limit}"
NO_UPPER_LIMIT = "No upper limit established; this does not mean any amount is safe."
NO_SAFETY_FACTS = "No safety facts on file for {name} yet."
SAFETY_OF = "Safety: {name}"
USES_OF = "{name}: {shown} of the {total} conditions it is used for"
MORE_CONDITIONS = "More conditions ›"
SOURCES = "Source: {sources}"
# Who should talk to a doctor or pharmacist before any supplement. Said once per answer, after
# the ingredients' own `ask_first` groups, leaving out what those already say: each general
# group comes with the word that shows a group says it ("pregnan" in "people who are pregnant").
SAFETY_ADVICE = "Talk to a doctor or pharmacist before starting a supplement, especially {groups}."
GENERAL_ASK_FIRST = (("pregnan", "people who are pregnant"), ("medic", "people who take medicines"))
GENERAL_CONDITIONS = ("kidney", "liver", "thyroid")
CONDITIONS_GROUP = "people with a {conditions} condition"
GROUP_FOR = "{group} ({names})"  # a group one of several ingredients asked about names
AND = " and "

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

PREVIOUS_PAGE = "‹ Previous"
NEXT_PAGE = "Next ›"
PAGE_OF = "Page {page} of {pages}"
CONDITIONS_TITLE = "Conditions I know"
INGREDIENTS_TITLE = "Ingredients I know"

# Small talk: one short line each, never the topic lists.
SMALL_TALK_LINES = {
    "thanks": "You're welcome! Ask me any time.",
    "ok": "👍 Anything else, just ask.",
    "bye": "Take care! I'm here whenever you have a question.",
}
# After emergency or crisis advice, a closing line still points to help.
AFTER_EMERGENCY = "If anything gets worse, call your local emergency number ({numbers})."
AFTER_CRISIS = (
    "If you need to talk, the lines I gave you are there any time. In danger, call your local "
    "emergency number ({numbers})."
)
UNKNOWN_NAMED_TITLE = "I don't have information on {name} yet."

# The symptom check: the article's own "When to See a Doctor" items, one at a time.
CHECK_BUTTON = "Check my symptoms"
CHECK_TITLE = "Symptom check: {condition}"
CHECK_PROGRESS = "Question {number} of {total}"
CHECK_QUESTION = "Does this apply to you?"
CHECK_YES = "Yes"
CHECK_NO = "No"
CHECK_UNSURE = "Not sure"
CHECK_RESULT_TITLE = "Symptom check: {condition}, your result"
CHECK_DOCTOR_ADVICE = (
    "Based on your answers, please see a doctor about this rather than manage it on your own. "
    "If it gets suddenly worse, call your local emergency number."
)
CHECK_SAID_YES = "You said yes to:"
CHECK_SAID_UNSURE = "You were not sure about:"
CHECK_ALL_NO = "You said none of the signs that need a doctor apply to you right now."
CHECK_SELF_CARE = "What the article suggests trying"
CHECK_WATCH = "See a doctor if any of these appear"
CHECK_BACK = "Back to {condition}"

# Above an article shown in English to someone whose language it is not translated into yet.
# (Its wording in each language belongs in the message catalogs: knowledge.answers.translated.)
NOT_TRANSLATED = "This is not translated into your language yet, so here it is in English."
