"""The WhatsApp adapter (WhatsApp Business Cloud API, through pywa): a webhook's messages in
(incoming.py), a Reply out as WhatsApp text and interactive messages (render.py, choices.py,
sender.py), and the handling of each message around the conversation service (bot.py).

It imports pywa, knowledge's public surface and the platform-neutral parts of handlers (the
service, the stores, the button codec, the splitter); never Telegram's adapter, never `bot`.
"""
