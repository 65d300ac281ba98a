"""`python -m bench.confusables CONFUSABLES_TXT [OUT]`: derive knowledge/lexicon/lookalikes.txt,
the look-alike letters that knowledge/understanding/disguise.py folds to their Latin skeleton,
from Unicode's own confusables data (UTS #39, https://www.unicode.org/Public/security/latest/
confusables.txt). A copy of the lines it reads is tests/data/unicode/confusables_latin.txt;
tests/bench/test_confusables.py regenerates the shipped file from it.

What is kept, and why:
- a single letter that is not ASCII, which NFKC leaves as it is (disguise.py folds NFKC first:
  full-width and mathematical letters are already ASCII by then);
- whose prototype is ASCII letters or digits ("а" a, "Ꭺ" A, "օ" o, "З" 3), since only those can
  give back an English word;
- a class of look-alikes (the letters sharing one prototype) that holds a Latin small capital
  reads as its letter: Unicode's prototype of Cyrillic "н" is "ʜ", of "т" "ᴛ", of "к" and "ᴋ"
  "ĸ", of "м" and "ᴍ" "ʍ"; "ᴋɪʟʟ" is how the "small caps" text generators write "kill";
- a capital look-alike of "I" gives "I": Unicode's prototype of "I" and "l" is "l", which would
  turn "КІLL" (Cyrillic К, І) into "KlLL" rather than "KILL".
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).parents[1]
OUT = ROOT / "knowledge" / "lexicon" / "lookalikes.txt"
SOURCE_URL = "https://www.unicode.org/Public/security/latest/confusables.txt"
_ASCII = re.compile(r"[A-Za-z0-9]+")
_SMALL_CAPITAL = re.compile(r"LATIN LETTER SMALL CAPITAL ([A-Z])")


def read(text: str) -> tuple[str, dict[str, str]]:
    """The version line of confusables.txt and its mappings, source to prototype."""
    version = next((ln[1:].strip() for ln in text.splitlines() if ln.startswith("# Version:")), "")
    if not version:
        raise ValueError("no '# Version:' line: not Unicode's confusables.txt")
    pairs: dict[str, str] = {}
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 3:
            continue
        source, target = ("".join(chr(int(cp, 16)) for cp in f.split()) for f in fields[:2])
        pairs[source] = target
    return version, pairs


def _small_capital(char: str) -> str | None:
    """The letter of a Latin small capital ("ᴋ" k), else None."""
    match = len(char) == 1 and _SMALL_CAPITAL.fullmatch(unicodedata.name(char, ""))
    return match.group(1).lower() if match else None


def derive(pairs: dict[str, str]) -> dict[str, str]:
    """Look-alike letter -> its ASCII skeleton (see the module's docstring)."""
    classes: dict[str, set[str]] = {}
    for source, target in pairs.items():
        classes.setdefault(target, {target}).add(source)
    small_capitals = {chr(cp) for cp in range(0x80, 0x20000) if _small_capital(chr(cp))}
    by_class = {
        target: letters[0]
        for target, members in classes.items()
        if (letters := sorted(filter(None, map(_small_capital, members))))
    }
    table: dict[str, str] = {}
    for source in sorted(set(pairs) | set(classes) | small_capitals):
        if len(source) != 1 or source.isascii() or not source.isalpha():
            continue
        if unicodedata.normalize("NFKC", source) != source:
            continue
        target = pairs.get(source, source)
        target = by_class.get(target) or _small_capital(target) or target
        if not _ASCII.fullmatch(target):
            continue
        if target == "l" and unicodedata.category(source) == "Lu":
            target = "I"
        table[source] = target
    return table


def render(version: str, table: dict[str, str]) -> str:
    head = [
        "# Look-alike letters and their Latin skeleton, for knowledge/understanding/disguise.py.",
        f"# Source: Unicode confusables.txt (UTS #39), {version}, {SOURCE_URL}",
        "# Derived by `python -m bench.confusables confusables.txt` (bench/confusables.py says",
        "# what is kept). Do not edit by hand. Columns: code point, letter, skeleton, name.",
    ]
    rows = [f"U+{ord(s):04X}\t{s}\t{t}\t{unicodedata.name(s, '')}" for s, t in sorted(table.items())]
    return "\n".join(head + rows) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print("usage: python -m bench.confusables CONFUSABLES_TXT [OUT]", file=sys.stderr)
        return 2
    source, out = Path(argv[0]), Path(argv[1]) if len(argv) == 2 else OUT
    try:
        version, pairs = read(source.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"{source}: cannot be read as confusables.txt ({exc})", file=sys.stderr)
        return 2
    table = derive(pairs)
    out.write_text(render(version, table), encoding="utf-8")
    print(f"{len(table)} look-alike letters from {version} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
