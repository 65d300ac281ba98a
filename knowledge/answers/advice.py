"""Safety advice for red flags, written out in full: crisis and emergency advice that leads the
reply, doctor advice with the condition's own "When to See a Doctor" list, and the short code
(`keep`) that brings the same advice back whenever a button is pressed under it."""

from __future__ import annotations

from typing import Literal

from knowledge.answers import lines, wording
from knowledge.answers.mentioned import canonical_spellings, mentioned
from knowledge.answers.reply import Action, AdviceList, Escalation, Reply, Section
from knowledge.base.models import Helplines, KnowledgeBase
from knowledge.levels import Level
from knowledge.memo import IdentityMemo
from knowledge.understanding.lexicon import Triage
from knowledge.understanding.triage import LEARNED, TriageResult, rank

_LEARNED_REASONS = frozenset(LEARNED.values())

# The first letter of a keep code: the level, and "w" for doctor advice about red flags the
# person said they do not have ("no weakness"). The letters after it name advised flag groups.
_LEVEL_CODES: dict[str, Level] = {"c": "crisis", "e": "emergency", "d": "doctor", "w": "doctor"}
_WATCH = "w"
HeldForm = Literal["again", "short", "watch"]


# No advice: one immutable object, as Reply's default, not a new validated one per message.
_NO_ADVICE = Escalation(level="none")


class Advisor:
    def __init__(self, kb: KnowledgeBase, triage: Triage, helplines: Helplines) -> None:
        self.kb = kb
        self.flags = triage.flags
        self.helplines = helplines
        # Flag groups with advice of their own, each a letter of Escalation.keep.
        advised = [name for name, flag in triage.flags.items() if flag.advice or flag.lines]
        self._code_of = {name: chr(ord("a") + i) for i, name in enumerate(advised)}
        self._group_of = {code: name for name, code in self._code_of.items()}
        self._spellings = canonical_spellings(kb)

    def escalation(self, triage: TriageResult, condition: str | None, text: str = "") -> Escalation:
        """The advice for a message's red flags; nothing when there are none. `text`, the
        message, gives the flags back as the person wrote them."""
        if triage.level == "none":
            return _NO_ADVICE
        advised = [k for k in triage.kinds if k in self._code_of]
        code = (_WATCH if not triage.reasons else triage.level[0]) + "".join(
            self._code_of[k] for k in advised
        )
        said = mentioned([r for r in triage.reasons if r not in _LEARNED_REASONS], text, self._spellings)
        return self._advice(code, condition, triage.reasons, triage.denied, said)

    def emergency_numbers(self) -> str:
        return _either(lines.emergency_numbers(self.helplines))

    def kept(self, code: str, condition: str | None) -> Escalation:
        """The advice a button brings back (Action.keep): as first shown, without the words
        the person wrote, which no button carries. Unknown codes keep nothing."""
        if not code or code[0] not in _LEVEL_CODES or any(c not in self._group_of for c in code[1:]):
            return _NO_ADVICE
        return self._advice(code, condition, (), ())

    def held(self, level: Level, keep: str, condition: str | None, form: HeldForm) -> Escalation:
        """The advice a conversation holds at `level` (emergency or crisis), as `keep` first
        gave it: in full ("again"), as one line that restates the number ("short"), or as what
        to watch for with the numbers kept ("watch"). Crisis lines are never left out."""
        code = keep if keep[:1] in _LEVEL_CODES and _LEVEL_CODES[keep[0]] == level else _code(level)
        full = self.kept(code, condition)
        if form == "again" or full.level != level:
            return full
        numbers = self.emergency_numbers()  # the user's country's, as in the full advice
        crisis = level == "crisis"
        if form == "short":
            line = (wording.HELD_CRISIS if crisis else wording.HELD_EMERGENCY).format(numbers=numbers)
            return full.model_copy(update={"title": line, "paragraphs": (), "reasons": (), "denied": ()})
        line = (wording.ALL_CLEAR_CRISIS if crisis else wording.ALL_CLEAR_EMERGENCY).format(numbers=numbers)
        # What the data says besides: the advice of the flags the held advice stands for ("keep
        # the packet to show the crew", "use the adrenaline auto-injector").
        extra = self._group_advice(code)
        return full.model_copy(
            update={
                "title": wording.ALL_CLEAR_TITLE,
                "paragraphs": (line, *extra),
                "reasons": (),
                "denied": (),
            }
        )

    def with_level(self, reply: Reply, level: Level) -> Reply:
        """`reply`, carrying at least the standard advice of `level` (no flag's own words)."""
        return self.with_kept(reply, _code(level))

    def with_kept(self, reply: Reply, code: str) -> Reply:
        """`reply`, still carrying the advice `code` stands for when its own is weaker."""
        kept = self.kept(code, self._condition_of(reply.topics))
        if rank(kept.level) <= rank(reply.escalation.level):
            return reply
        return with_escalation(reply, kept)

    def _group_advice(self, code: str) -> tuple[str, ...]:
        """The own lines of the flag groups `code` names, in the reply's language."""
        named = (self._group_of[c] for c in code[1:])
        return tuple(wording.flag_advice(n, a) for n in named if (a := self.flags[n].advice))

    def _advice(
        self,
        code: str,
        condition: str | None,
        reasons: tuple[str, ...],
        denied: tuple[str, ...],
        shown: tuple[str, ...] = (),
    ) -> Escalation:
        """`reasons`: the flags as triage found them; `shown`: as the person wrote them."""
        level = _LEVEL_CODES[code[0]]
        # A learned backstop's reason is no words of the person's to quote back.
        typed = tuple(r for r in reasons if r not in _LEARNED_REASONS)
        said = (wording.REASONS_LABEL.format(reasons=", ".join(shown or typed)),) if typed else ()
        unsaid = (wording.DENIED_LABEL.format(denied=wording.OR.join(denied)),) if denied else ()
        # The numbers and the flag groups' own lines are worked out only for the advice that
        # says them (crisis and emergency): doctor advice, the most common, says neither.
        if level == "crisis":  # their own words are not echoed back
            numbers, extra = _either(lines.emergency_numbers(self.helplines)), self._group_advice(code)
            return Escalation(
                level=level,
                reasons=reasons,
                leads=True,
                keep=code,
                title=wording.CRISIS_TITLE,
                paragraphs=(
                    wording.CRISIS_ADVICE.format(numbers=numbers),
                    *extra,
                    wording.CRISIS_REACH_OUT,
                ),
                lists=(
                    AdviceList(
                        heading=wording.CRISIS_LINES_HEADING, items=lines.crisis_lines(self.helplines)
                    ),
                ),
            )
        if level == "emergency":
            numbers, extra = _either(lines.emergency_numbers(self.helplines)), self._group_advice(code)
            groups = [self.flags[self._group_of[c]] for c in code[1:]]
            poison = lines.poison_lines(self.helplines) if any(g.lines == "poison" for g in groups) else ()
            return Escalation(
                level=level,
                reasons=reasons,
                denied=denied,
                leads=True,
                keep=code,
                title=wording.EMERGENCY_TITLE,
                paragraphs=(*said, *unsaid, wording.EMERGENCY_ADVICE.format(numbers=numbers), *extra),
                lists=(
                    (
                        AdviceList(
                            heading=wording.POISON_LINES_HEADING,
                            items=poison,
                        ),
                    )
                    if poison
                    else ()
                ),
            )
        topic = self.kb.conditions.get(condition or "")
        items = topic.when_to_see_doctor if topic else ()
        if code[0] == _WATCH:
            return Escalation(
                level=level,
                denied=denied,
                keep=code,
                banner=wording.WATCH_BANNER,
                title=wording.WATCH_TITLE,
                paragraphs=unsaid,
                lists=(AdviceList(heading=wording.WATCH_HEADING, items=items or denied),),
            )
        lists = (
            (AdviceList(heading=wording.DOCTOR_ITEMS_LABEL.format(condition=topic.name), items=items),)
            if topic
            else ()
        )
        return Escalation(
            level=level,
            reasons=reasons,
            denied=denied,
            keep=code,
            banner=wording.DOCTOR_BANNER,
            title=wording.DOCTOR_TITLE,
            paragraphs=(*said, *unsaid, wording.DOCTOR_ADVICE),
            lists=lists,
        )

    def _condition_of(self, topics: tuple[str, ...]) -> str | None:
        for slug in topics:
            if slug in self.kb.conditions:
                return slug
        for slug in topics:
            ingredient = self.kb.ingredients.get(slug)
            if ingredient is not None and len(ingredient.uses) == 1:
                return ingredient.uses[0].condition_slug
        return None


