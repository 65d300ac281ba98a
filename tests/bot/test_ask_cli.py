"""`python -m bot ask`: the contract the eval tools rely on, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys

KEYS = {"query", "topics", "section", "escalation", "reasons", "suggestions", "text", "concepts", "lang"}


def ask(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "ask", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_json_one_object_per_line_in_order() -> None:
    lines = ["magnesum", "", "   ", "does b6 help my eye twitch", "chest pain", "zebra", "magnes"]
    result = ask("--json", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [o["query"] for o in out] == lines
    assert all(set(o) == KEYS for o in out)
    assert out[0]["topics"] == ["magnesium"]
    assert out[1] == {**out[1], "topics": [], "escalation": "none"}
    assert out[2]["topics"] == [] and out[2]["escalation"] == "none"
    assert out[3]["topics"] == ["vitamin-b6", "twitching"]
    assert (out[4]["escalation"], out[4]["reasons"]) == ("emergency", ["chest pain"])
    assert out[5]["topics"] == [] and "I don't have information on that yet." in out[5]["text"]
    assert out[6]["suggestions"] == ["magnesium"]
    assert all(
        o["section"]
        in {"overview", "synopsis", "types", "causes", "severity", "doctor", "remedies", "ingredients"}
        for o in out
    )


def test_text_argument_plain_output() -> None:
    result = ask("what", "causes", "twitching")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Twitching\n\nCommon causes\n• Fatigue or overuse")
    assert "This is general information, not a diagnosis" in result.stdout


def test_json_with_text_argument() -> None:
    out = json.loads(ask("--json", "my calf twitches and my leg feels weak").stdout)
    assert out["topics"] == ["twitching"]
    assert out["escalation"] == "doctor"
    assert "Please see a doctor" in out["text"]


def test_streams_each_answer_before_the_next_line_arrives() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdin and proc.stdout
        try:
            proc.stdin.write("zinc\n")
            proc.stdin.flush()
            assert json.loads(proc.stdout.readline())["topics"] == ["zinc"]
            proc.stdin.write("gaba\n")
            proc.stdin.flush()
            assert json.loads(proc.stdout.readline())["topics"] == ["gaba"]
        finally:
            proc.stdin.close()
            assert proc.wait(timeout=30) == 0


def test_conversation_reads_each_line_in_the_context_of_those_before() -> None:
    lines = ["magnesum?", "is it safe?", "how much can i take", "thanks", "and b6?", "what about vitamin d"]
    result = ask("--json", "--conversation", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert all(set(o) == KEYS for o in out)
    assert [(o["topics"][:1], o["section"]) for o in out] == [
        (["magnesium"], "overview"),
        (["magnesium"], "safety"),
        (["magnesium"], "safety"),
        ([], "overview"),
        (["vitamin-b6"], "safety"),
        ([], "overview"),
    ]
    assert out[3]["text"] == "You're welcome! Ask me any time."


def test_without_conversation_each_line_is_answered_alone() -> None:
    result = ask("--json", stdin="magnesium\nis it safe?\n")
    second = json.loads(result.stdout.splitlines()[1])
    assert second["topics"] == []


def test_a_conversation_set_scores_the_same_through_the_cli(engine) -> None:
    """The eval tools run `ask --json --conversation` on each conversation: it must agree with
    the engine in-process, turn for turn."""
    from tests.conftest import DATA
    from tests.support.eval_scoring import items

    for conv in items(DATA / "conversations.jsonl")[:8]:
        texts = [t["text"] for t in conv["turns"]]
        result = ask("--json", "--conversation", stdin="\n".join(texts) + "\n")
        out = [json.loads(line) for line in result.stdout.splitlines()]
        conversation = None
        for text, got in zip(texts, out, strict=True):
            reply = engine.answer(text, conversation)
            conversation = engine.after(conversation, reply)
            assert (got["topics"], got["section"], got["escalation"]) == (
                list(reply.topics),
                reply.section,
                reply.escalation.level,
            ), text


def test_each_line_is_answered_in_its_own_language() -> None:
    lines = [
        "what causes twitching",
        "me tiembla el párpado desde hace días, qué hago",
        "ok",  # too short to tell: the line alone has no conversation, so English
        "уже месяц дергается глаз, что делать?",
        "عندي رفة في العين من أيام",
    ]
    result = ask("--json", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["lang"] for o in out] == ["en", "es", "en", "ru", "ar"]
    assert "Causas" not in out[0]["text"]


def test_a_conversation_keeps_its_language_for_lines_too_short_to_tell() -> None:
    lines = ["me tiembla el párpado desde hace días, qué hago", "ok", "magnesium"]
    out = [
        json.loads(line)
        for line in ask("--json", "--conversation", stdin="\n".join(lines) + "\n").stdout.splitlines()
    ]
    assert [o["lang"] for o in out] == ["es", "es", "es"]
    assert out[2]["topics"] == ["magnesium"] and "Formas:" in out[2]["text"]


def test_lang_forces_the_language() -> None:
    result = ask("--json", "--lang", "DE", "what causes twitching")
    out = json.loads(result.stdout)
    assert out["lang"] == "de" and "Häufige Ursachen" in out["text"]


def test_an_unsupported_lang_is_a_clear_error() -> None:
    result = ask("--lang", "xx", "hi")
    assert result.returncode == 2 and not result.stdout
    assert "argument --lang: unsupported language 'xx'" in result.stderr and "es, pt" in result.stderr
    assert "Traceback" not in result.stderr
