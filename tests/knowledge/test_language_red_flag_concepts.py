"""English-only concepts of the emergency rules given words in other languages
(lexicon/concepts/<lang>.toml): blood where it should not be (rule vomiting_blood, with the
language's vomiting words), heavy bleeding, the waters broken, someone who will not wake
(hard_to_wake), a head injury, a heart attack said to be happening, the baby moving less, a
baby working hard to breathe, a scald with blisters, a fall with no getting up and a bulging
fontanelle; and the everyday senses (a blood test, levels in the blood, a headache, a pat on
the head, a heart attack in jest or told as history, a limb moving less, a draw, a part of the
nose, a sunburn, falling ill, hair loss), which must stay quiet. Each message is read in its
own language, as the engine reads a message once its language is known; the words' pages are
in the comments of each file, docs/languages-safety.md has the figures."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine


def level(engine: Engine, text: str, lang: str) -> str:
    return engine.reader.read(text, None, lang).triage.level


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # vomiting blood (NHS.uk, When to call 999)
        ("es", "estoy vomitando sangre, que hago"),
        ("es", "vomité algo como posos de café"),
        ("fr", "je vomis du sang depuis ce matin"),
        ("fr", "mon vomi ressemble à du marc de café"),
        ("de", "ich habe Blut erbrochen"),
        ("de", "Bluterbrechen seit einer Stunde"),  # one word, [compounds]
        ("it", "ho vomitato sangue stamattina"),
        ("pt", "vomitei sangue hoje"),
        ("ru", "меня рвет кровью, что делать"),
        ("ru", "рвота кофейной гущей с утра"),
        # bleeding that will not stop
        ("es", "me corte cocinando y no para de sangrar"),
        ("fr", "mon doigt n'arrête pas de saigner"),
        ("fr", "le saignement ne s'arrête pas depuis 20 minutes"),
        ("de", "die Wunde blutet stark"),
        ("it", "la ferita sanguina a fiotti"),
        ("pt", "o corte está sangrando muito"),
        ("ru", "у ребенка сильное кровотечение"),
        # the waters broken (NHS.uk, Your water breaking)
        ("es", "se me rompió la fuente y estoy de 33 semanas"),
        ("es", "creo que he roto aguas"),
        ("fr", "j'ai perdu les eaux à 34 semaines"),
        ("de", "meine Fruchtblase ist geplatzt"),
        ("de", "ohne Vorwarnung ist die Fruchtblase geplatzt"),  # "ohne Vorwarnung" denies nothing
        ("it", "mi si sono rotte le acque alla 33 settimana"),
        ("pt", "a minha bolsa estourou com 34 semanas"),
        ("ru", "у меня отошли воды"),
        # someone who will not wake (NHS.uk, When to call 999), alone an emergency as in English
        ("es", "mi bebe no se despierta"),
        ("fr", "il ne se réveille pas"),
        ("de", "er ist nicht wach zu bekommen"),
        ("it", "mio figlio non si sveglia"),
        ("ru", "не могу разбудить ребенка"),
        ("uk", "дитина не прокидається"),
        ("tr", "bebeğimi uyandıramıyorum"),
        ("id", "anak saya tidak bisa dibangunkan"),
        # a head injury with a second sign (NICE CG176, NHS.uk Head injury and concussion)
        ("es", "mi hijo se dio un golpe en la cabeza y ahora vomita"),
        ("es", "mi abuela se cayó y se dio un golpe fuerte en la cabeza"),  # head_injury_older
        ("fr", "il s'est cogné la tête et il vomit"),
        ("it", "il bambino ha battuto la testa e ha vomitato"),
        ("pt", "meu filho caiu e bateu a cabeça e está vomitando"),
        ("ru", "ребенок ударился головой, его рвет"),
        ("ru", "у меня сотрясение мозга и тошнит"),
        # a heart attack or stroke said to be happening now (NHS.uk, Heart attack)
        ("es", "creo que estoy sufriendo un infarto"),
        ("de", "Verdacht auf Schlaganfall bei meiner Mutter"),
        ("pt", "acho que estou infartando"),
        ("ru", "подозрение на инфаркт у папы"),
        # the baby moving less in pregnancy (NHS.uk / RCOG, Your baby's movements)
        ("es", "estoy de 32 semanas y mi bebé se mueve menos que ayer"),
        ("fr", "je suis enceinte de 33 semaines et bébé bouge moins"),
        ("it", "non lo sento muovere da stamattina"),
        ("pt", "estou com 30 semanas e o bebê está mexendo menos"),
        # a baby working hard to breathe (NHS.uk, When to call 999)
        ("es", "mi bebé de 2 meses respira rápido y se le hunden las costillas"),
        ("fr", "mon bébé a un battement des ailes du nez et un tirage sous-costal"),
        ("de", "mein Baby atmet schnell und hat flatternde Nasenflügel"),
        ("it", "il bambino ha rientramenti intercostali e respira veloce"),
        # a child's scald with blisters (NHS.uk, Burns and scalds)
        ("es", "mi hijo se ha quemado con agua hirviendo en la mano y le salieron ampollas"),
        ("fr", "mon enfant s'est brûlé avec de l'eau bouillante, il a des cloques sur la main"),
        ("pt", "meu filho se queimou com água fervente e a mão está com bolhas"),
        ("de", "mein Kind hat sich mit heißem Tee verbrüht und hat Brandblasen an der Hand"),
        ("it", "mio figlio si è scottato con l'acqua bollente e ha le vesciche sulla mano"),
        # a fall and not able to get up (NHS.uk, Falls)
        ("fr", "ma mère âgée est tombée et ne peut pas se relever"),
        ("de", "Mama ist gestürzt und kann nicht aufstehen"),
        ("pt", "minha avó caiu e não consegue se levantar"),
        ("pt", "meu pai idoso sofreu uma queda e tem dor intensa"),
        ("es", "mi abuela se cayó y no puede levantarse"),
        ("es", "mi padre de 85 años se ha caído y no se puede levantar"),
        ("es", "mi madre toma Sintrom y se cayó en el baño"),
        # a baby's bulging fontanelle (NHS.uk, Meningitis; NICE NG143)
        ("es", "mi bebé tiene fiebre y la fontanela abultada"),
        ("fr", "mon bébé a de la fièvre et la fontanelle bombée"),
        ("pt", "meu bebê está com febre e a moleira abaulada"),
        ("it", "il neonato ha la febbre e la fontanella bombata"),
        # a black or bloody stool with feeling faint or dizzy (healthdirect, Blood in stool)
        ("es", "tengo heces negras desde ayer y me mareo al levantarme"),
        ("es", "tengo sangre en las heces y mareos"),
        ("fr", "j'ai des selles noires et des vertiges"),
        ("fr", "du sang dans les selles et la tête qui tourne"),
        ("de", "ich habe Teerstuhl und Schwindel"),
        ("de", "Blut im Stuhl und ich bin fast umgekippt"),
        ("it", "ho feci nere e capogiri"),
        ("it", "sangue nelle feci e vertigini"),
        ("pt", "estou com fezes pretas e tontura"),
        ("pt", "sangue nas fezes e muita tontura"),
        ("ru", "у меня черный стул и кружится голова"),
        ("ru", "кровь в кале и головокружение"),
        # croup's barking cough or stridor with a child struggling to breathe (NHS.uk, Croup)
        ("es", "mi hijo tiene tos perruna y le cuesta respirar"),
        ("es", "el niño tiene crup con estridor y dificultad respiratoria"),
        ("fr", "mon fils a une toux aboyante et du mal à respirer"),
        ("de", "mein Sohn hat bellenden Husten und Atemnot"),
        ("de", "Pseudokrupp: Pfeifgeräusche beim Einatmen und Luftnot"),
        ("it", "il bambino ha stridore e difficoltà respiratoria"),
        ("pt", "meu filho está com tosse de cachorro e falta de ar"),
        ("ru", "ложный круп у сына, задыхается"),
        # hives right after a food, a sting or a medicine (NHS.uk, Anaphylaxis)
        ("es", "me salió urticaria después de comer cacahuete"),
        ("es", "tengo urticaria y picazón poco después de comer mariscos"),
        ("fr", "j'ai de l'urticaire après une piqûre de guêpe"),
        ("it", "dopo aver mangiato arachidi mi è venuta l'orticaria"),
        ("pt", "depois de comer amendoim fiquei com urticária"),
        ("ru", "после укуса осы появилась крапивница"),
        # someone with diabetes being sick (NHS.uk, Diabetic ketoacidosis)
        ("es", "soy diabético tipo 1 y llevo toda la noche vomitando"),
        ("es", "mi hijo tiene diabetes y está vomitando"),
        ("fr", "je suis diabétique de type 1 et je vomis depuis ce matin"),
        ("de", "ich bin Typ-1-Diabetiker und muss ständig erbrechen"),
        ("it", "sono diabetico di tipo 1 e ho vomitato tutta la notte"),
        ("pt", "sou diabético tipo 1 e estou vomitando muito"),
        ("ru", "у меня сахарный диабет 1 типа и рвота с утра"),
        # a fall or a head injury on anticoagulants (NICE NG232, Head injury)
        ("es", "mi abuela toma Sintrom y se dio un golpe en la cabeza"),
        ("fr", "mon père sous anticoagulant est tombé"),
        ("fr", "ma mère âgée est sous anticoagulants, elle a fait une chute avec un choc à la tête"),
        ("de", "mein Vater nimmt Marcumar und ist gestürzt"),
        ("de", "Oma nimmt Blutverdünner und hat sich den Kopf angeschlagen"),
        ("it", "mio nonno prende il Coumadin e ha battuto la testa"),
        ("pt", "minha avó toma varfarina e bateu a cabeça"),
        ("ru", "папа принимает варфарин и ударился головой"),
        # pale with severe pain (MTS; NHS.uk When to go to A&E)
        ("es", "dolor muy fuerte en la barriga y estoy pálido"),
        ("fr", "douleur atroce au ventre et je suis très pâle"),
        ("de", "starke Schmerzen im Bauch und ich bin kreidebleich"),
        ("it", "dolore fortissimo alla pancia e sono pallido"),
        ("pt", "dor muito forte na barriga e estou pálida"),
        # turning blue (NHS.uk, When to call 999)
        ("es", "mi bebé se puso azul y no respira bien"),
        ("es", "tiene la piel azulada"),
        # a thunderclap headache (NICE CKS, Headache - assessment)
        ("de", "ich habe plötzlich einen Donnerschlagkopfschmerz"),
        ("de", "Kopfschmerzen wie ein Donnerschlag, ganz plötzlich"),
        ("ru", "у меня внезапная громоподобная головная боль"),
        ("ru", "голова болит, будто удар грома"),
        # cauda equina: incontinence with back pain, numbness between the legs (NHS.uk)
        ("es", "tengo una hernia discal, dolor de espalda y ahora incontinencia urinaria"),
        ("es", "se me duerme la zona genital y me duele la espalda"),
        ("fr", "hernie discale, mal au dos et incontinence urinaire depuis ce matin"),
        ("fr", "j'ai le périnée engourdi et mal au dos"),
        ("de", "Bandscheibenvorfall, Rückenschmerzen und jetzt Harninkontinenz"),
        ("de", "ich habe eine Reithosenanästhesie und Rückenschmerzen"),
        ("it", "ernia del disco, mal di schiena e incontinenza urinaria"),
        ("it", "formicolio tra le gambe e dolore alla schiena"),
    ],
)
def test_the_sign_in_the_language_is_an_emergency(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "emergency", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # blood in its everyday senses beside nausea, which the languages read as vomiting
        ("es", "tengo nauseas y me hicieron un analisis de sangre"),
        ("es", "tengo nauseas, el magnesio en sangre esta bajo?"),
        ("fr", "j'ai la nausée, le magnésium dans le sang est bas?"),
        ("fr", "il a gardé son sang-froid malgré les nausées"),
        ("de", "mir ist übel, ist Magnesium im Blut zu niedrig?"),
        ("de", "mir ist übel, man hat mir Blut abgenommen"),
        ("it", "ho la nausea, il magnesio nel sangue è basso?"),
        ("pt", "estou com náusea, fiz exame de sangue"),
        ("ru", "тошнит, сдала анализ крови"),
        ("ru", "тошнота, магний в крови низкий?"),
        # a source and a handbag are not the waters
        ("es", "la fuente de esta informacion es buena?"),
        ("pt", "comprei uma bolsa nova e estou com enjoo"),
        ("ru", "пью много воды и тошнит"),
        # a headache is not a head injury; a pat on the head is not a blow
        ("es", "tengo dolor de cabeza y vomito"),
        ("ru", "мама гладила меня по голове, тошнит"),
        # a heart attack told as history, or said in jest ("me va a dar un infarto": stress)
        ("es", "mi padre sufrió un infarto el año pasado"),
        ("es", "me va a dar un infarto con este trabajo"),
        ("de", "mein Vater hatte einen Herzinfarkt, darf er Magnesium nehmen?"),
        ("pt", "meu pai teve um infarto, pode tomar magnésio?"),
        # a limb moving less is not the baby's movements
        ("es", "mi brazo se mueve menos desde ayer"),
        # a draw and a part of the nose are not breathing effort
        ("fr", "le tirage du loto est ce soir et j'ai la nausée"),
        ("de", "ich habe einen Pickel am Nasenflügel"),
        # a sunburn is not a scald
        ("es", "tengo una quemadura solar con ampollas en la cara"),
        ("pt", "tenho queimadura de sol com bolhas no rosto"),
        ("it", "ho una scottatura solare con vesciche sul viso"),
        ("de", "ich habe Sonnenbrand mit Blasen im Gesicht"),
        # soap bubbles and the bladder are not blisters
        ("it", "il bambino gioca con le bolle di sapone"),
        ("de", "ich muss ständig Wasser lassen und die Blase brennt, mein Kind auch"),
        # falling ill, hair loss
        ("fr", "je suis tombée malade et je ne peux pas me lever, très fatiguée"),
        ("pt", "tenho queda de cabelo intensa"),
        ("es", "se cayó el sistema y no puedo entrar"),
        # a chair is not a stool (German "Stuhl"), a head of hair is not melaena (Spanish "melena")
        ("de", "Blut auf dem Stuhl und Schwindel"),
        ("es", "tengo la melena negra y me mareo"),
        # dizziness with a stool that is not black or bloody
        ("es", "tengo mareos y heces blandas"),
        # a dog and a cough are not a barking cough
        ("es", "tengo un perro y tos"),
        ("de", "der Hund bellt und ich huste"),
        ("pt", "meu cachorro está com tosse"),
        # long-standing hives asked about, a wheal at a sting (the normal local reaction)
        ("es", "tengo urticaria crónica desde hace años, ¿puedo tomar magnesio?"),
        ("fr", "j'ai souvent de l'urticaire quand il fait froid"),
        ("de", "ich bekomme immer wieder Nesselsucht bei Kälte"),
        ("it", "ho l'orticaria cronica da anni, il magnesio aiuta?"),
        ("es", "me picó un mosquito y tengo una roncha"),
        ("it", "mi ha punto una vespa e ho un pomfo sul braccio"),
        # diabetes asked about, with no being sick
        ("es", "tengo diabetes, ¿puedo tomar magnesio?"),
        ("fr", "je suis diabétique, le magnésium est-il conseillé ?"),
        ("de", "ich habe Diabetes, darf ich Magnesium nehmen?"),
        ("it", "ho il diabete, posso prendere il magnesio?"),
        ("pt", "tenho diabetes, posso tomar magnésio?"),
        ("ru", "у меня диабет, можно ли пить магний?"),
        # anticoagulants asked about, with no fall or head injury
        ("es", "tomo anticoagulantes, ¿puedo tomar magnesio?"),
        ("fr", "je prends des anticoagulants, le magnésium est-il compatible ?"),
        ("de", "ich nehme Blutverdünner, darf ich Magnesium nehmen?"),
        ("it", "prendo anticoagulanti, posso prendere magnesio?"),
        ("pt", "tomo Marevan, posso tomar magnésio?"),
        ("ru", "принимаю антикоагулянты, можно ли магний?"),
        # a shovel, a palace, no idea: not pale
        ("es", "me duele la espalda de cavar con una pala"),
        ("es", "compré una camisa pálida"),
        ("pt", "comprei uma pala para o sol e tenho febre"),
        # a black chair bought, potassium in a blood test: not a black stool
        ("ru", "купил черный стул, кружится голова от цены"),
        ("ru", "анализ крови: калий низкий, кружится голова"),
        ("fr", "nous avons visité le palais avec de la fièvre"),
        ("de", "ich habe keine blasse Ahnung, Fieber?"),
        # the colour blue is not a blue baby
        ("es", "compré una camisa azul"),
        ("es", "el cielo está azul y tengo fiebre"),
        # thunder heard in a storm, news that hit like a thunderclap
        ("de", "ich habe Kopfschmerzen und höre einen Donnerschlag draußen beim Gewitter"),
        ("de", "die Nachricht traf mich wie ein Donnerschlag"),
        ("ru", "на улице гроза и удар грома, болит голова"),
        # a rider's saddle, a child wetting the bed
        ("it", "intorpidimento dopo tre ore in sella alla bici"),
        ("es", "me hormiguea todo tras tres horas en la silla de montar del caballo"),
        ("fr", "je fais du vélo et j'ai mal au dos en selle"),
        ("es", "mi hija de 5 años moja la cama, ¿es incontinencia?"),
    ],
)
def test_an_everyday_sense_is_not_an_emergency(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "none", text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a black stool alone: see a GP urgently (NHS.uk, Blood in poo), not an emergency
        ("es", "tengo heces negras"),
        ("fr", "mes selles sont noires depuis deux jours"),
        ("de", "seit gestern schwarzer Stuhlgang"),
        ("it", "ho le feci nere da due giorni"),
        ("pt", "estou com fezes pretas"),
        ("ru", "черный кал"),
        # croup alone: see a GP or call 111 (NHS.uk, Croup)
        ("es", "mi hija tiene tos de perro desde anoche"),
        ("fr", "mon enfant a une toux aboyante"),
        ("de", "meine Tochter hat Pseudokrupp"),
        ("it", "tosse abbaiante nel bambino"),
        ("pt", "minha filha tem tosse de cachorro"),
        ("ru", "у ребенка лающий кашель"),
        # a feverish child who is pale: an amber sign (NICE NG143)
        ("es", "mi hijo de 2 años tiene fiebre y está muy pálido"),
        ("fr", "mon fils a de la fièvre et il est pâle"),
        ("de", "mein Kind hat Fieber und ist ganz blass"),
        ("it", "mio figlio ha la febbre ed è pallido"),
        ("pt", "meu filho de 2 anos está com febre e muito pálido"),
    ],
)
def test_the_sign_alone_is_for_a_doctor(engine: Engine, lang: str, text: str) -> None:
    assert level(engine, text, lang) == "doctor", text
