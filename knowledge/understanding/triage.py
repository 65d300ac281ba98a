"""Red-flag triage: a level, the flags as written, and the flags the person said they do not
have. Always on, never suppressed; the phrases and their senses are data (triage.toml)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from itertools import compress
from typing import TYPE_CHECKING

from knowledge.levels import ConceptFound, Level
from knowledge.understanding.discriminators import Judged, RuleFlag
from knowledge.understanding.learned import LearnedModel, PairScorer, grams
from knowledge.understanding.lexicon import Duration, FlagGroup, Negation, Triage
from knowledge.understanding.normalise import Token, Tokens, stem, texts_of, words
from knowledge.understanding.patterns import CRISIS, DOCTOR, EMERGENCY, FLAG_TAGS, FRAME, IGNORE
from knowledge.understanding.phrase_matcher import Hit

if TYPE_CHECKING:
    from knowledge.understanding.concept_reader import Mention

_NUMBER_CAP = 10_000
_RANK: dict[str, int] = {"none": 0, "doctor": 1, "emergency": 2, "crisis": 3}
# Words skipped between an anchor and its date: "since early july", "since the end of july".
_DATE_FILLERS = frozenset(
    (
        "early",
        "mid",
        "late",
        "the",
        "end",
        "of",
        "beginning",
        "start",
        "like",
        "around",
        "about",
        "ever",
        "this",
        "roughly",
        "approx",
        "my",
        "our",
        "birthday",
        "holiday",
        "holidays",
        "vacation",
        "trip",
        "in",
    )
)
_MAX_FILLERS = 4
_CONJUNCTIONS = frozenset(("or", "and", "nor", "any", "also", "either"))
_MIN_YEAR = 1900


_PLAIN = FlagGroup(level="doctor")
# words: a message this short says little else ("after a fall", "numbness", "injury"), a
# follow-up or an item typed as written, where a `topic_or_short` flag still counts
_SHORT_MESSAGE = 8
_LASTING = "lasting"  # the flag of a duration: how long a symptom has lasted
# The flags of a new medicine or a change of its dose: a condition's own ("twitching that began
# with a new medicine or a change of dose", overlay.toml) and the rule of symptoms that start
# after a new medicine (rules.toml `new_medicine_cause`, NHS.uk Side effects of medicines).
_NEW_MEDICINE = frozenset(("new_medication", "new_medicine_cause"))
# The reasons a level read by a learned backstop gives (learned.py): no phrase of the message
# was matched, so the reply does not quote them back as the person's words.
LEARNED = {
    "crisis": "crisis language (learned from real messages)",
    "emergency": "emergency signs (learned from real messages)",
}
_RECOVERED = "recovered"  # concepts.toml
_NOW = frozenset(("relapse", "plan_future"))  # a relapse, or a plan for tonight
# The kinds of concept whose context a phrase's flag takes: what a crisis phrase says, and
# what any other red-flag phrase says.
_CRISIS_KINDS = frozenset(("intent",))
_SYMPTOM_KINDS = frozenset(("symptom", "function_lost"))
# Acuteness of onset (MTS general discriminator): a complaint said to have gone on for weeks
# ("for 3 months", "for the past year", concept `long_standing`) with nothing sudden in it is a
# doctor's matter, not an emergency (NHS.uk: see a GP for chest pain on exertion that settles,
# hives that keep coming back, black stools for weeks). Concept ids of concepts.toml.
_LONG_STANDING = frozenset(("long_standing",))
# The words before a duration that make it how long something has gone on ("for 3 months",
# "over the last two years"), not an age or a week of pregnancy ("my 6 months old", "29 weeks").
_GONE_ON = frozenset(("for", "past", "last", "over", "more", "almost", "nearly", "since"))
_ACUTE = frozenset(("sudden", "thunderclap", "new_now"))
# Flag groups acute by nature, whatever else has gone on for long: a dose taken, a collapse, a
# fit, breathing ("asthma for years and now I can't breathe").
_ALWAYS_ACUTE = frozenset(("poisoning", "consciousness", "seizure", "breathing"))
# Context that makes an emergency flag group a doctor's matter (concept id -> flag groups):
# - chest pain or breathlessness on effort that settles with rest is stable angina (NHS.uk,
#   Angina: see a GP; call 999 when it does not stop after resting);
# - breathless only on effort ("out of breath when I mow the lawn") or only a bit ("a bit short
#   of breath"): NHS.uk, Shortness of breath, "see a GP"; 999 only when sudden and severe.
# Not when anything at rest, sudden or life-threatening is said beside it.
_LOWERS: dict[str, frozenset[str]] = {
    "eases_with_rest": frozenset(("chest", "breathing")),
    "on_exertion": frozenset(("breathing",)),
    "mild": frozenset(("breathing",)),
}
_ADJACENT = frozenset(("mild",))  # said right before the flag's words ("a bit short of breath")
_NOT_LOWERED = frozenset(
    (
        "at_rest",
        "sudden",
        "thunderclap",
        "new_now",
        "sweating",
        "blue_lips",
        "not_breathing",
        "choking",
        "unconscious",
        "confusion",
        "breathing_effort",
    )
)


def _names_the_topic(hit: Hit, named: frozenset[int]) -> bool:
    """A general doctor-level sign that is the name of the condition asked about."""
    if not named or hit.pattern.tag != DOCTOR or hit.pattern.owners:
        return False
    return all(i in named for i in range(hit.start, hit.end))


def rank(level: str) -> int:
    return _RANK[level]


@dataclass(frozen=True)
class Flag:
    start: int
    end: int
    text: str
    level: Level
    kind: str
    # A negation between a frame's parts: "my calf isnt swollen or red".
    negated_within: bool = False


@dataclass(frozen=True)
class TriageResult:
    level: Level
    reasons: tuple[str, ...]
    denied: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # the flag groups said (not denied), strongest first
    concepts: tuple[ConceptFound, ...] = ()  # the clinical concepts read, with their context


class Triager:
    """Reads a message's phrase hits and durations into a TriageResult."""

    def __init__(self, triage: Triage, learned: tuple[LearnedModel, ...] = ()) -> None:
        self._learned = sorted(learned, key=lambda m: -rank(m.level))  # the highest level first
        # Both backstops scored in one pass over the grams (most long messages are read by
        # both), built at the first such message: 2.5 MB a process that never reads one (a
        # command, `ask`, short questions) does without.
        self._pair: PairScorer | None = None
        self._flags_of = triage.flags
        self._duration = triage.duration
        self._function_words = frozenset(triage.ignore.function_words)
        self._negation = _NegationRules(triage.negation)
        self._anchors = [tuple(words(a)) for a in triage.duration.anchors]
        self._anchor_starts = frozenset(a[0] for a in self._anchors)
        self._not_before = [tuple(words(w)) for w in triage.duration.not_before]
        self._dates = {tuple(words(k)): v for k, v in triage.duration.dates.items()}

    def assess(
        self,
        tokens: list[Token],
        hits: list[Hit],
        today: date,
        durations: bool = True,
        scoped: Mapping[str, FlagGroup] | None = None,
        named: frozenset[int] = frozenset(),
        concepts: Judged | None = None,
        symptom_in_context: bool = False,
        supplement: bool = False,
    ) -> TriageResult:
        """The level and reasons; `durations`: whether "for 3 weeks" and "since july" count
        (not when they say how long someone has taken a supplement). `scoped`: the groups of
        the conditions' own flags among `hits`. `named`: the positions of words that name a
        condition, where a general doctor-level sign is the topic, not a red flag ("what
        helps numbness" about an article on numbness). `concepts`: the clinical concepts
        read and the triage rules over them; the words they read in another sense silence
        the phrases too ("weakness for chocolate"). `supplement`: the message tells of a
        supplement taken, started or its dose changed, and of no medicine: that is no new
        medicine ("i've had diarrhea and nausea since i upped my dose" after magnesium)."""
        texts, _ = texts_of(tokens)
        groups = {**scoped, **self._flags_of} if scoped else self._flags_of
        flags = self._flags(texts, hits, groups, named)
        # How long a supplement was taken is no symptom's duration, said in a phrase ("i've taken
        # high dose zinc for my acne for a long time") as in numbers ("for 3 months").
        flags = [
            f for f in flags if (durations or f.kind != _LASTING) and not _new_medicine(f.kind, supplement)
        ]
        if not scoped and not symptom_in_context and len(texts) > _SHORT_MESSAGE:
            flags = [f for f in flags if not groups.get(f.kind, _PLAIN).topic_or_short]
        breaks = tokens.breaks() if isinstance(tokens, Tokens) and flags else frozenset()
        said: list[Flag] = []
        denied: list[Flag] = []
        negated_ends: set[int] = set()
        if concepts is not None:
            silenced, strict = concepts.reading.silenced, concepts.reading.strict
            retold = concepts.reading.retold
            flags = [
                f
                for f in flags
                if not _out_of_context(f, concepts)
                and not any(i in (strict if f.level == CRISIS else silenced) for i in range(f.start, f.end))
                and (f.level == CRISIS or not all(i in retold for i in range(f.start, f.end)))
            ]
        for flag in flags:
            group = groups.get(flag.kind, _PLAIN)
            if group.negation_inside:
                said.append(flag)
            elif group.negated or (
                flag.level != CRISIS
                and (
                    flag.negated_within
                    or self._negation.negates(texts, breaks, flag.start, negated_ends)
                    or (concepts is not None and _denied_by_concepts(flag, concepts))
                )
            ):
                denied.append(flag)
                negated_ends.add(flag.end)
            else:
                said.append(flag)
        if concepts is not None:
            # A doctor-level sign that only names the condition asked about ("restless legs
            # syndrome will respond to this") is the topic, not a red flag.
            said += [
                _rule_flag(f)
                for f in concepts.verdict.said
                if not (f.level == DOCTOR and named and all(i in named for i in range(f.start, f.end)))
                and not _new_medicine(f.flag or f.rule, supplement)
            ]
            denied += [_rule_flag(f, "doctor") for f in concepts.verdict.denied]
        recovered = concepts is not None and _told_as_recovered(concepts)
        lowered = False  # an emergency flag lowered by what the message says of its course
        if recovered:
            said = [f for f in said if f.level != CRISIS]
        gone_on: list[Flag] = []  # durations said
        # A recovery's length is not a symptom's ("one year clean", "havn't cut in a few years":
        # corpus mental-259, mental-247).
        if durations and not recovered:
            lasting = long_durations(tokens, self._duration, self._not_before)
            lasting += self._anchored(texts, today)
            # In a conversation about a condition, a duration with no symptom of its own is how
            # long that condition has lasted ("its been 2 months now", issue 20).
            unattached = concepts.unattached if concepts and not symptom_in_context else frozenset()
            points = concepts.points_in_time if concepts else frozenset()
            retold = concepts.reading.retold if concepts else frozenset()  # a story told as history
            gone_on = [
                Flag(start, start + len(text.split()), text, "doctor", _LASTING)
                for start, text in lasting
                if start not in unattached and start + len(text.split()) not in points and start not in retold
            ]
            said += gone_on
        if concepts is not None:
            live = [m for m in concepts.reading.mentions if not (m.context.negated or m.context.hypothetical)]
            lasting_in = _long_standing(gone_on, texts, concepts, live)
            sentence = concepts.reading.layout.sentence
            before = said
            said = [
                replace(f, level="doctor")
                if (f.level == EMERGENCY and f.kind not in _ALWAYS_ACUTE and sentence[f.start] in lasting_in)
                or _lowered(f, live)
                else f
                for f in said
            ]
            lowered = said != before
        found = concepts.reading.concepts() if concepts else ()
        learned = self._learned_level(texts, said, recovered or lowered)
        if not said and not denied and learned is None:
            return TriageResult("none", (), concepts=found)
        strongest_said: Level = max((f.level for f in said), key=rank, default="doctor")
        level: Level = learned if learned is not None else strongest_said
        reasons = _merged(said, texts) + ((LEARNED[learned],) if learned else ())
        no = tuple(t for t in _merged(denied, texts) if t not in reasons)
        strongest = sorted(said, key=lambda f: -rank(f.level))
        kinds = tuple(dict.fromkeys(f.kind for f in strongest))
        return TriageResult(level, reasons, no, kinds, found)

    def _learned_level(self, texts: list[str], said: list[Flag], held_back: bool) -> Level | None:
        """The highest level a learned backstop (learned.py) reads above every flag said; none
        for a story told as a recovery or a complaint the message says is long-standing or
        settles (the exact level's lowering, which the model cannot read)."""
        if held_back:
            return None
        top = max((f.level for f in said), key=rank, default="none")
        # Which backstops would be asked, the highest first: one above every flag said, that
        # may raise from it, and a message long enough for it.
        asked = [rank(m.level) > rank(top) and top in m.raises and m.reads(texts) for m in self._learned]
        if not any(asked):
            return None
        counts = grams(texts)  # the message's grams, worked out once for both
        if len(self._learned) == 2 and all(asked):
            pair = self._pair = self._pair or PairScorer(*self._learned)
            for model, probability in zip(self._learned, pair.probabilities(counts), strict=True):
                if probability >= model.threshold:  # as model.says(counts)
                    return model.level
            return None
        for model, asks in zip(self._learned, asked, strict=True):
            if asks and model.says(counts):
                return model.level
        return None

    def _flags(
        self, texts: list[str], hits: list[Hit], groups: Mapping[str, FlagGroup], named: frozenset[int]
    ) -> list[Flag]:
        """One flag per stretch of words, the strongest and then the longest phrase winning,
        without the ones another sense of the words silences (triage.toml's [ignore])."""
        ignored = {i for h in hits if h.pattern.tag == IGNORE for i in range(h.start, h.end)}
        best: dict[tuple[int, int], Hit] = {}
        for hit in hits:
            if hit.pattern.tag not in FLAG_TAGS or self._silenced(texts, hit, ignored):
                continue
            if _names_the_topic(hit, named):
                continue
            span = (hit.start, hit.end)
            known = best.get(span)
            if known is None or _strength(hit) > _strength(known):
                best[span] = hit
        flags = [
            Flag(h.start, h.end, _reason(h), h.pattern.tag, h.pattern.kind or "")  # type: ignore[arg-type]
            for _, h in sorted(best.items())
        ]
        framed = [h for h in hits if h.pattern.tag == FRAME and not self._silenced(texts, h, ignored)]
        if framed:
            flags += self._frames(texts, framed, groups)
            flags.sort(key=lambda f: (f.start, f.end))
        return flags

    def _frames(self, texts: list[str], hits: list[Hit], groups: Mapping[str, FlagGroup]) -> list[Flag]:
        """Each frame whose parts all occur within its window, as one flag over its words."""
        parts: dict[tuple[str, int], dict[int, list[Hit]]] = {}
        for hit in hits:
            key = (hit.pattern.kind or "", hit.pattern.frame)
            parts.setdefault(key, {}).setdefault(hit.pattern.part, []).append(hit)
        out: list[Flag] = []
        for (name, frame), found in parts.items():
            group = groups[name]
            if len(found) < len(group.frames[frame]):
                continue
            for first in found[0]:
                chosen = [first]
                for part in range(1, len(group.frames[frame])):
                    near = [
                        h
                        for h in found[part]
                        if abs(h.start - first.start) <= group.window
                        and all(h.end <= c.start or h.start >= c.end for c in chosen)
                    ]
                    if not near:
                        break
                    chosen.append(min(near, key=lambda h: abs(h.start - first.start)))
                else:
                    start, end = min(h.start for h in chosen), max(h.end for h in chosen)
                    gaps = set(range(start, end)).difference(*(range(h.start, h.end) for h in chosen))
                    within = not group.negation_inside and self._negation.among(texts, gaps)
                    out.append(Flag(start, end, " ".join(texts[start:end]), group.level, name, within))
                    break
        return out

    def _silenced(self, texts: list[str], hit: Hit, ignored: set[int]) -> bool:
        if not ignored:
            return False
        content = [i for i in range(hit.start, hit.end) if texts[i] not in self._function_words]
        return all(i in ignored for i in (content or range(hit.start, hit.end)))

    def _anchored(self, texts: list[str], today: date) -> list[tuple[int, str]]:
        """ "since july", "ever since christmas", "since 2023": a start long enough ago."""
        out: list[tuple[int, str]] = []
        for i in compress(range(len(texts)), map(self._anchor_starts.__contains__, texts)):
            for anchor in self._anchors:
                if tuple(texts[i : i + len(anchor)]) != anchor:
                    continue
                j = i + len(anchor)
                end = self._date_end(texts, j, today)
                if end is not None:
                    out.append((i, " ".join(texts[i:end])))
                break
        return out

    def _date_end(self, texts: list[str], j: int, today: date) -> int | None:
        """Where a long-ago date that starts at or after `j` ends, or None."""
        for _ in range(_MAX_FILLERS + 1):
            if j >= len(texts):
                return None
            for size in (2, 1):
                key = tuple(texts[j : j + size])
                when = self._dates.get(key) if len(key) == size else None
                if when is not None:
                    return j + size if self._long_ago(when, today) else None
            word = texts[j]
            if word.isdecimal() and len(word) == 4:
                year = int(word)
                if _MIN_YEAR <= year < today.year or (
                    year == today.year and (today - date(year, 1, 1)).days >= self._duration.min_days
                ):
                    return j + 1
                return None
            if word not in _DATE_FILLERS:
                return None
            j += 1
        return None

    def _long_ago(self, when: str, today: date) -> bool:
        if when in ("short", "long"):
            return when == "long"
        month, day = (int(x) for x in when.split("-"))
        this_year = (month, day) <= (today.month, today.day)
        if this_year and month == today.month:
            return False  # "since november" in November: days, not weeks
        year = today.year if this_year else today.year - 1
        start = _safe_date(year, month, day)
        return (today - start).days >= self._duration.min_days


