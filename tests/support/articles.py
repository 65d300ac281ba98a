"""Small articles in the seed's format, written for one rule each."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEED


def article(title: str, remedies: str = "", ingredients: str = "", doctor: str = "") -> str:
    """The seed article renamed, with other remedies, ingredients or doctor items."""
    text = SEED.read_text(encoding="utf-8").replace(" (also called fasciculations)", "")
    text = text.replace("Twitching", title).replace("twitching", title.lower())
    if remedies:
        start = text.index(f"Natural remedies for {title}")
        end = text.index("Ingredients", start)
        text = text[:start] + f"Natural remedies for {title}\n{remedies}\n" + text[end:]
    if ingredients:
        start = text.index("\nIngredients\n") + len("\nIngredients\n")
        intro = text[start:].splitlines()[0]
        text = text[:start] + intro + "\n" + ingredients + "\n"
    if doctor:
        start = text.index("When to See a Doctor:")
        end = text.index(f"Natural remedies for {title}")
        text = text[:start] + "When to See a Doctor:\n" + doctor + "\n" + text[end:]
    return text


def write(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory
