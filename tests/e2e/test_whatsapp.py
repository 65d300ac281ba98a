"""WhatsApp end to end over loopback: our HTTP server and the production composition
(bot/whatsapp.py) against the fake Cloud API, which refuses what Meta would refuse (lengths,
counts of buttons and rows, a send outside the 24-hour window)."""

from __future__ import annotations

import logging
import time

import pytest

from bot.logs import quiet_libraries
from handlers import notices
from handlers.whatsapp.bot import WINDOW
from knowledge.answers import wording as texts
from knowledge.base.models import KnowledgeBase
from knowledge.engine import Engine
from tests.support.fake_whatsapp_api import FakeWhatsAppAPI, Sent
from tests.support.whatsapp import Running, whatsapp_bot

USER = "15551230001"


async def ask(api: FakeWhatsAppAPI, run: Running, text: str, user: str = USER) -> list[Sent]:
    """Deliver a typed message; return what the bot sent for it (checked by the fake)."""
    before = len(api.sent_to(user))
    assert await api.deliver(run.url, api.says(user, text)) == 200
    return api.sent_to(user)[before:]


async def tap(api: FakeWhatsAppAPI, run: Running, choice: tuple[str, str, str], kind: str) -> list[Sent]:
    before = len(api.sent_to(USER))
    assert await api.deliver(run.url, api.taps(USER, choice, kind)) == 200
    return api.sent_to(USER)[before:]


def titled(sent: list[Sent], title: str) -> tuple[str, str, str]:
    return next(c for s in sent for c in s.choices if c[1].removeprefix("• ") == title)


async def test_verification_answers_the_challenge_only_with_our_token(engine: Engine) -> None:
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        assert await api.verify(run.url, api.verify_token, "8271") == (200, "8271")
        status, _ = await api.verify(run.url, "someone-elses-token")
        assert status == 403
        status, _ = await api.verify(run.url, api.verify_token[:-1])
        assert status == 403


async def test_a_body_without_the_apps_signature_is_refused_before_it_is_read(engine: Engine) -> None:
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        payload = api.says(USER, "magnesium")
        assert await api.deliver(run.url, payload, signature="") == 403
        assert await api.deliver(run.url, payload, signature="sha256=" + "0" * 64) == 403
        assert await api.deliver(run.url, payload, signature="not-a-signature") == 403
        # Signed with another app's secret: refused too, before it is parsed.
        other = FakeWhatsAppAPI(app_secret="another-apps-secret")
        assert await api.deliver(run.url, payload, signature=_signed(other, payload)) == 403
        assert api.sent_to(USER) == [] and api.read == []
        assert "whatsapp_signature" in run.metrics.exposition().decode()
        assert await api.deliver(run.url, payload) == 200  # the same body, signed: answered
        assert api.sent_to(USER)


def _signed(api: FakeWhatsAppAPI, payload: dict) -> str:
    from tests.support.fake_whatsapp_api import sign
    from tests.support.fake_whatsapp_api.webhook import encode

    return sign(api.app_secret, encode(payload))


async def test_a_conversation_with_a_follow_up(engine: Engine, kb: KnowledgeBase) -> None:
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        first = await ask(api, run, "magnesium")
        assert first[0].text.startswith("*Magnesium*")
        safety = await ask(api, run, "is it safe?")  # about magnesium: the context followed
        facts = kb.ingredients["magnesium"].safety
        assert facts is not None and facts.upper_limit is not None
        assert facts.upper_limit in "\n".join(s.text for s in safety)
        # Another user's "is it safe?" has no context: it is not about magnesium.
        other = await ask(api, run, "is it safe?", user="15551230002")
        assert facts.upper_limit not in "\n".join(s.text for s in other)
        assert len(api.read) == 3  # every handled message marked read
        assert api.refused == []
        assert 'bot_platform_replies_total{level="none",platform="whatsapp"} 3.0' in (
            run.metrics.exposition().decode()
        )


async def test_buttons_and_lists_stay_within_whatsapps_limits(engine: Engine) -> None:
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        answer = await ask(api, run, "twitching")
        menu = answer[-1]
        assert menu.interactive == "list" and 1 <= len(menu.choices) <= 10
        assert all(len(title) <= 24 and len(desc) <= 72 for _, title, desc in menu.choices)
        assert titled(answer, "Overview")[1] == "• Overview"  # the section on screen, marked
        causes = await tap(api, run, titled(answer, "Causes"), "list")
        assert any("*Common causes*" in s.text for s in causes)
        assert titled(causes, "Causes")[1] == "• Causes"
        # A did-you-mean with few choices: reply buttons.
        typo = await ask(api, run, "magnesum")
        assert any(s.interactive in ("button", "list") for s in typo)
        assert api.refused == []


async def test_the_symptom_check_runs_to_an_outcome_with_reply_buttons(engine: Engine) -> None:
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        answer = await ask(api, run, "twitching")
        step = await tap(api, run, titled(answer, texts.CHECK_BUTTON), "list")
        for _ in range(40):
            question = step[-1]
            if question.interactive != "button" or len(question.choices) != 3:
                break
            assert [c[1] for c in question.choices] == [texts.CHECK_YES, texts.CHECK_NO, texts.CHECK_UNSURE]
            step = await tap(api, run, question.choices[1], "button")  # No
        result = "\n".join(s.text for s in step)
        assert texts.CHECK_RESULT_TITLE.format(condition="Twitching") in result
        assert texts.CHECK_ALL_NO in result
        assert api.refused == []


