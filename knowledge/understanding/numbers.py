"""Numbers a message gives about the person and the body: vital signs ("sats 91%", "temp of
39.4", "102F", "bp 190/110", "heart rate 140"), ages ("my 6 week old", "aged 82") and counts of
a dose form ("20 pills"). Each becomes a (kind, value, word span) the concept reader turns into
the concepts whose thresholds it meets (concepts.toml)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from knowledge.understanding.normalise import clean, words
from knowledge.understanding.phrases import Found
from knowledge.understanding.vocabulary import Ages

# A number of one to three digits, with one or two decimals, not inside a word or a longer
# number. The check of the character before it comes after its first digit: written
# `(?<![\w.,])(\d{1,3}...)`, it reads the same, but a pattern that opens with a look-behind is
# tried at every character of the text, while one that opens with a digit lets the regex engine
# skip to the digits (a 4 KB story scanned in 35 µs, not 93; the same matches on the 9,790 texts
# of the labelled sets, cleaned and not, the bench's mix and 300,000 fuzz strings).
_NUMBER = re.compile(r"(\d(?<![\w.,]\d)\d{0,2}(?:[.,]\d{1,2})?)(?!\d)")
_AFTER_TEMPERATURE = re.compile(r"\s*(?:°|º|degrees?|deg)?\s*([cf])(?![a-z])", re.IGNORECASE)
_AFTER_DEGREES = re.compile(r"\s*(?:°|º|degrees?)", re.IGNORECASE)
_AFTER_PERCENT = re.compile(r"\s*%")
_AFTER_PRESSURE = re.compile(r"\s*/\s*(\d{2,3})(?!\d)")
_AFTER_BEATS = re.compile(r"\s*(?:bpm|beats)", re.IGNORECASE)
_LABEL_WINDOW = 4  # words between a vital's label and its number: "temp was up to 39.4"
_COUNT_GAP = 2  # words between a count and its dose form: "20 sleeping pills"
# A number followed by a unit of strength is the strength of one dose, not how many were taken:
# "i'm popping 500mg capsules of magnesium citrate" (thread-441), "an added 300mg caplet per day"
# (thread-451) say a dose's size; "i took 20 500mg tablets" still counts its 20.
_STRENGTH_UNITS = frozenset(
    {
        "mg",
        "mgs",
        "mcg",
        "ug",
        "µg",
        "g",
        "gm",
        "gram",
        "grams",
        "milligram",
        "milligrams",
        "microgram",
        "micrograms",
        "iu",
        "ml",
    }
)
_FAHRENHEIT_FROM = 90.0


@dataclass(frozen=True, slots=True)
class Reading:
    kind: str  # a vital ("spo2"), "age_days" or "count"
    value: float
    start: int
    end: int


def vitals(source: str, labels: Sequence[Found]) -> list[Reading]:
    """Vital signs said with a number. `labels`: the message's vital labels (their `label`
    is the vital), which say what a bare number is ("sats 91")."""
    text = clean(source)
    out: list[Reading] = []
    at, seen = 0, 0  # words before the number, counted once along the text
    for match in _NUMBER.finditer(text):
        value = float(match.group(1).replace(",", "."))
        at += len(words(text[seen : match.start()]))
        seen = match.start()
        rest = text[match.end() : match.end() + 24]
        near = [f for f in labels if at - _LABEL_WINDOW <= f.end <= at + 1 or at < f.start <= at + 2]
        named = {f.label for f in near}
        start = min((f.start for f in near), default=at)
        unit = _AFTER_TEMPERATURE.match(rest)
        if unit is not None or _AFTER_DEGREES.match(rest):
            fahrenheit = (unit is not None and unit.group(1).lower() == "f") or value >= _FAHRENHEIT_FROM
            out.append(Reading("temperature", _celsius(value) if fahrenheit else value, start, at + 1))
            continue
        pressure = _AFTER_PRESSURE.match(rest)
        if pressure is not None:
            if "systolic" in named or (70 <= value <= 260 and 30 <= int(pressure.group(1)) <= 160):
                out.append(Reading("systolic", value, start, at + 2))
            continue
        if _AFTER_PERCENT.match(rest) and ("spo2" in named or not named) and 50 <= value <= 100:
            if "spo2" in named:
                out.append(Reading("spo2", value, start, at + 1))
            continue
        if _AFTER_BEATS.match(rest) or "heart_rate" in named:
            if 20 <= value <= 250:
                out.append(Reading("heart_rate", value, start, at + 1))
            continue
        if "breathing_rate" in named and 4 <= value <= 90:
            out.append(Reading("breathing_rate", value, start, at + 1))
        elif "spo2" in named and 50 <= value <= 100:
            out.append(Reading("spo2", value, start, at + 1))
        elif "temperature" in named and (34 <= value <= 44 or 93 <= value <= 111):
            celsius = _celsius(value) if value >= _FAHRENHEIT_FROM else value
            out.append(Reading("temperature", celsius, start, at + 1))
        elif "systolic" in named and 60 <= value <= 260:
            out.append(Reading("systolic", value, start, at + 1))
    return out


def _celsius(fahrenheit: float) -> float:
    return round((fahrenheit - 32) * 5 / 9, 1)


def number_at(texts: Sequence[str], i: int, numbers: dict[str, int]) -> int | None:
    word = texts[i]
    if word.isdecimal():
        return int(word) if len(word) <= 6 else None
    return numbers.get(word)


def _number_places(texts: Sequence[str], numbers: dict[str, int]) -> list[int]:
    """The positions of the words number_at may read (digits, or a number word), in order,
    picked in C: the only ones where it is not None, out of a long message's hundreds."""
    places = range(len(texts))
    digits = compress(places, map(str.isdecimal, texts))
    return sorted({*digits, *compress(places, map(numbers.__contains__, texts))})


def ages(texts: Sequence[str], ages_of: Ages, numbers: dict[str, int]) -> list[Reading]:
    """ "6 week old", "82 years old", "80 yo", "aged 3": an age in days."""
    out: list[Reading] = []
    for i in _number_places(texts, numbers):  # none in most messages: told in C
        count = number_at(texts, i, numbers)
        if count is None:
            continue
        unit = texts[i + 1] if i + 1 < len(texts) else ""
        if unit in ages_of.alone:
            out.append(Reading("age_days", count * ages_of.alone[unit], i, i + 2))
        elif unit in ages_of.units and i + 2 < len(texts) and texts[i + 2] in ages_of.after:
            out.append(Reading("age_days", count * ages_of.units[unit], i, i + 3))
        elif i > 0 and texts[i - 1] in ages_of.before:
            out.append(Reading("age_days", count * 365, i - 1, i + 1))
    return out


def counts(texts: Sequence[str], numbers: dict[str, int], forms: Sequence[Found]) -> list[Reading]:
    """A number just before a dose form: "20 pills", "thirty sleeping tablets"."""
    out: list[Reading] = []
    starts = sorted(f.start for f in forms)
    for i in _number_places(texts, numbers):
        count = number_at(texts, i, numbers)
        if count is None or (i + 1 < len(texts) and texts[i + 1] in _STRENGTH_UNITS):
            continue
        if any(i < s <= i + 1 + _COUNT_GAP for s in starts):
            out.append(Reading("count", count, i, i + 1))
    return out
