"""The sections of an answer, defined once.

Everything else derives from this table: the article parser's bullet headers, the section
buttons and their order, the one-letter codes in button data, and the
section names that `ask --json`, the labelled sets and language.toml use.

To add a section read from a bullet list of the article (say "Prevention:"), add one row with
its `header`, and its heading and button label to the answers catalogs
(SECTION_<KEY>_HEADING, SECTION_<KEY>_BUTTON); its phrases in language.toml are optional
(without them, its button reaches it).
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.answers.wording import CATALOG


@dataclass(frozen=True, slots=True)
class SectionSpec:
    key: str  # "causes": in ask --json, button data and language.toml
    code: str  # one character in button data
    header: str = ""  # the article's header line of a bullet section ("Common Causes:")
    named: bool = False  # its bullets are "Name: description"
    required: bool = True  # every article must have it (bullet sections)
    condition: bool = True  # a section of a condition's answer (else of an ingredient's)
    button_shown: bool = True  # has a button under a condition's answer

    @property
    def heading(self) -> str:
        """Above the section in an answer, in the active language (the answers catalog)."""
        return CATALOG.text(f"SECTION_{self.key.upper()}_HEADING")

    @property
    def button(self) -> str:
        """Its button's label, in the active language."""
        return CATALOG.text(f"SECTION_{self.key.upper()}_BUTTON")


SECTIONS: tuple[SectionSpec, ...] = (
    # The default view of a condition: its synopsis. Its button is "synopsis" below.
    SectionSpec("overview", "o", button_shown=False),
    SectionSpec("synopsis", "s"),
    SectionSpec("types", "t", header="Types:", named=True),
    SectionSpec("causes", "c", header="Common Causes:"),
    SectionSpec("severity", "v", header="Severity Causes:"),
    SectionSpec("doctor", "d", header="When to See a Doctor:"),
    SectionSpec("remedies", "r"),
    SectionSpec("ingredients", "i"),
    # An ingredient's safety facts (from the overlay), first when asked about safety or dose.
    SectionSpec("safety", "y", condition=False, button_shown=False),
)

BY_KEY: dict[str, SectionSpec] = {s.key: s for s in SECTIONS}
BY_CODE: dict[str, SectionSpec] = {s.code: s for s in SECTIONS}
BULLET_SECTIONS: tuple[SectionSpec, ...] = tuple(s for s in SECTIONS if s.header)
# The buttons under a condition's answer, in this order: their positions never change.
CONDITION_BUTTONS: tuple[SectionSpec, ...] = tuple(s for s in SECTIONS if s.condition and s.button_shown)


def is_section(key: str) -> bool:
    return key in BY_KEY


def heading(key: str) -> str:
    return BY_KEY[key].heading


def _check() -> None:
    """Keys and codes are unique, codes one character: a mistake here fails at import."""
    if len(BY_KEY) != len(SECTIONS) or len(BY_CODE) != len(SECTIONS):
        raise ValueError("section keys and codes must be unique")
    if any(len(s.code) != 1 for s in SECTIONS):
        raise ValueError("section codes are one character")


_check()
