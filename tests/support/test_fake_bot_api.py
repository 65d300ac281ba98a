"""What the product's tests rely on in the fake Bot API, driven by PTB's real ``telegram.Bot``.

PTB parses every answer strictly, so a passing call here proves the fake's shapes are right.
No assertion here measures elapsed time: waits are on the fake's events, and the few
``asyncio.wait_for`` bounds only keep a broken fake from hanging the suite.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
from collections.abc import AsyncIterator, Awaitable, Sequence
from typing import Any

import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Message,
    ReplyParameters,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from tests.support import telegram_html as th
from tests.support.fake_bot_api import FakeBotAPI, InProcessAPI

CHAT = 4242
SHORT_POLL = dtm.timedelta(seconds=0.2)  # PTB sends fractional timeouts as floats
GUARD = 10  # seconds: only so that a broken fake fails instead of hanging


def keyboard(*data: str) -> InlineKeyboardMarkup:
    """A one-row inline keyboard with one callback button per datum."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(d.upper(), callback_data=d) for d in data]])


def texts(updates: Sequence[Update]) -> list[str | None]:
    """The text of each update's message."""
    return [u.message.text if u.message else None for u in updates]


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(api.token, base_url=api.base_url) as client:
        yield client


# ---- getUpdates: offset, limit, long poll, confirmation -------------------------------------------


async def test_get_updates_offset_and_limit(bot: Bot, api: FakeBotAPI) -> None:
    for text in ("one", "two", "three"):
        api.push_text(CHAT, text)
    first = await bot.get_updates(limit=2)
    assert texts(first) == ["one", "two"]
    assert len(api.pending_updates()) == 3  # nothing confirmed without an offset
    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    assert texts(rest) == ["three"]
    assert api.confirmed_offset == first[-1].update_id + 1 and len(api.pending_updates()) == 1
    api.push_text(CHAT, "four")
    last = await bot.get_updates(offset=-1)  # only the newest; earlier ones are forgotten
    assert texts(last) == ["four"]
    assert [u["message"]["text"] for u in api.pending_updates()] == ["four"]


async def test_long_poll_waits_then_wakes_on_a_push(bot: Bot, api: FakeBotAPI) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=60))
    await api.wait_for(lambda: api.calls_to("getUpdates"), what="the poll to arrive")
    await asyncio.sleep(0)
    assert not poll.done()  # nothing queued: it waits
    api.push_text(CHAT, "wake up")
    updates = await asyncio.wait_for(poll, GUARD)  # a poll sleeping through the push takes 60 s
    assert texts(updates) == ["wake up"]


async def test_long_poll_times_out_empty(bot: Bot) -> None:
    assert await bot.get_updates(timeout=SHORT_POLL) == ()


async def test_second_poller_terminates_the_first(bot: Bot, api: FakeBotAPI) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=60))
    await api.wait_for(lambda: len(api.calls_to("getUpdates")) == 1, what="the first poll")
    # A second Bot: PTB's getUpdates connection pool holds a single connection.
    async with Bot(api.token, base_url=api.base_url) as second:
        assert await second.get_updates() == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates"):
        await asyncio.wait_for(first, GUARD)


async def test_stop_releases_a_pending_long_poll(api: FakeBotAPI) -> None:
    async with Bot(api.token, base_url=api.base_url) as client:
        poll = asyncio.create_task(client.get_updates(timeout=60))
        await api.wait_for(lambda: api.calls_to("getUpdates"), what="the poll to arrive")
        await api.stop()
        assert await asyncio.wait_for(poll, GUARD) == ()