class _NegationRules:
    """A red flag shortly after a negation in its own clause is negated ("no weakness", "i
    dont feel weak"); so is one listed right after a negated flag ("no weakness, numbness or
    tingling"). Pseudo-negations ("not sure", "no idea") and terminators ("but") stop it."""

    def __init__(self, negation: Negation) -> None:
        self._window = negation.window
        self._triggers = _by_first_word(negation.triggers)
        self._pseudo = _by_first_word(negation.pseudo)
        self._terminators = _by_first_word(negation.terminators)

    def among(self, texts: list[str], positions: set[int]) -> bool:
        """Whether a negation starts at one of `positions` (the words between a frame's parts)."""
        return any(
            _starts(texts, j, self._triggers) and not _starts(texts, j, self._pseudo) for j in positions
        )

    def negates(self, texts: list[str], breaks: frozenset[int], start: int, negated_ends: set[int]) -> bool:
        # A flag listed after a negated one, with only "or", "and", "any" between: negated too.
        j = start
        while j > 0 and texts[j - 1] in _CONJUNCTIONS:
            j -= 1
        if j in negated_ends:
            return True
        for j in range(start - 1, max(start - 1 - self._window, -1), -1):
            if j + 1 in breaks:
                return False  # the flag's clause began after j
            if _starts(texts, j, self._terminators):
                return False
            if _starts(texts, j, self._triggers) and not _starts(texts, j, self._pseudo):
                return True
        return False


