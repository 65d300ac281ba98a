"""Tests of the fake Bot API, driven by PTB's real ``telegram.Bot`` over loopback HTTP.

PTB parses every answer strictly, so a passing call here proves the fake's shapes are right.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from tests.support import telegram_html as th
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 4242
SHORT_POLL = dtm.timedelta(seconds=0.2)  # PTB sends fractional timeouts as floats


def keyboard(*data: str) -> InlineKeyboardMarkup:
    """A one-row inline keyboard with one callback button per datum."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(d.upper(), callback_data=d) for d in data]])


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(api.token, base_url=api.base_url) as client:
        yield client


# ---- identity, sending, editing -------------------------------------------------------------


async def test_get_me_is_a_bot_with_inline_support(bot: Bot, api: FakeBotAPI) -> None:
    me = await bot.get_me()
    assert me.is_bot and me.username == "fake_test_bot" and me.supports_inline_queries
    assert me.id == api.bot_id and me.can_join_groups is True


async def test_send_message_html_with_keyboard(bot: Bot, api: FakeBotAPI) -> None:
    msg = await bot.send_message(CHAT, "  <b>Hi</b> &amp; <i>bye</i>\n", parse_mode="HTML",
                                 reply_markup=keyboard("a", "b"))
    assert msg.text == "Hi & bye"  # visible text, trimmed like Telegram
    assert [(e.type, e.offset, e.length) for e in msg.entities] == [("bold", 0, 2), ("italic", 5, 3)]
    assert msg.text_html == "<b>Hi</b> &amp; <i>bye</i>"
    assert msg.from_user.id == api.bot_id and msg.chat.id == CHAT and msg.chat.type == "private"
    assert abs(msg.date.timestamp() - time.time()) < 5  # seconds, not milliseconds
    assert msg.reply_markup == keyboard("a", "b")
    [stored] = api.sent_to(CHAT)
    assert stored["text"] == "Hi & bye" and stored["html"].startswith("  <b>Hi</b>")
    assert stored["reply_markup"]["inline_keyboard"][0][1]["callback_data"] == "b"
    assert isinstance(stored["message"]["date"], int)


async def test_message_ids_are_per_chat_and_shared_with_user_messages(bot: Bot, api: FakeBotAPI) -> None:
    mid = api.push_text(CHAT, "hello")["message"]["message_id"]
    reply = await bot.send_message(CHAT, "answer", reply_parameters=ReplyParameters(mid))
    other = await bot.send_message(CHAT + 1, "elsewhere")
    assert (mid, reply.message_id, other.message_id) == (1, 2, 1)
    assert reply.reply_to_message.text == "hello" and reply.reply_to_message.from_user.is_bot is False
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(CHAT, "x", reply_parameters=ReplyParameters(99))


@pytest.mark.parametrize(
    ("text", "parse_mode", "reason"),
    [
        ("<div>x</div>", "HTML", 'unsupported start tag "div" at byte offset 0'),
        ("<b>open", "HTML", 'find end tag corresponding to start tag "b"'),
        ("a & b", "HTML", "can't parse entities"),
        ("<b></b>", "HTML", "message text is empty"),
        ("   ", None, "message text is empty"),
        ("x" * 4097, None, "message is too long"),
        ("<b>" + "&lt;" * 4097 + "</b>", "HTML", "message is too long"),
    ],
)
async def test_send_message_rejects_like_telegram(
    bot: Bot, text: str, parse_mode: str | None, reason: str
) -> None:
    with pytest.raises(BadRequest, match=rf"(?i){reason}"):
        await bot.send_message(CHAT, text, parse_mode=parse_mode)


async def test_length_limit_counts_utf16_code_units(bot: Bot) -> None:
    await bot.send_message(CHAT, "😀" * 2048)  # 4096 UTF-16 units: allowed
    with pytest.raises(BadRequest, match=r"(?i)too long"):
        await bot.send_message(CHAT, "😀" * 2048 + "x")


@pytest.mark.parametrize("data", ["", "x" * 65, "é" * 33])
async def test_callback_data_must_be_1_to_64_bytes(bot: Bot, data: str) -> None:
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(CHAT, "pick", reply_markup=keyboard(data))


