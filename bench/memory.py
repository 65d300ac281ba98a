"""Memory of building a knowledge base and its Engine, in a fresh process
(`python -m bench.memory DIR [--trace]`), so nothing another size left behind is counted and no
timed code runs under tracing.

Prints one JSON object. rss_mb: peak RSS growth of load + build over the process after its
imports (cheap, what the machine pays). With --trace, tracemalloc too (about 5x slower):
peak_mb (load + build), kb_mb (kept by the KnowledgeBase), engine_mb (kept by the Engine on top
of it), index_mb / phrases_mb (its two largest parts, built again alone).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path

MB = 1024 * 1024


def _status_kb(field: str) -> int | None:
    """A /proc/self/status field in KiB (Linux), or None elsewhere."""
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def rss(directory: Path) -> dict[str, float]:
    from knowledge import load_knowledge
    from knowledge.engine import Engine
    from knowledge.understanding.lexicon import load_lexicon

    lexicon = load_lexicon()
    base = _status_kb("VmRSS")
    engine = Engine(load_knowledge(directory), lexicon)
    # VmHWM is this process image's own peak. ru_maxrss would not do: after fork and exec it
    # starts from the parent's high-water mark, and the benchmark's process is large.
    peak = _status_kb("VmHWM")
    if base is None or peak is None:
        base, peak = 0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    del engine
    return {"rss_mb": (peak - base) / 1024}


def traced(directory: Path) -> dict[str, float]:
    # Import everything first: module objects are not the knowledge base's memory.
    from knowledge import load_knowledge
    from knowledge.engine import Engine
    from knowledge.understanding.lexicon import load_lexicon
    from knowledge.understanding.phrase_matcher import PhraseMatcher
    from knowledge.understanding.phrasebook import build_patterns
    from knowledge.understanding.topic_index import TopicIndex

    lexicon = load_lexicon()
    tracemalloc.start()
    kb = load_knowledge(directory)
    kb_bytes = tracemalloc.get_traced_memory()[0]
    engine = Engine(kb, lexicon)
    total, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    language = lexicon.language
    never_fuzzy = lexicon.common_words | language.stopwords

    def kept(build: object) -> int:
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        built = build()  # type: ignore[operator]
        size = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        del built
        return size

    index = kept(lambda: TopicIndex(kb, never_fuzzy, language.stopwords))
    patterns = build_patterns(lexicon, kb)
    vocabulary = {w for p in patterns for w in p.label.split()}
    phrases = kept(lambda: PhraseMatcher(patterns, vocabulary, never_fuzzy))
    del engine
    return {
        "peak_mb": peak / MB,
        "kb_mb": kb_bytes / MB,
        "engine_mb": (total - kb_bytes) / MB,
        "index_mb": index / MB,
        "phrases_mb": phrases / MB,
    }


def measure_in_subprocess(directory: Path, trace: bool = False) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.memory", str(directory), *(["--trace"] if trace else [])],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[1],
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    target = Path(sys.argv[1])
    print(json.dumps(traced(target) if "--trace" in sys.argv[2:] else rss(target)))
