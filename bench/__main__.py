"""`python -m bench [--quick] [--json]`: the engine at four knowledge-base sizes against scan
baselines, start-up and memory of `python -m bot`, end-to-end throughput (bench/e2e.py), and one
ingredient listed by a quarter of 300 and 3,000 articles (bench/hub.py), and issue 19's check:
the engine's p99 against the tree before issue 19, in the same run (bench/against.py).

--quick: the same sizes and messages with fewer repetitions and smaller baseline budgets, the
hub at 300 articles only (about 30 s on two cores). --json: also print one JSON object, as the
last line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass

from bench import report
from bench.against import run_against
from bench.disguise import bench_unmask
from bench.disguise import line as unmask_line
from bench.e2e import run_e2e
from bench.engine_bench import Settings, SizeResult, bench_size
from bench.hub import HubResult, bench_hub
from bench.language import bench_detection
from bench.language import line as detection_line
from bench.messages import adversarial_vocabulary, message_mix
from bench.startup import import_times, startup
from bench.whatsapp import run_whatsapp


@dataclass(frozen=True)
class Config:
    sizes: tuple[str, ...]  # of report.SIZES
    stories: int  # long messages in the mix, besides the dev texts and the adversarial one
    engine: Settings
    startup_runs: int
    import_runs: int
    quick: bool
    e2e: bool = True  # the end-to-end run needs the Telegram stack; the smoke test skips it
    hub_sizes: tuple[int, ...] = ()  # articles in the hub-ingredient knowledge bases
    hub_calls: int = 100  # timed answers per question and size
    against_rounds: int = 0  # alternated runs of this tree and the tree before issue 19


FULL = Config(
    sizes=report.SIZES,
    stories=10,
    engine=Settings(repeats=15, baseline_budget_s=60.0, trace_memory=True),
    startup_runs=7,
    import_runs=5,
    quick=False,
    hub_sizes=report.HUB_SIZES,
    hub_calls=300,
    against_rounds=3,
)
QUICK = Config(
    sizes=report.SIZES,
    stories=10,
    engine=Settings(repeats=5, baseline_budget_s=2.0, trace_memory=False),
    startup_runs=3,
    import_runs=1,
    quick=True,
    hub_sizes=report.HUB_SIZES[:1],
    hub_calls=100,
    against_rounds=1,
)


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(config: Config, log=_log) -> tuple[dict[str, object], str]:
    """Run every benchmark; return the JSON summary and the readable report."""
    # Start-up first, while this process is small and the machine not yet warm.
    log("start-up and imports ...")
    started = startup(config.startup_runs)
    imports = import_times(config.import_runs)
    mix = message_mix(adversarial_vocabulary(), stories=config.stories)
    results: list[SizeResult] = []
    checks: dict[str, object] = {}
    for size in config.sizes:
        log(f"engine at {size} topics ...")
        results.append(bench_size(size, mix, config.engine, log))
    against_line = "issue 19's check: not run"
    if config.against_rounds:
        log("the engine against the tree before issue 19 ...")
        try:
            against = run_against(mix, config.engine.repeats, config.against_rounds, log=log)
        except ValueError as error:  # no git, or a tree without the commit: say so, go on
            against_line = f"issue 19's check: not measured ({error})"
        else:
            against_line = against.line()
            checks["engine_p99_vs_before_issue_19"] = {
                "before_p99_ms": round(against.before_p99_ms, 3),
                "after_p99_ms": round(against.after_p99_ms, 3),
                "ratio": round(against.ratio, 2),
            }
    hub: list[HubResult] = []
    for articles in config.hub_sizes:
        log(f"hub ingredient at {articles} articles ...")
        hub.append(bench_hub(articles, config.hub_calls, log))
    e2e = run_e2e(config.quick) if config.e2e else {"note": "skipped"}
    if config.e2e:
        log("WhatsApp end to end ...")
        e2e.update(run_whatsapp(config.quick))
    log("language detection ...")
    detection = bench_detection(repeats=max(1, config.engine.repeats))
    log("unmasking disguised words ...")
    unmasking = bench_unmask(repeats=max(1, config.engine.repeats))
    summary = report.summary(results, started, imports, e2e, hub)
    summary.update({k: v for k, v in e2e.items() if k.startswith("whatsapp_")})
    summary["detection"] = {k: round(v, 3) for k, v in detection.items()}
    summary["unmask_us"] = {k: round(v, 1) for k, v in unmasking.items()}
    summary.update(checks)
    counts = dict(Counter(m.kind for m in mix))
    lines = [
        "Engine.answer() latency by knowledge-base size",
        report.table(results),
        "",
        *report.notes(results, counts, config.engine.repeats),
        "",
        "targets (informative, never asserted):",
        *report.targets(results, started, e2e, hub),
        against_line,
        "",
        *(
            [
                "hub ingredient: one ingredient listed by a quarter of the articles",
                report.hub_table(hub),
                *report.hub_notes(hub),
                "",
            ]
            if hub
            else []
        ),
        f"start-up: `python -m bot ask magnesium` {started['startup_s']:.3f} s wall, "
        f"{started['peak_rss_mb']:.1f} MB peak RSS (median of {config.startup_runs})",
        "import time in a fresh interpreter (s): " + ", ".join(f"{k} {v:.3f}" for k, v in imports.items()),
        detection_line(detection),
        unmask_line(unmasking),
        "end-to-end: "
        + (
            f"{e2e['e2e_updates_per_s']:.0f} updates/s, echo {e2e['echo_updates_per_s']:.0f}/s, "
            + (
                f"state on Redis {e2e['e2e_redis_updates_per_s']:.0f}/s; the bot's CPU per update "
                f"{e2e['e2e_cpu_ms_per_update']:.3f} ms in memory, "
                f"{e2e['e2e_redis_cpu_ms_per_update']:.3f} ms on Redis, "
                f"the echo bot's {e2e['echo_cpu_ms_per_update']:.3f} ms"
                if e2e.get("e2e_redis_updates_per_s") is not None
                else "state on Redis not measured"
            )
            + f" ({e2e['note']})"
            if e2e.get("e2e_updates_per_s") is not None
            else f"not measured ({e2e.get('note')})"
        ),
        (
            f"WhatsApp end-to-end (python -m bot, the fake Cloud API): {e2e['whatsapp_messages_per_s']:.0f} "
            f"messages/s, the bot's CPU per message {e2e['whatsapp_cpu_ms_per_message']:.3f} ms"
            if "whatsapp_cpu_ms_per_message" in e2e
            else "WhatsApp end-to-end: not measured"
        ),
        "machine: " + ", ".join(f"{k} {v}" for k, v in report.machine().items()),
    ]
    return summary, "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, ~30 s")
    parser.add_argument("--json", action="store_true", help="end with one JSON object line")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    summary, text = run(QUICK if args.quick else FULL)
    print(text)
    print(f"bench wall time: {time.perf_counter() - start:.1f} s")
    if args.json:
        print(json.dumps(summary, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
