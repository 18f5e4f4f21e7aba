"""Where a message comes from and whom it is for: a group or a private chat, this bot or another."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import filters

# Edited messages would otherwise re-run commands: only new messages count.
NEW_MESSAGES = filters.UpdateType.MESSAGE


def in_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type != ChatType.PRIVATE


def addressed_to_me(message: Message, username: str) -> bool:
    if message.chat.type == ChatType.PRIVATE:
        return True
    command = (message.text or "").split(maxsplit=1)[0]
    _, _, mention = command.partition("@")
    return mention.casefold() == username.casefold()
