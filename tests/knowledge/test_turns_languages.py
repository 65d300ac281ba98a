"""Issue 20's held advice in the ten languages beside English: the words of a turn after
emergency or crisis advice ("ok", "what do I do", "I'm ok now") are data in each language pack's
[turns] table (knowledge/lexicon/languages/<lang>.toml), read by the one turn table
(knowledge/turns.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import Conversation, Reply
from knowledge.answers import wording
from knowledge.engine import Engine
from knowledge.i18n.catalog import speaking
from knowledge.understanding.lexicon import LEXICON_DIR, LexiconError, load_lexicon

HELD_KINDS = {"acknowledgement", "asks_help", "all_clear"}

# Per language: an emergency as people write it, then "ok", "what do I do", "I'm ok now".
CASES = {
    "es": (
        "mi padre no puede hablar y tiene la boca torcida",
        "vale",
        "qué hago",
        "ya estoy bien",
    ),
    "pt": (
        "meu pai não consegue falar e a boca está torta",
        "ta bom",
        "o que eu faço",
        "ja passou",
    ),
    "ru": (
        "у папы перекосило лицо и он не может говорить",
        "ок",
        "что делать",
        "мне уже лучше",
    ),
    "uk": (
        "у тата перекосило обличчя і він не може говорити",
        "добре",
        "що робити",
        "мені вже краще",
    ),
    "de": (
        "mein vater kann nicht sprechen und sein gesicht hängt",
        "alles klar",
        "was soll ich tun",
        "fehlalarm",
    ),
    "fr": (
        "mon père ne peut plus parler et sa bouche est de travers",
        "d'accord",
        "qu'est-ce que je fais",
        "fausse alerte",
    ),
    "it": (
        "mio padre non riesce a parlare e ha la bocca storta",
        "va bene",
        "cosa devo fare",
        "falso allarme",
    ),
    "tr": (
        "babam konuşamıyor ve yüzü kaydı",
        "tamam",
        "ne yapmalıyım",
        "şimdi iyiyim",
    ),
    "id": (
        "ayah saya tidak bisa bicara dan wajahnya mencong",
        "oke",
        "apa yang harus saya lakukan",
        "sudah baikan",
    ),
    "ar": (
        "أبي لا يستطيع الكلام ووجهه مائل",
        "حسنا",
        "ماذا أفعل",
        "أنا بخير الآن",
    ),
}


def chat(engine: Engine, lang: str, *texts: str) -> list[Reply]:
    conversation: Conversation | None = None
    replies = []
    for text in texts:
        reply = engine.answer(text, conversation, lang)
        conversation = engine.after(conversation, reply)
        replies.append(reply)
    return replies


def test_every_language_says_each_held_turn_with_its_sources() -> None:
    packs = load_lexicon().languages
    assert set(CASES) == set(packs)
    for lang, pack in packs.items():
        assert set(pack.turns) == HELD_KINDS, lang
        assert len(pack.turn_sources) >= 2 and all(s.startswith("http") for s in pack.turn_sources), lang


@pytest.mark.parametrize("lang", sorted(CASES))
def test_an_emergency_then_ok_and_what_do_i_do_keep_the_advice_first(engine: Engine, lang: str) -> None:
    emergency, ok, ask, _ = CASES[lang]
    advice, ack, again = chat(engine, lang, emergency, ok, ask)
    assert advice.escalation.level == "emergency" and advice.escalation.leads and advice.lang == lang
    # "ok": one line in the same level's words, in the language, restating the number, first.
    with speaking(lang):
        held = wording.HELD_EMERGENCY.format(numbers=engine.advisor.emergency_numbers())
    assert ack.turn == "acknowledgement" and ack.lang == lang
    assert ack.escalation.level == "emergency" and ack.escalation.leads and ack.escalation.title == held
    # "what do I do": the advice again, in full, first.
    assert again.turn == "asks_help" and again.lang == lang
    assert again.escalation.level == "emergency" and again.escalation.leads
    assert again.escalation.title == advice.escalation.title
    assert again.escalation.paragraphs[-1] == advice.escalation.paragraphs[-1]


@pytest.mark.parametrize("lang", sorted(CASES))
def test_im_ok_now_keeps_the_level_and_says_what_to_watch_for(engine: Engine, lang: str) -> None:
    emergency, _, _, clear = CASES[lang]
    _, reply = chat(engine, lang, emergency, clear)
    with speaking(lang):
        watch = wording.ALL_CLEAR_EMERGENCY.format(numbers=engine.advisor.emergency_numbers())
    assert reply.turn == "all_clear" and reply.escalation.level == "emergency"
    assert reply.escalation.paragraphs == (watch,)


@pytest.mark.parametrize("lang", ["es", "ru", "ar"])
def test_the_words_count_only_after_emergency_or_crisis_advice(engine: Engine, lang: str) -> None:
    _, ok, ask, clear = CASES[lang]
    for text in (ok, ask, clear):
        (reply,) = chat(engine, lang, text)
        assert reply.turn not in HELD_KINDS and reply.escalation.level == "none", text


def test_a_turn_kind_the_conversation_does_not_have_is_a_clear_error(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, lexicon)
    pack = lexicon / "languages" / "es.toml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace("all_clear = [", "all_gone = [", 1), encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"es\.toml.*'all_gone'"):
        load_lexicon(lexicon)