async def test_real_application_polls_replies_and_confirms_on_stop(api: FakeBotAPI) -> None:
    async def echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        await message.reply_html(f"<b>{message.text}</b>")

    app = ApplicationBuilder().token(api.token).base_url(api.base_url).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    assert app.updater is not None
    async with app:
        await app.start()
        await app.updater.start_polling(timeout=5, poll_interval=0)
        group = -100123  # PTB quotes the replied-to message by default only outside private chats
        mid = api.push_text(group, "ping", chat_type="supergroup", title="G")["message"]["message_id"]
        [reply] = await api.wait_for_messages(group, 1, timeout=5)
        await app.updater.stop()
        await app.stop()
    assert (reply["text"], reply["html"], reply["message"]["reply_to_message"]["message_id"]) == (
        "ping",
        "<b>ping</b>",
        mid,
    )
    assert [c.method for c in api.calls[:2]] == ["getMe", "deleteWebhook"]
    assert api.pending_updates() == [] and api.confirmed_offset == 2  # the stop-time getUpdates


async def test_wait_for_times_out_clearly(api: FakeBotAPI) -> None:
    with pytest.raises(TimeoutError, match=r"'2 message\(s\) to chat 4242' still false after 0.05s"):
        await api.wait_for_messages(CHAT, 2, timeout=0.05)


# ---- messages: ids, edits, what Telegram refuses ------------------------------------------------------


async def test_message_ids_are_per_chat_and_shared_with_user_messages(bot: Bot, api: FakeBotAPI) -> None:
    mid = api.push_text(CHAT, "hello")["message"]["message_id"]
    reply = await bot.send_message(CHAT, "answer", reply_parameters=ReplyParameters(mid))
    other = await bot.send_message(CHAT + 1, "elsewhere")
    assert (mid, reply.message_id, other.message_id) == (1, 2, 1)
    quoted = reply.reply_to_message
    assert quoted is not None and quoted.from_user is not None
    assert quoted.text == "hello" and quoted.from_user.is_bot is False
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(CHAT, "x", reply_parameters=ReplyParameters(99))


async def test_edit_message_text(bot: Bot, api: FakeBotAPI) -> None:
    sent = await bot.send_message(CHAT, " <b>v1</b>\n", parse_mode="HTML", reply_markup=keyboard("a"))
    assert sent.text == "v1" and sent.reply_markup == keyboard("a")  # trimmed like Telegram
    edited = await bot.edit_message_text(
        "<b>v2</b>", CHAT, sent.message_id, parse_mode="HTML", reply_markup=keyboard("a")
    )
    assert isinstance(edited, Message)
    assert edited.text == "v2" and edited.edit_date is not None and edited.message_id == sent.message_id
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "<b>v2</b>", CHAT, sent.message_id, parse_mode="HTML", reply_markup=keyboard("a")
        )
    # Omitting reply_markup removes the keyboard.
    bare = await bot.edit_message_text("<b>v2</b>", CHAT, sent.message_id, parse_mode="HTML")
    assert isinstance(bare, Message) and bare.reply_markup is None
    [stored] = api.sent_to(CHAT)
    assert (stored["text"], stored["html"], stored["reply_markup"], stored["edits"]) == (
        "v2",
        "<b>v2</b>",
        None,
        2,
    )
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", CHAT, 777)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.edit_message_text("<x>", CHAT, sent.message_id, parse_mode="HTML")
    users = api.push_text(CHAT, "mine")["message"]["message_id"]
    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await bot.edit_message_text("x", CHAT, users)


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
        ("😀" * 2048 + "x", None, "message is too long"),  # Telegram counts UTF-16 code units
    ],
)
async def test_send_message_rejects_like_telegram(
    bot: Bot, text: str, parse_mode: str | None, reason: str
) -> None:
    with pytest.raises(BadRequest, match=rf"(?i){reason}"):
        await bot.send_message(CHAT, text, parse_mode=parse_mode)


async def test_longest_text_is_accepted(bot: Bot) -> None:
    assert (await bot.send_message(CHAT, "😀" * 2048)).text == "😀" * 2048  # 4096 UTF-16 units


@pytest.mark.parametrize("data", ["", "x" * 65, "é" * 33])
async def test_callback_data_must_be_1_to_64_bytes(bot: Bot, data: str) -> None:
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(CHAT, "pick", reply_markup=keyboard(data))


