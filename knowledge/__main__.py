"""`python -m knowledge check [DIR] [--verbose]`: validate a knowledge directory the way the bot
loads it, and print one screen about it at any size: counts, then what an editor should look at,
each kind with its count and a few examples (all of them, and every topic, with --verbose).

Exit status: 0 when it loads (warnings included), 2 when it does not (bad input exits 2
everywhere in this product), with every problem as `path:line: message` on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from knowledge.audit import KINDS, NEAR_DUPLICATE, NO_SAFETY, UNLINKED_REMEDY, UNTRIGGERABLE, Finding, audit
from knowledge.base.errors import KnowledgeError, Problem
from knowledge.base.loader import DEFAULT_KNOWLEDGE_DIR, load_knowledge
from knowledge.base.models import KnowledgeBase
from knowledge.base.summary import counts, plural, summarize, unreviewed
from knowledge.engine import Engine
from knowledge.understanding.lexicon import LEXICON_DIR, LexiconError, load_lexicon
from knowledge.understanding.vocabulary import load_vocabulary

BAD_INPUT = 2
EXAMPLES = 3  # findings shown per kind without --verbose

# What to do about each kind, on its heading.
ADVICE = {
    UNLINKED_REMEDY: (
        "name it after the ingredient, or add its name to the ingredient's aliases in overlay.toml"
    ),
    NO_SAFETY: 'their answers say "No safety facts on file": add [ingredients.<slug>.safety] to overlay.toml',
    UNTRIGGERABLE: (
        "typed as written on its own, it brings no advice, only in a conversation about its "
        "condition: reword it, or add a red flag or a concept for it"
    ),
    NEAR_DUPLICATE: "if one topic, make one name an alias of the other; if not, rename one",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate articles and print a one-screen summary")
    check.add_argument("directory", nargs="?", type=Path, default=DEFAULT_KNOWLEDGE_DIR)
    check.add_argument(
        "--lexicon",
        type=Path,
        default=LEXICON_DIR,
        help="the lexicon directory (triage words, concepts and rules) to check with the articles",
    )
    check.add_argument(
        "-v", "--verbose", action="store_true", help="list every warning and every topic in detail"
    )
    args = parser.parse_args(argv)
    directory: Path = args.directory

    if not directory.is_dir():
        what = "not a directory" if directory.exists() else "no such directory"
        print(f"{directory}: {what}", file=sys.stderr)
        return BAD_INPUT
    try:
        kb = load_knowledge(directory)
        lexicon = load_lexicon(args.lexicon)
        vocabulary = load_vocabulary(args.lexicon)
        engine = Engine(kb, lexicon)  # what the bot builds at start: a bad overlay red flag stops it
    except KnowledgeError as exc:
        _print_problems(directory, exc.problems)
        return BAD_INPUT
    except LexiconError as exc:
        print(f"lexicon: {exc}", file=sys.stderr)
        return BAD_INPUT
    # The clinical vocabulary and triage rules: unknown concept ids, rules without a source,
    # a phrase claimed by two concepts.
    vocabulary_problems = vocabulary.problems(frozenset(lexicon.triage.flags))
    if vocabulary_problems:
        print(f"{len(vocabulary_problems)} problem(s) in the lexicon:", file=sys.stderr)
        for line in vocabulary_problems:
            print(f"lexicon/{line}", file=sys.stderr)
        return BAD_INPUT
    print(report(str(directory), kb, audit(kb, lexicon, _escalates(engine)), verbose=args.verbose))
    return 0


def _escalates(engine: Engine) -> Callable[[str, str], bool]:
    """Whether a "When to See a Doctor" item, typed as written as a message of its own, brings
    advice. One that does not is listed: it is raised only in a conversation about its
    condition (the condition is `slug`, unused: the item is read without it)."""

    def escalates(item: str, slug: str) -> bool:
        del slug
        return engine.answer(item).escalation.level != "none"

    return escalates


def _print_problems(directory: Path, problems: Iterable[Problem]) -> None:
    """Every problem on its own line, `path:line: message`, so an editor can jump to each. A
    bare file name (the red flags name "overlay.toml") is a file of `directory`."""
    problems = [
        p if p.path.parent != Path(".") else Problem(directory / p.path, p.line, p.message) for p in problems
    ]
    print(f"{len(problems)} problem(s) in {directory}:", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)


def report(directory: str, kb: KnowledgeBase, findings: Sequence[Finding], verbose: bool = False) -> str:
    """The whole output: counts, (with `verbose`, every topic,) the findings by kind, then `OK`.
    Without `verbose` its length does not depend on the base's size."""
    lines = [f"Knowledge base: {directory}", *counts(kb)]
    if verbose:
        lines += ["", summarize(kb)]
    lines += warnings(findings, verbose)
    lines += not_reviewed(kb, verbose)
    lines += ["", f"OK with {plural(len(findings), 'warning')}" if findings else "OK"]
    return "\n".join(lines)


def not_reviewed(kb: KnowledgeBase, verbose: bool = False) -> list[str]:
    """The translations a clinician has not reviewed yet, grouped by what they translate, with
    their languages and who translated them (every group with `verbose`)."""
    pending = unreviewed(kb)
    if not pending:
        return []
    groups: dict[tuple[str, str], list[str]] = {}
    for what, lang, record in pending:
        groups.setdefault((what, record.translated_by), []).append(lang)
    todo = "review them, then set clinician_reviewed = true in overlay.toml"
    lines = ["", f"Translations not reviewed by a clinician: {len(pending)} ({todo})"]
    shown = list(groups.items()) if verbose else list(groups.items())[:EXAMPLES]
    lines += [f"  {what}: {', '.join(langs)} (translated by {by})" for (what, by), langs in shown]
    if len(groups) > len(shown):
        lines.append(f"  ({len(groups) - len(shown)} more: --verbose)")
    return lines


def warnings(findings: Sequence[Finding], verbose: bool = False) -> list[str]:
    """Each kind's heading with its count and what to do, then its first EXAMPLES findings (all
    of them with `verbose`) and how many more there are."""
    lines: list[str] = []
    for kind in KINDS:
        found = [f for f in findings if f.kind == kind]
        if not found:
            continue
        shown = found if verbose else found[:EXAMPLES]
        lines += ["", f"{kind}: {len(found)} ({ADVICE[kind]})"]
        lines += [f"  {f.where}: {f.detail}" if f.detail else f"  {f.where}" for f in shown]
        if len(found) > len(shown):
            lines.append(f"  ({len(found) - len(shown)} more: --verbose)")
    return lines


if __name__ == "__main__":
    sys.exit(main())
