"""One fake WhatsApp Business Cloud API (the Graph API's messages endpoint) for the tests,
built like the fake Bot API beside it and split by responsibility:

* state.py: the messages sent, read receipts, the users' last messages (for the 24-hour
  window), injected faults; no I/O
* methods.py: POST /{version}/{phone_number_id}/messages checked as Meta checks it (lengths,
  counts, the window) and recorded
* webhook.py: Meta's side of the webhook: payloads of messages, button and list replies and
  statuses, signed with the app secret
* server.py: the aiohttp transport (bearer token, phone number id, faults)
* driver.py: ``FakeWhatsAppAPI``, what tests push, observe and break
"""

from __future__ import annotations

from .driver import FakeWhatsAppAPI
from .state import Sent
from .webhook import sign

__all__ = ["FakeWhatsAppAPI", "Sent", "sign"]
