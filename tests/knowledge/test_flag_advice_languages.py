"""A red-flag group's own line of advice (triage.toml's `advice`: "keep the packet to show the
ambulance crew", "use the adrenaline auto-injector") is said in the reply's language: the
catalogs' FLAG_ADVICE_<GROUP>, translated from the data's English line as it is now."""

from __future__ import annotations

import pytest

from knowledge.answers import wording
from knowledge.engine import Engine
from knowledge.i18n.catalog import speaking
from knowledge.i18n.languages import CODES, DEFAULT_LANGUAGE
from knowledge.understanding.lexicon import load_lexicon
from tests.support.language_sets import load_all

OTHER_LANGUAGES = [code for code in CODES if code != DEFAULT_LANGUAGE]
ADVISED = {name: flag.advice for name, flag in load_lexicon().triage.flags.items() if flag.advice}


def test_every_group_s_line_is_in_the_catalog_as_the_data_says_it() -> None:
    assert ADVISED, "triage.toml has groups with a line of their own"
    english = wording.CATALOG.sources(DEFAULT_LANGUAGE)
    for name, advice in ADVISED.items():
        assert english.get(f"FLAG_ADVICE_{name.upper()}") == advice, name


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_a_group_s_line_is_never_english_in_another_language(engine: Engine, lang: str) -> None:
    """The advice a button brings back, for each group with a line of its own, at the level
    that group gives: its line is the language's, and the English line is not there."""
    for name, advice in ADVISED.items():
        keep = engine.answer(_english_message(name)).escalation.keep
        assert keep, name
        with speaking(lang):
            shown = engine.advisor.kept(keep, None).paragraphs
            assert wording.flag_advice(name, advice) in shown, (lang, name)
        assert advice not in shown, (lang, name)


def test_a_real_overdose_message_gets_the_line_in_its_own_language(engine: Engine) -> None:
    """Through detection, as a user writes: the tune split's emergencies whose advice carries
    the poisoning line carry it in the message's language."""
    english = ADVISED["poisoning"]
    carried = 0
    for item in load_all("tune"):
        if item.kind != "emergency":
            continue
        reply = engine.answer(item.text, lang=None)
        if reply.lang == DEFAULT_LANGUAGE:
            continue
        with speaking(reply.lang):
            ours = wording.flag_advice("poisoning", english)
        paragraphs = reply.escalation.paragraphs
        assert english not in paragraphs, item.id
        carried += ours in paragraphs
    assert carried >= 5, "the sets' overdoses in ten languages carry the translated line"


def _english_message(group: str) -> str:
    return {
        "poisoning": "my son swallowed a whole bottle of magnesium pills",
        "allergic": "my throat is closing after a bee sting and my lips are swelling",
    }[group]