async def test_crisis_advice_comes_first(engine: Engine) -> None:
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        sent = await ask(api, run, "I want to kill myself, and does magnesium help sleep")
        assert sent[0].text.startswith(f"*{texts.CRISIS_TITLE}*")
        emergency = await ask(api, run, "crushing chest pain", user="15551230003")
        assert emergency[0].text.startswith(f"*{texts.EMERGENCY_TITLE}*")


async def test_a_message_delivered_twice_is_answered_once_and_statuses_are_ignored(engine: Engine) -> None:
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        payload = api.says(USER, "zinc")
        assert await api.deliver(run.url, payload) == 200
        answered = len(api.sent_to(USER))
        assert answered >= 1
        assert await api.deliver(run.url, payload) == 200
        assert await api.deliver(run.url, api.status(USER)) == 200
        assert len(api.sent_to(USER)) == answered and len(api.read) == 1
        assert 'bot_whatsapp_skipped_total{reason="duplicate"} 1.0' in run.metrics.exposition().decode()


async def test_outside_the_24_hour_window_nothing_is_sent(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        old = api.says(USER, "magnesium", sent_at=time.time() - WINDOW - 60)
        assert await api.deliver(run.url, old) == 200
        assert api.sent_to(USER) == [] and api.state.requests == 0
        assert any("24 hours" in r.getMessage() for r in caplog.records)


async def test_the_flood_guard_sends_one_notice_then_nothing(engine: Engine) -> None:
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        for _ in range(24):
            assert await api.deliver(run.url, api.says(USER, "hi")) == 200
        notices_sent = [s for s in api.sent_to(USER) if s.text == notices.text("FLOOD_NOTICE", "en")]
        assert len(notices_sent) == 1
        assert len(api.sent_to(USER)) == 20 + 1  # 20 answers, one notice, then silence


async def test_a_graph_api_outage_is_answered_503_and_the_redelivery_answered_once(engine: Engine) -> None:
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        payload = api.says(USER, "zinc")
        api.fail("500", times=2)  # the read receipt (a courtesy, not retried), then the answer
        assert await api.deliver(run.url, payload) == 503  # Meta delivers it again later
        assert await api.deliver(run.url, payload) == 200
        assert len([s for s in api.sent_to(USER) if s.text.startswith("*Zinc*")]) == 1


async def test_a_rate_limit_is_answered_503_and_the_redelivery_answered_once(engine: Engine) -> None:
    """Meta's rate limit comes as a 400 with code 130429: not now, not never."""
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        payload = api.says(USER, "zinc")
        api.fail("throttled", times=2)  # the read receipt, then the answer
        assert await api.deliver(run.url, payload) == 503
        assert await api.deliver(run.url, payload) == 200
        assert len([s for s in api.sent_to(USER) if s.text.startswith("*Zinc*")]) == 1


async def test_a_refusal_for_good_is_logged_and_not_delivered_again(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """An undeliverable message (131026) cannot be sent by trying again: handled, logged."""
    caplog.set_level(logging.WARNING)
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        payload = api.says(USER, "zinc")
        api.fail("undeliverable", times=2)  # the read receipt, then the answer
        assert await api.deliver(run.url, payload) == 200  # Meta need not deliver it again
        assert await api.deliver(run.url, payload) == 200  # and if it does: a duplicate
        assert not [s for s in api.sent_to(USER) if s.text.startswith("*Zinc*")]
        assert any("131026" in r.getMessage() and "for good" in r.getMessage() for r in caplog.records)


async def test_no_phone_number_in_logs_metrics_or_state(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # LOG_LEVEL=DEBUG, with the libraries quietened as in production
    quiet_libraries()
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        await ask(api, run, "magnesium")
        await ask(api, run, "is it safe?")
        api.fail("500", times=2)  # failures are logged too: by kind, never by number
        assert await api.deliver(run.url, api.says(USER, "zinc")) == 503
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert USER not in logged and "Test User" not in logged
        assert USER not in run.metrics.exposition().decode()
        contexts = run.bot.service.conversations.store
        kept = list(getattr(contexts, "_kept", {}))
        assert kept and all(USER not in key for key in kept)


async def test_an_image_gets_a_hint_to_type(engine: Engine) -> None:
    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        assert await api.deliver(run.url, api.sends_image(USER)) == 200
        assert [s.text for s in api.sent_to(USER)] == [notices.text("NON_TEXT_HINT", "en")]


async def test_a_message_is_answered_in_its_own_language_and_the_conversation_keeps_it(
    engine: Engine,
) -> None:
    """WhatsApp says no app language: the message's own language, else the conversation's;
    the list's own words and a tap's answer follow it."""
    from handlers.whatsapp import wording as whatsapp_texts
    from knowledge.answers.wording import CATALOG as answers

    async with FakeWhatsAppAPI() as api, whatsapp_bot(api, engine) as run:
        spanish = await ask(api, run, "me tiembla el párpado desde hace días, qué hago")
        shown = "\n".join(s.text for s in spanish)
        assert answers.text("DISCLAIMER", "es") in shown
        assert answers.text("DISCLAIMER", "en") not in shown
        lists = [s for s in spanish if s.interactive == "list"]
        assert lists and all(s.list_button == whatsapp_texts.text("LIST_BUTTON", "es") for s in lists)
        after = await ask(api, run, "ok")  # too short to tell: the conversation keeps Spanish
        assert answers.text("SMALL_TALK_OK", "es") in after[0].text
        english = await ask(api, run, "what causes twitching", user="15551230009")
        assert answers.text("DISCLAIMER", "en") in "\n".join(s.text for s in english)
        assert api.refused == []