async def test_edit_message_text(bot: Bot, api: FakeBotAPI) -> None:
    sent = await bot.send_message(CHAT, "<b>v1</b>", parse_mode="HTML", reply_markup=keyboard("a"))
    edited = await bot.edit_message_text("<b>v2</b>", CHAT, sent.message_id, parse_mode="HTML",
                                         reply_markup=keyboard("a"))
    assert edited.text == "v2" and edited.edit_date is not None and edited.message_id == sent.message_id
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("<b>v2</b>", CHAT, sent.message_id, parse_mode="HTML",
                                    reply_markup=keyboard("a"))
    bare = await bot.edit_message_text("<b>v2</b>", CHAT, sent.message_id, parse_mode="HTML")
    assert bare.reply_markup is None  # omitting reply_markup removes the keyboard
    [stored] = api.sent_to(CHAT)
    assert (stored["text"], stored["html"], stored["reply_markup"], stored["edits"]) == (
        "v2", "<b>v2</b>", None, 2,
    )
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", CHAT, 777)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.edit_message_text("<x>", CHAT, sent.message_id, parse_mode="HTML")


async def test_edit_of_a_user_message_is_refused(bot: Bot, api: FakeBotAPI) -> None:
    mid = api.push_text(CHAT, "mine")["message"]["message_id"]
    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await bot.edit_message_text("x", CHAT, mid)


async def test_inline_message_edit_returns_true(bot: Bot) -> None:
    assert await bot.edit_message_text("x", inline_message_id="abc") is True


# ---- updates and queries ------------------------------------------------------------------------


async def test_callback_query_round_trip(bot: Bot, api: FakeBotAPI) -> None:
    sent = await bot.send_message(CHAT, "<i>pick</i>", parse_mode="HTML", reply_markup=keyboard("yes"))
    api.push_callback(CHAT, sent.message_id, "yes")
    [update] = await bot.get_updates(timeout=SHORT_POLL)
    query = update.callback_query
    assert query.data == "yes" and query.chat_instance and query.from_user.id == CHAT
    assert query.message.message_id == sent.message_id and query.message.text == "pick"
    assert query.message.reply_markup == keyboard("yes")
    assert await query.answer("done", show_alert=True) is True
    assert api.callback_answers == [{"callback_query_id": query.id, "text": "done", "show_alert": True,
                                     "url": None, "cache_time": None}]
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await query.answer()  # a second answer is refused
    with pytest.raises(BadRequest, match=r"(?i)query id is invalid"):
        await bot.answer_callback_query("nope")


async def test_inline_query_round_trip(bot: Bot, api: FakeBotAPI) -> None:
    qid = api.push_inline_query(7, "garlic", offset="")["inline_query"]["id"]
    [update] = await bot.get_updates()
    assert update.inline_query.query == "garlic" and update.inline_query.offset == ""
    good = InlineQueryResultArticle("r1", "Garlic", InputTextMessageContent("<b>ok</b>", parse_mode="HTML"))
    bad = InlineQueryResultArticle("r2", "Bad", InputTextMessageContent("<p>", parse_mode="HTML"))
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.answer_inline_query(qid, [good, bad])
    with pytest.raises(BadRequest, match=r"(?i)RESULT_ID_DUPLICATE"):
        await bot.answer_inline_query(qid, [good, good])
    too_many = [InlineQueryResultArticle(str(i), "t", InputTextMessageContent("x")) for i in range(51)]
    with pytest.raises(BadRequest, match=r"(?i)RESULTS_TOO_MUCH"):
        await bot.answer_inline_query(qid, too_many)
    assert await bot.answer_inline_query(qid, [good], cache_time=0) is True
    [answer] = api.inline_answers
    assert answer["inline_query_id"] == qid and answer["results"][0]["title"] == "Garlic"
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query("unknown", [good])


