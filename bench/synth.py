"""Synthetic knowledge bases of any size, written as real article files and loaded by the real
loader, so the benchmark measures what a large deployment would load.

Names are composed from anatomical, medical and botanical word lists ("Chronic plantar
tendinosis", "golden thornwort (Berberis lunaria)", "chromium taurate"), every name and alias
unique by the loader's rules (compact keys), ingredients shared across conditions, an
overlay.toml with extra aliases. The shipped articles and overlay are copied in, so the dev
messages still find their topics. Deterministic for a seed.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from knowledge import load_knowledge
from knowledge.base.loader import DEFAULT_KNOWLEDGE_DIR
from knowledge.base.overlay import OVERLAY_FILE
from knowledge.base.slugs import compact, slugify

CONDITION_SHARE = 0.4  # of the topics; the rest are ingredients
INGREDIENTS_PER_CONDITION = (4, 9)

_MODIFIERS = (
    "chronic",
    "acute",
    "recurrent",
    "nocturnal",
    "idiopathic",
    "benign",
    "juvenile",
    "seasonal",
    "exertional",
    "postural",
    "tension",
    "stress",
    "primary",
    "secondary",
    "mild",
    "migratory",
    "diffuse",
    "focal",
    "bilateral",
    "latent",
    "reactive",
    "transient",
    "persistent",
    "atypical",
)
_SITES = (
    "plantar",
    "lumbar",
    "cervical",
    "thoracic",
    "patellar",
    "achilles",
    "rotator",
    "carpal",
    "tarsal",
    "temporal",
    "occipital",
    "frontal",
    "sinus",
    "gastric",
    "colonic",
    "bronchial",
    "dermal",
    "scalp",
    "eyelid",
    "ocular",
    "auricular",
    "nasal",
    "oral",
    "gingival",
    "dental",
    "jaw",
    "shoulder",
    "elbow",
    "wrist",
    "hip",
    "knee",
    "ankle",
    "heel",
    "calf",
    "hamstring",
    "gluteal",
    "pelvic",
    "bladder",
    "renal",
    "hepatic",
    "thyroid",
    "adrenal",
    "pancreatic",
    "venous",
    "lymphatic",
    "cardiac",
    "pulmonary",
    "pleural",
    "esophageal",
    "duodenal",
    "ileal",
    "rectal",
    "vulvar",
    "prostatic",
    "femoral",
    "tibial",
    "radial",
    "ulnar",
    "sciatic",
    "facial",
    "trigeminal",
    "vestibular",
    "cochlear",
    "retinal",
    "corneal",
    "palmar",
    "digital",
    "sacral",
)
_DISORDERS = (
    "fasciitis",
    "tendinosis",
    "tendinitis",
    "neuralgia",
    "neuropathy",
    "myalgia",
    "arthralgia",
    "dermatitis",
    "eczema",
    "spasm",
    "cramp",
    "strain",
    "bursitis",
    "headache",
    "migraine",
    "inflammation",
    "irritation",
    "congestion",
    "reflux",
    "dyspepsia",
    "fatigue",
    "stiffness",
    "instability",
    "hypersensitivity",
    "dryness",
    "itch",
    "swelling",
    "numbness",
    "tremor",
    "weakness",
    "ache",
    "sprain",
    "impingement",
    "syndrome",
    "dysfunction",
    "insufficiency",
    "catarrh",
    "colic",
    "erythema",
    "pruritus",
    "hyperhidrosis",
    "myopathy",
    "synovitis",
    "capsulitis",
    "entrapment",
    "contracture",
    "edema",
    "discomfort",
    "tenderness",
)
_SYLLABLES = (
    "bra",
    "cor",
    "del",
    "fen",
    "gal",
    "hor",
    "lun",
    "mar",
    "nor",
    "pel",
    "quin",
    "ros",
    "sal",
    "tor",
    "val",
    "wen",
    "zan",
    "bel",
    "cas",
    "dor",
    "el",
    "fir",
    "gre",
    "hal",
    "ist",
    "jun",
    "kel",
    "lor",
    "mon",
    "nam",
    "ost",
    "per",
    "rin",
    "sel",
    "tam",
    "ur",
    "ver",
    "yar",
    "zel",
)
_EPITHETS = (
    "officinalis",
    "vulgaris",
    "montana",
    "sylvestris",
    "lunaria",
    "aurantica",
    "minor",
    "major",
    "rubra",
    "alba",
    "nigra",
    "repens",
    "procumbens",
    "chinensis",
    "indica",
    "japonica",
    "europaea",
    "americana",
    "sativa",
    "hirsuta",
    "glabra",
    "tomentosa",
    "serrata",
    "arvensis",
    "palustris",
    "maritima",
    "alpina",
    "borealis",
    "australis",
    "orientalis",
)
_COLOURS = (
    "golden",
    "silver",
    "red",
    "white",
    "black",
    "blue",
    "purple",
    "yellow",
    "green",
    "wild",
    "sweet",
    "bitter",
    "marsh",
    "mountain",
    "desert",
    "river",
    "meadow",
    "forest",
    "winter",
    "summer",
    "indian",
    "siberian",
    "chinese",
    "african",
    "alpine",
    "coastal",
    "common",
)
_PLANTS = (
    "wort",
    "root",
    "bark",
    "leaf",
    "berry",
    "seed",
    "flower",
    "thorn",
    "moss",
    "weed",
    "vine",
    "balm",
    "grass",
    "cap",
    "fern",
    "bell",
    "nut",
    "sage",
    "mint",
    "lily",
)
_MINERALS = (
    "chromium",
    "selenium",
    "manganese",
    "molybdenum",
    "boron",
    "copper",
    "iodine",
    "lithium",
    "silica",
    "strontium",
    "vanadium",
    "calcium",
    "potassium",
    "iron",
    "germanium",
)
_SALTS = (
    "citrate",
    "taurate",
    "malate",
    "orotate",
    "picolinate",
    "bisglycinate",
    "aspartate",
    "threonate",
    "carbonate",
    "chloride",
    "sulfate",
    "lactate",
    "fumarate",
    "succinate",
)
_CAUSES = (
    "Repetitive strain or overuse",
    "Stress or anxiety",
    "Poor sleep",
    "Caffeine or stimulant intake",
    "Dehydration",
    "Prolonged sitting or standing",
    "Poorly fitting shoes",
    "Cold weather",
    "Hormonal changes",
    "Sudden increase in activity",
    "Nutrient deficiencies (especially iron)",
    "Allergens or irritants",
    "Heavy lifting",
    "Viral infection",
    "Excess weight",
    "Ageing of the tissues",
    "Smoking",
    "Alcohol use",
    "Poor posture at a desk",
    "Tight muscles",
    "Flat feet or high arches",
    "Running on hard surfaces",
    "Genetic predisposition",
    "Bacterial infection",
    "Dry air or low humidity",
    "Spicy or fatty food",
    "Skipping meals",
    "Long screen time",
    "Contact with detergents",
    "Pregnancy",
    "Menopause",
    "Minor injury",
    "Sports without warm-up",
    "Sudden weight gain",
    "Side effects of antibiotics",
    "Low vitamin D",
    "Seasonal pollen",
    "Shift work",
    "Grinding the teeth",
    "Carrying heavy bags",
)
_SEVERE = (
    "Autoimmune disease",
    "Nerve compression",
    "Chronic infection",
    "Diabetes",
    "Circulatory problems",
    "Side effects of medications (e.g., statins, steroids)",
    "Long-term inflammation without treatment",
    "Structural damage to the joint",
    "Kidney disease",
    "Thyroid disorders",
    "Blood clots",
    "Tumours pressing on tissue",
    "Severe vitamin deficiency",
    "Spinal disc herniation",
    "Rheumatoid arthritis",
    "Untreated sleep apnoea",
    "Heart failure",
    "Liver disease",
    "Osteoporosis",
    "Gout",
)
_DOCTOR = (
    "Pain lasting more than two weeks",
    "Numbness or tingling spreading to the limbs",
    "Fever with redness and warmth",
    "Symptoms that wake you at night",
    "Sudden swelling after an injury",
    "Unexplained weight loss",
    "Inability to bear weight",
    "Symptoms getting worse despite rest",
    "Bleeding or discharge",
    "Changes in bladder or bowel control",
    "Skin turning pale or blue",
    "Severe headache with stiff neck",
    "Blurred or double vision",
    "Shortness of breath on mild effort",
    "Persistent vomiting",
    "Rash spreading quickly",
    "Joint locking or giving way",
    "Weakness in one arm or leg",
    "Blood in urine or stool",
    "No improvement after a month of self-care",
    "Night sweats",
    "Hoarseness lasting weeks",
    "Difficulty swallowing",
    "Lumps that grow",
    "Pain after a fall in older adults",
)
_REMEDY_EXTRAS = (
    ("Rest and elevation", "Reducing load lets irritated tissue recover."),
    ("Warm compresses", "Heat relaxes tight muscles and improves local blood flow."),
    ("Gentle stretching", "Regular stretching keeps tissues supple and reduces stiffness."),
    ("Cold packs", "Cold reduces swelling after flare-ups."),
    ("Sleep hygiene", "Regular sleep supports recovery and lowers stress."),
    ("Supportive footwear", "Cushioned shoes spread the load on the feet."),
    ("Steam inhalation", "Warm moist air loosens congestion."),
    ("Massage", "Gentle massage eases tension and improves circulation."),
    ("Hydration", "Enough water keeps tissues and mucus membranes healthy."),
    ("Breathing exercises", "Slow breathing calms the nervous system."),
    ("Ergonomic adjustments", "A better desk setup reduces strain through the day."),
    ("Oatmeal baths", "Colloidal oats soothe irritated skin."),
)
_INTRO = "These raw ingredients are often used in alternative medicine to treat {title}"


@dataclass
class _Topic:
    name: str
    aliases: list[str] = field(default_factory=list)
    overlay: list[str] = field(default_factory=list)


class _Names:
    """Hands out names and aliases whose compact keys and slugs nobody else has."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)

    def claim(self, name: str) -> bool:
        key = compact(name)
        if not key or key in self.taken or slugify(name) in self.taken:
            return False
        self.taken.update((key, slugify(name)))
        return True


