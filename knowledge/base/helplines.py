"""The helplines file (`helplines.toml`): emergency numbers, crisis lines and poison centres.

Operators edit it for their users' countries. A knowledge directory without one uses the file
shipped beside the articles, so the crisis lines are never missing.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from knowledge.base.errors import Problem
from knowledge.base.files import read_text
from knowledge.base.models import Helplines
from knowledge.base.overlay import line_of

HELPLINES_FILE = "helplines.toml"
SHIPPED_HELPLINES = Path(__file__).parents[1] / "articles" / HELPLINES_FILE


def helplines_path(directory: Path) -> Path:
    own = directory / HELPLINES_FILE
    return own if own.exists() else SHIPPED_HELPLINES


def read_helplines(path: Path) -> Helplines | Problem:
    text = read_text(path)
    if isinstance(text, Problem):
        return text
    try:
        return Helplines.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        return Problem(path, getattr(exc, "lineno", None), f"invalid TOML: {exc}")
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        first = next((str(p) for p in err["loc"] if isinstance(p, str)), "")
        line = line_of(text, f"[[{first}]]") or line_of(text, f"{first} =") if first else None
        return Problem(path, line, f"{where}: {err['msg']}")


def shipped_helplines() -> Helplines:
    """The file shipped beside the articles; a broken one is a packaging error."""
    found = read_helplines(SHIPPED_HELPLINES)
    if isinstance(found, Problem):
        raise RuntimeError(str(found))
    return found
