"""Log hygiene: a full conversation's logs at the default level hold neither the token nor
anything a user wrote, not even when requests fail and tracebacks are logged."""

from __future__ import annotations

from pathlib import Path

from tests.support.e2e import bot_env, start_bot_process, stop_bot_process
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 9001
SECRETS_OF_USERS = [
    "my husband Jeremiah has twitching and chest pain",
    "Ophelia here, magnesium for my eyelid?",
    "zinc and my private diagnosis xylophone",
]


async def test_logs_hold_no_token_and_no_user_text(tmp_path: Path) -> None:
    async with FakeBotAPI() as api:
        # The production retry schedule, only shorter: the test need not sleep through it.
        env = bot_env(api, BOT_API_RETRY_BACKOFF="0.05,0.05,0.1,0.1,0.2,0.2")
        proc = await start_bot_process(env, tmp_path)
        try:
            api.push_command(CHAT, "/start", first_name="Jeremiah")
            try:
                await api.wait_for_messages(CHAT, 1, timeout=30)
            except TimeoutError:
                raise AssertionError(await stop_bot_process(proc)) from None
            api.fail("sendMessage", "500")
            api.fail("getUpdates", "502")
            for n, text in enumerate(SECRETS_OF_USERS, start=2):
                api.push_text(CHAT, text, first_name="Ophelia")
                await api.wait_for_messages(CHAT, n, timeout=30)
            question = api.push_text(CHAT, "twitching")["message"]["message_id"]
            reply = (await api.wait_for_messages(CHAT, len(SECRETS_OF_USERS) + 2))[-1]
            api.push_edited_text(CHAT, question, "gaba please Ophelia")
            # The chest pain before still holds the emergency advice above the answer.
            await api.wait_for(lambda: "GABA" in api.sent_to(CHAT)[-1]["text"].splitlines(), what="edit")
            api.push_callback(CHAT, reply["message_id"], "v2|t|twitching|c|")
            api.push_inline_query(CHAT, "xylophone inline secret")
            await api.wait_for(lambda: api.inline_answers and api.callback_answers, what="answers")
            api.fail("sendMessage", "500", times=20)  # retries run out: logged, left unconfirmed
            api.push_text(CHAT, "Jeremiah's unanswerable xylophone question")
            await api.wait_for(lambda: len(api.calls_to("sendMessage")) >= 12, timeout=60, what="retries")
        finally:
            output = await stop_bot_process(proc)
    assert proc.returncode == 0, output
    assert "not answered yet: the Bot API is unavailable" in output  # the outage is logged
    assert api.token not in output and api.token.split(":")[1] not in output
    for secret in ("Jeremiah", "Ophelia", "xylophone", "husband", "eyelid", "diagnosis"):
        assert secret not in output, secret
