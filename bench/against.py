"""Issue 19's check: the engine's p99 on the shipped base, 4 KB stories included, against the
tree before issue 19 (at most 2x), measured in the same run.

The tree before is taken from git (`git archive`, nothing in the repository changes) into a
temporary directory. Both trees answer the same messages (this tree's mix: the dev texts, long
stories up to 4,096 characters and the adversarial text), each in a fresh interpreter of its own
with the same Python, each on its own shipped base, the two alternated so that a busy moment of
the machine falls on both. Each answer is as in a user's turn: no language given (the tree before
had none to detect).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.messages import Message
from bench.stats import median, percentile

# The last commit of main before issue 19's engine (21fd246, "Triage by concepts") landed.
BEFORE_ISSUE_19 = "c0bfc5ff9f93d9247e2b01af96b7fc93446c4a60"
LIMIT = 2.0  # issue 19: the engine's p99 at most 2x the tree before
ROOT = Path(__file__).resolve().parents[1]

# Run in each tree with that tree as the working directory (its packages first on sys.path):
# only the API both trees share (`knowledge`'s Engine, load_knowledge, DEFAULT_KNOWLEDGE_DIR).
_TIMER = """
import json, pathlib, statistics, sys, time
import knowledge
from knowledge import DEFAULT_KNOWLEDGE_DIR, Engine, load_knowledge
# An installed copy of the project must not stand in for the tree being timed.
if not pathlib.Path(knowledge.__file__).resolve().is_relative_to(pathlib.Path.cwd().resolve()):
    sys.exit("ImportError: knowledge is not this tree's")
texts = json.load(open(sys.argv[1], encoding="utf-8"))
repeats = int(sys.argv[2])
engine = Engine(load_knowledge(DEFAULT_KNOWLEDGE_DIR))
for text in texts:
    engine.answer(text)
times = []
for text in texts:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        engine.answer(text)
        samples.append((time.perf_counter_ns() - start) / 1e6)
    times.append(statistics.median(samples))
print(json.dumps(times))
"""


@dataclass(frozen=True)
class Against:
    ref: str
    before_p50_ms: float
    before_p99_ms: float
    after_p50_ms: float
    after_p99_ms: float
    rounds: int

    @property
    def ratio(self) -> float:
        return self.after_p99_ms / self.before_p99_ms

    def line(self) -> str:
        verdict = "within" if self.ratio <= LIMIT else "OVER"
        return (
            f"issue 19's check (engine p99, shipped base, 4 KB stories, against {self.ref[:7]}, "
            f"{self.rounds} alternated rounds): before p50 {self.before_p50_ms:.3f} ms p99 "
            f"{self.before_p99_ms:.3f} ms, this tree p50 {self.after_p50_ms:.3f} ms p99 "
            f"{self.after_p99_ms:.3f} ms: {self.ratio:.2f}x, {verdict} the {LIMIT:.0f}x limit"
        )


def export(ref: str, into: Path, repo: Path = ROOT) -> None:
    """Write the tree of commit `ref` into `into` (ValueError when git cannot give it)."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(repo), "archive", "--format=tar", ref], capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise ValueError(f"git cannot give commit {ref[:7]} ({type(error).__name__})") from None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def write_messages(texts: Sequence[str], scratch: Path) -> Path:
    """The texts as the JSON file every tree's timer reads."""
    messages = scratch / "messages.json"
    messages.write_text(json.dumps(list(texts)), encoding="utf-8")
    return messages


def time_tree(tree: Path, messages: Path, repeats: int) -> list[float]:
    """Each message's median answer time in ms (`messages`: write_messages' file), in a fresh
    interpreter working in `tree`."""
    done = subprocess.run(
        [sys.executable, "-c", _TIMER, str(messages), str(repeats)],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise ValueError(f"the engine of {tree.name} did not run: {last}")
    times: list[float] = json.loads(done.stdout.strip().splitlines()[-1])
    return times


def run_against(
    mix: Sequence[Message],
    repeats: int,
    rounds: int = 2,
    ref: str = BEFORE_ISSUE_19,
    log: Callable[[str], None] = lambda _: None,
) -> Against:
    """Alternate the tree before and this one `rounds` times; medians of their percentiles."""
    with tempfile.TemporaryDirectory(prefix="bench-against-") as tmp:
        messages = write_messages([m.text for m in mix], Path(tmp))
        before_tree = Path(tmp) / "before"
        before_tree.mkdir()
        export(ref, before_tree)
        runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
        for n in range(rounds):
            for name, tree in (("before", before_tree), ("after", ROOT)):
                log(f"  round {n + 1}: {name} ...")
                times = time_tree(tree, messages, repeats)
                runs[name].append((percentile(times, 50), percentile(times, 99)))
    return Against(
        ref=ref,
        before_p50_ms=median([p50 for p50, _ in runs["before"]]),
        before_p99_ms=median([p99 for _, p99 in runs["before"]]),
        after_p50_ms=median([p50 for p50, _ in runs["after"]]),
        after_p99_ms=median([p99 for _, p99 in runs["after"]]),
        rounds=rounds,
    )
