"""A chat with the real bot in the terminal, through the project's Bot API emulator.

The bot runs exactly as it does for Telegram (python-telegram-bot, long polling over HTTP);
only the server is local. Each line typed is a message from "you" in a private chat; a bare
number presses that button of the last reply. Piped input works too: at its end, the pending
replies are printed and the sandbox exits.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from telegram import Update
from telegram.ext import TypeHandler

from bot.app import build_application, polling
from bot.context import BotContext
from bot.emulator import Call, Emulator
from bot.sandbox.terminal import bold, format_message
from bot.store import Store
from index import Library

SANDBOX_TOKEN = "1000000001:sandbox-token-not-valid-on-telegram"
BOT_USERNAME = "reportbot_sandbox_bot"
REPLY_TIMEOUT = 30.0
# After every handler group has run, the update is done: the sandbox can print its replies.
DONE_GROUP = 1_000


class _Handled:
    """Which updates the bot has finished with."""

    def __init__(self) -> None:
        self._events: defaultdict[int, asyncio.Event] = defaultdict(asyncio.Event)

    async def mark(self, update: Update, context: BotContext) -> None:
        self._events[update.update_id].set()

    async def wait(self, update_id: int) -> bool:
        try:
            await asyncio.wait_for(self._events[update_id].wait(), REPLY_TIMEOUT)
        except TimeoutError:
            return False
        finally:
            self._events.pop(update_id, None)
        return True


class _Screen:
    """Prints what the bot did and remembers the buttons it offered, numbered."""

    def __init__(self, out: TextIO, color: bool, emulator: Emulator, files: Path | None) -> None:
        self.out = out
        self.color = color
        self.emulator = emulator
        self.files = files
        self.buttons: dict[int, tuple[dict[str, Any], str, str]] = {}

    def show(self, calls: Sequence[Call]) -> None:
        offered: list[tuple[dict[str, Any], str, str]] = []
        for call in calls:
            if not call.ok:
                description = call.response.get("description")
                self.say(f"[Telegram would reject {call.method}: {description}]")
            elif call.method in {"sendMessage", "editMessageText", "editMessageReplyMarkup"}:
                offered = self._message(call.method, call.response["result"]) or offered
            elif call.method == "sendDocument":
                self._document(call.response["result"])
            elif call.method == "answerCallbackQuery" and call.params.get("text"):
                self.say(f"(notice) {call.params['text']}")
        if offered:
            self.buttons = dict(enumerate(offered, 1))
            labels = "  ".join(f"[{n}] {label}" for n, (_, _, label) in enumerate(offered, 1))
            self.say(f"{labels}\n(type a button's number to press it)")

    def _message(
        self, method: str, message: dict[str, Any]
    ) -> list[tuple[dict[str, Any], str, str]]:
        edited = " (edited)" if method != "sendMessage" else ""
        text = format_message(message.get("text", ""), message.get("entities", []), self.color)
        self.say(f"{bold('bot' + edited + ':', self.color)}\n{text}")
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        return [
            (message, button["callback_data"], button["text"])
            for row in rows
            for button in row
            if "callback_data" in button
        ]

    def _document(self, message: dict[str, Any]) -> None:
        """A file the bot sent: named, and kept in `files` for the person to open."""
        document = message["document"]
        name = Path(document["file_name"]).name
        caption = format_message(
            message.get("caption", ""), message.get("caption_entities", []), self.color
        )
        where = ""
        if self.files is not None:
            self.files.mkdir(parents=True, exist_ok=True)
            (self.files / name).write_bytes(self.emulator.file(document["file_id"]))
            where = f", saved as {self.files / name}"
        self.say(
            f"{bold('bot:', self.color)}\n[file {name}, {document['file_size']:,} bytes{where}]"
            f"\n{caption}"
        )

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)


async def run_sandbox(
    library: Library,
    stdin: TextIO,
    stdout: TextIO,
    store: Store | None = None,
    files: Path | None = None,
) -> int:
    """Chat with the bot on `stdin` and `stdout`; the files it sends (/export) go to `files`."""
    interactive = stdin.isatty()
    handled = _Handled()
    async with Emulator(token=SANDBOX_TOKEN, bot_username=BOT_USERNAME) as emulator:
        screen = _Screen(stdout, stdout.isatty(), emulator, files)
        application = build_application(SANDBOX_TOKEN, emulator.base_url, library, store)
        application.add_handler(TypeHandler(Update, handled.mark), group=DONE_GROUP)
        user = emulator.user(first_name="You")
        chat = emulator.private_chat(user)
        async with polling(application, poll_timeout=1):
            if interactive:
                screen.say("Sandbox: you are chatting with reportbot. Try /search trafficking")
                screen.say("(/help lists the commands; Ctrl-D leaves)")
            while True:
                if interactive:
                    print("you> ", end="", file=stdout, flush=True)
                line = await asyncio.to_thread(stdin.readline)
                if not line:
                    if interactive:
                        screen.say("")
                    break
                text = line.strip()
                if not text:
                    continue
                since = len(emulator.calls)
                pressed = screen.buttons.get(int(text)) if text.isdecimal() else None
                if pressed is not None:
                    message, data, label = pressed
                    if not interactive:
                        screen.say(f"{bold('you:', screen.color)} [pressed {label}]")
                    update = emulator.press_button(message, data, user)
                else:
                    if not interactive:
                        screen.say(f"{bold('you:', screen.color)} {text}")
                    update = emulator.send_message(chat, user, text)
                if not await handled.wait(update["update_id"]):
                    screen.say(f"(no reply within {REPLY_TIMEOUT:.0f} s)")
                screen.show(emulator.calls[since:])
    return 0