async def test_get_updates_offset_and_limit(bot: Bot, api: FakeBotAPI) -> None:
    for text in ("one", "two", "three"):
        api.push_text(CHAT, text)
    first = await bot.get_updates(limit=2)
    assert [u.message.text for u in first] == ["one", "two"]
    assert len(api.pending_updates()) == 3  # nothing confirmed without an offset
    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest] == ["three"]
    assert api.confirmed_offset == first[-1].update_id + 1 and len(api.pending_updates()) == 1
    api.push_text(CHAT, "four")
    last = await bot.get_updates(offset=-1)  # only the newest; earlier ones are forgotten
    assert [u.message.text for u in last] == ["four"]
    assert [u["message"]["text"] for u in api.pending_updates()] == ["four"]


async def test_long_poll_returns_early_when_an_update_arrives(bot: Bot, api: FakeBotAPI) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await api.wait_for(lambda: len(api.calls_to("getUpdates")) == 1, timeout=2)
    api.push_text(CHAT, "wake up")
    updates = await poll
    assert [u.message.text for u in updates] == ["wake up"]
    assert time.monotonic() - started < 2


async def test_long_poll_times_out_empty(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=SHORT_POLL) == ()
    assert 0.15 <= time.monotonic() - started < 1.5


async def test_second_poller_terminates_the_first(bot: Bot, api: FakeBotAPI) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await api.wait_for(lambda: len(api.calls_to("getUpdates")) == 1, timeout=2)
    # A second Bot: PTB's getUpdates connection pool holds a single connection.
    async with Bot(api.token, base_url=api.base_url) as second:
        assert await second.get_updates() == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates"):
        await first


async def test_pushed_updates_parse_as_ptb_objects(api: FakeBotAPI, bot: Bot) -> None:
    api.push_command(-1001, "/start@fake_test_bot deep", chat_type="supergroup", title="Team", user_id=5)
    mid = api.push_message(CHAT, location={"latitude": 1.5, "longitude": 2.5})["message"]["message_id"]
    api.push_edited_text(CHAT, mid, "now text")
    api.push_update({"message": {"message_id": 9, "date": 1, "chat": {"id": 1, "type": "private"}}})
    cmd, loc, edit, odd = await bot.get_updates()
    assert cmd.message.chat.type == "supergroup" and cmd.message.chat.title == "Team"
    [entity] = cmd.message.entities
    assert cmd.message.from_user.id == 5 and (entity.type, entity.offset, entity.length) == (
        "bot_command", 0, len("/start@fake_test_bot"),
    )
    assert loc.message.location.latitude == 1.5 and loc.message.from_user.id == CHAT
    assert edit.edited_message.text == "now text" and edit.edited_message.edit_date is not None
    assert odd.message.message_id == 9 and [u.update_id for u in (cmd, loc, edit, odd)] == [1, 2, 3, 4]


async def test_real_application_polls_replies_and_confirms_on_stop(api: FakeBotAPI) -> None:
    async def echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_html(f"<b>{update.effective_message.text}</b>")

    app = ApplicationBuilder().token(api.token).base_url(api.base_url).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    async with app:
        await app.start()
        await app.updater.start_polling(timeout=5, poll_interval=0)
        group = -100123  # PTB quotes the replied-to message by default only outside private chats
        mid = api.push_text(group, "ping", chat_type="supergroup", title="G")["message"]["message_id"]
        [reply] = await api.wait_for_messages(group, 1, timeout=5)
        await app.updater.stop()
        await app.stop()
    assert (reply["text"], reply["html"], reply["message"]["reply_to_message"]["message_id"]) == (
        "ping", "<b>ping</b>", mid,
    )
    assert [c.method for c in api.calls[:2]] == ["getMe", "deleteWebhook"]
    assert api.pending_updates() == [] and api.confirmed_offset == 2  # the stop-time getUpdates


async def test_wait_for_times_out_clearly(api: FakeBotAPI) -> None:
    with pytest.raises(TimeoutError, match="2 message"):
        await api.wait_for_messages(CHAT, 2, timeout=0.05)


# ---- commands, webhook, misc ---------------------------------------------------------------------


