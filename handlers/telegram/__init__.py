"""The Telegram adapter (python-telegram-bot): one module per kind of update, Reply -> HTML
and keyboards, one deliver() for send and edit, a typed context. Every turn of a conversation
goes through the conversation service (handlers/service.py); the state is handlers/stores/.

It imports only python-telegram-bot's public API, knowledge's public surface and the
platform-neutral parts of handlers; never WhatsApp's adapter, never `bot`.
"""