# ---- callback and inline queries ------------------------------------------------------------------------


async def test_callback_query_round_trip(bot: Bot, api: FakeBotAPI) -> None:
    sent = await bot.send_message(CHAT, "<i>pick</i>", parse_mode="HTML", reply_markup=keyboard("yes"))
    api.push_callback(CHAT, sent.message_id, "yes")
    [update] = await bot.get_updates()
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    assert query.data == "yes" and query.chat_instance and query.from_user.id == CHAT
    assert query.message.message_id == sent.message_id and query.message.text == "pick"
    assert query.message.reply_markup == keyboard("yes")
    assert await query.answer("done", show_alert=True) is True
    assert api.callback_answers == [
        {"callback_query_id": query.id, "text": "done", "show_alert": True, "url": None, "cache_time": None}
    ]
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await query.answer()  # a second answer is refused
    with pytest.raises(BadRequest, match=r"(?i)query id is invalid"):
        await bot.answer_callback_query("nope")


async def test_inline_query_round_trip(bot: Bot, api: FakeBotAPI) -> None:
    qid = api.push_inline_query(7, "garlic")["inline_query"]["id"]
    [update] = await bot.get_updates()
    inline = update.inline_query
    assert inline is not None and inline.query == "garlic" and inline.offset == ""
    good = InlineQueryResultArticle("r1", "Garlic", InputTextMessageContent("<b>ok</b>", parse_mode="HTML"))
    bad = InlineQueryResultArticle("r2", "Bad", InputTextMessageContent("<p>", parse_mode="HTML"))
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.answer_inline_query(qid, [good, bad])
    with pytest.raises(BadRequest, match=r"(?i)RESULT_ID_DUPLICATE"):
        await bot.answer_inline_query(qid, [good, good])
    too_many = [InlineQueryResultArticle(str(i), "t", InputTextMessageContent("x")) for i in range(51)]
    with pytest.raises(BadRequest, match=r"(?i)RESULTS_TOO_MUCH"):
        await bot.answer_inline_query(qid, too_many)
    for parameter in ("has space", "x" * 65, "ünï"):
        button = InlineQueryResultsButton("Open", start_parameter=parameter)
        with pytest.raises(BadRequest, match=r"(?i)START_PARAM_INVALID"):
            await bot.answer_inline_query(qid, [good], button=button)
    assert await bot.answer_inline_query(qid, [good], cache_time=0) is True
    [answer] = api.inline_answers
    assert answer["inline_query_id"] == qid and answer["results"][0]["title"] == "Garlic"
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query(qid, [good])


# ---- fault injection -------------------------------------------------------------------------------------


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


async def test_fault_error_answers_the_given_code(bot: Bot, api: FakeBotAPI) -> None:
    api.fail("sendMessage", "error", code=403, description="Forbidden: bot was blocked by the user")
    with pytest.raises(Forbidden, match="bot was blocked"):
        await bot.send_message(CHAT, "x")
    assert api.sent_to(CHAT) == []


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
    [sent] = await api.wait_for_messages(CHAT, 1, timeout=GUARD)  # like Telegram, it still went out
    assert sent["text"] == "late"


async def test_fault_slow_if_connected_skips_side_effects(bot: Bot, api: FakeBotAPI) -> None:
    api.fail("sendMessage", "slow", delay=0.2, if_connected=True)
    with pytest.raises(TimedOut):
        await bot.send_message(CHAT, "late", read_timeout=0.05)
    api.fail("getMe", "slow", delay=0.25)  # ends after the send's delay: by then it was skipped
    assert (await bot.get_me()).is_bot  # a slow call the client waits for succeeds normally
    assert api.sent_to(CHAT) == []


def test_unknown_fault_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        FakeBotAPI().fail("getMe", "explode")


# ---- the in-process transport --------------------------------------------------------------------------