def with_escalation(reply: Reply, escalation: Escalation) -> Reply:
    """The reply with this advice, every button under it keeping the advice. A section that
    the advice lists in full ("When to see a doctor") is said once, in the advice."""
    return reply.model_copy(update=advice_update(reply, escalation))


def advice_update(
    reply: Reply, escalation: Escalation, actions: tuple[Action, ...] | None = None
) -> dict[str, object]:
    """What carrying this advice changes in a reply (with_escalation), for building it once:
    `actions` (the reply's own when None) and its suggestions keep the advice."""
    actions = reply.actions if actions is None else actions
    update: dict[str, object] = {
        "escalation": escalation,
        "sections": _not_in_advice(reply.sections, escalation),
        "actions": actions,
    }
    if escalation.keep:
        keep = escalation.keep
        update["actions"] = tuple(_keeping(a, keep) for a in actions)
        update["suggestions"] = tuple(_keeping(a, keep) for a in reply.suggestions)
    return update


# Buttons that keep advice, by the button knowledge handed out and the advice's code: a button
# under advice is copied once, not on every message (nine pydantic copies a reply), and a
# platform's keyboard cache (by the buttons' ids) finds it again. A button holds knowledge's
# words and a keep code, never a person's.
_KEPT: IdentityMemo[Action] = IdentityMemo(4096)


def _keeping(action: Action, keep: str) -> Action:
    """`action`, keeping the advice `keep` stands for."""
    return _KEPT.get((action,), lambda: action.model_copy(update={"keep": keep}), keep)


def _not_in_advice(sections: tuple[Section, ...], escalation: Escalation) -> tuple[Section, ...]:
    advised = {item for advice in escalation.lists for item in advice.items}
    if not advised:
        return sections
    return tuple(s for s in sections if not s.items or any(i.text not in advised for i in s.items))


def _code(level: Level) -> str:
    """The keep code of a level's standard advice."""
    return next(c for c, named in _LEVEL_CODES.items() if named == level)


def _either(numbers: tuple[str, ...]) -> str:
    """ "112, 911 or 999"."""
    return f"{', '.join(numbers[:-1])}{wording.OR}{numbers[-1]}" if len(numbers) > 1 else numbers[0]
