"""The user's language: the supported languages (one table), the detector that tells which of
them a message is written in, the rule that picks the language of each reply, and the message
catalogs (gettext .po files read with Babel) that hold every string the bot says in each one.
docs/languages.md says how to add a language."""