def _conditions(rng: random.Random, names: _Names, count: int) -> Iterator[_Topic]:
    made = 0
    while made < count:
        site, disorder = rng.choice(_SITES), rng.choice(_DISORDERS)
        words = [site, disorder] if rng.random() < 0.4 else [rng.choice(_MODIFIERS), site, disorder]
        name = " ".join(words).capitalize()
        if not names.claim(name):
            continue
        topic = _Topic(name)
        latin = f"{_pseudo(rng, 2)}{rng.choice(('itis', 'osis', 'algia', 'opathy'))}"
        if rng.random() < 0.6 and names.claim(latin):
            topic.aliases.append(latin)
        eponym = f"{_pseudo(rng, 2).capitalize()}-{_pseudo(rng, 2).capitalize()} syndrome"
        if rng.random() < 0.3 and names.claim(eponym):
            topic.aliases.append(eponym)
        initials = "".join(w[0] for w in words).upper() + rng.choice(("", "S", "D"))
        if len(initials) >= 3 and rng.random() < 0.3 and names.claim(initials):
            topic.overlay.append(initials)
        if len(words) == 3 and rng.random() < 0.3 and names.claim(" ".join(words[1:])):
            topic.overlay.append(" ".join(words[1:]))
        made += 1
        yield topic


def _ingredients(rng: random.Random, names: _Names, count: int) -> Iterator[_Topic]:
    made = 0
    while made < count:
        roll = rng.random()
        if roll < 0.7:
            name = f"{rng.choice(_COLOURS)} {_pseudo(rng, 1)}{rng.choice(_PLANTS)}"
            synonym = f"{_pseudo(rng, 3).capitalize()} {rng.choice(_EPITHETS)}"
        elif roll < 0.9:
            name = f"{rng.choice(_MINERALS)} {rng.choice(_SALTS)}"
            synonym = f"{name.split()[0]} {_pseudo(rng, 1)}ate"
        else:
            name = f"{_pseudo(rng, 2)}ol"
            synonym = f"vitamin {rng.choice('ADEFHKPQU')}{rng.randint(2, 19)}"
        if not names.claim(name):
            continue
        topic = _Topic(name)
        if names.claim(synonym):
            topic.aliases.append(synonym)
        trade = f"{_pseudo(rng, 2).capitalize()}{rng.choice(('ex', 'ix', 'on', 'max'))}"
        if rng.random() < 0.25 and names.claim(trade):
            topic.overlay.append(trade)
        made += 1
        yield topic


