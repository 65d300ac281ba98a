"""The whole Telegram adapter: one module per kind of update, Reply -> HTML and keyboards,
button data, one deliver() for send and edit, per-chat state and a typed context.

It imports only python-telegram-bot's public API and knowledge's public surface; nothing here
imports `bot`.
"""
