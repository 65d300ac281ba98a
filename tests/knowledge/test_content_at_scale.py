"""New articles that drop in: loose remedy names, spellings, partial names, red flags of each
condition, honest safety facts, and answers that stay readable at hundreds of conditions.

The articles are our own (tests/data/kb_many, with the overlay an editor would add), plus small
ones written here for one rule each, plus a generated base with a hub ingredient (bench/hub.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.hub import HUB, generate_hub_kb
from handlers.telegram import wording as telegram_wording
from handlers.telegram.keyboards import MAX_BUTTONS, keyboard
from handlers.telegram.render import MAX_MESSAGES, render_html
from knowledge import Conversation, KnowledgeBase, KnowledgeError, load_knowledge
from knowledge.answers import wording
from knowledge.engine import Engine
from tests.conftest import DATA
from tests.support.articles import article, write
from tests.support.telegram_html import visible_text

KB_MANY = DATA / "kb_many"


@pytest.fixture(scope="module")
def many() -> Engine:
    return Engine(load_knowledge(KB_MANY))


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    made = generate_hub_kb(tmp_path_factory.mktemp("hub") / "articles", 300)
    return Engine(load_knowledge(made.directory))


# --- linking and names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "remedy", "ingredient"),
    [
        ("insomnia", "Magnesium glycinate", "magnesium"),
        ("insomnia", "Chamomile tea", "chamomile"),
        ("insomnia", "Valerian root", "valerian"),  # listed only by other articles
        ("restless-legs-syndrome", "Iron supplements", "iron"),
        ("migraine", "Omega-3s", "omega-3-fatty-acids"),
        ("muscle-cramps", "Vitamin B-6", "vitamin-b6"),  # merged by the overlay's alias
    ],
)
def test_remedies_link_loosely_named_ingredients(
    many: Engine, condition: str, remedy: str, ingredient: str
) -> None:
    found = next(r for r in many.kb.conditions[condition].remedies if r.name == remedy)
    assert found.ingredient_slugs == (ingredient,)
    use = many.kb.use(ingredient, condition)
    assert use is not None and use.description == found.description


def test_the_articles_own_advice_reaches_the_ingredient(many: Engine) -> None:
    iron = next(
        r for r in many.kb.conditions["restless-legs-syndrome"].remedies if r.name == "Iron supplements"
    )
    reply = many.answer("does iron help restless legs syndrome")
    assert reply.topics[0] == "iron"
    assert iron.description in [item.text for s in reply.sections for item in s.items]


def test_a_synonym_list_splits_on_commas(many: Engine) -> None:
    assert {"EPA", "DHA"} <= set(many.kb.ingredients["omega-3-fatty-acids"].aliases)


def test_an_ambiguous_remedy_names_both_candidates(tmp_path: Path) -> None:
    files = {
        "a.txt": article("Aches", remedies="Vitamin: A daily vitamin.", ingredients="vitamin D\nvitamin B6")
    }
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(write(tmp_path, files))
    [problem] = info.value.problems
    assert "'Vitamin'" in problem.message and "'vitamin D'" in problem.message
    assert "'vitamin B6'" in problem.message and problem.line is not None


def test_two_spellings_are_an_error_naming_both_files(tmp_path: Path) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(KB_MANY, copy)
    (copy / "overlay.toml").unlink()
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(copy)
    [problem] = info.value.problems
    assert problem.path.name == "muscle_cramps.txt" and "anxiety.txt" in problem.message
    assert "add 'Vitamin B-6' to the aliases of [ingredients.vitamin-b6]" in problem.message


def test_a_name_and_a_longer_one_are_a_clash_until_merged(tmp_path: Path) -> None:
    files = {
        "a.txt": article("Aches", ingredients="valerian"),
        "b.txt": article("Pains", ingredients="valerian root"),
    }
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(write(tmp_path, files))
    assert any("looks like 'valerian'" in p.message for p in info.value.problems)
    write(tmp_path, {"overlay.toml": '[ingredients.valerian]\naliases = ["valerian root"]\n'})
    kb = load_knowledge(tmp_path)
    assert [u.condition_slug for u in kb.ingredients["valerian"].uses] == ["aches", "pains"]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("valerian", "valerian"),
        ("restless legs", "restless-legs-syndrome"),
        ("omega 3", "omega-3-fatty-acids"),
        ("peppermint", "peppermint"),
        ("cramps", "muscle-cramps"),
        ("what helps cramps at night", "muscle-cramps"),
    ],
)
def test_a_part_of_a_longer_name_answers_that_topic(many: Engine, text: str, topic: str) -> None:
    assert many.answer(text).topics[:1] == (topic,)


def test_a_part_of_several_names_gets_did_you_mean(tmp_path: Path) -> None:
    files = {"a.txt": article("Night leg cramps"), "b.txt": article("Leg cramps in pregnancy")}
    engine = Engine(load_knowledge(write(tmp_path, files)))
    reply = engine.answer("leg cramps")
    assert reply.kind == "suggest"
    assert {a.topic for a in reply.suggestions} == {"night-leg-cramps", "leg-cramps-in-pregnancy"}


def test_a_part_that_says_only_where_never_stands_for_a_topic(many: Engine) -> None:
    assert many.answer("my legs").topics == ()
    assert many.answer("oil").topics == ()


def test_prefixes_complete_while_typing(many: Engine) -> None:
    assert many.complete("magnes") == ("magnesium",)
    assert set(many.complete("vitamin")) >= {"vitamin-b6", "vitamin-d"}
    assert many.complete("ma") == ()  # too short to mean anything yet


# --- red flags per condition ---------------------------------------------------------------


def test_a_sleep_question_is_not_twitching_that_keeps_someone_awake(engine: Engine) -> None:
    assert engine.answer("I can't sleep, does melatonin help?").escalation.level == "none"
    assert engine.answer("my calf twitches and I can't sleep because of it").escalation.level == "doctor"


def test_a_conditions_own_topic_does_not_alarm_for_it(many: Engine) -> None:
    assert many.answer("I can't sleep, what helps insomnia").escalation.level == "none"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my cramps are not relieved by stretching", "doctor"),
        ("stretching doesnt help my cramps at all", "doctor"),
        ("my cramps are relieved by stretching", "none"),
        ("cramps and my calf is swollen and red", "doctor"),
        ("paracetamol doesnt help my tension headaches", "doctor"),
        ("tension headache that came on sudden and severe, unlike any before", "emergency"),
    ],
)
def test_article_items_are_found_by_their_meaning(many: Engine, text: str, level: str) -> None:
    assert many.answer(text).escalation.level == level, text


def test_an_item_counts_only_for_its_condition(many: Engine) -> None:
    """Cramps' "began after a dirty wound" says nothing about migraine."""
    about = Conversation(topics=("muscle-cramps",), condition="muscle-cramps")
    assert many.answer("it started after a dirty wound", about).escalation.level == "doctor"
    other = Conversation(topics=("migraine",), condition="migraine")
    assert many.answer("it started after a dirty wound", other).escalation.level == "none"


