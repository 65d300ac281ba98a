"""Train the learned backstops (knowledge/understanding/learned.py) on the tune splits of the
labelled sets of real messages and write knowledge/lexicon/learned_<level>.json.

    python -m tests.support.train_learned [--report]

Needs scikit-learn (`pip install scikit-learn`), which the bot itself never imports: the
engine reads the weights from the JSON files. Training is deterministic (liblinear), so the
same data give the same files. `--report` prints five-fold cross-validated figures of each
model alone on the tune splits, by threshold, and writes nothing.

How the thresholds were chosen (2026-12-07): on the studied pages (blind until that day, so the
rules of 0c911bd had never been tuned on them), with models trained on the first tune split
only, beside those rules. Crisis: crises caught 0.652 -> 0.758 at 0.8 (0.833 at 0.7), one more
false alarm on benign messages, look-alikes unchanged; on the tune splits at 0.7 accidents told
with self-harm's words ("cut myself shaving ... it wont stop bleeding", a tune look-alike of
crisis_more.jsonl) were crises, so 0.8. Emergency: emergencies caught 0.747 -> 0.800 at 0.8 with
false alarms, look-alikes and over-triage unchanged (0.840 at 0.7 for two more false alarms and
0.9 points more over-triage), so 0.8. Of the crises the rules miss, 30 of 31 are told in 25
words or more, while short follow-ups ("would it make me sleepy", "could it be als") score high
on a few grams: messages under 10 words are left to the rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.understanding.learned import LearnedLevel, grams, model_path
from knowledge.understanding.normalise import tokenize
from tests.support.eval_scoring import items
from tests.support.triage_corpus import load_corpus

DATA = Path(__file__).resolve().parent.parent / "data"
# The other labelled sets of real messages with a tune split, where look-alikes live too ("id
# die for that zinc brand", "cut myself shaving"): read with their acceptable levels.
OTHER_SETS = (
    "crisis.jsonl",
    "crisis_more.jsonl",
    "real_messages.jsonl",
    "real_more.jsonl",
    "disguised.jsonl",
)
LEVELS: tuple[LearnedLevel, ...] = ("crisis", "emergency")
C = 4.0  # inverse L2 strength
MIN_DF = 3  # a gram in fewer tune messages than this is noise
THRESHOLD: dict[LearnedLevel, float] = {"crisis": 0.8, "emergency": 0.8}
MIN_WORDS = 10
# The rules' levels a backstop may raise from. A crisis said beside a red flag is still a crisis
# ("four pills on my counter that I might just pop", read as an overdose: emergency). An
# emergency backstop speaks only where the rules read nothing: where they read a red flag and
# judged it a doctor's matter by its source (NHS.uk: feeling about to faint, a sudden dizziness
# alone), their judgement stands (on the studied pages: emergencies 0.773 instead of 0.800).
RAISES: dict[LearnedLevel, tuple[str, ...]] = {
    "crisis": ("none", "doctor", "emergency"),
    "emergency": ("none",),
}
CHECKS = 40


def words_of(text: str) -> list[str]:
    return list(tokenize(text).texts)


@dataclass(frozen=True)
class Example:
    key: str  # "triage:<id>" or "<file>:<id>"
    text: str
    levels: frozenset[str]  # its acceptable levels


def examples() -> list[Example]:
    """Every tune message of the triage corpus and of OTHER_SETS."""
    found = [
        Example(f"triage:{i.id}", i.text, frozenset({i.level})) for i in load_corpus() if i.split == "tune"
    ]
    for name in OTHER_SETS:
        found += [
            Example(f"{name}:{item['id']}", item["text"], frozenset(item.get("escalation", [])))
            for item in items(DATA / name, split="tune")
        ]
    return found


def labelled(items: list[Example], level: LearnedLevel) -> tuple[list[Example], list[bool]]:
    """Of its level when that is the only acceptable level, not when it is not acceptable; the
    few that accept it among other levels teach nothing either way and are left out."""
    kept = [i for i in items if level not in i.levels or i.levels == {level}]
    return kept, [i.levels == {level} for i in kept]


def _model() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    vectorizer = TfidfVectorizer(analyzer=_expand, min_df=MIN_DF, sublinear_tf=True)
    return make_pipeline(
        vectorizer, LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=1000)
    )


def _expand(ws: list[str]) -> list[str]:
    return [g for g, n in grams(ws).items() for _ in range(n)]


def _report(items: list[Example]) -> None:
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    for level in LEVELS:
        kept, y = labelled(items, level)
        X = [words_of(i.text) for i in kept]
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        p = cross_val_predict(_model(), X, y, cv=folds, method="predict_proba")[:, 1]
        yes = [k for k, v in enumerate(y) if v]
        no = [k for k, v in enumerate(y) if not v]
        for t in (0.5, 0.6, 0.7, 0.8, 0.9):
            caught = sum(p[k] >= t for k in yes) / len(yes)
            false = sum(p[k] >= t for k in no) / len(no)
            print(f"{level} {t:.1f}: caught {caught:.3f} of {len(yes)}, others {false:.3f} of {len(no)}")


def train(items: list[Example], level: LearnedLevel) -> dict[str, Any]:
    kept, y = labelled(items, level)
    model = _model().fit([words_of(i.text) for i in kept], y)
    vectorizer, regression = model.steps[0][1], model.steps[1][1]
    idf, weights = vectorizer.idf_, regression.coef_[0]
    features = {
        gram: (round(float(idf[j]), 6), round(float(weights[j]), 6))
        for gram, j in sorted(vectorizer.vocabulary_.items())
    }
    picks = kept[:: max(1, len(kept) // CHECKS)][:CHECKS]
    probabilities = model.predict_proba([words_of(i.text) for i in picks])[:, 1]
    return {
        "level": level,
        "about": (
            f"Logistic regression over character 3-5-grams of a message's words: the {level} "
            "backstop of knowledge/understanding/learned.py. Written by "
            "tests/support/train_learned.py; do not edit by hand."
        ),
        "source": (
            "the tune splits of tests/data/triage and of tests/data's crisis, crisis_more, "
            "real_messages, real_more and disguised sets: real messages from public forums, Q&A "
            "sites and patient pages, each with its source page, labelled by their READMEs' rules"
        ),
        "threshold": THRESHOLD[level],
        "min_words": MIN_WORDS,
        "raises": list(RAISES[level]),
        "intercept": round(float(regression.intercept_[0]), 6),
        "features": features,
        "trained_on": [i.key for i in kept],
        "checks": [[i.text, round(float(q), 6)] for i, q in zip(picks, probabilities, strict=True)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--report", action="store_true", help="cross-validated figures; write nothing")
    args = parser.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("train_learned: scikit-learn is not installed (pip install scikit-learn)", file=sys.stderr)
        return 2
    items = examples()
    if args.report:
        _report(items)
        return 0
    for level in LEVELS:
        found = train(items, level)
        path = model_path(level)
        path.write_text(json.dumps(found, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"{path}: {len(found['features'])} grams, trained on {len(found['trained_on'])} tune messages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
