"""The message catalogs: for each domain, every supported language has every message of the
English source, translated from the English as it is now (a changed English string makes its
translations stale: the test names them), with the same placeholders and nothing fuzzy or
empty; the code asks only for messages that exist; Telegram's limits hold in every language."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot import wording as console_wording
from handlers import wording as telegram_wording
from knowledge.answers import wording as answers_wording
from knowledge.i18n.catalog import FSI, PDI, Catalog, speaking
from knowledge.i18n.languages import CODES, DEFAULT_LANGUAGE, LANGUAGES

ROOT = Path(__file__).parents[2]
CATALOGS = {
    "answers": answers_wording.CATALOG,
    "telegram": telegram_wording.CATALOG,
    "console": console_wording.CATALOG,
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def messages(catalog: Catalog, lang: str) -> dict[str, tuple[str, str, bool]]:
    """key -> (msgid, msgstr, fuzzy), straight from the .po file."""
    with catalog.path(lang).open("rb") as file:
        return {
            m.context: (str(m.id), str(m.string or ""), m.fuzzy) for m in read_po(file) if m.id and m.context
        }


@pytest.mark.parametrize("domain", CATALOGS)
@pytest.mark.parametrize("lang", CODES)
def test_every_language_translates_every_message_of_the_english_source(domain: str, lang: str) -> None:
    catalog = CATALOGS[domain]
    source = messages(catalog, DEFAULT_LANGUAGE)
    found = messages(catalog, lang)
    assert set(found) == set(source), f"{lang}/{domain}: missing {set(source) - set(found)}"
    stale = [key for key, (msgid, _, _) in found.items() if msgid != source[key][0]]
    assert not stale, f"{lang}/{domain}: translated from an older English: {stale}"
    for key, (msgid, msgstr, fuzzy) in found.items():
        assert msgstr and not fuzzy, f"{lang}/{domain}: {key} untranslated or fuzzy"
        assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(PLACEHOLDER.findall(msgid)), key
        # Warning signs keep their sign in every language.
        for sign in ("⚠️", "ℹ️", "💬", "👍", "›", "‹", "•"):
            assert (sign in msgstr) == (sign in msgid), f"{lang}/{domain}: {key} {sign}"


def test_a_stale_translation_is_caught(tmp_path: Path) -> None:
    """The test above can fail: a catalog translated from an older English is seen."""
    for lang, msgid in (("en", "New English."), ("es", "Old English.")):
        path = tmp_path / lang / "LC_MESSAGES" / "x.po"
        path.parent.mkdir(parents=True)
        path.write_text(f'msgctxt "K"\nmsgid "{msgid}"\nmsgstr "Texto."\n', encoding="utf-8")
    catalog = Catalog(tmp_path, "x")
    assert messages(catalog, "es")["K"][0] != messages(catalog, "en")["K"][0]
    assert catalog.text("K", "es") == "Texto."
    assert catalog.text("K", "fr") == "Texto."  # no French catalog: English


# The catalog each `wording` module reads, by the import that names it.
IMPORTS = {"handlers": "telegram", "knowledge.answers": "answers", "bot": "console"}


def wording_catalog(tree: ast.AST) -> str | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name == "wording" for a in node.names):
            return IMPORTS.get(node.module or "")
    return None


def used_keys() -> dict[str, set[str]]:
    """Per catalog: every NAME in `wording.NAME` and every literal key given to
    wording.text(...), in the files that import that catalog's wording module."""
    found: dict[str, set[str]] = {domain: set() for domain in CATALOGS}
    for package in ("knowledge", "handlers", "bot"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            domain = wording_catalog(tree)
            if path.name == "wording.py" or domain is None:
                continue
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "wording"
                    and node.attr.isupper()
                ):
                    found[domain].add(node.attr)
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "text"
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "wording"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    found[domain].add(str(node.args[0].value))
    return found


@pytest.mark.parametrize("domain", CATALOGS)
def test_the_code_asks_only_for_messages_that_exist(domain: str) -> None:
    # The modules' own constants (the operators' notices, key tables) are not messages.
    module = {"telegram": telegram_wording, "answers": answers_wording, "console": console_wording}[domain]
    constants = {k for k in vars(module) if k.isupper()}
    used = used_keys()[domain]
    assert used, "the scan finds the code's messages"
    missing = used - set(CATALOGS[domain].texts("en")) - constants
    assert not missing, missing


def test_keys_built_from_tables_exist() -> None:
    from handlers.commands import COMMANDS
    from knowledge.sections import SECTIONS

    for lang in CODES:
        with speaking(lang):
            assert all(s.heading and s.button for s in SECTIONS)
            assert all(c.description for c in COMMANDS)
            for key in (
                *answers_wording.EXAMPLE_TEMPLATES,
                *(k for _, k in answers_wording.GENERAL_ASK_FIRST),
            ):
                assert answers_wording.text(key)
            assert all(answers_wording.small_talk_line(k) for k in ("thanks", "ok", "bye"))
            assert all(telegram_wording.inline_advice(k) for k in ("crisis", "emergency", "doctor"))


@pytest.mark.parametrize("lang", CODES)
def test_telegrams_limits_hold_in_every_language(lang: str) -> None:
    """setMyDescription: 512 characters; setMyShortDescription: 120; a command's
    description: 1 to 256."""
    assert len(telegram_wording.text("BOT_DESCRIPTION", lang)) <= 512
    assert len(telegram_wording.text("BOT_SHORT_DESCRIPTION", lang)) <= 120
    for key in (k for k in telegram_wording.CATALOG.texts(lang) if k.startswith("COMMAND_")):
        assert 1 <= len(telegram_wording.text(key, lang)) <= 256


def test_a_right_to_left_catalog_isolates_what_it_puts_into_its_sentences() -> None:
    (rtl,) = [s.code for s in LANGUAGES if s.rtl]
    limit = answers_wording.CATALOG.text("UPPER_LIMIT", rtl)
    assert f"{FSI}{{limit}}{PDI}" in limit
    assert FSI not in answers_wording.CATALOG.text("UPPER_LIMIT", "es")


def test_the_active_language_picks_the_catalog() -> None:
    with speaking("de"):
        assert answers_wording.CATALOG.text("DISCLAIMER", "de") == answers_wording.DISCLAIMER
        with speaking("xx"):  # unsupported: English
            assert answers_wording.CATALOG.text("DISCLAIMER", "en") == answers_wording.DISCLAIMER
    assert answers_wording.CATALOG.text("DISCLAIMER", "de") != answers_wording.DISCLAIMER
    with pytest.raises(AttributeError, match="no message"):
        _ = answers_wording.NO_SUCH_MESSAGE
