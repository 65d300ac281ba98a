"""Triage rules (lexicon/rules.toml) over a message's concepts: which fire, and which were all
said but denied ("no chest pain"), each as the words that said it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from knowledge.understanding.concept_reader import ConceptReading, Mention
from knowledge.understanding.vocabulary import Rule, RuleLevel, Vocabulary

_MAX_SPAN = 8  # a rule's words further apart than this are said back one by one
_SYMPTOMS = frozenset(("symptom", "function_lost"))
_TIME = frozenset(("time", "modality"))
_SHORT = 8  # words: a follow-up such as "its been 2 months now"
_AGO, _ONGOING = "ago", "ongoing"  # concept ids
# The kinds of concept that are a sign the person has or where it is (concepts.toml): a symptom,
# a function lost, a vital sign, a body site. The other kinds qualify a sign (how long, how
# sudden, how severe, whose, with what: "for a week", "suddenly", "a baby", "pregnant").
_SIGN_KINDS = frozenset(("symptom", "function_lost", "vital", "body_site"))


@dataclass(frozen=True, slots=True)
class RuleFlag:
    rule: str
    level: RuleLevel
    flag: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Verdict:
    said: tuple[RuleFlag, ...]
    denied: tuple[RuleFlag, ...]


class Discriminators:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.rules = vocabulary.rules
        # What each concept counts as: itself, every site it is a part of, all it means.
        parent: dict[str, set[str]] = {}
        for cid, concept in vocabulary.concepts.items():
            for part in concept.parts:
                parent.setdefault(part, set()).add(cid)
            for meant in concept.means:
                parent.setdefault(cid, set()).add(meant)
        self._counts_as = {cid: frozenset(_closure(cid, parent)) for cid in vocabulary.concepts}
        concepts = vocabulary.concepts
        self._signs = frozenset(cid for cid, concept in concepts.items() if concept.kind in _SIGN_KINDS)
        # Each rule's groups as sets: a rule is tried in a stretch of the message only when
        # every group has a concept there (most rules have none in most sentences).
        self._groups = [tuple(frozenset(g) for g in rule.all) for rule in self.rules]
        # The rules each concept can start: those whose first group it counts as.
        self._starts: dict[str, list[int]] = {}
        for cid, counts in self._counts_as.items():
            self._starts[cid] = [n for n, groups in enumerate(self._groups) if groups[0] & counts]

    def judge(self, reading: ConceptReading) -> Verdict:
        said: list[RuleFlag] = []
        denied: list[RuleFlag] = []
        if not reading.mentions:
            return Verdict((), ())
        # The stretches of a scope, and what their concepts count as, worked out the first time
        # a rule of that scope is tried (most messages start no rule at all), filed under each
        # rule that can start there (a concept of its first group is there), in the message's
        # order: a rule is tried only in those, not in every sentence of a long message.
        units: dict[str, dict[int, list[tuple[list[Mention], frozenset[str]]]]] = {}
        starts = self._starts
        tried = sorted({n for m in reading.mentions for n in starts[m.concept]})
        for n in tried:
            rule, groups = self.rules[n], self._groups[n]
            scoped = units.get(rule.scope)
            if scoped is None:
                scoped = units[rule.scope] = {}
                for unit in _units(reading, rule.scope):
                    have = frozenset().union(*(self._counts_as[m.concept] for m in unit))
                    for r in {r for m in unit for r in starts[m.concept]}:
                        scoped.setdefault(r, []).append((unit, have))
            for unit, have in scoped.get(n, ()):
                if not all(group & have for group in groups):
                    continue
                fired = self._fires(rule, unit, live=True)
                if fired is not None:
                    said += _flags(rule, fired, reading)
                    continue
                # Denying a crisis ("i dont want to die") asks for no advice.
                negated = None if rule.level == "crisis" else self._denied(rule, unit)
                if negated is not None:
                    denied += _flags(rule, negated, reading)
        return Verdict(tuple(said), tuple(denied))

    def _denied(self, rule: Rule, unit: list[Mention]) -> list[Mention] | None:
        """The mentions that said `rule` with its sign denied, or None. All of them negated ("no
        chest pain", "no fever or rash") is the red flag said and denied; some negated is, only
        when a sign or its site is said as present beside them ("no weakness, just twitching",
        "my chest doesn't hurt"). A pertinent negative said beside nothing but qualifiers ("a
        cough for a week, no fever": a duration, an onset, a person) denies the rule's sign
        itself, and the qualifiers are said of something else: the danger is absent."""
        whole = self._fires(rule, unit, live=False, only_negated=True)
        if whole is not None:
            return whole
        chosen = self._fires(rule, unit, live=False)
        if chosen is None or not any(m.concept in self._signs and not m.context.negated for m in chosen):
            return None
        return chosen

    def _fires(
        self, rule: Rule, unit: list[Mention], live: bool, only_negated: bool = False
    ) -> list[Mention] | None:
        """The mentions that meet each group of `rule` in `unit`, or None. `live`: said as
        present; otherwise said, with at least one of them negated (and none hypothetical), or
        `only_negated`, with all of them negated."""
        allowed = set(rule.allow)

        def present(m: Mention) -> bool:
            c = m.context
            if rule.experiencer and c.experiencer not in rule.experiencer:
                return False
            return not (
                c.negated
                or (c.historical and "historical" not in allowed)
                or (c.hypothetical and "hypothetical" not in allowed)
            )

        def negated(m: Mention) -> bool:
            c = m.context
            return c.negated and not c.hypothetical and not c.historical

        if live:
            pool = [m for m in unit if present(m)]
        else:
            pool = [m for m in unit if negated(m) or (present(m) and not only_negated)]
        # The rule's "unless" concepts as a set once a call, not once a mention; most rules have
        # none, and then no mention is looked at for them.
        unless = frozenset(rule.unless)
        if unless and any(self._counts_as[m.concept] & unless for m in unit if present(m)):
            return None
        chosen: list[Mention] = []
        for group in rule.all:
            wanted = set(group)
            match = next((m for m in pool if self._counts_as[m.concept] & wanted and m not in chosen), None)
            if match is None:
                match = next((m for m in pool if self._counts_as[m.concept] & wanted), None)
            if match is None:
                return None
            chosen.append(match)
        if not live and not any(negated(m) for m in chosen):
            return None
        return chosen


def _closure(cid: str, parent: dict[str, set[str]]) -> set[str]:
    out = {cid}
    todo = [cid]
    while todo:
        for up in parent.get(todo.pop(), ()):
            if up not in out:
                out.add(up)
                todo.append(up)
    return out


def _units(reading: ConceptReading, scope: str) -> Iterable[list[Mention]]:
    if scope == "message":
        yield list(reading.mentions)
        return
    numbers = reading.layout.sentence if scope == "sentence" else reading.layout.clause
    units: dict[int, list[Mention]] = {}
    for m in reading.mentions:
        units.setdefault(numbers[m.start], []).append(m)
    yield from units.values()


def _flags(rule: Rule, chosen: list[Mention], reading: ConceptReading) -> list[RuleFlag]:
    """The words that said the rule: one stretch when close together, else each mention."""
    start, end = min(m.start for m in chosen), max(m.end for m in chosen)
    texts = reading.texts
    if end - start <= _MAX_SPAN and reading.layout.same("sentence", start, end - 1):
        spans = [(start, end)]
    else:
        spans = sorted({(m.start, m.end) for m in chosen})
    return [RuleFlag(rule.id, rule.level, rule.flag, s, e, " ".join(texts[s:e])) for s, e in spans]


@dataclass(frozen=True)
class Judged:
    """What triage takes from the concepts: the reading, the rules' verdict, and the positions
    of clauses where a duration is said of an activity, not of a symptom ("smoked for 40
    years", "travelling for 3 months"): a duration belongs to a symptom only when attached."""

    reading: ConceptReading
    verdict: Verdict
    unattached: frozenset[int]
    # Where a duration ends in a point in time ("3 months | ago") in a sentence that does not
    # say it goes on: no duration.
    points_in_time: frozenset[int] = frozenset()


def judged(
    reading: ConceptReading, discriminators: Discriminators, kinds: Mapping[str, str], condition: bool = False
) -> Judged:
    """`condition`: whether the message names or describes a condition of the knowledge base
    ("bfs for years"), which a duration may then be of."""
    clause, sentence = reading.layout.clause, reading.layout.sentence
    mentions = reading.mentions
    activity = {clause[m.start] for m in mentions if kinds.get(m.concept) == "activity"}
    symptom = {clause[m.start] for m in mentions if kinds.get(m.concept) in _SYMPTOMS}
    lone = activity - symptom
    unattached = frozenset(i for i, c in enumerate(clause) if c in lone)
    said = len(clause) > _SHORT or any(kinds.get(m.concept) not in _TIME for m in mentions)
    if said and not symptom and not condition:
        # A message about something, but no symptom and no condition in it ("i stopped smoking
        # eight years ago ... after around five years i was fit", "their twenty-year
        # friendship"): no duration is a symptom's. A duration alone ("for 5 weeks now") is
        # said of what the conversation is about.
        unattached = frozenset(range(len(clause)))
    ongoing = {sentence[m.start] for m in mentions if m.concept == _ONGOING}
    points = frozenset(m.start for m in mentions if m.concept == _AGO and sentence[m.start] not in ongoing)
    return Judged(reading, discriminators.judge(reading), unattached, points)
