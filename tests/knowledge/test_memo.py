from __future__ import annotations

from knowledge import IdentityMemo


def test_a_value_is_made_once_per_object_and_key() -> None:
    memo: IdentityMemo[str] = IdentityMemo(8)
    made: list[str] = []

    def make(text: str) -> str:
        made.append(text)
        return text.upper()

    a, b = ["same"], ["same"]  # equal, but two objects
    assert memo.get((a,), lambda: make("a")) == "A"
    assert memo.get((a,), lambda: make("again")) == "A"
    assert memo.get((b,), lambda: make("b")) == "B"
    assert memo.get((a,), lambda: make("kept"), by="w") == "KEPT"
    assert made == ["a", "b", "kept"]


def test_it_is_bounded_by_clearing() -> None:
    memo: IdentityMemo[int] = IdentityMemo(2)
    held = [object() for _ in range(3)]
    for n, obj in enumerate(held):
        memo.get((obj,), (n).__int__)
    # The third entry cleared the first two: the first is made anew.
    assert memo.get((held[0],), lambda: 99) == 99
