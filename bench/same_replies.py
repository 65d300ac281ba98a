"""`python -m bench.same_replies --against DIR`: does this tree answer exactly as the tree in DIR
(a checkout of main, say `git worktree add /tmp/main-ref main`)?

A speed change must change no reply. Every text of tests/data (the triage corpus, the
language sets, the conversations, the dev set, every other labelled set) is answered by both
trees' Engine in a few contexts: alone in the language detected; with the app's language set
to German and the region to Great Britain; as a follow-up in a conversation about magnesium;
and forced to English; and each conversation of the sets is played turn by turn, each turn in
the context the one before left. For each, the Reply's `model_dump_json`, the Telegram
HTML messages and keyboard, the WhatsApp text messages and choices, and the context the turn
leaves must be byte for byte the same. Each tree runs in a process of its own (the two trees'
packages have the same names); both read this tree's tests/data. Exit 0 when all are the
same, 1 with the first differences listed otherwise, 2 on a bad argument.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Coroutine, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SHOWN = 5  # differences listed in full


def texts(data: Path) -> tuple[list[str], list[list[str]]]:
    """Every single text, and every conversation's texts in order, of the .jsonl sets."""
    singles: dict[str, None] = {}
    threads: list[list[str]] = []
    for path in sorted(data.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if isinstance(item.get("text"), str):
                singles[item["text"]] = None
            turns = item.get("turns")
            if isinstance(turns, list):
                said = [t["text"] for t in turns if isinstance(t, dict) and isinstance(t.get("text"), str)]
                threads.append(said)
                singles.update(dict.fromkeys(said))
    return list(singles), threads


class _Sent:
    """What `deliver` sent: each message's text and keyboard."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, Any]] = []

    async def send_message(self, chat_id: int, text: str, reply_markup: Any = None, **_: Any) -> Any:
        self.messages.append((text, None if reply_markup is None else reply_markup.to_dict()))
        return SimpleNamespace(message_id=len(self.messages))


def _finished(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine that never waits (the sender above answers at once) to its end."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    raise RuntimeError("deliver waited for something")


def _shown(reply: Any, after: Any) -> dict[str, Any]:
    """Everything a user sees of a reply (Telegram's messages and keyboards as `deliver`
    sends them, WhatsApp's texts and choices), and the context it leaves."""
    from handlers.telegram.deliver import Where, deliver
    from handlers.whatsapp.choices import choices_of
    from handlers.whatsapp.render import render_whatsapp
    from knowledge import speaking

    bot = _Sent()
    _finished(deliver(bot, reply, Where(chat_id=1)))  # type: ignore[arg-type]
    with speaking(reply.lang):
        whatsapp = render_whatsapp(reply)
        choices = choices_of(reply)
    return {
        "reply": reply.model_dump_json(),
        "telegram": bot.messages,
        "whatsapp": list(whatsapp),
        "choices": repr(choices),
        "after": after.model_dump_json(),
    }


def _answers(singles: list[str], threads: list[list[str]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(what was asked, what was shown) for every text in every context."""
    from datetime import date

    from knowledge import load_knowledge
    from knowledge.engine import Engine

    # One day for both trees: a red flag's duration may depend on the date.
    engine = Engine(load_knowledge(), today=lambda: date(2026, 12, 7))
    about = engine.after(None, engine.answer("magnesium", None, lang=None))
    contexts: list[tuple[str, Any, dict[str, Any]]] = [
        ("alone", None, {"lang": None}),
        ("app de, region GB", None, {"lang": None, "region": "GB", "user_tag": "de"}),
        ("after magnesium", about, {"lang": None}),
        ("forced en", None, {"lang": "en"}),
    ]
    for name, conversation, options in contexts:
        for text in singles:
            reply = engine.answer(text, conversation, **options)
            yield f"{name}: {text}", _shown(reply, engine.after(conversation, reply))
    for n, thread in enumerate(threads):
        conversation = None
        for i, text in enumerate(thread):
            reply = engine.answer(text, conversation, lang=None)
            conversation = engine.after(conversation, reply)
            yield f"thread {n} turn {i}: {text}", _shown(reply, conversation)


def dump(out: Path) -> None:
    """This process's tree's answers, one JSON line each, to `out`."""
    singles, threads = texts(Path(os.environ.get("SAME_REPLIES_DATA", DATA)))
    with out.open("w", encoding="utf-8") as f:
        for asked, shown in _answers(singles, threads):
            f.write(json.dumps([asked, shown], ensure_ascii=False, sort_keys=True) + "\n")


def _run_tree(tree: Path, out: Path) -> None:
    """Dump `tree`'s answers from a process whose packages are `tree`'s."""
    code = (
        f"import sys; sys.path[:0] = [{str(tree)!r}]; import runpy; "
        f"runpy.run_path({str(Path(__file__))!r}, run_name='__main__')"
    )
    env = {**os.environ, "PYTHONPATH": str(tree), "SAME_REPLIES_DATA": str(DATA)}
    subprocess.run([sys.executable, "-c", code, "--dump", str(out)], cwd=tree, env=env, check=True)


def compare(ours: Path, theirs: Path) -> tuple[int, list[str]]:
    """The number of answers compared and the differences, described."""
    mine = ours.read_text(encoding="utf-8").splitlines()
    other = theirs.read_text(encoding="utf-8").splitlines()
    problems = [] if len(mine) == len(other) else [f"{len(mine)} answers here, {len(other)} there"]
    for a, b in zip(mine, other, strict=False):
        if a == b:
            continue
        asked, here = json.loads(a)
        _, there = json.loads(b)
        fields = [k for k in here if here[k] != there.get(k)]
        problems.append(f"{asked!r}: differs in {', '.join(fields)}")
    return len(mine), problems


def main(argv: list[str] | None = None) -> int:
    about = __doc__.split("\n\n")[0]
    parser = argparse.ArgumentParser(prog="python -m bench.same_replies", description=about)
    parser.add_argument("--against", type=Path, help="the other tree (a checkout of main)")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump is not None:
        dump(args.dump)
        return 0
    if args.against is None or not (args.against / "knowledge").is_dir():
        print("--against: give the directory of another tree of this repository", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        here, there = Path(tmp) / "here.jsonl", Path(tmp) / "there.jsonl"
        _run_tree(ROOT, here)
        _run_tree(args.against.resolve(), there)
        count, problems = compare(here, there)
        digest = hashlib.sha256(here.read_bytes()).hexdigest()[:16]
    for problem in problems[:SHOWN]:
        print(problem)
    print(f"{count} answers compared ({digest}), {len(problems)} different")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
