"""Chats' settings on disk, as JSON, written so that a kill at any moment loses nothing.

PTB's PicklePersistence rewrites its file in place, so a kill mid-write leaves it truncated, and
unpickling a file is running code. The bot keeps only chat_data (each chat's report and
language, `ChatData`): plain JSON holds that, readable by a person and safe to load.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput

from bot.context import BotData, ChatData

log = logging.getLogger(__name__)

# A chat's settings as the file holds them.
Saved = dict[str, Any]
# callback_data's shape in PTB's BasePersistence; the bot keeps none.
CallbackData = tuple[list[tuple[str, float, dict[str, Any]]], dict[str, str]]


class JsonChatPersistence(BasePersistence[dict[Any, Any], ChatData, BotData]):
    """chat_data in one JSON file, replaced whole (temp file, fsync, rename) on every change."""

    def __init__(self, path: Path, update_interval: float = 60) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=True, user_data=False, callback_data=False
            ),
            update_interval=update_interval,
        )
        self.path = path
        self._chats: dict[int, Saved] | None = None

    async def get_chat_data(self) -> dict[int, ChatData]:
        return {
            chat_id: ChatData.from_json(saved) for chat_id, saved in (await self._loaded()).items()
        }

    async def update_chat_data(self, chat_id: int, data: ChatData) -> None:
        saved = data.to_json()
        if not saved:
            # PTB has an empty entry for every chat the bot has seen: keeping those would keep a
            # list of everyone who talked to the bot. No settings, no entry.
            await self.drop_chat_data(chat_id)
            return
        chats = await self._loaded()
        if chats.get(chat_id) == saved:
            return
        chats[chat_id] = saved
        self._write(chats)

    async def drop_chat_data(self, chat_id: int) -> None:
        chats = await self._loaded()
        if chats.pop(chat_id, None) is not None:
            self._write(chats)

    async def refresh_chat_data(self, chat_id: int, chat_data: ChatData) -> None:
        """Nothing else writes the file while the bot runs: memory is already current."""

    async def flush(self) -> None:
        """Every change is on disk already."""

    async def _loaded(self) -> dict[int, Saved]:
        if self._chats is None:
            self._chats = self._load()
        return self._chats

    def _load(self) -> dict[int, Saved]:
        """The chats in the file; none if it is missing, and none if it is unreadable, which is
        then moved aside so that the next write does not destroy what someone may recover."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
                raise ValueError("not an object of objects")
            return {int(chat_id): data for chat_id, data in raw.items()}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            # The error's type only: its message could quote the file, i.e. chats' settings.
            aside = self.path.with_name(
                f"{self.path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}"
            )
            try:
                self.path.replace(aside)
            except OSError:
                log.warning("chats' settings unreadable (%s); starting empty", type(error).__name__)
            else:
                log.warning(
                    "chats' settings unreadable (%s); moved to %s, starting empty",
                    type(error).__name__,
                    aside.name,
                )
            return {}

    def _write(self, chats: dict[int, Saved]) -> None:
        """Write a temp file beside the state file, then rename it over: a kill leaves the old
        file or the new one, never part of one. Same folder, so the rename is atomic."""
        text = json.dumps({str(k): v for k, v in sorted(chats.items())}, ensure_ascii=False)
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        # The rename itself is durable only once the folder's entry is on disk.
        folder = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)

    # The rest of PTB's persistence: data the bot never keeps.

    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        return {}

    async def get_bot_data(self) -> BotData:
        return BotData()

    async def get_callback_data(self) -> CallbackData | None:
        return None

    async def get_conversations(self, name: str) -> dict[tuple[int | str, ...], object]:
        return {}

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        pass

    async def update_bot_data(self, data: BotData) -> None:
        pass

    async def update_callback_data(self, data: CallbackData) -> None:
        pass

    async def update_conversation(
        self, name: str, key: tuple[int | str, ...], new_state: object | None
    ) -> None:
        pass

    async def drop_user_data(self, user_id: int) -> None:
        pass

    async def refresh_user_data(self, user_id: int, user_data: dict[Any, Any]) -> None:
        pass

    async def refresh_bot_data(self, bot_data: BotData) -> None:
        pass
