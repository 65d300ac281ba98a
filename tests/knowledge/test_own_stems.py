"""A language's section phrases and descriptions are read through its own stems
(knowledge/understanding/own_stems.py): a phrase written once finds its other forms, in that
language only; and Turkish endings written after an apostrophe come off a name."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from knowledge.understanding.normalise import tokenize


@pytest.mark.parametrize(
    ("text", "lang", "topic", "section"),
    [
        # "dangereux" is written in fr.toml's safety phrases; "dangereuse" is its feminine
        ("est-ce que le magnésium est dangereuse pour les reins ?", "fr", "magnesium", "safety"),
        # "опасно" is written; "опасность" is the noun
        ("дергается глаз уже неделю, в чем опасность?", "ru", "twitching", "severity"),
        # "temblar" forms: "{parte_es} ... {mueve_es}" with "temblarme"
        ("qué hago para que deje de temblarme el ojo", "es", "twitching", "remedies"),
        # "œil" typed with the ligature, a condition's name in another form ("seğirmem")
        ("mon œil tremble, pourquoi ?", "fr", "twitching", "causes"),
        ("gözümün seğirmesi neden olur", "tr", "twitching", "causes"),
        # "як ... приймати": a pronoun between the words
        ("магній: як його приймати?", "uk", "magnesium", "safety"),
    ],
)
def test_a_phrase_finds_its_other_forms(
    engine: Engine, text: str, lang: str, topic: str, section: str
) -> None:
    reply = engine.answer(text, lang=lang)
    assert reply.topics and reply.topics[0] == topic
    assert reply.section == section


def test_a_language_s_folded_phrases_are_read_in_that_language_only(engine: Engine) -> None:
    """The Spanish phrase "efectos secundarios" is found folded in Spanish ("efecto
    secundario"), and never through Spanish stems in a message read as English or Russian."""
    tokens = tokenize("efecto secundario del magnesio")
    found = engine.reader.own_stems.match(tokens, "es")
    assert [h.pattern.section for h in found if h.pattern.section == "safety"]
    assert engine.reader.own_stems.match(tokens, "en") == []
    assert engine.reader.own_stems.match(tokens, "ru") == []


@pytest.mark.parametrize(
    "text",
    ["ashwagandha'nın yan etkileri nelerdir?", "ashwagandha’nın zararları var mı?"],
)
def test_a_turkish_ending_after_an_apostrophe_comes_off_the_name(engine: Engine, text: str) -> None:
    reply = engine.answer(text, lang="tr")
    assert reply.topics[:1] == ("ashwagandha",)
    assert reply.section == "safety"


def test_english_keeps_its_apostrophes(engine: Engine) -> None:
    """English "can't" stays one word: only a language that writes endings so cuts them."""
    reading = engine.reader.read("magnesium can't be taken with what?", lang="en")
    assert "magnesium" in reading.ingredients
    assert "cant" in tokenize("magnesium can't").texts


@pytest.mark.parametrize(
    ("text", "lang", "topic", "section"),
    [
        # French and Italian elide the article before a name: "l'ashwagandha", "d'ashwagandha"
        ("l'ashwagandha est-elle dangereuse pour le foie ?", "fr", "ashwagandha", "safety"),
        ("peut-on prendre de l'ashwagandha enceinte ?", "fr", "ashwagandha", "safety"),
        ("dosi alte dell'ashwagandha sono pericolose?", "it", "ashwagandha", "safety"),
        # "l'occhio" is "occhio", a part of "{parte_it} ... {trema_it}"
        ("perché l'occhio mi trema da giorni?", "it", "twitching", "causes"),
        # the phrase "tic a l'oeil" of fr.toml meets the message with the ligature and elision
        ("j'ai un tic à l'œil depuis hier, pourquoi ?", "fr", "twitching", "causes"),
    ],
)
def test_an_elided_article_comes_off_before_a_name(
    engine: Engine, text: str, lang: str, topic: str, section: str
) -> None:
    reply = engine.answer(text, lang=lang)
    assert reply.topics[:1] == (topic,)
    assert reply.section == section


def test_an_elision_is_cut_only_where_it_is_an_article() -> None:
    assert tokenize("l'œil, dell’ashwagandha, d'accord").texts == ["œil", "ashwagandha", "accord"]
    # an apostrophe inside a word still joins it, in French as in English
    assert tokenize("aujourd'hui I can't, I'd've").texts == ["aujourdhui", "i", "cant", "idve"]


def test_a_folded_word_never_becomes_a_function_word(engine: Engine) -> None:
    """Indonesian Snowball takes prefixes off: "berapa" (how much, a safety phrase) folded to
    "apa" (what), so every "apa" asked for an ingredient's safety. "apa" stays a question."""
    assert (
        engine.answer("suplemen magnesium itu apa dan kegunaannya untuk apa?", lang="id").section
        == "overview"
    )
    # the phrase itself is still read, as written
    assert engine.answer("berapa dosis magnesium per hari?", lang="id").section == "safety"


def test_an_exact_phrase_is_not_folded(engine: Engine) -> None:
    """Turkish "=kullanmamalı" (should not use) is a safety phrase in this form only: folded,
    it was "kullanmalı" (should use) too, and "who should take it?" asked for its safety."""
    assert engine.answer("kimler ashwagandha kullanmamalı?", lang="tr").section == "safety"
    assert (
        engine.answer("magnezyum takviyesi ne işe yarar, kimler kullanmalı?", lang="tr").section == "overview"
    )


@pytest.mark.parametrize(
    ("text", "lang", "section", "phrase_form"),
    [
        # Snowball folds "para" (for) and "parar" (stop, a remedies phrase) both to "par"
        ("para", "es", "remedies", "paramos"),
        ("para", "pt", "remedies", "paramos"),
        # "sich" (itself) and "sicher" (safe) to "sich"
        ("sich", "de", "safety", "sicheres"),
        # "dos" (of the) and "dose" to "dos" ("dose" is exact now: the phrase "dose maxima")
        ("dos", "pt", "safety", "dose maximas"),
        # "apa" (what) is where "berapa" (how much) lands once its prefix is off
        ("apa", "id", "safety", "berapa"),
    ],
)
def test_a_grammar_word_is_never_read_as_a_phrase_s_stem(
    engine: Engine, text: str, lang: str, section: str, phrase_form: str
) -> None:
    """The language's most frequent words are read as written by its own stems; the phrase
    they collided with still finds its other forms."""
    found = engine.reader.own_stems.match(tokenize(f"{text} magnesio"), lang)
    assert section not in {h.pattern.section for h in found}
    found = engine.reader.own_stems.match(tokenize(f"{phrase_form} magnesio"), lang)
    assert section in {h.pattern.section for h in found}


def test_another_language_s_phrase_is_not_read_in_a_grammar_word_through_the_english_stem(
    engine: Engine,
) -> None:
    """English (and Italian) "dose" has the English stem "dos", Portuguese for "of the": in a
    Portuguese message only Portuguese phrases as written count among its common words."""
    reply = engine.answer("quais são os benefícios dos suplementos de magnésio?", lang="pt")
    assert reply.topics[:1] == ("magnesium",)
    assert reply.section == "overview"
    assert engine.answer("qual a dose de magnésio por dia?", lang="pt").section == "safety"