async def test_my_commands(bot: Bot, api: FakeBotAPI) -> None:
    assert await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")]) is True
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    assert await bot.get_my_commands(scope=BotCommandScopeChat(CHAT)) == ()
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Bad Name", "x")])
    assert await bot.delete_my_commands() is True
    assert api.my_commands() == []


async def test_webhook_lifecycle(bot: Bot, api: FakeBotAPI) -> None:
    api.push_text(CHAT, "queued")
    assert await bot.set_webhook("https://example.org/hook", secret_token="s3cret") is True
    info = await bot.get_webhook_info()
    assert info.url == "https://example.org/hook" and info.pending_update_count == 1
    assert api.webhook["secret_token"] == "s3cret"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    assert await bot.delete_webhook(drop_pending_updates=True) is True
    info = await bot.get_webhook_info()
    assert info.url == "" and info.pending_update_count == 0 and not info.has_custom_certificate
    with pytest.raises(BadRequest, match=r"(?i)https url"):
        await bot.set_webhook("http://plain.example")


async def test_chat_action_close_and_get_chat(bot: Bot) -> None:
    assert await bot.send_chat_action(CHAT, "typing") is True
    with pytest.raises(BadRequest, match=r"(?i)wrong parameter action"):
        await bot.send_chat_action(CHAT, "dancing")
    assert (await bot.get_chat(CHAT)).type == "private"
    assert await bot.close() is True


async def test_wrong_token_is_unauthorized(api: FakeBotAPI) -> None:
    with pytest.raises(InvalidToken, match="rejected by the server"):
        async with Bot("999:wrong", base_url=api.base_url):  # initialize() calls getMe
            pass
    assert api.calls == []


async def test_raw_http_json_body_case_insensitive_and_404(api: FakeBotAPI) -> None:
    url = f"{api.base_url}{api.token}"
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{url}/SENDMESSAGE", json={"chat_id": 3, "text": "raw"}) as resp:
            body = await resp.json()
        assert body["ok"] is True and body["result"]["text"] == "raw"
        async with http.get(f"{url}/noSuchMethod") as resp:
            assert resp.status == 404
            assert await resp.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
        async with http.get(f"{api.base_url}bad:token/getMe") as resp:
            assert resp.status == 401 and (await resp.json())["description"] == "Unauthorized"
    assert [c.method for c in api.calls] == ["SENDMESSAGE", "noSuchMethod"]


# ---- fault injection --------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # int retry_after
async def test_fault_429_raises_retry_after(bot: Bot, api: FakeBotAPI) -> None:
    api.fail("sendMessage", "429", retry_after=3)
    with pytest.raises(RetryAfter) as err:
        await bot.send_message(CHAT, "x")
    retry = err.value.retry_after
    assert (retry.total_seconds() if isinstance(retry, dtm.timedelta) else retry) == 3
    assert api.calls_to("sendMessage")[0].fault == "429" and api.sent_to(CHAT) == []
    await bot.send_message(CHAT, "x")  # the fault was used up
    assert len(api.sent_to(CHAT)) == 1


@pytest.mark.parametrize(("kind", "text"), [("500", "Internal Server Error"), ("502", "Bad Gateway")])
async def test_fault_5xx_is_a_network_error(bot: Bot, api: FakeBotAPI, kind: str, text: str) -> None:
    api.fail("getMe", kind, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match=text) as err:
            await bot.get_me()
        assert not isinstance(err.value, BadRequest)
    assert (await bot.get_me()).is_bot


async def test_fault_drop_disconnects_and_confirms_nothing(bot: Bot, api: FakeBotAPI) -> None:
    api.fail("sendMessage", "drop")
    with pytest.raises(NetworkError, match="disconnected"):
        await bot.send_message(CHAT, "lost")
    assert api.sent_to(CHAT) == []
    api.push_text(CHAT, "a")
    [update] = await bot.get_updates()
    api.fail("getUpdates", "drop")
    with pytest.raises(NetworkError):
        await bot.get_updates(offset=update.update_id + 1)
    assert api.confirmed_offset == 0 and len(api.pending_updates()) == 1


