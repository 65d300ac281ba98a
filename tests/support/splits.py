"""How a labelled set is split, frozen before any tuning: by a hash of the item's source, so
that every conversation rebuilt from one thread falls on the same side."""

from __future__ import annotations

import hashlib

BLIND_DIGITS = "012345"  # 6 of 16 first hex digits: about 37% of sources are blind


def split_of(source: str) -> str:
    """ "blind" or "tune": the first hex digit of the source's SHA-256."""
    digit = hashlib.sha256(source.encode("utf-8")).hexdigest()[0]
    return "blind" if digit in BLIND_DIGITS else "tune"
