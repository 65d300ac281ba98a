"""Translations of articles and safety facts: read beside their originals, checked against them,
recorded in the overlay, and listed by `python -m knowledge check` until a clinician reviews them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.base.errors import KnowledgeError
from knowledge.base.loader import DEFAULT_KNOWLEDGE_DIR, load_knowledge
from knowledge.base.models import KnowledgeBase
from knowledge.base.translations import language_headings

LANGS = ("es", "pt", "ru", "uk", "de", "fr", "it", "tr", "id", "ar")
ROOT = Path(__file__).parents[2]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The shipped knowledge directory, copied so that a test may break it."""
    target = tmp_path / "articles"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, target)
    return target


def problems(directory: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(directory)
    return [str(p) for p in info.value.problems]


def test_every_language_has_the_twitching_article(kb: KnowledgeBase) -> None:
    twitching = kb.conditions["twitching"]
    assert sorted(twitching.translations) == sorted(LANGS) == sorted(language_headings())
    for lang, t in twitching.translations.items():
        assert t.source == f"twitching.{lang}.txt"
        assert t.translated_by == "machine-assisted (team)" and not t.clinician_reviewed
        for key, items in twitching.bullets.items():
            assert len(t.bullets[key]) == len(items), (lang, key)
        assert [r.ingredient_slugs for r in t.remedies] == [r.ingredient_slugs for r in twitching.remedies]
        assert set(t.ingredient_names) == set(twitching.ingredient_slugs)
        assert t.aliases, f"{lang}: the synopsis names fasciculations as another name"


def test_every_ingredient_has_its_safety_facts_in_every_language(kb: KnowledgeBase) -> None:
    for ingredient in kb.ingredients.values():
        assert sorted(ingredient.translations) == sorted(LANGS), ingredient.slug
        for lang, t in ingredient.translations.items():
            facts = ingredient.safety
            assert facts is not None
            if t.safety is None:
                assert facts.no_upper_limit and not facts.cautions, (ingredient.slug, lang)
                continue
            assert len(t.safety.cautions) == len(facts.cautions)
            assert len(t.safety.ask_first) == len(facts.ask_first)
            assert bool(t.safety.upper_limit) == bool(facts.upper_limit)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_missing_item_is_an_error_naming_the_file(copy: Path) -> None:
    _edit(copy / "twitching.es.txt", "- Estrés o ansiedad\n", "")
    found = problems(copy)
    assert any(
        "twitching.es.txt" in p and "section 'causes' has 6 items; the original has 7" in p for p in found
    ), found


def test_a_changed_number_is_an_error_naming_the_line(copy: Path) -> None:
    _edit(copy / "twitching.de.txt", "(z. B. Magnesium, B6)", "(z. B. Magnesium, B12)")
    found = problems(copy)
    line = next(
        n for n, text in enumerate((copy / "twitching.de.txt").read_text().splitlines(), 1) if "B12" in text
    )
    assert any(f"twitching.de.txt:{line}:" in p and "['12']" in p and "['6']" in p for p in found), found


def test_an_added_remedy_is_an_error(copy: Path) -> None:
    _edit(copy / "twitching.fr.txt", "Ingrédients\n", "Mélatonine : Aide à dormir.\nIngrédients\n")
    assert any("9 remedies; the original has 8" in p for p in problems(copy))


def test_english_headers_in_a_translation_are_an_error(copy: Path) -> None:
    _edit(copy / "twitching.it.txt", "Cause comuni:", "Common Causes:")
    assert any(
        "twitching.it.txt" in p and "unknown section header 'Common Causes:'" in p for p in problems(copy)
    )


def test_an_unknown_language_is_an_error(copy: Path) -> None:
    shutil.copy(copy / "twitching.es.txt", copy / "twitching.xx.txt")
    assert any("twitching.xx.txt: unknown language 'xx'" in p for p in problems(copy))


def test_a_translation_of_no_article_is_an_error(copy: Path) -> None:
    (copy / "twitching.es.txt").rename(copy / "cramps.es.txt")
    found = problems(copy)
    assert any("cramps.es.txt: a translation of cramps.txt" in p for p in found), found
    assert any("no translation file twitching.es.txt" in p for p in found), found


def test_a_translation_needs_its_record(copy: Path) -> None:
    _edit(
        copy / "overlay.toml",
        '[conditions.twitching.translations.tr]\ntranslated_by = "machine-assisted (team)"\n'
        "clinician_reviewed = false\n",
        "",
    )
    assert any(
        "twitching.tr.txt: no record of who translated it" in p
        and "[conditions.twitching.translations.tr]" in p
        for p in problems(copy)
    )


def test_translated_safety_facts_keep_their_numbers_and_count(copy: Path) -> None:
    _edit(copy / "overlay.toml", "40 мг/сутки", "45 мг/сутки")
    _edit(copy / "overlay.toml", '"Mide rahatsızlığı ve uyku hali görülebilir.", ', "")
    found = problems(copy)
    assert any("[ingredients.zinc.translations.ru] safety: upper_limit states ['45']" in p for p in found), (
        found
    )
    assert any(
        "[ingredients.ashwagandha.translations.tr] safety: cautions: 3 entries; the original has 4" in p
        for p in found
    ), found


def _check(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "knowledge", "check", str(directory), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_check_lists_the_translations_not_reviewed(copy: Path) -> None:
    done = _check(copy, "--verbose")
    assert done.returncode == 0, done.stderr
    assert "70 translations, 0 reviewed by a clinician" in done.stdout
    assert "twitching.txt: ar, de, es, fr, id, it, pt, ru, tr, uk" in done.stdout
    text = (copy / "overlay.toml").read_text(encoding="utf-8")
    reviewed = text.replace(
        '[conditions.twitching.translations.es]\ntranslated_by = "machine-assisted (team)"\n'
        "clinician_reviewed = false",
        '[conditions.twitching.translations.es]\ntranslated_by = "machine-assisted (team)"\n'
        "clinician_reviewed = true",
    )
    assert reviewed != text
    (copy / "overlay.toml").write_text(reviewed, encoding="utf-8")
    done = _check(copy, "--verbose")
    assert "70 translations, 1 reviewed by a clinician" in done.stdout
    assert "twitching.txt: ar, de, fr, id, it, pt, ru, tr, uk" in done.stdout


def test_check_exits_2_on_a_broken_translation(copy: Path) -> None:
    _edit(copy / "twitching.ar.txt", "الأسباب الشائعة:", "أسباب:")
    done = _check(copy)
    assert done.returncode == 2
    assert "twitching.ar.txt" in done.stderr and "Traceback" not in done.stderr


def test_translated_forms_keep_their_count(copy: Path) -> None:
    _edit(copy / "overlay.toml", 'forms = ["Gluconat", "Picolinat"]', 'forms = ["Gluconat"]')
    assert any(
        "[ingredients.zinc.translations.de] forms: 1 forms; the ingredient has 2" in p for p in problems(copy)
    )


def test_the_translation_languages_are_the_supported_ones() -> None:
    from knowledge.i18n.languages import CODES, DEFAULT_LANGUAGE
    from knowledge.understanding.lexicon import load_lexicon

    others = set(CODES) - {DEFAULT_LANGUAGE}
    assert set(language_headings()) == others == set(load_lexicon().languages)
