"""Engine latency at one knowledge-base size: load and build time, per-message percentiles over
the message mix, memory, and the scan baselines on the same messages."""

from __future__ import annotations

import gc
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.baselines import ScanMatcher, ScanTiming, agreement, time_scan
from bench.memory import measure_in_subprocess
from bench.messages import Message
from bench.stats import per_call_ms, percentile, seconds
from bench.synth import generate_kb
from knowledge import load_knowledge
from knowledge.base.loader import DEFAULT_KNOWLEDGE_DIR
from knowledge.engine import Engine
from knowledge.understanding.lexicon import load_lexicon

SHIPPED = "shipped"


@dataclass
class Baseline:
    speedup: float  # the baseline's time over ours on the whole mix
    share: float  # share of its n-gram calls actually timed (1.0: all, nothing extrapolated)
    agreement: float | None  # same top topic as ours on the dev messages
    mean_ms: float


@dataclass
class SizeResult:
    label: str
    conditions: int
    ingredients: int
    load_s: float
    build_s: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    by_kind_ms: dict[str, float]  # the slowest message of each kind
    memory: dict[str, float]
    baselines: dict[str, Baseline] = field(default_factory=dict)

    @property
    def topics(self) -> int:
        return self.conditions + self.ingredients


@dataclass
class Settings:
    repeats: int
    baseline_budget_s: float  # per baseline and size; beyond it n-grams are sampled
    trace_memory: bool
    baselines: tuple[str, ...] = ("scan", "thefuzz")


def bench_size(label: str, mix: list[Message], settings: Settings, log: Callable[[str], None]) -> SizeResult:
    if label == SHIPPED:
        return _bench_directory(label, DEFAULT_KNOWLEDGE_DIR, mix, settings, log)
    with tempfile.TemporaryDirectory(prefix=f"bench-kb-{label}-") as tmp:
        directory = Path(tmp) / "articles"
        generated, _ = seconds(lambda: generate_kb(directory, int(label)))
        log(f"  generated {label} topics in {generated:.1f}s")
        return _bench_directory(label, directory, mix, settings, log)


def _bench_directory(
    label: str, directory: Path, mix: list[Message], settings: Settings, log: Callable[[str], None]
) -> SizeResult:
    lexicon = load_lexicon()  # cached per process: not part of any size's build
    gc.collect()
    load_s, kb = seconds(lambda: load_knowledge(directory))
    build_s, engine = seconds(lambda: Engine(kb, lexicon))
    log(f"  {label}: loaded in {load_s:.2f}s, engine built in {build_s:.2f}s")
    texts = [m.text for m in mix]
    for text in texts:  # warm-up: first calls fill caches a long-running bot has warm
        engine.answer(text)
    times = per_call_ms(engine.answer, texts, settings.repeats)
    by_kind: dict[str, float] = {}
    for message, ms in zip(mix, times, strict=True):
        by_kind[message.kind] = max(by_kind.get(message.kind, 0.0), ms)
    memory = measure_in_subprocess(directory)
    if settings.trace_memory:  # another fresh process: tracing would inflate the RSS
        memory |= measure_in_subprocess(directory, trace=True)
    result = SizeResult(
        label=label,
        conditions=len(kb.conditions),
        ingredients=len(kb.ingredients),
        load_s=load_s,
        build_s=build_s,
        p50_ms=percentile(times, 50),
        p99_ms=percentile(times, 99),
        max_ms=max(times),
        by_kind_ms=by_kind,
        memory=memory,
    )
    dev = [m.text for m in mix if m.kind == "dev"]
    ours_top = [next(iter(engine.answer(t).topics), None) for t in dev]
    for library in settings.baselines:
        matcher = ScanMatcher(kb, library)  # type: ignore[arg-type]
        timing = time_scan(matcher, texts, settings.baseline_budget_s)
        agree = _agreement(matcher, timing, dev, ours_top, library)
        result.baselines[library] = Baseline(
            speedup=sum(timing.seconds) * 1000 / sum(times),
            share=timing.share,
            agreement=agree,
            mean_ms=sum(timing.seconds) * 1000 / len(texts),
        )
        log(
            f"  {label}: {library} {result.baselines[library].speedup:.0f}x slower"
            + ("" if timing.share >= 1 else f" (timed {timing.share:.0%} of its n-grams)")
        )
    return result


def _agreement(
    matcher: ScanMatcher, timing: ScanTiming, dev: list[str], ours: list[str | None], library: str
) -> float | None:
    """Always for the rapidfuzz scan; for thefuzz only when its whole run fitted the budget
    (otherwise rerunning it on every dev message is what the budget was avoiding)."""
    if library == "scan" or not timing.sampled:
        return agreement(matcher, dev, ours)
    return None
