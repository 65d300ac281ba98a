"""Red-flag triage: a level and the phrases that raised it. Always on, never suppressed."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress

from knowledge.lexicon import Duration
from knowledge.patterns import DOCTOR, EMERGENCY, IGNORE
from knowledge.phrases import Hit
from knowledge.reply import Level
from knowledge.text import Token, stem, texts_of

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
    # The emergency phrase, else the longest, wins its stretch; a tie goes to the phrase built
    # last, and stretches are listed by their first phrase. A Pattern that several articles
    # lend stands for one copy per article: it ranks by its last copy to win, by its first to
    # be listed (see knowledge.patterns).
    winner: dict[tuple[int, int], tuple[tuple[bool, int, int, int, int], Hit]] = {}
    listed: dict[tuple[int, int], tuple[bool, int, int, int, int]] = {}
    for index, h in enumerate(flags):
        p, span = h.pattern, (h.start, h.end)
        last = (p.tag == EMERGENCY, len(p.label), h.group, p.last, index)
        first = (*last[:3], p.first, index)
        if span not in winner or last > winner[span][0]:
            winner[span] = (last, h)
        if span not in listed or first < listed[span]:
            listed[span] = first
    found: list[tuple[int, str, Level]] = [
        (span[0], _reason(winner[span][1]), winner[span][1].pattern.tag)  # type: ignore[misc]
        for span in sorted(listed, key=listed.__getitem__)
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
    # Only the positions of unit words ("weeks", "months"), found in C: most words are not.
    texts, _ = texts_of(tokens)
    for i in compress(range(len(texts)), map(duration.units.__contains__, texts)):
        token = tokens[i]
        days = duration.units[token.text]
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
