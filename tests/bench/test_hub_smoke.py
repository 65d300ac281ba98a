"""The hub-ingredient benchmark, tiny: its knowledge base loads, its result is complete and
sane. Speed is never asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import report
from bench.hub import HUB, HubResult, bench_hub, generate_hub_kb
from knowledge import load_knowledge

ARTICLES = 40
KEYS = {
    "articles",
    "hub_uses",
    "topics",
    "load_s",
    "build_s",
    "hub_first_ms",
    "hub_p50_ms",
    "hub_p99_ms",
    "follow_first_ms",
    "follow_p50_ms",
    "follow_p99_ms",
    "messages",
    "html_chars",
    "buttons",
    "keyboard_buttons",
    "keyboard_bytes",
    "follow_messages",
    "follow_buttons",
    "peak_mb",
    "calls",
    "question",
    "hub_topic",
}


@pytest.fixture(scope="module")
def result() -> HubResult:
    return bench_hub(ARTICLES, calls=3, log=lambda _: None)


def test_generated_kb_has_one_hub_in_a_quarter(tmp_path: Path) -> None:
    made = generate_hub_kb(tmp_path / "kb", ARTICLES, seed=2)
    kb = load_knowledge(made.directory)
    assert len(kb.conditions) == ARTICLES and made.hub_uses == ARTICLES // 4
    hub = kb.ingredients[HUB.lower()]
    assert len(hub.uses) == made.hub_uses
    assert made.condition.lower() in {kb.conditions[u.condition_slug].name.lower() for u in hub.uses}
    assert "shipped" not in str(made.directory) and "twitching" not in kb.conditions
    again = generate_hub_kb(tmp_path / "again", ARTICLES, seed=2)
    for path in sorted(made.directory.iterdir()):  # deterministic for a seed
        assert (again.directory / path.name).read_text() == path.read_text()


def test_result_has_every_key_and_sane_values(result: HubResult) -> None:
    data = result.as_dict()
    assert set(data) == KEYS
    assert result.articles == ARTICLES and result.hub_uses == ARTICLES // 4
    assert result.hub_topic == HUB.lower()  # the hub's answer is about the hub
    assert result.messages >= 1 and result.buttons >= 1 and result.follow_messages >= 1
    assert result.follow_buttons >= 1 and 1 <= result.keyboard_buttons <= result.buttons
    assert result.keyboard_bytes > 0 and result.html_chars > 0
    assert result.topics > ARTICLES and result.peak_mb > 0
    for key in sorted(KEYS - {"question", "hub_topic", "articles"}):
        assert getattr(result, key) > 0, key
    assert result.hub_p50_ms <= result.hub_p99_ms and result.follow_p50_ms <= result.follow_p99_ms
    assert HUB in result.question


def test_report_shows_the_table_and_the_target(result: HubResult) -> None:
    table = report.hub_table([result])
    assert "hub p99" in table and str(ARTICLES) in table
    assert report.targets([], hub=[result]) == []  # the target is at 3,000 articles
    at_3k = HubResult(**{**result.__dict__, "articles": report.HUB_SIZES[-1]})
    (line,) = report.targets([], hub=[at_3k])
    assert "hub answer p99" in line and ("ok" in line or "MISS" in line)
