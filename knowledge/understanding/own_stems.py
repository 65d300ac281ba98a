"""A language's own section phrases and descriptions, matched through that language's stems.

The language files (lexicon/languages/<lang>.toml) are read like English: whole words, the
English stemmer, typos. That misses the forms a phrase was not written in: "dangereuse" for
"dangereux", "опасность" for "опасно", "temblarme" for "temblar", "yan etkisi" for "yan
etkileri". Each language already names how its word endings fold (the [stemming] table of
concepts/<lang>.toml, a Snowball stemmer or suffixes), for its clinical words; this reads the
same language's section phrases and descriptions folded that way too, so a phrase written once
finds its forms. A message is read this way only in the language it is written in, so a
folded Spanish phrase is never found in Portuguese.
"""

from __future__ import annotations

from functools import lru_cache

from knowledge.base.models import KnowledgeBase
from knowledge.understanding.folding import Fold, folder
from knowledge.understanding.lexicon import LanguagePack, Lexicon
from knowledge.understanding.normalise import Token, Tokens, stem, words
from knowledge.understanding.patterns import EXACT, GAP, SECTION, TOPIC, Pattern, compile_phrase
from knowledge.understanding.phrase_matcher import Hit, PhraseMatcher
from knowledge.understanding.vocabulary import Stemming, Vocabulary


class OwnStems:
    """One matcher per language that has both a language file and a [stemming] table."""

    def __init__(self, lexicon: Lexicon, clinical: Vocabulary, kb: KnowledgeBase) -> None:
        self._languages: dict[str, tuple[Fold, PhraseMatcher]] = {}
        for lang, pack in lexicon.languages.items():
            words_of = clinical.languages.get(lang)
            if words_of is None or words_of.stemming == Stemming():
                continue
            fold = _endings_only(folder(words_of.stemming), pack.grammar_words)
            patterns = _patterns(pack, lexicon, kb, fold)
            vocabulary = {w for p in patterns for w in p.label.split()}
            # The language's frequent words are never read as a typo of a phrase's word.
            never = frozenset(fold(w) for w in pack.common_words)
            self._languages[lang] = (fold, PhraseMatcher(patterns, vocabulary, never))

    def match(self, tokens: Tokens, lang: str) -> list[Hit]:
        """The language's section phrases and descriptions in a message written in `lang`,
        at the message's own token positions."""
        found = self._languages.get(lang)
        if found is None or not tokens:
            return []
        fold, matcher = found
        folded = [fold(_ligatures(t)) for t in tokens.texts]
        made = {w: Token(w, stem(w)) for w in dict.fromkeys(folded)}
        stems = Tokens(map(made.__getitem__, folded))
        # No source: every word is the language's own, so typo tolerance may read any of them.
        stems.texts, stems.distinct, stems.source = folded, made, ""
        return matcher.match(stems)


def _patterns(pack: LanguagePack, lexicon: Lexicon, kb: KnowledgeBase, fold: Fold) -> list[Pattern]:
    """The language's section phrases, with the weight and section of the English group they
    stand beside, and its descriptions of conditions, every word folded."""
    out: list[Pattern] = []
    for name, phrases in pack.sections.items():
        base = lexicon.language.sections[name]
        for phrase in phrases:
            if EXACT in phrase:  # "=kullanmamalı": this form only; folded, it was "kullanmalı" too
                continue
            out += compile_phrase(
                _folded(phrase, fold), tag=SECTION, section=base.section or name, weight=base.weight
            )
    # The names of its conditions ("göz seğirmesi" finds "göz seğirmem"); an ingredient's names
    # stay with the topic index, which tells an ingredient from a condition.
    for slug, names in pack.topics.items():
        if slug in kb.conditions:
            for name in names:
                out += compile_phrase(_folded(name, fold), tag=TOPIC, owners=frozenset((slug,)))
    groups = {name: tuple(_folded(e, fold) for e in entries) for name, entries in pack.groups.items()}
    for slug, described in pack.described.items():
        if slug in kb.conditions:
            for phrase in described:
                out += compile_phrase(_folded(phrase, fold), groups, tag=TOPIC, owners=frozenset((slug,)))
    return out


def _endings_only(fold: Fold, grammar_words: frozenset[str]) -> Fold:
    """`fold`, except that a grammar word of the language (its 150 most frequent) is never
    folded, and no word is folded onto one. Folded, Spanish and Portuguese "para" (for) was
    "par", the stem of the remedies phrase "parar" (stop); German "sich" the stem of "sicher"
    (safe); Portuguese "dos" (of the) the stem of "dose"; Italian "cosa" the stem of "cos'è"
    (what is); and Indonesian Snowball takes prefixes off, so "berapa" (how much) became "apa"
    (what): every such common word asked for a section. They are read as written (the main
    matcher has every phrase as written); other words still fold ("dangereuse", "опасность")."""

    @lru_cache(maxsize=65536)
    def guarded(word: str) -> str:
        if word in grammar_words:
            return word
        folded = fold(word)
        return word if folded in grammar_words else folded

    return guarded


def _folded(phrase: str, fold: Fold) -> str:
    """A phrase with each word folded; gaps ("...") and groups ("{part_es}") kept."""
    parts = []
    for piece in phrase.split():
        if piece == GAP or piece.startswith("{"):
            parts.append(piece)
        else:
            parts.extend(fold(_ligatures(w)) for w in words(piece))
    return " ".join(parts)


_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def _ligatures(word: str) -> str:
    """French "œil" as "oeil": people type it both ways, and accent folding keeps the ligature."""
    return word.translate(_LIGATURES)
