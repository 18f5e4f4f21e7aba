"""Settings from REPORTBOT_* variables and .env."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import DEFAULT_CATALOGUE, SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in (
        "TOKEN",
        "API_BASE_URL",
        "INDEX_DIR",
        "CATALOGUE",
        "LOG_LEVEL",
        "WEBHOOK_URL",
        "WEBHOOK_SECRET",
        "LISTEN",
        "PORT",
        "ADMIN_IDS",
        "ADMIN_CHAT_ID",
        "SEARCHES_PER_USER",
        "SEARCHES_PER_GROUP",
        "INLINE_SEARCHES_PER_USER",
        "UN_DOCUMENTS_URL",
    ):
        monkeypatch.delenv(f"REPORTBOT_{name}", raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults_serve_telegram_from_a_local_index() -> None:
    settings = load_settings()
    assert settings.token is None
    assert settings.api_base_url == "https://api.telegram.org/bot"
    assert settings.index_dir == Path("var/index")
    assert settings.catalogue == DEFAULT_CATALOGUE
    assert DEFAULT_CATALOGUE.is_file()


def test_environment_and_dotenv_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("REPORTBOT_TOKEN=123:abc\nREPORTBOT_INDEX_DIR=/srv/idx\n")
    monkeypatch.setenv("REPORTBOT_API_BASE_URL", "http://127.0.0.1:8081/bot")
    settings = load_settings()
    assert settings.token is not None
    assert settings.token.get_secret_value() == "123:abc"
    assert "123:abc" not in repr(settings)
    assert settings.index_dir == Path("/srv/idx")
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"


def test_an_empty_token_means_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTBOT_TOKEN", "  ")
    assert load_settings().token is None


def test_invalid_settings_are_one_readable_message_without_the_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REPORTBOT_TOKEN", "not-a-token-SECRET")
    monkeypatch.setenv("REPORTBOT_API_BASE_URL", "ftp://example")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert "REPORTBOT_TOKEN" in message
    assert "REPORTBOT_API_BASE_URL" in message
    assert "SECRET" not in message
    assert "\n" not in message


def test_without_a_webhook_url_the_bot_polls_and_the_webhook_server_defaults_to_loopback() -> None:
    settings = load_settings()
    assert settings.webhook_url is None
    assert settings.webhook_secret is None
    assert (settings.listen, settings.port) == ("127.0.0.1", 8080)


def test_a_webhook_needs_its_url_and_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTBOT_WEBHOOK_URL", " https://bot.example.org/tg-7f3a ")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert str(raised.value) == (
        "invalid settings: REPORTBOT_WEBHOOK_SECRET is required when REPORTBOT_WEBHOOK_URL is set"
    )
    monkeypatch.setenv("REPORTBOT_WEBHOOK_SECRET", "Ab_9-" * 50)
    monkeypatch.setenv("REPORTBOT_LISTEN", "0.0.0.0")
    monkeypatch.setenv("REPORTBOT_PORT", "8443")
    settings = load_settings()
    assert settings.webhook_url == "https://bot.example.org/tg-7f3a"
    assert settings.webhook_secret is not None
    assert settings.webhook_secret.get_secret_value() == "Ab_9-" * 50
    assert "Ab_9-" not in repr(settings)
    assert (settings.listen, settings.port) == ("0.0.0.0", 8443)


def test_empty_webhook_settings_mean_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTBOT_WEBHOOK_URL", "")
    monkeypatch.setenv("REPORTBOT_WEBHOOK_SECRET", " ")
    settings = load_settings()
    assert (settings.webhook_url, settings.webhook_secret) == (None, None)


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("WEBHOOK_SECRET", "has spaces-LEAK", "1–256 characters, each A-Z, a-z, 0-9, _ or -"),
        ("WEBHOOK_SECRET", "base64+/=LEAK", "1–256 characters, each A-Z, a-z, 0-9, _ or -"),
        ("WEBHOOK_SECRET", "x" * 257 + "LEAK", "1–256 characters"),
        ("WEBHOOK_URL", "bot.example.org/hook", "https://host/path"),
        ("WEBHOOK_URL", "https:///hook", "https://host/path"),
        ("PORT", "0", "greater than or equal to 1"),
        ("PORT", "65536", "less than or equal to 65535"),
        ("PORT", "http", "valid integer"),
    ],
)
def test_invalid_webhook_settings_are_named_without_their_values(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, problem: str
) -> None:
    monkeypatch.setenv("REPORTBOT_WEBHOOK_SECRET", "good-secret")
    monkeypatch.setenv("REPORTBOT_WEBHOOK_URL", "https://bot.example.org/hook")
    monkeypatch.setenv(f"REPORTBOT_{name}", value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert message.startswith(f"invalid settings: REPORTBOT_{name}: ")
    assert problem in message
    assert "LEAK" not in message
    assert "Value error" not in message


def test_operators_are_a_list_of_user_ids_as_people_write_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert load_settings().admin_ids == frozenset()
    assert load_settings().admin_chat_id is None
    monkeypatch.setenv("REPORTBOT_ADMIN_IDS", "123456, 789012,")
    monkeypatch.setenv("REPORTBOT_ADMIN_CHAT_ID", "-1001234567890")
    settings = load_settings()
    assert settings.admin_ids == {123456, 789012}
    assert settings.admin_chat_id == -1001234567890
    monkeypatch.setenv("REPORTBOT_ADMIN_IDS", "")
    monkeypatch.setenv("REPORTBOT_ADMIN_CHAT_ID", "")
    assert load_settings().admin_ids == frozenset()
    assert load_settings().admin_chat_id is None


@pytest.mark.parametrize("value", ["@amina", "123 456", "12.5", "-5", "[1, 2]"])
def test_operators_that_are_not_user_ids_are_one_clear_error(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("REPORTBOT_ADMIN_IDS", value)
    with pytest.raises(SettingsError, match="REPORTBOT_ADMIN_IDS: must be Telegram user ids"):
        load_settings()


def test_search_limits_default_within_telegrams_and_zero_turns_them_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = load_settings()
    # A group cannot be sent more than about 20 messages a minute: no more searches than that.
    assert (settings.searches_per_user, settings.searches_per_group) == (10, 20)
    assert settings.inline_searches_per_user == 30
    monkeypatch.setenv("REPORTBOT_SEARCHES_PER_USER", "0")
    assert load_settings().searches_per_user == 0
    monkeypatch.setenv("REPORTBOT_SEARCHES_PER_GROUP", "-1")
    with pytest.raises(SettingsError, match="REPORTBOT_SEARCHES_PER_GROUP"):
        load_settings()


def test_reports_are_fetched_from_the_un_document_system_or_a_server_like_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert load_settings().un_documents_url == "https://documents.un.org"
    monkeypatch.setenv("REPORTBOT_UN_DOCUMENTS_URL", "http://127.0.0.1:8089")
    assert load_settings().un_documents_url == "http://127.0.0.1:8089"
    monkeypatch.setenv("REPORTBOT_UN_DOCUMENTS_URL", "documents.un.org")
    with pytest.raises(SettingsError, match="REPORTBOT_UN_DOCUMENTS_URL: must start with http"):
        load_settings()
