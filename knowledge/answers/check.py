"""The symptom check: a condition's "When to See a Doctor" items asked one at a time (Yes, No,
Not sure), then one of two outcomes. Nothing is invented: every question is an item of the
article, every outcome lists the article's own items and remedies. The answers so far travel
in the buttons (Answers), so a check needs no state anywhere."""

from __future__ import annotations

from typing import Literal

from knowledge.answers import wording
from knowledge.answers.reply import (
    MAX_QUESTIONS,
    Action,
    AdviceList,
    Answers,
    Escalation,
    Item,
    Reply,
    Section,
)
from knowledge.base.models import Condition, KnowledgeBase
from knowledge.sections import BY_KEY

Choice = Literal["yes", "no", "unsure"]
# Each choice with the catalog key of its button label.
_CHOICES: tuple[tuple[Choice, str], ...] = (
    ("yes", "CHECK_YES"),
    ("no", "CHECK_NO"),
    ("unsure", "CHECK_UNSURE"),
)
# The keep code of plain doctor advice (knowledge.answers.advice): buttons under a "see a
# doctor" outcome bring it back.
DOCTOR_KEEP = "d"


class SymptomCheck:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def start(self, condition: str) -> Action | None:
        """The button that starts a condition's check; None when its article has no items."""
        c = self.kb.conditions.get(condition)
        if c is None or not c.when_to_see_doctor:
            return None
        return Action(label=wording.CHECK_BUTTON, topic=condition, check=Answers())

    def step(self, condition: str, answers: Answers) -> Reply | None:
        """The next question, or the outcome once all are answered; None for a condition or
        answers that do not fit (a button from before the article changed)."""
        c = self.kb.conditions.get(condition)
        if c is None or not c.when_to_see_doctor:
            return None
        if not answers.valid_for(min(len(c.when_to_see_doctor), MAX_QUESTIONS)):
            return None
        items = c.when_to_see_doctor[:MAX_QUESTIONS]
        if answers.step < len(items):
            return self._question(c, answers)
        flagged = answers.yes | answers.unsure
        return self._see_a_doctor(c, answers) if flagged else self._all_clear(c)

    def _question(self, c: Condition, answers: Answers) -> Reply:
        items = c.when_to_see_doctor[:MAX_QUESTIONS]
        choices = tuple(
            Action(label=wording.text(key), topic=c.slug, check=answers.answer(choice))
            for choice, key in _CHOICES
        )
        return Reply(
            turn="browse",
            kind="check",
            title=wording.CHECK_TITLE.format(condition=c.name),
            intro=wording.CHECK_PROGRESS.format(number=answers.step + 1, total=len(items)),
            sections=(Section(heading=wording.CHECK_QUESTION, paragraph=items[answers.step]),),
            actions=(*choices, self._back(c)),
            topics=(c.slug,),
            section="doctor",
        )

    def _see_a_doctor(self, c: Condition, answers: Answers) -> Reply:
        items = c.when_to_see_doctor[:MAX_QUESTIONS]
        said = tuple(item for i, item in enumerate(items) if answers.yes >> i & 1)
        unsure = tuple(item for i, item in enumerate(items) if answers.unsure >> i & 1)
        lists = []
        if said:
            lists.append(AdviceList(heading=wording.CHECK_SAID_YES, items=said))
        if unsure:
            lists.append(AdviceList(heading=wording.CHECK_SAID_UNSURE, items=unsure))
        advice = Escalation(
            level="doctor",
            leads=True,  # the outcome is the point of the check: it comes first
            keep=DOCTOR_KEEP,
            title=wording.DOCTOR_TITLE,
            paragraphs=(wording.CHECK_DOCTOR_ADVICE,),
            lists=tuple(lists),
        )
        back = self._back(c).model_copy(update={"keep": DOCTOR_KEEP})
        return Reply(
            turn="browse",
            kind="check",
            title=wording.CHECK_RESULT_TITLE.format(condition=c.name),
            disclaimer=wording.DISCLAIMER,  # an outcome, unlike the questions
            escalation=advice,
            actions=(back,),
            topics=(c.slug,),
            section="doctor",
        )

    def _all_clear(self, c: Condition) -> Reply:
        remedies = tuple(Item(text=r.name) for r in c.remedies)
        sections = []
        if remedies:
            sections.append(Section(heading=wording.CHECK_SELF_CARE, items=remedies))
        sections.append(
            Section(heading=wording.CHECK_WATCH, items=tuple(Item(text=i) for i in c.when_to_see_doctor))
        )
        actions = [Action(label=wording.CHECK_BACK.format(condition=c.name), topic=c.slug)]
        if remedies:
            actions.insert(0, Action(label=BY_KEY["remedies"].button, topic=c.slug, section="remedies"))
        return Reply(
            turn="browse",
            kind="check",
            title=wording.CHECK_RESULT_TITLE.format(condition=c.name),
            intro=wording.CHECK_ALL_NO,
            disclaimer=wording.DISCLAIMER,
            sections=tuple(sections),
            actions=tuple(actions),
            topics=(c.slug,),
            section="remedies",
        )

    def _back(self, c: Condition) -> Action:
        return Action(label=wording.CHECK_BACK.format(condition=c.name), topic=c.slug)