def test_the_overlay_marks_an_item_as_an_emergency(many: Engine) -> None:
    reply = many.answer("migraine with weakness on one side and a drooping face")
    assert reply.escalation.level == "emergency" and reply.escalation.leads


def test_an_emergency_item_must_be_an_item_of_the_article(tmp_path: Path) -> None:
    overlay = '[conditions.aches]\nemergency_items = ["Not an item of the list"]\n'
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(write(tmp_path, {"a.txt": article("Aches"), "overlay.toml": overlay}))
    assert "emergency_items" in info.value.problems[0].message
    assert info.value.problems[0].path.name == "overlay.toml"


def test_an_overlay_red_flag_with_an_unknown_group_is_an_error(tmp_path: Path) -> None:
    overlay = '[conditions.aches.red_flags.odd]\nphrases = ["{no_such_group} now"]\n'
    kb = load_knowledge(write(tmp_path, {"a.txt": article("Aches"), "overlay.toml": overlay}))
    with pytest.raises(KnowledgeError) as info:
        Engine(kb)
    assert "[conditions.aches.red_flags.odd]" in str(info.value.problems[0])


def test_an_item_no_word_can_find_is_listed(tmp_path: Path) -> None:
    doctor = "-\nAches\n-\nAches that spread to both arms"
    kb = load_knowledge(write(tmp_path, {"a.txt": article("Aches", doctor=doctor)}))
    flags = Engine(kb).reader.flags.of("aches")
    assert flags is not None and flags.untriggerable == ("Aches",)


# --- safety facts --------------------------------------------------------------------------


def test_no_safety_facts_says_so(many: Engine) -> None:
    reply = many.answer("is feverfew safe")
    lines = [i.text for s in reply.sections if s.heading == "Safety" for i in s.items]
    assert lines[0] == wording.NO_SAFETY_FACTS.format(name="Feverfew") and len(lines) == 2
    assert lines[1].startswith(wording.SAFETY_ADVICE.split("{")[0])


def test_no_upper_limit_is_not_any_amount(engine: Engine) -> None:
    reply = engine.answer("is gaba safe")
    assert any("this does not mean any amount is safe" in i.text for s in reply.sections for i in s.items)


