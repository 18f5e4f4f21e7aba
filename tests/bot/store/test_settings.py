"""Chats' settings: what each chat chose (its report, its language), and nothing for the rest."""

from __future__ import annotations

from pathlib import Path

from bot.store import Store, open_store

SYMBOL = "A/HRC/58/19"


def test_a_chats_settings_are_kept_by_name_and_read_back_after_a_restart(
    store: Store, data_dir: Path, database_url: str | None
) -> None:
    store.save_settings(7, {"report": SYMBOL, "language": "fr"})
    store.save_settings(-100123, {"language": "ar"})
    store.close()
    with open_store(data_dir, database_url) as again:
        assert again.all_settings() == {
            7: {"report": SYMBOL, "language": "fr"},
            -100123: {"language": "ar"},
        }


def test_saving_replaces_the_chats_settings_whole(store: Store) -> None:
    store.save_settings(7, {"report": SYMBOL, "language": "fr"})
    store.save_settings(7, {"language": "es"})
    assert store.all_settings() == {7: {"language": "es"}}


def test_no_settings_is_no_row_so_the_store_does_not_list_who_used_the_bot(
    store: Store,
) -> None:
    store.save_settings(7, {"report": SYMBOL})
    store.save_settings(8, {})
    assert store.all_settings() == {7: {"report": SYMBOL}}
    store.save_settings(7, {})
    assert store.all_settings() == {}


def test_a_chat_id_as_large_as_telegrams_is_kept_exactly(store: Store) -> None:
    supergroup = -1_009_999_999_999_999
    store.save_settings(supergroup, {"language": "zh"})
    assert store.all_settings() == {supergroup: {"language": "zh"}}
