"""The chats' settings of `bot-state.json`, where the bot kept them before the store: imported
into the database once, the file then renamed so that nothing is lost and nothing read twice.

The file is `{"<chat_id>": {"report": "...", "language": "..."}}`. One that cannot be read is
moved aside, as the bot always did, so that someone may recover it.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

from bot.store import settings
from bot.store.database import Database
from bot.store.models import Settings

log = logging.getLogger(__name__)

BOT_STATE = "bot-state.json"
IMPORTED = "bot-state.json imported"


def import_bot_state(database: Database, data_dir: Path, clock: Callable[[], float]) -> None:
    path = data_dir / BOT_STATE
    if not path.exists():
        return
    chats = _read(path)
    if chats is None:
        return
    with database.transaction() as tx:
        done = tx.execute("SELECT 1 FROM milestones WHERE name = ?", (IMPORTED,)).one()
        if done is None:
            for chat_id, chosen in chats.items():
                # A chat the database knows already is left as it is: it is newer.
                if not settings.of_chat(tx, chat_id):
                    settings.replace(tx, chat_id, chosen)
            tx.execute("INSERT INTO milestones (name, reached) VALUES (?, ?)", (IMPORTED, clock()))
    if done is not None:
        # Imported before, and /forget may have erased some of it since: reading it again
        # would bring that back. Left for the operator.
        log.warning("%s is in %s but was imported already: not read again", BOT_STATE, data_dir)
        return
    log.info("imported the settings of %d chat(s) from %s", len(chats), BOT_STATE)
    imported = path.with_name(f"{BOT_STATE}.imported")
    try:
        path.replace(imported)
    except OSError as error:
        log.warning("%s imported, but not renamed (%s)", BOT_STATE, type(error).__name__)


def _read(path: Path) -> dict[int, Settings] | None:
    """The chats in the file; None if it is unreadable, which is then moved aside."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
            raise ValueError("not an object of objects")
        chats = {int(chat_id): chosen for chat_id, chosen in raw.items()}
    except (OSError, ValueError) as error:
        # The error's type only: its message could quote the file, i.e. chats' settings.
        aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}")
        try:
            path.replace(aside)
        except OSError:
            log.warning("chats' settings unreadable (%s); not imported", type(error).__name__)
        else:
            log.warning(
                "chats' settings unreadable (%s); moved to %s, not imported",
                type(error).__name__,
                aside.name,
            )
        return None
    # A value that is not text is no setting (the file may have been edited by hand), and a
    # chat left with none has no row.
    texts = {
        chat_id: {name: value for name, value in chosen.items() if isinstance(value, str)}
        for chat_id, chosen in chats.items()
    }
    return {chat_id: chosen for chat_id, chosen in texts.items() if chosen}
