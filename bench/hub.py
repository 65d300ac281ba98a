"""A hub ingredient at scale: generated knowledge bases in which one ingredient ("Hubroot") is
listed by a quarter of the articles, and what asking about it costs.

For each size: load and build time, the hub's answer time (p50/p99 over repeated calls of
`Engine.answer("Hubroot")` and of a follow-up-style "does Hubroot help <condition>"), that
answer as Telegram would get it (messages, buttons, keyboard JSON size) and the peak RSS growth
of load + build in a fresh process.

The articles are written in the seed format and loaded by the real loader. Names come from
bench.synth's generators (unique by the loader's rules); the shipped articles are not copied in.
Deterministic for a seed.
"""

from __future__ import annotations

import gc
import json
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.memory import measure_in_subprocess
from bench.stats import percentile, seconds
from bench.synth import (
    _CAUSES,
    _DOCTOR,
    _INTRO,
    _REMEDY_EXTRAS,
    _SEVERE,
    _conditions,
    _ingredients,
    _Names,
    _Topic,
)
from handlers.telegram.keyboards import keyboard
from handlers.telegram.render import render_html
from knowledge import Engine, Reply, load_knowledge
from knowledge.base.slugs import compact, slugify
from knowledge.understanding.lexicon import load_lexicon

HUB = "Hubroot"
HUB_EVERY = 4  # every 4th article lists the hub: a quarter of them
INGREDIENTS_PER_ARTICLE = (4, 8)  # besides the hub
INGREDIENT_POOL_SHARE = 0.5  # distinct other ingredients per article written
_HUB_USES = (
    "Traditionally taken as a warm infusion to ease {t}",
    "A bitter root tonic said to calm {t} and support recovery",
    "Used in folk practice for {t}; a small daily dose is typical",
    "Chewed or powdered to soothe the discomfort of {t}",
)


@dataclass(frozen=True)
class HubArticles:
    directory: Path
    articles: int
    hub_uses: int
    condition: str  # the name of an article that lists the hub, for the follow-up question


@dataclass
class HubResult:
    articles: int
    hub_uses: int
    topics: int  # conditions + ingredients loaded
    load_s: float
    build_s: float
    hub_first_ms: float  # the first call: the composer caches answers, so later ones are warm
    hub_p50_ms: float
    hub_p99_ms: float
    follow_first_ms: float
    follow_p50_ms: float
    follow_p99_ms: float
    messages: int  # of the hub's answer, as render_html packs it
    html_chars: int  # characters of HTML over those messages
    buttons: int  # render_html's actions
    keyboard_buttons: int  # buttons in the inline keyboard actually sent
    keyboard_bytes: int  # json.dumps(markup.to_dict())
    follow_messages: int
    follow_buttons: int
    peak_mb: float  # peak RSS growth of load + build, fresh process
    calls: int
    question: str
    hub_topic: str | None  # the hub answer's first topic: "hubroot" when the hub was found

    def as_dict(self) -> dict[str, object]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(self).items()}