async def test_fault_slow_times_out_but_is_applied(bot: Bot, api: FakeBotAPI) -> None:
    api.fail("sendMessage", "slow", delay=0.3)
    with pytest.raises(TimedOut):
        await bot.send_message(CHAT, "late", read_timeout=0.05)
    [sent] = await api.wait_for_messages(CHAT, 1, timeout=2)  # like Telegram, it still went out
    assert sent["text"] == "late"


async def test_fault_slow_if_connected_skips_side_effects(bot: Bot, api: FakeBotAPI) -> None:
    api.fail("sendMessage", "slow", delay=0.2, if_connected=True)
    with pytest.raises(TimedOut):
        await bot.send_message(CHAT, "late", read_timeout=0.05)
    api.fail("getMe", "slow", delay=0.25)
    assert (await bot.get_me()).is_bot  # a slow call the client waits for succeeds normally
    assert api.sent_to(CHAT) == []


def test_unknown_fault_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        FakeBotAPI().fail("getMe", "explode")


async def test_stop_releases_a_pending_long_poll(api: FakeBotAPI) -> None:
    async with Bot(api.token, base_url=api.base_url) as client:
        poll = asyncio.create_task(client.get_updates(timeout=5))
        await api.wait_for(lambda: bool(api.calls_to("getUpdates")), timeout=2)
        started = time.monotonic()
        await api.stop()
        assert await poll == () and time.monotonic() - started < 1.5


# ---- the HTML validator --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "plain > text",
        "<b>bold</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <ins>n</ins>",
        "<s>a</s><strike>b</strike><del>c</del>",
        '<span class="tg-spoiler">x</span> <tg-spoiler>y</tg-spoiler>',
        '<a href="https://example.org/?a=1&amp;b=2">link</a>',
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
        '<pre><code class="language-python">print("&lt;hi&gt;")</code></pre>',
        "<blockquote expandable>quote</blockquote><blockquote>q</blockquote>",
        "<b>bold <i>italic <u>under</u></i></b>",
        "&lt; &gt; &amp; &quot; &#65; &#x1F600;",
        "<B>upper case tags</B>",
        "<b>closed by empty end tag</>",
    ],
)
def test_html_valid(html: str) -> None:
    assert th.validate(html) is None


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("ab<div>x</div>", 'Unsupported start tag "div" at byte offset 2'),
        ("é<p>", 'Unsupported start tag "p" at byte offset 2'),  # byte, not character, offsets
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<b", "Unclosed start tag at byte offset 0"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
        ("<a>x</a>", 'Tag "a" must have attribute "href"'),
        ("fish & chips", 'Unescaped "&" at byte offset 5'),
        ("&nbsp;", 'Unescaped "&"'),
        ("&amp no semicolon", 'Unescaped "&"'),
        ('<b class="x" =y>t</b>', 'Empty attribute name in the tag "b"'),
        ("<a href=x y>t</a>", 'Expected equal sign in declaration of an attribute of the tag "a"'),
        ('<tg-emoji emoji-id="abc">x</tg-emoji>', "Invalid custom emoji identifier specified"),
    ],
)
def test_html_invalid(html: str, reason: str) -> None:
    error = th.validate(html)
    assert error is not None and error.startswith(reason)


def test_html_lenient_mode_matches_tdlib() -> None:
    assert th.validate("fish & chips &amp <a>x</a>", strict=False) is None
    assert th.visible_text("fish & chips &amp x") == "fish & chips & x"


def test_html_visible_text_entities_and_utf16() -> None:
    text, entities = th.parse('😀 <b>bold <a href="https://x.org">link</a></b>')
    assert text == "😀 bold link" and th.visible_text("<i>a</i>&lt;") == "a<"
    assert th.utf16_len("😀a") == 3 and th.utf16_len(text) == 12
    assert entities == [
        {"offset": 3, "length": 9, "type": "bold"},
        {"offset": 8, "length": 4, "type": "text_link", "url": "https://x.org"},
    ]
    _, [pre] = th.parse('<pre><code class="language-py">x</code></pre>')
    assert pre == {"offset": 0, "length": 1, "type": "pre", "language": "py"}
    with pytest.raises(th.HtmlError):
        th.visible_text("<b>")
