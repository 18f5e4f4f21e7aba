"""What the bot says about followed topics: /follow, /following, /unfollow, and the digest a
chat gets when a report on one of its topics is published."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.addresses import Action, TopicRemoval, address
from bot.replies.i18n import Texts
from bot.replies.messages import MESSAGE_LIMIT, Block, Markup, escape, pack
from bot.replies.render import Reply, admins_decide, place_of, result_block
from index import Hit, Report

FOLLOW_EXAMPLE = "/follow trafficking in children"
# A topic is shown cut to this many characters; what is followed is the whole of it.
_TOPIC_SHOWN = 80
# The paragraphs a digest shows: the rest are counted.
DIGEST_SHOWN = 3


def _topic(query: str) -> str:
    shown = query if len(query) <= _TOPIC_SHOWN else query[: _TOPIC_SHOWN - 1].rstrip() + "…"
    return f"<i>{escape(shown)}</i>"


def follow_usage(t: Texts, group: bool) -> str:
    lines = [
        t.gettext(
            "Send <code>/follow</code> and the words of a search: when a new report speaks of "
            "them, I post its best paragraphs here.\n   e.g. <code>{example}</code>",
            example=escape(FOLLOW_EXAMPLE),
        ),
        t.gettext(
            "<code>/following</code> lists this chat's topics; <code>/unfollow N</code> stops one."
        ),
    ]
    if group:
        lines.append(admins_decide(t))
    return "\n".join(lines)


def followed(t: Texts, query: str, count: int, most: int) -> str:
    return t.gettext(
        "Following {topic} ({count} of {most} topics). When a new report speaks of it, "
        "I post its best paragraphs here.",
        topic=_topic(query),
        count=count,
        most=most,
    )


def topic_too_long(t: Texts, most: int) -> str:
    return t.gettext("A topic can be at most {most} characters long.", most=most)


def too_many_topics(t: Texts, most: int) -> str:
    return t.gettext(
        "This chat already follows {most} topics, as many as it can. "
        "Stop one with <code>/unfollow N</code> first.",
        most=most,
    )


def no_topics(t: Texts) -> str:
    return t.gettext(
        "This chat follows no topic. <code>{example}</code> starts one.",
        example=escape(FOLLOW_EXAMPLE),
    )


def topics_list(t: Texts, queries: Sequence[tuple[int, str]], group: bool) -> Reply:
    """The chat's topics numbered as /unfollow counts them, with a button to stop each; `queries`
    pairs each topic's id with its words."""
    lines = [t.gettext("<b>Topics this chat follows</b>")]
    lines += [f"{number}. {_topic(query)}" for number, (_, query) in enumerate(queries, 1)]
    lines += ["", t.gettext("<code>/unfollow N</code> stops topic N.")]
    if group:
        lines.append(admins_decide(t))
    buttons = [
        InlineKeyboardButton(
            t.gettext("✕ {number}", number=number), callback_data=TopicRemoval(topic).encode()
        )
        for number, (topic, _) in enumerate(queries, 1)
    ]
    rows = [buttons[i : i + 5] for i in range(0, len(buttons), 5)]
    return Reply("\n".join(lines), InlineKeyboardMarkup(rows))


def unfollowed(t: Texts, query: str) -> str:
    return t.gettext("Stopped following {topic}.", topic=_topic(query))


def unfollow_usage(t: Texts, count: int) -> str:
    if count == 0:
        return no_topics(t)
    return t.ngettext(
        "Send <code>/unfollow N</code>, N being the topic's number in /following: "
        "this chat follows {count} topic.",
        "Send <code>/unfollow N</code>, N being the topic's number in /following: "
        "this chat follows {count} topics.",
        count,
        count=count,
    )


def digest(t: Texts, report: Report, topic: str, hits: Sequence[Hit], username: str) -> Reply:
    """One message: the new report, how many of its paragraphs are on the topic, the best of
    them cited and summarised, and a button to open each."""
    year = f" ({report.year})" if report.year else ""
    title = t.ngettext(
        "<b>New: {symbol}</b>{year}, {title} — {count} paragraph on {topic}",
        "<b>New: {symbol}</b>{year}, {title} — {count} paragraphs on {topic}",
        len(hits),
        symbol=escape(report.symbol),
        year=year,
        title=escape(report.title),
        count=len(hits),
        topic=_topic(topic),
    )
    shown = list(hits[:DIGEST_SHOWN])
    while True:
        blocks: list[Block] = [Markup(title)]
        blocks += [result_block(t, rank, hit, username) for rank, hit in enumerate(shown, 1)]
        texts = pack(blocks, MESSAGE_LIMIT)
        # One message, so that a digest is delivered whole or not at all.
        if len(texts) == 1 or len(shown) == 1:
            break
        shown.pop()
    buttons = [
        InlineKeyboardButton(
            place_of(hit.paragraph).label,
            callback_data=address(
                Action.OPEN, hit.paragraph.symbol, place_of(hit.paragraph), None, hit.paragraph.lang
            ).encode(),
        )
        for hit in shown
    ]
    return Reply(texts[0], InlineKeyboardMarkup([buttons]))
