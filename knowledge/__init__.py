"""The domain: articles become a knowledge base; messages become platform-neutral replies.

This package never imports `telegram`, `bot` or `handlers`.
"""

from knowledge.errors import KnowledgeError, Problem
from knowledge.loader import DEFAULT_KNOWLEDGE_DIR, load_knowledge
from knowledge.models import Condition, Ingredient, KnowledgeBase

__all__ = [
    "DEFAULT_KNOWLEDGE_DIR",
    "Condition",
    "Ingredient",
    "KnowledgeBase",
    "KnowledgeError",
    "Problem",
    "load_knowledge",
]