def _pseudo(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


def _article(rng: random.Random, condition: _Topic, ingredients: list[_Topic]) -> str:
    title = condition.name
    also = f" {title} (also called {', '.join(condition.aliases)}) is" if condition.aliases else ""
    synopsis = (
        f"{title} refers to discomfort and reduced function that comes and goes with load and "
        f"rest.{also} common in adults and often linked to overuse, stress or poor recovery. "
        "Most cases settle with simple care; persistent or severe symptoms deserve a check-up."
    )
    lines = [title, f"Synopsis of {title}", synopsis, "Types:"]
    for kind in rng.sample(("Mild", "Acute", "Chronic", "Recurrent", "Exercise-related"), 3):
        lines += ["-", f"{kind} {title.lower()}: {kind} form with typical symptoms and course"]
    lines.append("Common Causes:")
    lines += [f"- {c}" for c in rng.sample(_CAUSES, 5)]
    lines.append("Severity Causes:")
    first, *rest = rng.sample(_SEVERE, 3)
    lines += ["-", first, *(f"- {c}" for c in rest)]
    lines.append("When to See a Doctor:")
    lines += ["-\n" + d for d in rng.sample(_DOCTOR, 4)]
    lines.append(f"Natural remedies for {title}")
    for ingredient in ingredients:
        if rng.random() < 0.7:
            lines.append(
                f"{ingredient.name[:1].upper()}{ingredient.name[1:]}: Traditionally used to "
                f"ease {title.lower()} and support recovery."
            )
    for name, description in rng.sample(_REMEDY_EXTRAS, 2):
        lines.append(f"{name}: {description}")
    lines += ["Ingredients", _INTRO.format(title=title)]
    for ingredient in ingredients:
        synonym = f" ({ingredient.aliases[0]})" if ingredient.aliases else ""
        lines.append(ingredient.name + synonym)
    return "\n".join(lines) + "\n"


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def generate_kb(directory: Path, topics: int, seed: int = 1, source: Path = DEFAULT_KNOWLEDGE_DIR) -> Path:
    """Write about `topics` topics (conditions + ingredients, the shipped ones included) as
    article files and an overlay into `directory`, which must be empty or missing."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for path in source.glob("*.txt"):
        shutil.copy(path, directory / path.name)
    kb = load_knowledge(source)
    topics_shipped = kb.topics()
    names = _Names({k for t in topics_shipped for n in (t.name, *t.aliases) for k in (compact(n), t.slug)})
    shipped = len(topics_shipped)
    extra = max(topics - shipped, 2)
    n_conditions = max(1, round(extra * CONDITION_SHARE))
    conditions = list(_conditions(rng, names, n_conditions))
    ingredients = list(_ingredients(rng, names, extra - n_conditions))
    # Every ingredient is listed at least once (round robin), then shared at random.
    listed: list[list[_Topic]] = [[] for _ in conditions]
    for i, ingredient in enumerate(ingredients):
        listed[i % len(conditions)].append(ingredient)
    for own in listed:
        want = rng.randint(*INGREDIENTS_PER_CONDITION)
        while len(own) < want:
            pick = rng.choice(ingredients)
            if pick not in own:
                own.append(pick)
    for condition, own in zip(conditions, listed, strict=True):
        (directory / f"{slugify(condition.name)}.txt").write_text(
            _article(rng, condition, own), encoding="utf-8"
        )
    shipped_overlay = source / OVERLAY_FILE
    overlay = [shipped_overlay.read_text(encoding="utf-8")] if shipped_overlay.exists() else []
    for table, group in (("conditions", conditions), ("ingredients", ingredients)):
        for topic in group:
            if topic.overlay:
                overlay.append(f"[{table}.{slugify(topic.name)}]\naliases = {_toml_list(topic.overlay)}\n")
    (directory / OVERLAY_FILE).write_text("\n".join(overlay), encoding="utf-8")
    return directory
