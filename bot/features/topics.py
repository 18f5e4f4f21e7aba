"""Followed topics: /follow, /following, /unfollow and the ✕ under /following.

A topic is a search, kept with the chat's language; bot/features/digests.py matches it against
each report published from then on. In groups only administrators change a chat's topics, as its
other settings.
"""

from __future__ import annotations

import asyncio

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.addresses import TOPIC_REMOVAL, TopicRemoval, parse_topic_removal
from bot.context import BotApplication, BotContext
from bot.features.chats import NEW_MESSAGES, in_group
from bot.features.sending import answer_button, replace, send
from bot.features.settings import may_change_settings
from bot.replies import render
from bot.replies import topics as replies
from bot.replies.messages import plain
from bot.replies.render import Reply

# A chat's topics at most: each is searched again for every report published.
MOST_TOPICS = 10
# A topic's words at most: enough for any search people write.
MOST_TOPIC_CHARACTERS = 200


def add_handlers(application: BotApplication) -> None:
    application.add_handler(CommandHandler("follow", follow, NEW_MESSAGES))
    application.add_handler(CommandHandler("following", following, NEW_MESSAGES))
    application.add_handler(CommandHandler("unfollow", unfollow, NEW_MESSAGES))
    application.add_handler(CallbackQueryHandler(unfollow_button, pattern=TOPIC_REMOVAL))


async def follow(update: Update, context: BotContext) -> None:
    """`/follow WORDS`: a digest here of each new report on them."""
    t, chat = context.texts, update.effective_chat
    if chat is None:
        return
    query = " ".join(context.args or ())
    if not query.strip():
        text = replies.follow_usage(t, in_group(update))
    elif not await may_change_settings(update, context):
        text = render.admins_only(t)
    elif len(query) > MOST_TOPIC_CHARACTERS:
        text = replies.topic_too_long(t, MOST_TOPIC_CHARACTERS)
    elif not (await asyncio.to_thread(context.services.library.search, query, limit=1)).words:
        # Filters or words left out alone: nothing a report could be found by.
        text = render.nothing_to_search(t)
    else:
        store = context.services.store
        topic = await asyncio.to_thread(store.add_topic, chat.id, query, t.language, MOST_TOPICS)
        if topic is None:
            text = replies.too_many_topics(t, MOST_TOPICS)
        else:
            count = len(await asyncio.to_thread(store.topics, chat.id))
            text = replies.followed(t, topic.query, count, MOST_TOPICS)
    await send(context, chat, [Reply(text)])


async def following(update: Update, context: BotContext) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    topics = await asyncio.to_thread(context.services.store.topics, chat.id)
    t = context.texts
    reply = (
        replies.topics_list(t, [(topic.id, topic.query) for topic in topics], in_group(update))
        if topics
        else Reply(replies.no_topics(t))
    )
    await send(context, chat, [reply])


async def unfollow(update: Update, context: BotContext) -> None:
    """`/unfollow N`: stop the chat's topic N, as /following numbers them."""
    t, chat = context.texts, update.effective_chat
    if chat is None:
        return
    store = context.services.store
    topics = await asyncio.to_thread(store.topics, chat.id)
    args = context.args or []
    number = int(args[0]) if len(args) == 1 and args[0].isdigit() else 0
    if not 1 <= number <= len(topics):
        text = replies.unfollow_usage(t, len(topics))
    elif not await may_change_settings(update, context):
        text = render.admins_only(t)
    else:
        topic = topics[number - 1]
        await asyncio.to_thread(store.remove_topic, chat.id, topic.id)
        text = replies.unfollowed(t, topic.query)
    await send(context, chat, [Reply(text)])


async def unfollow_button(update: Update, context: BotContext) -> None:
    t = context.texts

    async def press(message: Message, removal: TopicRemoval) -> str | None:
        if not await may_change_settings(update, context):
            return render.admins_only(t)
        store = context.services.store
        topics = await asyncio.to_thread(store.topics, message.chat.id)
        topic = next((topic for topic in topics if topic.id == removal.topic), None)
        if topic is None:
            return render.stale_button(t)
        await asyncio.to_thread(store.remove_topic, message.chat.id, topic.id)
        left = await asyncio.to_thread(store.topics, message.chat.id)
        shown = [(kept.id, kept.query) for kept in left]
        listing = replies.topics_list(t, shown, in_group(update)) if left else None
        await replace(context, message, [listing or Reply(replies.no_topics(t))])
        return plain(replies.unfollowed(t, topic.query))

    await answer_button(update, t, parse_topic_removal, press)
