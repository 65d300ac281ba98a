"""The message mix the engine is timed on: the dev eval texts, long user stories up to Telegram's
4,096-character limit, and one adversarial message built to defeat every shortcut."""

from __future__ import annotations

import json
import random
import string
from dataclasses import dataclass
from pathlib import Path

TELEGRAM_LIMIT = 4096
DEV_FILE = Path(__file__).parents[1] / "tests" / "data" / "dev.jsonl"
STORY_LENGTHS = (300, 800, 1500, 2500, 4096)

# Sentences people write when they tell the whole story: stress, sleep, coffee, work, a twitch.
# Some carry a topic, some a typo, some a red flag; most are just life.
_OPENERS = (
    "Hi, sorry for the long message, I don't really know where else to ask.",
    "Hello! I've been reading a lot online and I'm getting a bit worried, so here goes.",
    "Ok so this is going to be long, bear with me please.",
    "Hey there, quick question that turned into a long story.",
)
_LIFE = (
    "Work has been insane for the last couple of months and I'm doing twelve hour days.",
    "I'm sleeping maybe five hours a night, sometimes less when the baby wakes up.",
    "I drink way too much coffee, probably four or five cups a day, plus an energy drink.",
    "My partner says I'm grinding my teeth at night and I wake up with a sore jaw.",
    "I started running again in spring and I usually do 5k three times a week.",
    "My diet isn't great, lots of takeaway and not many vegetables if I'm honest.",
    "I've been staring at screens all day for work and my eyes feel dry and tired.",
    "We moved house last month and everything has been chaotic since then.",
    "I stopped drinking alcohol in January, which has been good for my mood.",
    "I get anxious before meetings and my heart races a bit, then it settles.",
    "My mum had thyroid problems so I always wonder if it runs in the family.",
    "I had a cold two weeks ago but that cleared up fine.",
    "I do yoga on Sundays and I try to stretch after runs but I often forget.",
    "Lately I've been feeling a bit low, nothing dramatic, just tired all the time.",
    "I'm 34, otherwise healthy, no medication except the occasional ibuprofen.",
    "I tried cutting down on caffeine last week but I got headaches so I went back.",
    "My job involves a lot of typing and my forearms ache by the end of the day.",
    "I drink about a litre of water a day, which I know is probably not enough.",
    "The weather has been really hot and I sweat a lot on my commute by bike.",
    "I sometimes take melatonin to fall asleep but I'm not sure it does anything.",
)
_SYMPTOMS = (
    "For about ten days my left eyelid has been twitching on and off, mostly in the evening.",
    "Now my calf muscle twitches too when I'm lying in bed, like little ripples under the skin.",
    "The twiching in my eye is so annoying, it feels like everyone can see it.",
    "It's not painful at all, just these small flickers that come and go.",
    "Sometimes my thumb jumps a little when I'm holding my phone.",
    "It seems worse after a bad night or a lot of coffee, better on weekends.",
    "I read that it could be fasciculations and that they're usually harmless.",
    "My eye twitch started during a really stressful week at work.",
    "I haven't noticed any real problem with grip or walking, I think.",
    "When I press on the eyelid it calms down for a few seconds then starts again.",
)
_TOPICS = (
    "A friend told me magnesium helps, is that true and how much should I take?",
    "Would magnesium glycinate be better than citrate for this?",
    "I also saw people recommending vitamin B6 and ashwagandha for stress.",
    "Does l-theanine actually help with anxiety or is it just marketing?",
    "Someone on a forum said GABA supplements calm the nerves, any thoughts?",
    "Should I try zinc as well, or is that for something else?",
    "What are the usual causes of muscle twitching?",
    "When should I see a doctor about twitching, and is it ever serious?",
    "Is magnesum safe to take with coffee?",
)
_CLOSERS = (
    "Thanks so much for reading all this!",
    "Any advice would be really appreciated, thank you.",
    "Sorry again for the essay, thanks in advance.",
    "Cheers!",
)


@dataclass(frozen=True)
class Message:
    kind: str  # "dev", "story" or "adversarial"
    text: str


def dev_texts(path: Path = DEV_FILE) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]


def story(rng: random.Random, length: int) -> str:
    """A plausible long message of at most `length` characters, ending on a whole sentence."""
    parts = [rng.choice(_OPENERS)]
    pools = (_LIFE, _LIFE, _SYMPTOMS, _TOPICS)
    while True:
        sentence = rng.choice(rng.choice(pools))
        if len(" ".join(parts)) + len(sentence) + 1 > length - 40:
            break
        parts.append(sentence)
    closer = rng.choice(_CLOSERS)
    text = " ".join(parts) + " " + closer
    if "\n" not in text and len(text) > 600:
        # Long messages come in paragraphs.
        text = text.replace(". ", ".\n\n", 3)
    return text[:length]


def adversarial(rng: random.Random, vocabulary: list[str], length: int = TELEGRAM_LIMIT) -> str:
    """4,096 characters of distinct words that each look like a typo of something known.

    Every word is new (no memo helps), unknown (every one gets a typo-tolerant look), not a
    stopword (windows grow to their widest) and one or two edits from a real name or phrase
    word (the candidate sets are never empty), with some short tokens and numbers between.
    """
    seen: set[str] = set()
    out: list[str] = []
    size = 0
    while size < length:
        roll = rng.random()
        if roll < 0.7 and vocabulary:
            word = _mutate(rng, rng.choice(vocabulary))
        elif roll < 0.85:
            word = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(8, 12)))
        else:
            word = rng.choice(("b6", "p5p", "x", "l", "12", "b", "c3", "d"))
        if len(word) > 3 and word in seen:
            continue
        seen.add(word)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:length].rstrip()


def _mutate(rng: random.Random, word: str) -> str:
    chars = list(word.replace(" ", rng.choice(("", " ", "-"))))
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.33:
            chars[i] = rng.choice(string.ascii_lowercase)
        elif op < 0.66 and len(chars) > 3:
            del chars[i]
        else:
            chars.insert(i, rng.choice(string.ascii_lowercase))
    return "".join(chars)


def message_mix(vocabulary: list[str], stories: int = 10, seed: int = 7) -> list[Message]:
    """The dev texts, `stories` long stories spread over STORY_LENGTHS, one adversarial text."""
    rng = random.Random(seed)
    mix = [Message("dev", t) for t in dev_texts()]
    mix += [Message("story", story(rng, STORY_LENGTHS[i % len(STORY_LENGTHS)])) for i in range(stories)]
    mix.append(Message("adversarial", adversarial(rng, vocabulary)))
    return mix


def adversarial_vocabulary() -> list[str]:
    """Names and aliases of the shipped topics and every lexicon phrase: what a typo can hit."""
    from knowledge import load_knowledge
    from knowledge.understanding.lexicon import load_lexicon

    kb = load_knowledge()
    lexicon = load_lexicon()
    names = [n for t in kb.topics() for n in (t.name, *t.aliases)]
    phrases = [
        *(p for flag in lexicon.triage.flags.values() for p in flag.phrases),
        *(p for s in lexicon.language.sections.values() for p in s.phrases),
    ]
    words = {w.lower() for p in phrases for w in p.split() if w.isalpha() and "{" not in w}
    return sorted({n.lower() for n in names} | {w for w in words if len(w) > 3})
