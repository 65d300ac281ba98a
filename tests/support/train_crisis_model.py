"""Train the crisis backstop (knowledge/understanding/crisis_model.py) on the tune split of the
triage corpus and write knowledge/lexicon/crisis_model.json.

    python -m tests.support.train_crisis_model [--report]

Needs scikit-learn (`pip install scikit-learn`), which the bot itself never imports: the
engine reads the weights from the JSON file. Training is deterministic (liblinear), so the same
corpus gives the same file. `--report` prints five-fold cross-validated figures on the tune
split by threshold (how the threshold was chosen) and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.understanding.crisis_model import MODEL_PATH, grams
from knowledge.understanding.normalise import tokenize
from tests.support.triage_corpus import load_corpus

DATA = Path(__file__).resolve().parent.parent / "data"
# The other labelled sets of real messages with a tune split, where look-alikes of crisis live
# too ("id die for that zinc brand", "cut myself shaving"): read with their acceptable levels.
OTHER_SETS = (
    "crisis.jsonl",
    "crisis_more.jsonl",
    "real_messages.jsonl",
    "real_more.jsonl",
    "disguised.jsonl",
)

C = 4.0  # inverse L2 strength
MIN_DF = 3  # a gram in fewer tune messages than this is noise
# Chosen on the tune splits only, by five-fold cross-validation of the model beside the rules
# (2026-12-07, `--report` and the same folds scored with the engine): at 0.8 the triage
# corpus's crises caught rose from 0.882 to 0.920, false alarms on its benign messages stayed
# 0.167, its look-alikes went 0.169 -> 0.190, and the other sets' non-crises read as crises
# 5 -> 6 of 611. At 0.7 (0.943 of crises) accidents told with self-harm's words ("cut myself
# shaving ... it wont stop bleeding", a tune look-alike of crisis_more.jsonl) were crises.
THRESHOLD = 0.8
# Of the tune crises the rules miss, 30 of 31 are told in 25 words or more, while short
# follow-ups in conversations ("would it make me sleepy", "could it be als") score above the
# threshold on a few grams alone. Cross-validated at 0.8, 10 words cost one crisis of 263
# (0.924 -> 0.920) and spare one look-alike and one non-crisis of the other sets.
MIN_WORDS = 10
CHECKS = 40


def words_of(text: str) -> list[str]:
    return list(tokenize(text).texts)


@dataclass(frozen=True)
class Example:
    key: str  # "triage:<id>" or "<file>:<id>"
    text: str
    crisis: bool


def examples() -> list[Example]:
    """Every tune message of the triage corpus and of OTHER_SETS: a crisis when crisis is its
    only acceptable level, not one when crisis is not acceptable (the few that accept crisis
    among other levels teach nothing either way and are left out)."""
    found = [
        Example(f"triage:{i.id}", i.text, i.level == "crisis") for i in load_corpus() if i.split == "tune"
    ]
    for name in OTHER_SETS:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            levels = item.get("escalation", [])
            if item.get("split") != "tune" or ("crisis" in levels and set(levels) != {"crisis"}):
                continue
            found.append(Example(f"{name}:{item['id']}", item["text"], levels == ["crisis"]))
    return found


def _model() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    vectorizer = TfidfVectorizer(analyzer=lambda ws: list(_expand(ws)), min_df=MIN_DF, sublinear_tf=True)
    return make_pipeline(
        vectorizer, LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=1000)
    )


def _expand(ws: list[str]) -> list[str]:
    return [g for g, n in grams(ws).items() for _ in range(n)]


def _report(items: list[Example]) -> None:
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    X = [words_of(i.text) for i in items]
    y = [i.crisis for i in items]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    p = cross_val_predict(_model(), X, y, cv=folds, method="predict_proba")[:, 1]
    nones = [k for k, i in enumerate(items) if not i.crisis]
    crises = [k for k, i in enumerate(items) if i.crisis]
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        caught = sum(p[k] >= t for k in crises) / len(crises)
        false = sum(p[k] >= t for k in nones) / len(nones)
        print(
            f"threshold {t:.1f}: crises {caught:.3f} of {len(crises)}, "
            f"not-crisis messages {false:.3f} of {len(nones)}"
        )


def train(items: list[Example]) -> dict[str, Any]:
    X = [words_of(i.text) for i in items]
    y = [i.crisis for i in items]
    model = _model().fit(X, y)
    vectorizer, regression = model.steps[0][1], model.steps[1][1]
    idf, weights = vectorizer.idf_, regression.coef_[0]
    features = {
        gram: (round(float(idf[j]), 6), round(float(weights[j]), 6))
        for gram, j in sorted(vectorizer.vocabulary_.items())
    }
    picks = items[:: max(1, len(items) // CHECKS)][:CHECKS]
    probabilities = model.predict_proba([words_of(i.text) for i in picks])[:, 1]
    return {
        "about": (
            "Logistic regression over character 3-5-grams of a message's words: the crisis "
            "backstop of knowledge/understanding/crisis_model.py. Written by "
            "tests/support/train_crisis_model.py; do not edit by hand."
        ),
        "source": (
            "the tune splits of tests/data/triage and of tests/data's crisis, crisis_more, "
            "real_messages, real_more and disguised sets: real messages from public forums, Q&A "
            "sites and patient pages, each with its source page, labelled by their READMEs' rules"
        ),
        "threshold": THRESHOLD,
        "min_words": MIN_WORDS,
        "intercept": round(float(regression.intercept_[0]), 6),
        "features": features,
        "trained_on": [i.key for i in items],
        "checks": [[i.text, round(float(q), 6)] for i, q in zip(picks, probabilities, strict=True)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="cross-validated figures; write nothing")
    args = parser.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("train_crisis_model: scikit-learn is not installed (pip install scikit-learn)", file=sys.stderr)
        return 2
    items = examples()
    if args.report:
        _report(items)
        return 0
    found = train(items)
    MODEL_PATH.write_text(
        json.dumps(found, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{MODEL_PATH}: {len(found['features'])} grams, trained on {len(items)} tune messages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
