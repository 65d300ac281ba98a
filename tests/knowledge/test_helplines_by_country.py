"""Crisis lines and emergency numbers by country, as data with their sources: each supported
language's countries have lines; a reply names those of the user's country when the app's
region says it, else those of the countries that speak the reply's language, then the
worldwide directory; English keeps the general lines."""

from __future__ import annotations

import pytest

from knowledge import load_knowledge
from knowledge.answers import wording as texts
from knowledge.base.helplines import shipped_helplines
from knowledge.engine import Engine
from knowledge.i18n.languages import CODES, DEFAULT_LANGUAGE

HELPLINES = shipped_helplines()


def test_every_language_has_countries_with_sourced_lines() -> None:
    for lang in CODES:
        if lang == DEFAULT_LANGUAGE:
            continue  # English keeps the general lines
        countries = [c for c in HELPLINES.country if lang in c.languages]
        assert countries and all(c.crisis for c in countries), lang
    for country in HELPLINES.country:
        assert country.emergency_source.startswith("http")
        assert all(line.source.startswith("http") and line.contact for line in country.crisis)
    assert HELPLINES.directory is not None and HELPLINES.directory.contact == "findahelpline.com"


def crisis(engine: Engine, lang: str, region: str | None = None) -> tuple[str, tuple[str, ...], str]:
    """(title, lines, first paragraph) of the crisis advice in `lang`, for `region`."""
    reply = engine.with_kept(engine.greeting(lang), "c", region)
    (lines,) = reply.escalation.lists
    return reply.escalation.title, lines.items, reply.escalation.paragraphs[0]


@pytest.fixture(scope="module")
def kb_engine() -> Engine:
    return Engine(load_knowledge())


def test_spanish_crisis_advice_lists_spanish_speaking_countries_first(kb_engine: Engine) -> None:
    title, lines, advice = crisis(kb_engine, "es")
    assert title == texts.CATALOG.text("CRISIS_TITLE", "es")
    assert lines == (
        "España: 024 (Línea 024 de atención a la conducta suicida)",
        "México: 800 911 2000 (Línea de la Vida)",
        f"{texts.CATALOG.text('OTHER_COUNTRIES', 'es')}: findahelpline.com (Find A Helpline)",
    )
    assert "(112 o 911)" in advice


def test_the_region_picks_the_country(kb_engine: Engine) -> None:
    _, lines, advice = crisis(kb_engine, "pt", "BR")
    assert lines[0] == "Brasil: 188 (CVV – Centro de Valorização da Vida)" and len(lines) == 2
    assert "(192)" in advice
    _, lines, _ = crisis(kb_engine, "pt", "PT")
    assert lines[0].startswith("Portugal: 1411")
    # A region the file does not list: the language's countries.
    _, lines, _ = crisis(kb_engine, "pt", "AO")
    assert [line.split(":")[0] for line in lines[:2]] == ["Brasil", "Portugal"]


def test_english_keeps_the_general_lines(kb_engine: Engine) -> None:
    _, lines, advice = crisis(kb_engine, "en")
    assert any("988" in line for line in lines) and any("116 123" in line for line in lines)
    assert "112, 911 or 999" in advice


def test_a_country_line_without_a_source_is_refused() -> None:
    from pydantic import ValidationError

    from knowledge.base.models import Country

    with pytest.raises(ValidationError, match="publishes"):
        Country(code="ES", languages=("es",), emergency_numbers=("112",), emergency_source="rtve")
    with pytest.raises(ValidationError, match="unsupported language"):
        Country(code="ES", languages=("xx",), emergency_numbers=("112",), emergency_source="https://x")


def poison_advice(engine: Engine, text: str, lang: str, region: str | None = None) -> tuple[str, ...]:
    """The lines under the poison centres' heading of the reply, if any."""
    reply = engine.answer(text, lang=lang, region=region)
    assert reply.escalation.level == "emergency", text
    heading = texts.CATALOG.text("POISON_LINES_HEADING", lang)
    return next((a.items for a in reply.escalation.lists if a.heading == heading), ())


def test_a_poisoning_lists_the_poison_centres_of_the_language_s_countries(kb_engine: Engine) -> None:
    lines = poison_advice(kb_engine, "mi hijo se tomó un frasco de pastillas", "es")
    assert lines == ("España: 91 562 04 20 (Servicio de Información Toxicológica)",)
    lines = poison_advice(kb_engine, "meu filho engoliu um frasco de comprimidos", "pt", "BR")
    assert lines == ("Brasil: 0800 722 6001 (Disque-Intoxicação (Anvisa))",)
    for country in HELPLINES.country:
        assert all(line.source.startswith("http") and line.contact for line in country.poison)


def test_a_country_without_a_poison_centre_listed_gets_its_emergency_number(kb_engine: Engine) -> None:
    """Russia has none in the file: no poison heading, the emergency numbers in the advice."""
    reply = kb_engine.answer("ребенок съел полпачки магне б6", lang="ru")
    assert poison_advice(kb_engine, "ребенок съел полпачки магне б6", "ru") == ()
    assert any("112" in p for p in reply.escalation.paragraphs)


def test_english_keeps_the_general_poison_lines(kb_engine: Engine) -> None:
    lines = poison_advice(kb_engine, "my son swallowed a bottle of pills", "en")
    assert any("1-800-222-1222" in line for line in lines)
