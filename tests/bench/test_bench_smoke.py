"""The benchmark must not rot: run it tiny, in-process, and check what it reports. Speed is
never asserted here; the numbers depend on the machine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bench.__main__ as cli
from bench.baselines import ScanMatcher, agreement
from bench.engine_bench import Settings
from bench.messages import TELEGRAM_LIMIT, adversarial_vocabulary, message_mix
from bench.report import SIZES
from bench.synth import generate_kb
from knowledge import load_knowledge

TINY = cli.Config(
    sizes=("shipped",),
    stories=2,
    engine=Settings(repeats=1, baseline_budget_s=0.05, trace_memory=True),
    startup_runs=1,
    import_runs=1,
    quick=True,
    e2e=False,
    hub_sizes=(40,),
    hub_calls=3,
)
PER_SIZE = ("engine_p50_ms", "engine_p99_ms", "build_s", "memory_mb")


@pytest.fixture(scope="module")
def summary() -> dict:
    result, text = cli.run(TINY, log=lambda _: None)
    assert "p99 ms" in text and "shipped" in text
    assert "hub ingredient" in text and "hub p99" in text
    return json.loads(json.dumps(result))  # what --json prints must be plain JSON


def test_summary_has_every_key(summary: dict) -> None:
    for key in (
        *PER_SIZE,
        "speedup_vs_scan_1000",
        "speedup_vs_thefuzz_1000",
        "scan_agreement_dev",
        "e2e_updates_per_s",
        "echo_updates_per_s",
        "e2e_ratio_vs_echo",
        "startup_s",
        "peak_rss_mb",
        "import_s",
        "machine",
        "hub",
    ):
        assert key in summary, key
    for key in PER_SIZE:
        assert set(summary[key]) == set(SIZES)
        for size in SIZES:
            value = summary[key][size]
            assert (value > 0) if size in TINY.sizes else value is None, (key, size)
    assert summary["speedup_vs_scan_1000"] is None  # 1,000 was not run
    assert summary["e2e_updates_per_s"] is None
    assert summary["startup_s"] > 0 and summary["peak_rss_mb"] > 0
    assert set(summary["import_s"]) >= {"rapidfuzz", "pydantic", "telegram", "knowledge.engine", "bot"}
    assert {"cpu_count", "python", "platform"} <= set(summary["machine"])
    assert set(summary["hub"]) == {"40", "300", "3000"}
    assert summary["hub"]["300"] is None and summary["hub"]["3000"] is None  # not run
    assert summary["hub"]["40"]["hub_uses"] == 10 and summary["hub"]["40"]["messages"] >= 1
    assert set(summary["unmask_us"]) == {"English", "Russian and Ukrainian", "disguised"}
    assert all(us > 0 for us in summary["unmask_us"].values())


def test_json_is_the_last_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(cli, "QUICK", TINY)
    monkeypatch.setattr(cli, "run", lambda config: ({"engine_p99_ms": {"shipped": 0.5}}, "table"))
    assert cli.main(["--quick", "--json"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert json.loads(last) == {"engine_p99_ms": {"shipped": 0.5}}


def test_generated_kb_loads_with_the_real_loader(tmp_path: Path) -> None:
    directory = generate_kb(tmp_path / "kb", 60, seed=3)
    kb = load_knowledge(directory)
    assert len(kb.conditions) + len(kb.ingredients) >= 55
    assert "twitching" in kb.conditions and "magnesium" in kb.ingredients  # the shipped article
    again = generate_kb(tmp_path / "again", 60, seed=3)
    for path in sorted(directory.iterdir()):  # deterministic for a seed
        assert (again / path.name).read_text() == path.read_text()


def test_message_mix_reaches_the_telegram_limit() -> None:
    mix = message_mix(adversarial_vocabulary(), stories=5)
    assert {m.kind for m in mix} == {"dev", "story", "adversarial"}
    assert all(len(m.text) <= TELEGRAM_LIMIT for m in mix)
    assert max(len(m.text) for m in mix if m.kind == "story") > TELEGRAM_LIMIT - 200
    assert len(mix[-1].text) > TELEGRAM_LIMIT - 20


def test_scan_baselines_find_a_topic() -> None:
    kb = load_knowledge()
    for library in ("scan", "thefuzz"):
        matcher = ScanMatcher(kb, library)
        assert matcher.top("does magnesum help") == "magnesium"
        assert agreement(matcher, ["magnesium", "hello"], ["magnesium", None]) == 1.0


async def test_e2e_throughput_runs_with_its_state_on_redis(redis_server, engine) -> None:
    """The end-to-end benchmark's Redis run: the bot really keeps its state there."""
    from redis.asyncio import Redis

    from bench.e2e import _throughput
    from bot.app import build_application

    def ours(settings, state):
        return build_application(settings, engine, rate_limit=False, state=state)

    rate, cpu_ms = await _throughput(ours, 30, redis_server.url)
    assert rate > 0 and cpu_ms > 0
    raw = Redis.from_url(redis_server.url)
    try:
        handled = [key async for key in raw.scan_iter(match="bench*:upd:*")]
        assert len(handled) == 30
    finally:
        await raw.aclose()


def test_detection_has_its_own_line(summary: dict) -> None:
    detection = summary["detection"]
    assert detection["messages"] > 0 and detection["p50_us"] > 0 and detection["load_s"] > 0