async def _script(bot: Bot, api: FakeBotAPI) -> list[Any]:
    """The same calls through either transport; every result, error and record as plain data."""
    out: list[Any] = []

    async def run(call: Awaitable[Any], *, message: bool = True) -> None:
        try:
            result = await call
        except TelegramError as err:
            out.append((type(err).__name__, err.message if message else ""))
        else:
            out.append(
                [r.to_dict() for r in result]
                if isinstance(result, tuple)
                else result.to_dict()
                if hasattr(result, "to_dict")
                else result
            )

    mid = api.push_text(CHAT, "hello")["message"]["message_id"]
    api.push_inline_query(7, "garlic")
    await run(bot.get_updates(timeout=SHORT_POLL))
    await run(
        bot.send_message(
            CHAT,
            "<b>hi</b> &amp; <i>bye</i>",
            parse_mode="HTML",
            reply_markup=keyboard("a"),
            reply_parameters=ReplyParameters(mid),
        )
    )
    await run(
        bot.edit_message_text(
            "<b>hi</b> &amp; <i>bye</i>", CHAT, mid + 1, parse_mode="HTML", reply_markup=keyboard("a")
        )
    )
    await run(bot.send_message(CHAT, "<p>", parse_mode="HTML"))
    await run(bot.answer_callback_query("nope"))
    await run(bot.do_api_request("noSuchMethod"))
    await run(bot.set_my_description("Answers about remedies."))
    await run(bot.set_my_short_description("x" * 121))
    for kind, kw in (
        ("429", {"retry_after": 2}),
        ("500", {}),
        ("502", {}),
        ("error", {"code": 403, "description": "Forbidden: bot was blocked by the user"}),
    ):
        api.fail("sendMessage", kind, **kw)
        await run(bot.send_message(CHAT, kind))
    api.fail("sendMessage", "drop")
    await run(bot.send_message(CHAT, "dropped"), message=False)  # each client words a reset its way
    api.fail("sendMessage", "slow", delay=0.2)
    await run(bot.send_message(CHAT, "late", read_timeout=0.05))
    await api.wait_for_messages(CHAT, 2, timeout=GUARD)
    out.append(api.all_sent())
    out.append([(c.method, c.params, c.fault) for c in api.calls])
    return out


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # int retry_after
async def test_in_process_answers_like_http() -> None:
    def clock() -> float:
        return 1_700_000_000.0

    async with FakeBotAPI(clock=clock) as http, Bot(http.token, base_url=http.base_url) as over_http:
        by_http = await _script(over_http, http)
    local = FakeBotAPI(clock=clock)
    async with Bot(local.token, request=local.request(), get_updates_request=local.request()) as in_process:
        by_call = await _script(in_process, local)
    assert by_call == by_http
    errors = [entry[0] for entry in by_http if isinstance(entry, tuple)]
    assert errors == [
        "BadRequest",
        "BadRequest",
        "BadRequest",
        "EndPointNotFound",
        "BadRequest",
        "RetryAfter",
        "NetworkError",
        "NetworkError",
        "Forbidden",
        "NetworkError",
        "TimedOut",
    ]
    assert http.my_description() == local.my_description() == "Answers about remedies."


async def test_standalone_in_process_trusts_ids_it_never_issued() -> None:
    """Handler tests feed updates around the fake, so it cannot know their query or message ids."""
    api = InProcessAPI()
    async with Bot("1:any", request=api) as bot:
        assert bot.username == "remedy_test_bot"
        for _ in range(2):
            assert await bot.answer_callback_query("fed-around") is True
        sent = await bot.send_message(-100, "hi", reply_parameters=ReplyParameters(7))
        assert sent.reply_to_message is None and api.next_id == sent.message_id
        api.fail_with["sendMessage"] = (500, "Internal Server Error")
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_message(-100, "again")
    assert [method for method, _ in api.calls][-2:] == ["sendMessage", "sendMessage"]
    assert api.sent()[0]["text"] == "hi"


# ---- the HTML validator ------------------------------------------------------------------------------


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
