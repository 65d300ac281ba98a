"""Issue 19's crisis and meningitis concepts in Russian, Ukrainian, Turkish, Indonesian and
Arabic (lexicon/concepts/<lang>.toml): wanting and dying in one clause (rule wish_to_die),
hopelessness, a means, an overdose taken, not breathing, a stiff neck, light hurting and a rash
that does not fade with a fever, a newborn's fever; and the other senses that must stay quiet
(death in jest or asked about). Each message is read in its own language, as the engine reads
a message once its language is known. docs/languages-safety.md has the figures."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine


def level(engine: Engine, text: str, lang: str) -> str:
    return engine.reader.read(text, None, lang).triage.level


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # wanting and dying in one clause, in forms the crisis phrases do not list
        ("ru", "хотела бы уснуть и умереть"),
        ("ru", "не хочу больше жить"),  # a word between, where "не хочу жить" is listed
        ("ru", "Я выброшусь из окна! Я убью себя!"),  # origin-style.ru, a means
        ("uk", "я б хотіла просто вмерти"),
        ("tr", "ölmeyi düşünüyorum her gece"),  # "gece" (night) is not "geçti" (it passed)
        ("tr", "Yalnızca ölümün soğukluğunda boğulup yok olmak istiyorum."),  # a forum post
        ("id", "Sangat ingin mengakhiri semua ini."),  # a blog post (sitiagel)
        ("ar", "دائما هنالك فكرة واحدة في عقلي وهي... اود ان اموت"),  # io.hsoub.com
        # hopeless: no way out, a burden, hope lost
        ("ru", "не вижу выхода, я обуза для семьи"),
        ("uk", "не бачу виходу, я тягар для всіх"),
        ("uk", "мені здається, виходу немає, більше немає сил"),  # 12plus.md
        ("tr", "gücüm tükendi, umudum tükenmek üzere"),
        ("id", "Aku tahu aku adalah sebuah beban."),  # fyeahsusan.blogspot.com
        ("ar", "لقد فقدت الامل... ومن فقد الامل فقد الحياة"),  # sadakasoft forum
        # an overdose taken
        ("ru", "я выпила всю пачку снотворного"),
        ("uk", "випила всю пачку снодійного"),
        ("tr", "aşırı doz aldım ne yapmalıyım"),
        ("id", "saya overdosis obat tidur"),
        ("ar", "ابتلعت كل الحبوب"),
    ],
)
def test_a_crisis_said_in_other_words_is_a_crisis(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "crisis", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # NHS meningitis: a fever with a stiff neck, light hurting, or a rash that does not fade
        ("ru", "у ребенка высокая температура и ригидность затылочных мышц"),
        ("ru", "температура и сыпь не исчезает при надавливании"),
        ("uk", "у дитини температура і шия не гнеться"),
        ("uk", "температура і світлобоязнь"),
        ("tr", "Ateşim var, boyun sertliği ve şiddetli baş ağrısı var"),
        ("tr", "ateşi var ve ışığa bakamıyor"),
        ("id", "Demam tinggi mendadak dan leher kaku"),
        ("id", "anak saya demam dan tidak tahan dengan silau cahaya lampu"),
        ("ar", "عندي حمى حادة وتيبس في الرقبة"),
        ("ar", "حمى وحساسية من الضوء"),
        # a fever under three months (NICE NG143): "6 haftalık" is an age, a newborn a person
        ("tr", "6 haftalık bebeğimin ateşi var"),
        ("ru", "у новорожденного температура 38"),
        # not breathing
        ("ru", "он не дышит, делаю массаж сердца"),
        ("id", "bayi saya tidak bernapas"),
    ],
)
def test_an_emergency_said_in_other_words_is_an_emergency(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "emergency", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "я чуть не умер со смеху, хочу еще раз посмотреть этот фильм"),
        ("ru", "можно ли умереть от дергания глаза? хочу знать"),
        ("uk", "помираю зі сміху, хочу ще"),
        ("tr", "gülmekten öldüm, tekrar izlemek istiyorum"),
        ("id", "tangan saya mati rasa, saya ingin tahu kenapa"),
        ("id", "ngakak sampai mati, ingin nonton lagi"),
        ("ar", "مت من الضحك، أريد أن أشاهده مرة أخرى"),
        ("ar", "أريد أن أعرف هل يسبب الموت"),
    ],
)
def test_death_in_jest_or_asked_about_stays_quiet(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "tenho dificuldade para abrir o olho, a pálpebra treme"),
        ("id", "kedutan mata sampai kelopak mata tertutup"),
        ("ar", "الرفرفة في عيني مستمرة منذ أسابيع ولا تذهب"),  # ar-057, a tune item
    ],
)
def test_the_twitching_signs_reported_missing(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "doctor", text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a baby under three months with a fever (NICE NG143), said by age or as a newborn
        ("de", "mein 6 Wochen altes Baby hat Fieber", "emergency"),
        ("de", "mein Sohn ist 8 Jahre alt und hat Fieber", "none"),
        ("es", "mi bebé de 3 semanas de vida tiene fiebre", "emergency"),
        ("fr", "mon bébé de 5 semaines a de la fièvre", "emergency"),
        ("it", "il mio neonato ha la febbre", "emergency"),
        ("pt", "meu recém-nascido está com febre", "emergency"),
    ],
)
def test_ages_and_persons_in_every_language(engine: Engine, lang: str, text: str, expected: str) -> None:
    assert level(engine, text, lang) == expected, text
