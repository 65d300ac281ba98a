"""Red-flag triage: a level and the phrases that raised it. Always on, never suppressed."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.lexicon import Duration
from knowledge.patterns import DOCTOR, EMERGENCY, IGNORE
from knowledge.phrases import Hit
from knowledge.reply import Level
from knowledge.text import Token, stem

_NUMBER_CAP = 10_000


@dataclass(frozen=True)
class TriageResult:
    level: Level
    reasons: tuple[str, ...]


def assess(tokens: list[Token], hits: list[Hit], duration: Duration) -> TriageResult:
    ignored = {i for h in hits if h.pattern.tag == IGNORE for i in range(h.start, h.end)}
    flags = [
        h for h in hits
        if h.pattern.tag in (EMERGENCY, DOCTOR)
        and not set(range(h.start, h.end)) <= ignored
    ]
    # One reason per stretch of words: a corrected typo can hit both "weak" and "weakness".
    by_span: dict[tuple[int, int], Hit] = {}
    for h in sorted(flags, key=lambda h: (h.pattern.tag == EMERGENCY, len(h.pattern.label))):
        by_span[(h.start, h.end)] = h
    found: list[tuple[int, str, Level]] = [
        (h.start, _reason(h), h.pattern.tag) for h in by_span.values()  # type: ignore[misc]
    ]
    found += [(start, text, "doctor") for start, text in long_durations(tokens, duration)]
    if not found:
        return TriageResult("none", ())
    level: Level = "emergency" if any(lv == "emergency" for *_, lv in found) else "doctor"
    reasons = _without_contained(text for _, text, _ in sorted(found, key=lambda f: f[0]))
    return TriageResult(level, reasons)


def _reason(hit: Hit) -> str:
    """The words as typed, unless a typo was corrected: then the lexicon's spelling."""
    typed = [stem(w) for w in hit.text.split()]
    if len(hit.pattern.segments) == 1 and typed != list(hit.pattern.segments[0]):
        return hit.pattern.label
    return hit.text


def _without_contained(reasons) -> tuple[str, ...]:
    """Drop duplicates and reasons that a longer reason already says ("weak" in "feels weak")."""
    unique = list(dict.fromkeys(reasons))
    return tuple(
        r for r in unique
        if not any(r != other and f" {r} " in f" {other} " for other in unique)
    )


def _number(word: str, duration: Duration) -> int | None:
    if word.isdigit():
        return min(int(word), _NUMBER_CAP)
    return duration.numbers.get(word)


def long_durations(tokens: list[Token], duration: Duration) -> list[tuple[int, str]]:
    """"for 3 weeks", "2 months", "for months", "over a year": longer than `min_days`."""
    out: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        days = duration.units.get(token.text)
        if days is None:
            continue
        if i + 1 < len(tokens) and tokens[i + 1].text in duration.not_before:
            continue
        j = i - 1
        if j >= 0 and tokens[j].text == "of":  # "a couple of weeks"
            j -= 1
        count = _number(tokens[j].text, duration) if j >= 0 else None
        if count is None:
            if not token.text.endswith("s"):
                continue
            count, j = duration.plural, i
        if j - 1 >= 0 and tokens[j - 1].text in duration.not_after:
            continue
        if count * days >= duration.min_days:
            out.append((j, " ".join(t.text for t in tokens[j : i + 1])))
    return out
