"""Chats' settings kept in the store (bot/store/), through python-telegram-bot's persistence.

The bot keeps only PTB's chat_data (each chat's report and language, `ChatData`); the store
holds them a row per setting, written within a second of a change (PTB's update interval),
off the event loop.
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput

from bot.context import BotData, ChatData
from bot.store import Store

# callback_data's shape in PTB's BasePersistence; the bot keeps none.
CallbackData = tuple[list[tuple[str, float, dict[str, Any]]], dict[str, str]]


class StoreChatPersistence(BasePersistence[dict[Any, Any], ChatData, BotData]):
    """chat_data in the store; the store is the caller's to close."""

    def __init__(self, store: Store, update_interval: float = 60) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=True, user_data=False, callback_data=False
            ),
            update_interval=update_interval,
        )
        self.store = store

    async def get_chat_data(self) -> dict[int, ChatData]:
        saved = await asyncio.to_thread(self.store.all_settings)
        return {chat_id: ChatData.from_json(chosen) for chat_id, chosen in saved.items()}

    async def update_chat_data(self, chat_id: int, data: ChatData) -> None:
        # PTB has an entry for every chat the bot has seen: one without settings is saved as no
        # settings, which removes the chat's row, so the store does not list who used the bot.
        await asyncio.to_thread(self.store.save_settings, chat_id, data.to_json())

    async def drop_chat_data(self, chat_id: int) -> None:
        # Only the settings: PTB drops a group's chat_data when it moves to a supergroup too,
        # and the rest of what the store keeps is moved, or erased, by its own call.
        await asyncio.to_thread(self.store.save_settings, chat_id, {})

    async def refresh_chat_data(self, chat_id: int, chat_data: ChatData) -> None:
        """Only this process changes chats' settings: memory is already current."""

    async def flush(self) -> None:
        """Every change is committed already."""

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