def generate_hub_kb(directory: Path, articles: int, seed: int = 1) -> HubArticles:
    """Write `articles` condition articles into `directory` (empty or missing); every
    HUB_EVERY-th one lists HUB as an ingredient and has a "Hubroot: ..." remedy line."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = _Names({compact(HUB), slugify(HUB)})
    conditions = list(_conditions(rng, names, articles))
    pool_size = max(INGREDIENTS_PER_ARTICLE[1], round(articles * INGREDIENT_POOL_SHARE))
    pool = list(_ingredients(rng, names, pool_size))
    hub_uses = 0
    condition = ""
    for i, topic in enumerate(conditions):
        own = rng.sample(pool, rng.randint(*INGREDIENTS_PER_ARTICLE))
        with_hub = i % HUB_EVERY == 0
        if with_hub:
            hub_uses += 1
            condition = condition or topic.name
        text = _article(rng, topic, own, with_hub)
        (directory / f"{slugify(topic.name)}.txt").write_text(text, encoding="utf-8")
    return HubArticles(directory, articles, hub_uses, condition)


def _article(rng: random.Random, condition: _Topic, ingredients: list[_Topic], hub: bool) -> str:
    title = condition.name
    also = f" {title} (also called {', '.join(condition.aliases)}) is" if condition.aliases else " It is"
    synopsis = (
        f"{title} refers to discomfort and reduced function that comes and goes with load and "
        f"rest.{also} common in adults and often linked to overuse, stress or poor recovery."
    )
    lines = [title, f"Synopsis of {title}", synopsis, "Types:"]
    for kind in rng.sample(("Mild", "Acute", "Chronic", "Recurrent"), 2):
        lines += ["-", f"{kind} {title.lower()}: {kind} form with typical symptoms and course"]
    lines.append("Common Causes:")
    lines += [f"- {c}" for c in rng.sample(_CAUSES, 4)]
    lines.append("Severity Causes:")
    lines += [f"- {c}" for c in rng.sample(_SEVERE, 3)]
    lines.append("When to See a Doctor:")
    lines += [f"- {d}" for d in rng.sample(_DOCTOR, 3)]
    lines.append(f"Natural remedies for {title}")
    if hub:
        lines.append(f"{HUB}: {rng.choice(_HUB_USES).format(t=title.lower())}.")
    for ingredient in ingredients[:2]:
        lines.append(f"{ingredient.name.capitalize()}: Traditionally used to ease {title.lower()}.")
    for name, description in rng.sample(_REMEDY_EXTRAS, 1):
        lines.append(f"{name}: {description}")
    lines += ["Ingredients", _INTRO.format(title=title)]
    if hub:
        lines.append(HUB)
    for ingredient in ingredients:
        synonym = f" ({ingredient.aliases[0]})" if ingredient.aliases else ""
        lines.append(ingredient.name + synonym)
    return "\n".join(lines) + "\n"


def _timed_ms(engine: Engine, text: str, calls: int) -> list[float]:
    out = []
    for _ in range(calls):
        start = time.perf_counter_ns()
        engine.answer(text)
        out.append((time.perf_counter_ns() - start) / 1e6)
    return out


def _telegram(reply: Reply) -> tuple[int, int, int, int, int]:
    """messages, HTML characters, actions, keyboard buttons, keyboard JSON bytes."""
    rendered = render_html(reply)
    markup = keyboard(rendered.buttons)
    in_keyboard = sum(len(row) for row in markup.inline_keyboard) if markup else 0
    size = len(json.dumps(markup.to_dict()).encode()) if markup else 0
    chars = sum(len(m) for m in rendered.messages)
    return len(rendered.messages), chars, len(rendered.buttons), in_keyboard, size


def bench_hub(articles: int, calls: int, log: Callable[[str], None], seed: int = 1) -> HubResult:
    lexicon = load_lexicon()  # cached per process: not part of the build
    with tempfile.TemporaryDirectory(prefix=f"bench-hub-{articles}-") as tmp:
        made_s, made = seconds(lambda: generate_hub_kb(Path(tmp) / "articles", articles, seed))
        log(f"  generated {articles} articles ({made.hub_uses} list {HUB}) in {made_s:.1f}s")
        gc.collect()
        load_s, kb = seconds(lambda: load_knowledge(made.directory))
        build_s, engine = seconds(lambda: Engine(kb, lexicon))
        log(f"  hub {articles}: loaded in {load_s:.2f}s, engine built in {build_s:.2f}s")
        question = f"does {HUB} help {made.condition.lower()}"
        hub_first, hub_reply = seconds(lambda: engine.answer(HUB))  # also the warm-up
        follow_first, follow_reply = seconds(lambda: engine.answer(question))
        hub_times = _timed_ms(engine, HUB, calls)
        follow_times = _timed_ms(engine, question, calls)
        messages, chars, buttons, in_keyboard, size = _telegram(hub_reply)
        follow_messages, _, follow_buttons, _, _ = _telegram(follow_reply)
        memory = measure_in_subprocess(made.directory)
    result = HubResult(
        articles=articles,
        hub_uses=made.hub_uses,
        topics=len(kb.conditions) + len(kb.ingredients),
        load_s=load_s,
        build_s=build_s,
        hub_first_ms=hub_first * 1000,
        hub_p50_ms=percentile(hub_times, 50),
        hub_p99_ms=percentile(hub_times, 99),
        follow_first_ms=follow_first * 1000,
        follow_p50_ms=percentile(follow_times, 50),
        follow_p99_ms=percentile(follow_times, 99),
        messages=messages,
        html_chars=chars,
        buttons=buttons,
        keyboard_buttons=in_keyboard,
        keyboard_bytes=size,
        follow_messages=follow_messages,
        follow_buttons=follow_buttons,
        peak_mb=memory["rss_mb"],
        calls=calls,
        question=question,
        hub_topic=next(iter(hub_reply.topics), None),
    )
    log(
        f"  hub {articles}: answer first {result.hub_first_ms:.3f} ms, p99 {result.hub_p99_ms:.3f} ms, "
        f"follow-up p99 "
        f"{result.follow_p99_ms:.3f} ms, {messages} messages, {buttons} buttons"
    )
    return result
