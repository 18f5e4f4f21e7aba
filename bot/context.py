"""What every handler is given: the chat's settings, the shared services, and the context.

`ChatData` is a chat's settings (PTB's chat_data), `Services` what the handlers share (in PTB's
bot_data), and `BotContext` the context that carries both to every handler.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from telegram import Update
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.replies.i18n import Texts, language_of, texts
from bot.services.alerts import Alerts
from bot.services.searches import SearchMemory
from bot.services.throttle import Clock, SearchThrottle
from bot.services.updates import SeenUpdates
from bot.store import Store
from index import Library


@dataclass
class ChatData:
    """What the bot keeps about a chat: PTB's chat_data, saved by bot/persistence.py in the
    store, a setting the chat has not made left out."""

    report: str | None = None
    """The report the chat chose with /report, by symbol."""
    language: str | None = None
    """The language the chat chose with /lang."""

    def __bool__(self) -> bool:
        """PTB has an entry for every chat it has seen: one without settings counts as none."""
        return bool(self.to_json())

    def to_json(self) -> dict[str, str]:
        return {
            name: value
            for name, value in dataclasses.asdict(self).items()
            if isinstance(value, str)
        }

    @classmethod
    def from_json(cls, saved: Mapping[str, object]) -> ChatData:
        """The settings in `saved`; a value that is not text is no setting (the file may have
        been edited by hand)."""
        return cls(
            **{
                setting.name: value
                for setting in dataclasses.fields(cls)
                if isinstance(value := saved.get(setting.name), str)
            }
        )


@dataclass(frozen=True)
class Services:
    """What the handlers share, made once with the application."""

    library: Library
    store: Store
    """What chats chose, follow and saved, and the digests on their way (bot/store)."""
    digest_interval: float
    """Seconds between looks for new reports to send digests of."""
    throttle: SearchThrottle
    alerts: Alerts
    operators: frozenset[int]
    """The user ids allowed the operators' commands."""
    clock: Clock
    started: float
    """When the bot started, by `clock`: the operators' /status tells the time up."""
    searches: SearchMemory = field(default_factory=SearchMemory)
    seen: SeenUpdates = field(default_factory=SeenUpdates)


class BotData:
    """PTB's bot_data. PTB makes it, without arguments, as it builds the application, before the
    services exist: `bot.app.build_application` hands them over straight after."""

    services: Services
    digests: asyncio.Task[None] | None = None
    """The loop sending digests (bot/features/digests.py), while the bot runs."""


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], ChatData, BotData]):
    """PTB's context for every handler, typed, with the services and the reader's language."""

    _user_language: str | None = None
    """The language of the Telegram app of whoever sent the update, if Telegram says."""

    @classmethod
    def from_update(
        cls, update: object, application: Application[Any, BotContext, Any, Any, Any, Any]
    ) -> BotContext:
        context = super().from_update(update, application)
        if isinstance(update, Update) and update.effective_user is not None:
            context._user_language = update.effective_user.language_code
        return context

    @property
    def services(self) -> Services:
        return self.bot_data.services

    @property
    def texts(self) -> Texts:
        """The chat's language if it chose one with /lang, else that of the user's Telegram
        app: as the chat's settings stand now."""
        chosen = self.chat_data.language if self.chat_data is not None else None
        return texts(language_of(chosen, self._user_language))


CONTEXT_TYPES = ContextTypes(context=BotContext, chat_data=ChatData, bot_data=BotData)

BotApplication: TypeAlias = Application[
    ExtBot[None], BotContext, dict[Any, Any], ChatData, BotData, None
]