def _by_first_word(phrases: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        found = tuple(words(phrase))
        if found:
            out.setdefault(found[0], []).append(found)
    return out


def _starts(texts: list[str], j: int, phrases: dict[str, list[tuple[str, ...]]]) -> bool:
    """Whether one of `phrases` begins at word j."""
    candidates = phrases.get(texts[j])
    if not candidates:
        return False
    return any(tuple(texts[j : j + len(p)]) == p for p in candidates)


def _out_of_context(flag: Flag, concepts: Judged) -> bool:
    """A phrase's flag that the concepts it says were read out of: all in the past or
    supposed ("a history of seizures", "what if i get weakness"), or, for a crisis phrase,
    denied right before it ("i dont want to die")."""
    kinds = _CRISIS_KINDS if flag.level == CRISIS else _SYMPTOM_KINDS
    overlapping = [
        m.context
        for m in concepts.reading.mentions
        if m.kind in kinds and m.start < flag.end and flag.start < m.end
    ]
    if not overlapping:
        return False
    if flag.level == CRISIS:
        return any(c.negated_adjacent for c in overlapping) and all(c.negated for c in overlapping)
    return all((c.historical or c.hypothetical) and not c.negated for c in overlapping)


def _denied_by_concepts(flag: Flag, concepts: Judged) -> bool:
    """A symptom phrase's flag whose words the concept reader read, every one of them, as
    negated: ConText's negation reaches along a list and past words the phrase reader's short
    window does not ("still no other symptoms such as headaches, weakness or body temperature
    changes", corpus skin-716)."""
    overlapping = [
        m.context
        for m in concepts.reading.mentions
        if m.kind in _SYMPTOM_KINDS and m.start < flag.end and flag.start < m.end
    ]
    return bool(overlapping) and all(c.negated for c in overlapping)


def _told_as_recovered(concepts: Judged) -> bool:
    """A crisis told as over ("one year clean from self harm", "i chose to stop harming
    myself"), with no relapse or crisis now said beside it ("7 months clean and last night i
    slipped up"): the story of a recovery, not a crisis now."""
    ids = {m.concept for m in concepts.reading.mentions if not m.context.negated}
    return _RECOVERED in ids and not ids & _NOW


def _long_standing(
    durations: list[Flag], texts: list[str], concepts: Judged, live: list[Mention]
) -> frozenset[int]:
    """The sentences that say their complaint has gone on for weeks or longer, when no sudden
    onset or recent episode is said: a duration belongs to what its own sentence says ("high
    blood pressure for many years" is not how long a chest pain has lasted). `live`: the
    mentions neither negated nor hypothetical."""
    if any(m.concept in _ACUTE for m in live) or concepts.reading.recent:
        return frozenset()
    sentence = concepts.reading.layout.sentence
    said = {sentence[m.start] for m in live if m.concept in _LONG_STANDING}
    said |= {
        sentence[f.start]
        for f in durations
        if {texts[f.start], *texts[max(f.start - 2, 0) : f.start]} & _GONE_ON
    }
    return frozenset(said)


def _lowered(flag: Flag, live: list[Mention]) -> bool:
    """An emergency flag that the context around it (`live`: the mentions neither negated nor
    hypothetical) makes a doctor's matter (_LOWERS)."""
    if flag.level != EMERGENCY:
        return False
    lowering = [
        m
        for m in live
        if flag.kind in _LOWERS.get(m.concept, ())
        and (m.concept not in _ADJACENT or flag.start - 1 <= m.end <= flag.start)
    ]
    # Words inside a lowering phrase do not count against it ("goes away after resting").
    return bool(lowering) and not any(
        m.concept in _NOT_LOWERED and not any(s.start <= m.start and m.end <= s.end for s in lowering)
        for m in live
    )


def _new_medicine(kind: str, supplement: bool) -> bool:
    """A flag (its kind) of a new medicine or a changed dose, read of a supplement (not a
    medicine)."""
    return supplement and kind.rsplit("/", 1)[-1] in _NEW_MEDICINE


def _rule_flag(flag: RuleFlag, level: Level | None = None) -> Flag:
    return Flag(flag.start, flag.end, flag.text, level or flag.level, flag.flag or flag.rule)


def _strength(hit: Hit) -> tuple[int, int, int]:
    return (rank(hit.pattern.tag), hit.pattern.size, -hit.pattern.first)


def _safe_date(year: int, month: int, day: int) -> date:
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1  # "02-29" in a year without it


def _reason(hit: Hit) -> str:
    """The words as typed, unless a typo was corrected in a plain phrase: then the lexicon's
    spelling ("weeknes" -> "weakness")."""
    segment = hit.pattern.segments[0]
    plain = len(hit.pattern.segments) == 1 and all(
        isinstance(w, str) and not w.startswith(("=", "<")) for w in segment
    )
    if plain and [stem(w) for w in hit.text.split()] != list(segment):
        return hit.pattern.label
    return hit.text


def _merged(flags: list[Flag], texts: list[str]) -> tuple[str, ...]:
    """One reason per stretch of overlapping flags, in message order: "toddler swallowed" and
    "swallowed a bottle" are "toddler swallowed a bottle"."""
    out: list[str] = []
    stretch: list[Flag] = []
    for flag in sorted(flags, key=lambda f: (f.start, -f.end)):
        if stretch and flag.start < max(f.end for f in stretch):
            stretch.append(flag)
            continue
        if stretch:
            out.append(_stretch_text(stretch, texts))
        stretch = [flag]
    if stretch:
        out.append(_stretch_text(stretch, texts))
    return _without_contained(out)


def _stretch_text(stretch: list[Flag], texts: list[str]) -> str:
    if len(stretch) == 1:
        return stretch[0].text
    return " ".join(texts[min(f.start for f in stretch) : max(f.end for f in stretch)])


def _without_contained(reasons: Iterable[str]) -> tuple[str, ...]:
    """Drop duplicates and reasons that a longer reason already says ("weak" in "feels weak")."""
    unique = list(dict.fromkeys(reasons))
    return tuple(r for r in unique if not any(r != other and f" {r} " in f" {other} " for other in unique))


def _number(word: str, duration: Duration) -> int | None:
    if word.isdecimal():
        return min(int(word), _NUMBER_CAP)
    return duration.numbers.get(word)


def long_durations(
    tokens: list[Token], duration: Duration, not_before: list[tuple[str, ...]]
) -> list[tuple[int, str]]:
    """ "for 3 weeks", "2 months", "for months", "over a year": longer than `min_days`, unless
    followed by `not_before` ("35 years old")."""
    out: list[tuple[int, str]] = []
    # Only the positions of unit words ("weeks", "months"), found in C: most words are not.
    texts, _ = texts_of(tokens)
    for i in compress(range(len(texts)), map(duration.units.__contains__, texts)):
        token = tokens[i]
        days = duration.units[token.text]
        if any(tuple(texts[i + 1 : i + 1 + len(w)]) == w for w in not_before):
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
