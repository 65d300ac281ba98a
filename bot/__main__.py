"""`python -m bot`: for now, validate the knowledge base and print its summary."""

from __future__ import annotations

import sys

from knowledge.__main__ import main

if __name__ == "__main__":
    sys.exit(main(["check"]))
