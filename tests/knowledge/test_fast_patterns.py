"""The regexes rewritten for speed find what their readable forms find.

A pattern that opens with a look-behind is tried at every character of a message; the ones
in the code open with the characters a match starts with instead (a 4 KB story is split and
searched several times faster). Each is held here to its readable form: the same matches
(spans and groups) or, for a check that only asks whether there is one, the same answer.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.understanding import clauses, disguise, normalise, numbers

# The readable forms, as they were written before.
SENTENCE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[!?;\n\u3002\u061f\u061b]")
CLAUSE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[!?;\n,:\u2026\u3002\u061f\u061b\u060c]|\s[-\u2013\u2014]\s")
BREAK = re.compile(r"(?<!\d)\.|\.(?!\d)|[,;!?\n\u2026]|\s-\s")
ELISION = re.compile(
    r"(?<![\w'’‘`´])(?:l|d|dell|dall|nell|sull|all|coll|un|quest|quell)['’](?=[^\W\d_])", re.IGNORECASE
)
TWO = re.compile(r"(?<=[A-Za-z])( )2(?= ([A-Za-z]+))")
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,]\d{1,2})?)(?![\d])")

# Pieces that make every branch of the patterns meet, and what they must not meet.
PIECES = [
    *("l", "d", "dell", "dall", "nell", "sull", "all", "coll", "un", "quest", "quell"),
    *("L", "Dell", "QUEST", "ſull", "ıl", "'", "’", "‘", "`", "´", "_", "é", "x", "word", "I", "a"),
    *(" ", "  ", "\n", "\t", "\u00a0", ".", ",", "!", "?", ";", ":", "…", "。", "؟", "؛", "،"),
    *(" - ", " – ", " — ", "-", "2", " 2 ", "5", "38.5", "3.", ".5", "5k"),
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=20).map("".join) | st.text(
    alphabet="aldqunsecoLDQ '’`´_é.,!?;:…\n -–—25", max_size=40
)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(pattern.groups + 1)) for m in pattern.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_splits_are_the_readable_ones(text: str) -> None:
    for fast, readable in (
        (clauses._SENTENCE_END, SENTENCE_END),
        (clauses._CLAUSE_END, CLAUSE_END),
        (normalise._CLAUSE_END, BREAK),
    ):
        assert _matches(fast, text) == _matches(readable, text)
        assert fast.split(text) == readable.split(text)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_an_elision_is_found_where_the_readable_pattern_finds_one(text: str) -> None:
    assert (normalise._ELIDED.search(text) is None) == (ELISION.search(text) is None)
    assert normalise._ELISION.pattern == ELISION.pattern  # the one that takes the article off


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_two_for_to_is_found_where_the_readable_pattern_finds_it(text: str) -> None:
    assert _matches(disguise._TWO, text) == _matches(TWO, text)


def test_the_patterns_tell_a_point_in_a_number_from_a_sentence_end() -> None:
    assert clauses._SENTENCE_END.split("38.5 now. ok") == ["38.5 now", " ok"]
    assert normalise._CLAUSE_END.split("l'occhio - 2.5 mg, ok") == ["l'occhio", "2.5 mg", " ok"]
    assert normalise._ELIDED.search("dell'ashwagandha") is not None
    assert normalise._ELIDED.search("should've") is None
    assert disguise._TWO.search("i want 2 die") is not None


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["5", "kg", "a", "B", "12", " ", "\x00", "\t", "-", "_", "'", "`", "&amp;", "<b>", "3yo", "é"]
        ),
        max_size=12,
    ).map("".join)
    | st.text(alphabet=st.characters(max_codepoint=127), max_size=30)
)
def test_a_piece_is_counted_as_its_words(piece: str) -> None:
    assert normalise.words_in(piece, {}) == len(normalise.words(piece))


NUMBERS = st.lists(
    st.sampled_from(["1", "38", "120", "1234", "٣", "a", "x1", "_", ".", ",", " ", "/", "%", "°", "5k"]),
    max_size=20,
).map("".join) | st.text(alphabet="0123456789.,ab_ /%٣é", max_size=30)


@settings(max_examples=3000, deadline=None)
@given(NUMBERS)
def test_numbers_are_the_readable_ones(text: str) -> None:
    assert _matches(numbers._NUMBER, text) == _matches(NUMBER, text)
