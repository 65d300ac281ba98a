"""The strings only WhatsApp shows: around the buttons and lists of an answer. The words of
answers come with each Reply from knowledge; shared notices are in handlers/notices.py."""

from __future__ import annotations

LIST_BUTTON = "Choose"  # the button that opens a list message (at most 20 characters)
LIST_SECTION = "Options"  # the list's section title (at most 24 characters)
MORE_ROW = "More ›"  # the row that opens the next page of a long list
MORE_ROW_DESCRIPTION = "Show more choices"
CHOOSE_BODY = "Choose below."  # the text over buttons when the answer itself is too long for it
MORE_BODY = "More choices:"  # the text over the next page of a list
