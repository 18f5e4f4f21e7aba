"""Chats' settings: what the bot's ChatData holds (a chat's report and language), by name."""

from __future__ import annotations

from collections.abc import Mapping

from bot.store.database import Transaction
from bot.store.models import Settings


def every_chat(tx: Transaction) -> dict[int, Settings]:
    chats: dict[int, Settings] = {}
    for chat_id, name, value in tx.execute(
        "SELECT chat_id, name, value FROM chat_settings ORDER BY chat_id, name"
    ).all():
        chats.setdefault(chat_id, {})[name] = value
    return chats


def of_chat(tx: Transaction, chat_id: int) -> Settings:
    return dict(
        tx.execute("SELECT name, value FROM chat_settings WHERE chat_id = ?", (chat_id,)).all()
    )


def replace(tx: Transaction, chat_id: int, settings: Mapping[str, str]) -> None:
    # PTB saves a chat's settings after every update of the chat, mostly unchanged (searches):
    # unchanged, they are not written, and the commit has nothing to sync.
    if of_chat(tx, chat_id) == dict(settings):
        return
    erase(tx, chat_id)
    for name, value in settings.items():
        tx.execute(
            "INSERT INTO chat_settings (chat_id, name, value) VALUES (?, ?, ?)",
            (chat_id, name, value),
        )


def move(tx: Transaction, old: int, new: int) -> None:
    """The old chat's settings replace the new one's, as PTB's migrate_chat_data does; if the
    old chat made none, the new one keeps its own."""
    if of_chat(tx, old):
        erase(tx, new)
        tx.execute("UPDATE chat_settings SET chat_id = ? WHERE chat_id = ?", (new, old))


def erase(tx: Transaction, chat_id: int) -> None:
    tx.execute("DELETE FROM chat_settings WHERE chat_id = ?", (chat_id,))
