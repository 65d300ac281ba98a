"""t-lang4 (session 8): labour contractions, spotting, a bone heard to snap and a sudden hearing
loss in the ten languages (lexicon/concepts/<lang>.toml), which had English words only.
Contractions in pregnancy call the maternity unit or 999 (rule pregnancy_labour_early, NHS.uk
Premature labour and birth); spotting in pregnancy asks for a midwife or GP, with a pain 999
(pregnancy_bleeding, pregnancy_bleeding_cramps); a snap heard at an injury of a limb that hurts or
swells is a broken bone (limb_snap_heard, NHS.uk Broken ankle); a sudden hearing loss asks for a
GP, with vertigo 999 (sudden_hearing_loss, vertigo_neuro, NHS.uk Hearing loss and Vertigo); memory
lost after a head injury is 999 (head_injury_amnesia, NICE NG232), alone a GP's (memory_loss). The
emergencies are the sets' tune items from id 8500; their everyday look-alikes (a muscle's spasm,
knees that crack, "es tut weh", "ich kann es nicht mehr hören") stay quiet.
docs/languages-safety.md has the figures."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.language_sets import LANGUAGES, load


def level(engine: Engine, text: str, lang: str) -> str:
    return engine.reader.read(text, None, lang).triage.level


# the items this pass gathered; two of them are left as misses (docs/languages-safety.md):
# pt-8500 ("ainda não cheguei às 37 semanas e tenho contrações": the negation reaches the
# contractions), ru-8502 (Russian has no bone_snap words: one independent page only) and uk-8505
# (the spotting is read, "спазми внизу живота", cramps, is not: no language has cramp words yet) and
# it-8508 ("un forte bruciore di stomaco": the burning is read, "forte" alone is no severity in Italian)
KNOWN_MISSES = {"pt-8500", "ru-8502", "uk-8505", "it-8508"}
NEW_TUNE = [
    (item.lang, item.text)
    for lang in LANGUAGES
    for item in load(lang)
    if item.split == "tune"
    and item.kind == "emergency"
    and 8500 <= int(item.id.split("-")[1]) <= 8999
    and item.id not in KNOWN_MISSES
]
NEW_LOOK_ALIKES = [
    (item.lang, item.text)
    for lang in LANGUAGES
    for item in load(lang)
    if item.split == "tune" and item.kind == "look_alike" and 8500 <= int(item.id.split("-")[1]) <= 8999
]


def test_the_sets_hold_the_new_items() -> None:
    assert {lang for lang, _ in NEW_TUNE} == set(LANGUAGES)
    assert len(NEW_TUNE) >= 60
    assert len(NEW_LOOK_ALIKES) >= 5


@pytest.mark.parametrize(("lang", "text"), NEW_TUNE)
def test_a_new_emergency_of_the_sets_calls_999(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "emergency", text


@pytest.mark.parametrize(("lang", "text"), NEW_LOOK_ALIKES)
def test_a_new_look_alike_of_the_sets_stays_quiet(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "estoy embarazada de 33 semanas y tengo contracciones"),
        ("pt", "estou grávida de 32 semanas e tenho contrações"),
        ("ru", "беременна 30 недель, начались схватки"),
        ("uk", "вагітна, почалися сутички"),
        ("de", "ich bin schwanger und habe Wehen"),
        ("fr", "je suis enceinte et j'ai des contractions"),
        ("it", "sono incinta e ho le contrazioni"),
        ("tr", "hamileyim ve kasılmalarım var"),
        ("id", "saya hamil 30 minggu dan kontraksi"),
        ("ar", "أنا حامل وعندي تقلصات الرحم"),
    ],
)
def test_contractions_in_pregnancy_call_999(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "emergency", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "Wehen" is read as written: its stem "weh" is "it hurts" ("tut weh")
        ("de", "ich bin schwanger und mein Rücken tut weh"),
        ("de", "es tut weh, ich bin in der 20. Woche schwanger"),
        # a muscle's spasm is no labour
        ("es", "tengo contracciones musculares en la pierna después del gimnasio"),
        ("tr", "hamileyim ve bacağımda kas kasılması var"),
        ("es", "estoy embarazada y tengo calambres en las piernas por la noche"),
    ],
)
def test_a_pain_or_a_muscle_spasm_in_pregnancy_is_no_labour(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # spotting alone asks for a doctor, as English "pregnant, spotting" does; with a pain, 999
        ("de", "schwanger, braune Schmierblutung ohne Schmerzen", "doctor"),
        ("tr", "hamileyim ve lekelenme oldu", "doctor"),
        ("ru", "беременна, мажущие выделения без боли", "doctor"),
        ("uk", "вагітна, мажучі виділення, нічого не болить", "doctor"),
        ("id", "hamil 10 minggu keluar flek cokelat sedikit", "doctor"),
        ("ar", "أنا حامل وظهرت بقع دم خفيفة", "doctor"),
        # "flek hitam" on the face is a dark spot, not spotting
        ("id", "flek hitam di wajah saat hamil, bagaimana menghilangkannya?", "none"),
        ("de", "schwanger, Schmierblutung und Unterleibsschmerzen", "emergency"),
        ("tr", "hamileyim, lekelenme ve kasık ağrısı var", "emergency"),
        # out of pregnancy, spotting before a period is nothing to escalate
        ("de", "ich habe eine Schmierblutung zwischen den Perioden", "none"),
        ("tr", "adet öncesi lekelenme oluyor", "none"),
    ],
)
def test_spotting_in_pregnancy(engine: Engine, lang: str, text: str, expected: str) -> None:
    assert level(engine, text, lang) == expected, text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "me crujen las rodillas al agacharme y me duelen"),
        ("es", "escucho un crujido en la rodilla cuando subo escaleras y me duele"),
        ("pt", "meu joelho estala quando agacho e dói"),
        ("fr", "mon genou craque et me fait mal"),
    ],
)
def test_a_knee_that_cracks_is_no_broken_bone(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "perdí la audición de un oído de repente"),
        ("pt", "surdez súbita no ouvido direito"),
        ("fr", "surdité brusque de l'oreille gauche"),
        ("de", "Hörsturz, plötzlich auf einem Ohr nichts mehr gehört"),
        ("it", "sordità improvvisa all'orecchio destro"),
        ("ru", "внезапная потеря слуха на правое ухо"),
        ("uk", "раптова втрата слуху на ліве вухо"),
        ("tr", "tek kulakta ani işitme kaybı"),
        ("id", "tiba-tiba tuli sebelah"),
        ("ar", "فقدان السمع المفاجئ في الأذن اليمنى"),
    ],
)
def test_a_sudden_hearing_loss_asks_for_a_doctor(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "doctor", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # sick of hearing it, not wanting to hear more, no news from someone, playing deaf
        ("de", "ich kann es nicht mehr hören"),
        ("de", "ich will nichts mehr davon hören"),
        ("fr", "je n'entends plus rien de lui depuis des mois"),
        ("es", "hace oídos sordos a todo lo que le digo"),
        ("es", "dejé de escuchar esa música"),
        ("ru", "ты что, оглох?"),
        ("pt", "fiquei surdo com o barulho do show"),
    ],
)
def test_hearing_said_in_an_idiom_is_no_hearing_loss(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a head injury in the four languages that had no word for it, with vomiting or dizziness: 999
        ("uk", "вдарився головою, нудить і паморочиться голова"),
        ("tr", "beyin sarsıntısı geçirdim ve kusuyorum"),
        ("id", "kepala terbentur pintu, sekarang pusing dan mual"),
        ("ar", "ضربة على الرأس ثم قيء ودوخة"),
    ],
)
def test_a_head_injury_with_vomiting_or_dizziness_calls_999(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "emergency", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "ma mère a des pertes de mémoire depuis quelques mois"),
        ("de", "mein Vater hat zunehmend Gedächtnisverlust"),
        ("es", "mi abuela repite la misma pregunta varias veces al día"),
    ],
)
def test_memory_loss_alone_asks_for_a_doctor(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "doctor", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "tengo memoria de pez, siempre olvido dónde dejo las llaves"),
        ("fr", "j'ai eu un trou de mémoire pendant l'examen"),
        ("de", "nach der Party hatte ich einen Filmriss"),
        ("tr", "şifremi hatırlamıyorum"),
        ("uk", "не пам'ятаю пароль від пошти"),
        ("ar", "ضربة حظ"),
        ("id", "cedera kepala ringan, hanya benjol"),
    ],
)
def test_forgetting_in_everyday_speech_is_no_memory_loss(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # confusion said of a woman or as a noun in Ukrainian and Arabic: 999, as English "confused"
        ("uk", "мама раптом стала дезорієнтована"),
        ("ar", "أمي فجأة لا تعرف أين هي"),
        ("ar", "جدتي مشوشة الذهن فجأة"),
    ],
)
def test_sudden_confusion_calls_999(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "emergency", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "رؤية مشوشة بعد القراءة"),  # blurred sight, not a muddled mind
        ("ar", "أنا مشوشة ولا أعرف ماذا أختار للعشاء"),
    ],
)
def test_muddled_sight_or_choice_is_no_confusion(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a severe burning in the stomach is a severe belly pain, as English "severe burning in my stomach"
        ("pt", "queimação muito forte no estômago", "emergency"),
        ("it", "un bruciore fortissimo allo stomaco", "emergency"),
        # heartburn after a meal, or in the chest, stays quiet as in English
        ("pt", "queimação no estômago depois de comer", "none"),
        ("it", "bruciore di stomaco dopo mangiato", "none"),
        ("pt", "queimação no peito depois de comer", "none"),
        ("it", "bruciore al petto dopo cena", "none"),
    ],
)
def test_a_burning_stomach(engine: Engine, lang: str, text: str, expected: str) -> None:
    assert level(engine, text, lang) == expected, text
