"""Several processes on one database: the bot, a `reportbot ingest`, later a second bot."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from bot.store import Saving, open_store

SYMBOL = "A/HRC/58/19"
# A second process saving paragraphs 1..100 into chat 2's collection, as this one saves
# into chat 1's.
OTHER_PROCESS = """
import sys
from pathlib import Path
from bot.store import open_store

with open_store(Path(sys.argv[1])) as store:
    print("open", flush=True)
    sys.stdin.readline()
    for number in range(1, 101):
        store.save_entry(2, "A/HRC/58/19", "en", None, "numbered", number)
        store.add_topic(1, f"topic {number % 20}", "en")
"""


def test_two_stores_on_one_file_see_each_others_writes(tmp_path: Path) -> None:
    with open_store(tmp_path) as bot, open_store(tmp_path) as other:
        bot.save_settings(7, {"language": "fr"})
        assert other.all_settings() == {7: {"language": "fr"}}
        topic = other.add_topic(7, "migration", "fr")
        assert bot.topics(7) == [topic]
        other.forget(7)
        assert bot.all_settings() == {}
        assert bot.topics(7) == []


def test_two_processes_writing_at_once_lose_nothing_and_keep_the_caps(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    process = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROCESS, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        assert process.stdout.readline() == "open\n"
        with open_store(tmp_path) as store:
            process.stdin.write("go\n")
            process.stdin.flush()
            saved = [
                store.save_entry(1, SYMBOL, "en", None, "numbered", number)
                for number in range(1, 101)
            ]
            added = [store.add_topic(1, f"topic {number % 20}", "en") for number in range(100)]
            assert process.wait(timeout=60) == 0
            assert saved == [Saving.ADDED] * 100
            assert store.count_entries(1) == 100
            assert store.count_entries(2) == 100
            # Both processes followed topic 0..19 in chat 1: ten at most, each once.
            topics = store.topics(1)
            assert len(topics) == 10
            assert len({topic.query for topic in topics}) == 10
            assert {topic.id for topic in added if topic is not None} <= {t.id for t in topics}
    finally:
        process.kill()
        process.wait()


def test_threads_of_one_process_share_one_store(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:

        def follow(chat_id: int) -> None:
            for number in range(30):
                store.add_topic(chat_id, f"topic {number}", "en")
                store.save_settings(chat_id, {"language": "fr" if number % 2 else "es"})

        threads = [threading.Thread(target=follow, args=(chat_id,)) for chat_id in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert {chat_id: len(store.topics(chat_id)) for chat_id in range(8)} == dict.fromkeys(
            range(8), 10
        )
        assert store.all_settings() == {key: {"language": "fr"} for key in range(8)}
