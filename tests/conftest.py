"""Shared fixtures: the shipped knowledge base and the synthetic test articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import DEFAULT_KNOWLEDGE_DIR, KnowledgeBase, load_knowledge

DATA = Path(__file__).parent / "data"
SYNTHETIC_DIR = DATA / "articles"
# The shipped article is the seed article byte for byte (.ci/run checks that against
# ../shared/seeds when it is there); the suite reads only the repository, so a clone stands alone.
SEED = DEFAULT_KNOWLEDGE_DIR / "twitching.txt"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge(DEFAULT_KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def synthetic_kb() -> KnowledgeBase:
    return load_knowledge(SYNTHETIC_DIR)


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase):
    from knowledge.engine import Engine

    return Engine(kb)


@pytest.fixture
def redis_server(tmp_path: Path):
    """A real redis-server of its own for one test (skipped without one, failed on CI)."""
    from tests.support.redis_server import RedisServer, require_redis_server

    with RedisServer(require_redis_server(), tmp_path / "redis") as server:
        yield server
