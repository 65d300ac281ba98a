"""The readable table and the one-line JSON summary."""

from __future__ import annotations

import os
import platform
import sys

from bench.engine_bench import SizeResult
from bench.hub import HUB, HubResult

SIZES = ("shipped", "100", "1000", "10000")
HUB_SIZES = (300, 3000)  # articles; --quick runs the first only
# Targets, shown next to the numbers; never asserted (speed depends on the machine).
TARGET_P99_SHIPPED_MS = 1.0
TARGET_P99_10K_MS = 5.0
TARGET_GROWTH_1K_10K = 3.0
TARGET_VS_THEFUZZ = 20.0
TARGET_VS_SCAN = 5.0
TARGET_HUB_P99_3K_MS = 1.0


def _num(value: float | None, fmt: str) -> str:
    return "-" if value is None else format(value, fmt)


def table(results: list[SizeResult]) -> str:
    head = (
        f"{'size':>8} {'topics':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'build s':>8} "
        f"{'load s':>7} {'mem MB':>7} {'scan x':>8} {'thefuzz x':>10} {'dev agree':>10}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        scan, the = r.baselines.get("scan"), r.baselines.get("thefuzz")
        lines.append(
            f"{r.label:>8} {r.topics:>7} {r.p50_ms:>8.3f} {r.p99_ms:>8.3f} {r.max_ms:>8.3f} "
            f"{r.build_s:>8.2f} {r.load_s:>7.2f} {r.memory['rss_mb']:>7.1f} "
            f"{_speedup(scan):>8} {_speedup(the):>10} "
            f"{_num(scan.agreement * 100 if scan and scan.agreement is not None else None, '.0f'):>9}%"
        )
    return "\n".join(lines)


def hub_table(results: list[HubResult]) -> str:
    head = (
        f"{'articles':>8} {'uses':>5} {'load s':>7} {'build s':>8} {'hub 1st':>8} {'hub p50':>8} "
        f"{'hub p99':>8} {'f-up 1st':>9} {'f-up p50':>9} {'f-up p99':>9} {'msgs':>5} {'buttons':>8} "
        f"{'kb bytes':>9} {'peak MB':>8}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(
            f"{r.articles:>8} {r.hub_uses:>5} {r.load_s:>7.2f} {r.build_s:>8.2f} {r.hub_first_ms:>8.3f} "
            f"{r.hub_p50_ms:>8.3f} {r.hub_p99_ms:>8.3f} {r.follow_first_ms:>9.3f} {r.follow_p50_ms:>9.3f} "
            f"{r.follow_p99_ms:>9.3f} {r.messages:>5} "
            f"{r.buttons:>8} {r.keyboard_bytes:>9} {r.peak_mb:>8.1f}"
        )
    return "\n".join(lines)


def hub_notes(results: list[HubResult]) -> list[str]:
    if not results:
        return []
    lines = [
        f"{HUB} is listed by every 4th article (uses). hub: Engine.answer({HUB!r}); f-up: "
        f"{results[0].question!r} (an article listing it). 1st: the first call, uncached (the "
        f"composer caches answers); p50/p99 ms: the {results[0].calls} calls after it.",
        "msgs / buttons: render_html(reply) of the hub's answer; kb bytes: JSON of its inline "
        "keyboard; peak MB: peak RSS growth of load + build in a fresh process.",
    ]
    for r in results:
        lines.append(
            f"at {r.articles}: keyboard {r.keyboard_buttons} buttons, {r.html_chars} HTML characters; "
            f"follow-up {r.follow_messages} messages, {r.follow_buttons} buttons; "
            f"first topic {r.hub_topic!r}"
        )
    return lines


def _speedup(baseline: object) -> str:
    if baseline is None:
        return "-"
    text = f"{baseline.speedup:.0f}x"  # type: ignore[attr-defined]
    return text + ("*" if baseline.share < 1 else "")  # type: ignore[attr-defined]


def notes(results: list[SizeResult], mix_counts: dict[str, int], repeats: int) -> list[str]:
    mix = ", ".join(f"{n} {kind}" for kind, n in mix_counts.items())
    total = sum(mix_counts.values())
    rank = total - int((total - 1) * 0.99)  # 1 = the slowest
    lines = [
        f"message mix: {mix}; p50/p99 across messages of each message's median over {repeats} runs"
        f" (with {total} messages, p99 lies between the {_ordinal(rank)} and {_ordinal(rank - 1)} slowest).",
        "build s: Engine(kb) (the topic index and phrase matcher); load s: load_knowledge(dir).",
        "mem MB: peak RSS growth of load + build in a fresh process.",
        "scan x / thefuzz x: how many times slower, on the same messages and knowledge base, "
        "scanning every name with process.extractOne(ngram, names, scorer=fuzz.ratio) for every "
        "1..max-word n-gram; they are also weaker matchers (see dev agree: same top topic on "
        "the dev messages as ours).",
    ]
    sampled = [
        f"{r.label} {name} ({b.share:.0%} of n-grams)"
        for r in results
        for name, b in r.baselines.items()
        if b.share < 1
    ]
    if sampled:
        lines.append(
            "* timed on a subsample: each message on evenly spaced n-grams, its time extrapolated "
            "(every call scans the same list): " + ", ".join(sampled) + "."
        )
    for r in results:
        kinds = ", ".join(f"{k} {v:.3f}" for k, v in r.by_kind_ms.items())
        lines.append(f"slowest message by kind at {r.label} (ms): {kinds}")
        if "index_mb" in r.memory:
            lines.append(
                f"tracemalloc at {r.label}: peak {r.memory['peak_mb']:.1f} MB, knowledge base "
                f"{r.memory['kb_mb']:.1f} MB, engine {r.memory['engine_mb']:.1f} MB (topic index "
                f"{r.memory['index_mb']:.1f} MB, phrase matcher {r.memory['phrases_mb']:.1f} MB)"
            )
    return lines


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


TARGET_E2E_RATIO = 0.9
TARGET_STARTUP_S = 1.5
TARGET_PEAK_RSS_MB = 120.0


def targets(
    results: list[SizeResult],
    started: dict | None = None,
    e2e: dict | None = None,
    hub: list[HubResult] | None = None,
) -> list[str]:
    by = {r.label: r for r in results}
    hub_by = {r.articles: r for r in hub or []}
    checks: list[tuple[str, float | None, float, bool]] = []  # label, value, target, lower is better
    if "shipped" in by:
        checks.append(("p99 shipped (ms)", by["shipped"].p99_ms, TARGET_P99_SHIPPED_MS, True))
    if "10000" in by:
        checks.append(("p99 10000 (ms)", by["10000"].p99_ms, TARGET_P99_10K_MS, True))
    if "1000" in by and "10000" in by:
        growth = by["10000"].p99_ms / by["1000"].p99_ms
        checks.append(("p99 growth 1000 -> 10000 (x)", growth, TARGET_GROWTH_1K_10K, True))
    if "1000" in by:
        for name, target in (("thefuzz", TARGET_VS_THEFUZZ), ("scan", TARGET_VS_SCAN)):
            b = by["1000"].baselines.get(name)
            checks.append((f"faster than {name} at 1000 (x)", b.speedup if b else None, target, False))
    if HUB_SIZES[-1] in hub_by:
        checks.append(
            (
                f"hub answer p99 {HUB_SIZES[-1]} articles (ms)",
                hub_by[HUB_SIZES[-1]].hub_p99_ms,
                TARGET_HUB_P99_3K_MS,
                True,
            )
        )
    if e2e and e2e.get("e2e_ratio_vs_echo") is not None:
        checks.append(("end-to-end vs echo bot (x)", e2e["e2e_ratio_vs_echo"], TARGET_E2E_RATIO, False))
    if started:
        checks.append(("start-up to first answer (s)", started["startup_s"], TARGET_STARTUP_S, True))
        checks.append(("peak RSS (MB)", started["peak_rss_mb"], TARGET_PEAK_RSS_MB, True))
    out = []
    for label, value, target, lower in checks:
        if value is None:
            continue
        ok = value <= target if lower else value >= target
        bound = f"{'<=' if lower else '>='} {target:g}"
        out.append(f"  {'ok  ' if ok else 'MISS'} {label}: {value:.2f} (target {bound})")
    return out


def machine() -> dict[str, object]:
    return {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "implementation": sys.implementation.name,
    }


def summary(
    results: list[SizeResult],
    startup: dict,
    imports: dict[str, float],
    e2e: dict,
    hub: list[HubResult] | None = None,
) -> dict[str, object]:
    by = {r.label: r for r in results}
    hub_by = {r.articles: r for r in hub or []}

    def per_size(value) -> dict[str, float | None]:
        return {s: (round(value(by[s]), 4) if s in by else None) for s in SIZES}

    def baseline(size: str, name: str, attr: str) -> float | None:
        b = by[size].baselines.get(name) if size in by else None
        value = getattr(b, attr) if b else None
        return round(value, 4) if value is not None else None

    return {
        "engine_p50_ms": per_size(lambda r: r.p50_ms),
        "engine_p99_ms": per_size(lambda r: r.p99_ms),
        "engine_max_ms": per_size(lambda r: r.max_ms),
        "build_s": per_size(lambda r: r.build_s),
        "load_s": per_size(lambda r: r.load_s),
        "memory_mb": per_size(lambda r: r.memory["rss_mb"]),
        "topics": {s: (by[s].topics if s in by else None) for s in SIZES},
        "speedup_vs_scan_1000": baseline("1000", "scan", "speedup"),
        "speedup_vs_thefuzz_1000": baseline("1000", "thefuzz", "speedup"),
        "scan_agreement_dev": baseline("1000", "scan", "agreement"),
        "baseline_share_timed": {
            s: {n: round(b.share, 4) for n, b in by[s].baselines.items()} for s in SIZES if s in by
        },
        "e2e_updates_per_s": e2e.get("e2e_updates_per_s"),
        "echo_updates_per_s": e2e.get("echo_updates_per_s"),
        "e2e_ratio_vs_echo": e2e.get("e2e_ratio_vs_echo"),
        "e2e_redis_updates_per_s": e2e.get("e2e_redis_updates_per_s"),
        "e2e_cpu_ms_per_update": e2e.get("e2e_cpu_ms_per_update"),
        "echo_cpu_ms_per_update": e2e.get("echo_cpu_ms_per_update"),
        "e2e_redis_cpu_ms_per_update": e2e.get("e2e_redis_cpu_ms_per_update"),
        "startup_s": _round(startup.get("startup_s")),
        "peak_rss_mb": _round(startup.get("peak_rss_mb")),
        "import_s": {k: round(v, 4) for k, v in imports.items()},
        # By article count: every size of HUB_SIZES (None when not run) and any other run.
        "hub": {
            str(n): (hub_by[n].as_dict() if n in hub_by else None) for n in sorted({*HUB_SIZES, *hub_by})
        },
        "machine": machine(),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
