"""Light stemmers for the words the English one cannot touch: Cyrillic (Russian, Ukrainian) and
Arabic. Like the English stemmer they only give a word's common forms one stem, so that a phrase
written once ("дергается глаз", "رفة العين") meets its other forms ("дёргался глаз", "عيني
ترف"); nothing clever, and never a stem shorter than three letters.

Latin-script languages need none of this: their accents are folded, and their forms are listed
in the lexicon or are within the typo index's reach.
"""

from __future__ import annotations

from knowledge.base.slugs import fold

_MIN = 3
# Russian and Ukrainian endings (verbs with their reflexive "ся", nouns, adjectives), folded as
# words are (й -> и, ї -> і, ё -> е), longest first: one comes off.
_CYRILLIC_ENDINGS = tuple(
    sorted(
        {
            fold(e)
            for e in (
                "ывается",
                "ивается",
                "ается",
                "яется",
                "уется",
                "ется",
                "ится",
                "ются",
                "аться",
                "яться",
                "иться",
                "еться",
                "ається",
                "яється",
                "ується",
                "ється",
                "иться",
                "атися",
                "итися",
                "ятися",
                "тися",
                "ться",
                "ался",
                "ялся",
                "ился",
                "елся",
                "алась",
                "илась",
                "ались",
                "ились",
                "ывает",
                "ивает",
                "ивать",
                "ывать",
                "ание",
                "ение",
                "ания",
                "ения",
                "анием",
                "ением",
                "іння",
                "ення",
                "ання",
                "ати",
                "ити",
                "ять",
                "ать",
                "еть",
                "ить",
                "ает",
                "яет",
                "ует",
                "ють",
                "ують",
                "ає",
                "яє",
                "ує",
                "ами",
                "ями",
                "ого",
                "его",
                "ому",
                "ему",
                "ыми",
                "ими",
                "ией",
                "ием",
                "ою",
                "ею",
                "ої",
                "ій",
                "ий",
                "ой",
                "ый",
                "ая",
                "яя",
                "ое",
                "ее",
                "ые",
                "ие",
                "ых",
                "их",
                "ую",
                "юю",
                "ом",
                "ем",
                "ам",
                "ям",
                "ах",
                "ях",
                "ов",
                "ев",
                "ів",
                "ей",
                "ия",
                "ію",
                "ть",
                "ет",
                "ит",
                "ут",
                "ют",
                "ат",
                "ят",
                "ал",
                "ял",
                "ил",
                "ел",
                "ла",
                "ли",
                "ло",
                "а",
                "я",
                "о",
                "е",
                "є",
                "ы",
                "и",
                "і",
                "ї",
                "у",
                "ю",
                "ь",
                "й",
            )
        },
        key=len,
        reverse=True,
    )
)
# Arabic: the article and the clitics before it ("والعين", "بالمغنيسيوم"), then a pronoun or
# plural ending ("عيني", "جفوني"). Letters are already folded (ة -> ه, أ -> ا).
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_ARABIC_SUFFIXES = ("ها", "هم", "كم", "نا", "ات", "ون", "ين", "ي", "ه", "ك")


def is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


def script_stem(word: str) -> str | None:
    """The stem of a Cyrillic or Arabic word, or None for any other script."""
    first = word[0]
    if is_cyrillic(first):
        return _cyrillic(word)
    if is_arabic(first):
        return _arabic(word)
    return None


def _cyrillic(word: str) -> str:
    for ending in _CYRILLIC_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN:
            return word[: -len(ending)]
    return word


def _arabic(word: str) -> str:
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN:
            word = word[len(prefix) :]
            break
    for suffix in _ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN:
            return word[: -len(suffix)]
    return word
