"""The domain: articles become a knowledge base; messages become platform-neutral replies.

Three floors: `base` (articles, overlay and helplines -> a KnowledgeBase), `understanding`
(normalising, indexes, phrase matching, triage, intent -> a Reading of a message) and `answers`
(a Reading -> a Reply). `Engine` puts them together; `i18n` is the user's language (the
supported languages, detection, and the message catalogs). This package never imports `telegram`,
`bot` or `handlers`; they use only what is listed here.
"""

from knowledge.answers.buttons import ButtonGroup, arrange, in_order
from knowledge.answers.layout import BULLET, Block, Layout, Line, headline, layout, summary
from knowledge.answers.reply import (
    Action,
    AdviceList,
    Answers,
    Escalation,
    Item,
    Listing,
    Reply,
    Section,
)
from knowledge.base.errors import KnowledgeError, Problem
from knowledge.base.loader import DEFAULT_KNOWLEDGE_DIR, load_knowledge
from knowledge.base.models import Condition, Ingredient, KnowledgeBase
from knowledge.conversation import Conversation
from knowledge.engine import Engine
from knowledge.i18n.catalog import Catalog, active_language, speaking
from knowledge.i18n.languages import (
    BY_CODE,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    LanguageSpec,
    is_language,
    is_rtl,
    language_of,
    region_of,
)
from knowledge.levels import ConceptFound, Level, SectionName
from knowledge.memo import IdentityMemo
from knowledge.sections import SECTIONS, SectionSpec
from knowledge.understanding.lexicon import LexiconError

__all__ = [
    "BULLET",
    "BY_CODE",
    "DEFAULT_KNOWLEDGE_DIR",
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "SECTIONS",
    "Action",
    "AdviceList",
    "Answers",
    "Block",
    "ButtonGroup",
    "Catalog",
    "ConceptFound",
    "Condition",
    "Conversation",
    "Engine",
    "Escalation",
    "IdentityMemo",
    "Ingredient",
    "Item",
    "KnowledgeBase",
    "KnowledgeError",
    "LanguageSpec",
    "Layout",
    "Level",
    "LexiconError",
    "Line",
    "Listing",
    "Problem",
    "Reply",
    "Section",
    "SectionName",
    "SectionSpec",
    "active_language",
    "arrange",
    "headline",
    "in_order",
    "is_language",
    "is_rtl",
    "language_of",
    "layout",
    "load_knowledge",
    "region_of",
    "speaking",
    "summary",
]
