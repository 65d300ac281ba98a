"""Thin Telegram adapters, one module per kind of update.

They call the engine and the renderer; they hold no matching logic and no medical words.
"""
