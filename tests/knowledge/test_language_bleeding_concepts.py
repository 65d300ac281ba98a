"""t-lang3 (session 7): blood and the stool in Ukrainian, Turkish, Indonesian and Arabic
(lexicon/concepts/<lang>.toml), which had no words for them: vomiting blood and bleeding in
pregnancy with pain call 999 (rules vomiting_blood, pregnancy_bleeding_pain), blood in the stool
with fainting too (stool_blood_faint), and blood in the stool alone asks for a doctor
(blood_where_not). Blood as a test, a pressure, a sugar or anaemia stays quiet
([senses.blood.idiom]). The emergencies are the tune items the sets gained (ids <lang>-8000 up);
docs/languages-safety.md has the figures."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.language_sets import load


def level(engine: Engine, text: str, lang: str) -> str:
    return engine.reader.read(text, None, lang).triage.level


# the bleeding items are each set's first ids from 8000 (uk 3, tr 3, id 4, ar 4); the abdomen's follow
BLEEDING_IDS = {
    f"{lang}-{8000 + n}" for lang, count in (("uk", 3), ("tr", 3), ("id", 4), ("ar", 4)) for n in range(count)
}
NEW_TUNE = [
    (item.lang, item.text)
    for lang in ("uk", "tr", "id", "ar")
    for item in load(lang)
    if item.split == "tune" and item.id in BLEEDING_IDS
]


def test_the_sets_hold_the_new_bleeding_items() -> None:
    assert {lang for lang, _ in NEW_TUNE} == {"uk", "tr", "id", "ar"}
    assert len(NEW_TUNE) >= 12


@pytest.mark.parametrize(("lang", "text"), NEW_TUNE)
def test_a_bleeding_emergency_of_the_sets_calls_999(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "emergency", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "помітила кров у калі"),  # firtka.net.ua: "коли ми помічаємо кров у калі"
        ("tr", "dışkıda kan görüyorum"),  # the dışkıda kan pages
        ("id", "BAB berdarah tapi tidak sakit"),  # suplemenku.com, ai-care.atmatech.id
        ("ar", "يوجد دم في البراز"),  # maghress.com, e3arabi.com
    ],
)
def test_blood_in_the_stool_asks_for_a_doctor(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "doctor", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "я вагітна, нудота, здала аналіз крові"),
        ("tr", "hamileyim ve midem bulanıyor, kan tahlili yaptırdım"),
        ("tr", "hamileyim, kan şekerim yüksek çıktı"),
        ("id", "saya hamil 8 minggu, tekanan darah tinggi"),
        ("id", "saya hamil dan minum tablet tambah darah"),
        ("ar", "حامل وعندي غثيان وفقر الدم"),
        ("ar", "حامل وعندي ضغط الدم مرتفع"),
    ],
)
def test_blood_as_a_test_a_pressure_or_anaemia_is_no_bleeding(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


# t-lang3: a pain in a testicle or the scrotum calls 999 (rule testicle_pain, NHS.uk Testicle
# pain): the sets' new tune items in es, de, pt, ru, uk, tr, id, ar, and a check in fr and it (their items
# hashed to the blind side), with the words of concepts/<lang>.toml's `testicle`
TESTICLE_LANGS = ("es", "de", "pt", "ru", "uk", "tr", "id", "ar")
TESTICLE_WORDS = (
    "testic",
    "testíc",
    "testis",
    "hoden",
    "яич",
    "яєч",
    "мошон",
    "buah zakar",
    "الخصي",
    "الصفن",
)
TESTICLE_TUNE = [
    (item.lang, item.text)
    for lang in TESTICLE_LANGS
    for item in load(lang)
    if item.split == "tune"
    and item.id.startswith(f"{lang}-80")
    and len(item.id) == len(f"{lang}-8000")
    and any(w in item.text.lower() for w in TESTICLE_WORDS)
]


def test_the_sets_hold_the_new_testicle_items() -> None:
    assert {lang for lang, _ in TESTICLE_TUNE} == set(TESTICLE_LANGS)


@pytest.mark.parametrize(("lang", "text"), TESTICLE_TUNE)
def test_a_testicle_pain_of_the_sets_calls_999(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "emergency", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "j'ai mal au testicule gauche depuis ce matin"),  # egora.fr, planetesante.ch
        ("it", "mi fa male il testicolo destro"),  # siu.it, css.ch
    ],
)
def test_a_testicle_pain_calls_999_in_french_and_italian(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "emergency", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "¿es normal tener un testículo más grande que el otro?"),
        ("de", "Hoden ertasten: wie mache ich eine Selbstuntersuchung?"),
        ("ru", "пасхальное яичко своими руками"),
        ("tr", "testis kanseri belirtileri nelerdir?"),
        ("id", "apakah normal buah zakar kiri lebih rendah?"),
        ("ar", "هل من الطبيعي أن تكون إحدى الخصيتين أكبر؟"),
    ],
)
def test_a_testicle_without_pain_is_no_emergency(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


# t-lang3: a severe pain in the abdomen calls 999 (rule severe_pain_trunk, NHS.uk When to go to
# A&E: severe stomach pain) in es, fr, de, it, pt, with the German and Italian one-word forms
# ("Bauchschmerzen", "mal di pancia"); a period's own severe pain stays a GP's matter
# (period_pain_severe), as in English, and a mild one or an idiom stays quiet
ABDOMEN_LANGS = ("es", "fr", "de", "it", "pt", "ru", "tr", "id", "ar")
ABDOMEN_WORDS = ("abdom", "estómago", "ventre", "bauch", "pancia", "живот", "karın", "karnım", "perut")
ABDOMEN_WORDS_AR = ("البطن", "المعدة")
ABDOMEN_TUNE = [
    (item.lang, item.text)
    for lang in ABDOMEN_LANGS
    for item in load(lang)
    if item.split == "tune"
    and item.id.startswith(f"{lang}-80")
    and len(item.id) == len(f"{lang}-8000")
    and not any(w in item.text.lower() for w in TESTICLE_WORDS)
    and item.id not in BLEEDING_IDS
    and any(w in item.text.lower() for w in ABDOMEN_WORDS + ABDOMEN_WORDS_AR)
]


def test_the_sets_hold_the_new_abdomen_items() -> None:
    assert {lang for lang, _ in ABDOMEN_TUNE} == set(ABDOMEN_LANGS)


@pytest.mark.parametrize(("lang", "text"), ABDOMEN_TUNE)
def test_a_severe_abdominal_pain_of_the_sets_calls_999(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "emergency", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "tengo cólicos menstruales muy fuertes, dolor de barriga intenso con la regla"),
        ("fr", "j'ai des douleurs de règles très fortes, mal au ventre insupportable pendant mes règles"),
        ("de", "ich habe starke Regelschmerzen, Bauchschmerzen während der Periode"),
        ("it", "ho dolori mestruali molto forti, mal di pancia intenso durante il ciclo"),
        ("pt", "tenho cólica menstrual muito forte, dor na barriga intensa durante a menstruação"),
        ("ru", "сильные боли внизу живота во время месячных"),
        ("uk", "дуже сильний біль унизу живота під час місячних"),
        ("tr", "adet sancılarım çok şiddetli, karnım çok ağrıyor"),
    ],
)
def test_a_severe_period_pain_asks_for_a_doctor(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "doctor", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "tengo mariposas en el estómago"),
        ("de", "ich habe Schmetterlinge im Bauch"),
        ("fr", "j'ai le ventre noué avant l'examen"),
        ("de", "Ich habe leichte Bauchschmerzen nach dem Essen"),
        ("it", "ho un po' di mal di pancia"),
        ("ru", "бабочки в животе"),
        ("ru", "у меня живот болит от смеха"),
        ("tr", "karın ağrım var ama hafif"),
        ("id", "sakit perut ringan setelah makan"),
        ("ar", "ألم خفيف في البطن بعد الأكل"),
    ],
)
def test_a_mild_belly_ache_or_an_idiom_is_no_emergency(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


# t-lang3: diarrhoea in es, fr, de, ru; with blood it asks for a doctor (rule blood_where_not,
# NICE NG12 / NHS.uk: blood in poo needs a GP), alone it stays quiet
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "mi hijo tiene diarrea con sangre"),  # 1doc3.com "diarrea con sangre"
        ("fr", "mon enfant a une diarrhée sanglante depuis hier"),  # verslasante.com
        ("de", "mein Kind hat blutigen Durchfall"),  # aponet.de "blutiger Durchfall"
        ("ru", "у ребенка понос с кровью"),  # kishechnik.guru "Понос с кровью у ребенка"
    ],
)
def test_bloody_diarrhoea_asks_for_a_doctor(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "doctor", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "tengo diarrea desde ayer"),
        ("fr", "j'ai la diarrhée depuis hier"),
        ("de", "ich habe seit gestern Durchfall"),
        ("ru", "у меня диарея второй день"),
    ],
)
def test_diarrhoea_alone_is_no_alarm(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text
