"""Settings from REPORTBOT_* variables and .env."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import DEFAULT_CATALOGUE, SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("TOKEN", "API_BASE_URL", "INDEX_DIR", "CATALOGUE", "LOG_LEVEL"):
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