def test_each_ingredient_named_gets_its_own_safety_section(many: Engine) -> None:
    reply = many.answer("can i take magnesium and valerian together for sleep")
    headings = [s.heading for s in reply.sections]
    assert "Safety" in headings and wording.SAFETY_OF.format(name="Valerian") in headings


# --- answers that scale --------------------------------------------------------------------


def test_a_hub_ingredient_fits_a_few_messages_and_buttons(hub: Engine) -> None:
    reply = hub.answer(HUB)
    rendered = render_html(reply)
    assert len(rendered.messages) <= MAX_MESSAGES
    markup = keyboard(rendered.buttons)
    assert markup is not None and sum(len(row) for row in markup.inline_keyboard) <= MAX_BUTTONS
    assert wording.MORE_CONDITIONS in [a.label for a in reply.actions]


def test_the_condition_asked_about_comes_first(hub: Engine) -> None:
    uses = hub.kb.ingredients["hubroot"].uses
    last = hub.kb.conditions[uses[-1].condition_slug]
    reply = hub.answer(f"does {HUB} help {last.name}")
    assert reply.sections[0].items[0].name == last.name


def test_more_conditions_pages_through_every_use_once(hub: Engine) -> None:
    uses = hub.kb.ingredients["hubroot"].uses
    seen: list[str] = []
    page = 0
    while True:
        reply = hub.topic_reply("hubroot", page=page)
        assert reply is not None
        seen += [item.name for item in reply.sections[0].items]
        more = [a for a in reply.actions if a.label == wording.MORE_CONDITIONS]
        if not more:
            break
        page = more[0].page
    assert seen == [hub.kb.conditions[u.condition_slug].name for u in uses]


def test_inline_results_keep_the_uses(hub: Engine) -> None:
    from handlers.telegram.render import render_single

    text = render_single(hub.answer(HUB))
    first = hub.kb.conditions[hub.kb.ingredients["hubroot"].uses[0].condition_slug].name
    assert first in visible_text(text)


def test_a_huge_section_is_shortened_never_the_advice(kb: KnowledgeBase) -> None:
    twitching = kb.conditions["twitching"]
    long_items = tuple(e.model_copy(update={"text": "x " * 400}) for e in twitching.bullets["causes"] * 28)
    big = twitching.model_copy(update={"bullets": {**twitching.bullets, "causes": long_items}})
    engine = Engine(kb.model_copy(update={"conditions": {"twitching": big}}))
    reply = engine.answer("what causes my twitching, it has lasted 3 months")
    rendered = render_html(reply)
    assert len(rendered.messages) == MAX_MESSAGES
    shortened = telegram_wording.SHORTENED
    assert shortened in rendered.messages[-1] or any(shortened in m for m in rendered.messages)
    assert wording.DISCLAIMER in rendered.messages[-1]
    assert wording.DOCTOR_TITLE in rendered.messages[-1]


def test_no_message_holds_only_a_title(hub: Engine, many: Engine) -> None:
    for engine, text in ((hub, HUB), (many, "magnesium"), (many, "what causes insomnia")):
        for message in render_html(engine.answer(text), limit=600).messages:
            assert "\n" in message, message


# --- robust loading ------------------------------------------------------------------------


def test_a_section_over_the_limit_names_its_line(tmp_path: Path) -> None:
    doctor = "\n".join(f"- Sign number {n}" for n in range(201))
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(write(tmp_path, {"a.txt": article("Aches", doctor=doctor)}))
    [problem] = info.value.problems
    assert "has 201 items; the limit is 200" in problem.message and problem.line is not None


@pytest.mark.parametrize("fault", ["fifo", "dangling", "loop", "directory", "huge"])
def test_filesystem_faults_stop_the_bot_with_one_line(tmp_path: Path, fault: str) -> None:
    """Run as a user would: `python -m bot ask` with the fault in KNOWLEDGE_DIR."""
    import os
    import subprocess
    import sys

    directory = tmp_path / "articles"
    shutil.copytree(Path(__file__).parents[2] / "knowledge" / "articles", directory)
    bad = directory / "x.txt"
    if fault == "fifo":
        os.mkfifo(bad)
    elif fault == "dangling":
        bad.symlink_to(tmp_path / "gone.txt")
    elif fault == "loop":
        bad.symlink_to(directory / "y.txt")
        (directory / "y.txt").symlink_to(bad)
    elif fault == "directory":
        bad.mkdir()
    else:
        bad.write_bytes(b"x" * (1024 * 1024 + 1))
    env = {**os.environ, "KNOWLEDGE_DIR": str(directory)}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    run = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "magnesium"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2, run.stderr
    assert "x.txt" in run.stderr and "Traceback" not in run.stderr
