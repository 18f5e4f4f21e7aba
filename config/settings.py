"""Settings from the environment (prefix REPORTBOT_) and an optional .env file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Self
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

CONFIG_DIR = Path(__file__).resolve().parent
DEFAULT_CATALOGUE = CONFIG_DIR / "catalogue.toml"


# Telegram's rule for setWebhook's secret_token.
WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class SettingsError(Exception):
    """Settings that cannot be used; the message is one readable line per problem."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="REPORTBOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    token: SecretStr | None = Field(default=None, description="Bot token from @BotFather.")
    api_base_url: str = Field(
        default="https://api.telegram.org/bot",
        description="Bot API base URL; the token is appended (python-telegram-bot's base_url).",
    )
    index_dir: Path = Field(default=Path("var/index"), description="Where the Whoosh index lives.")
    data_dir: Path = Field(
        default=Path("var"),
        description="Where the bot keeps what it knows of chats (a SQLite database) between runs.",
    )
    catalogue: Path = Field(
        default=DEFAULT_CATALOGUE, description="The reports to load when the index is empty."
    )
    log_level: str = Field(default="INFO", description="Logging level.")
    webhook_url: str | None = Field(
        default=None,
        description="Serve by webhook at this public HTTPS URL instead of long polling.",
    )
    webhook_secret: SecretStr | None = Field(
        default=None,
        description="Telegram sends it with every update; required with a webhook URL.",
    )
    listen: str = Field(default="127.0.0.1", description="Address the webhook server binds.")
    port: int = Field(default=8080, ge=1, le=65535, description="Port of the webhook server.")
    rate_limit: bool = Field(
        default=True,
        description="Keep within Telegram's flood limits and wait out a 429; false for benchmarks.",
    )
    searches_per_user: int = Field(
        default=10, ge=0, description="Searches a minute by one person (0: no limit)."
    )
    searches_per_group: int = Field(
        default=20, ge=0, description="Searches a minute in one group (0: no limit)."
    )
    inline_searches_per_user: int = Field(
        default=30, ge=0, description="Inline queries a minute by one person (0: no limit)."
    )
    database_url: SecretStr | None = Field(
        default=None,
        description=(
            "A PostgreSQL database for what the bot keeps about chats, shared by several bot "
            "processes (postgresql://user:password@host:5432/name); none: SQLite in data_dir."
        ),
    )
    redis_url: SecretStr | None = Field(
        default=None,
        description=(
            "A Redis server for the short-lived state several bot processes share (result "
            "pages, updates handled): redis://host:6379/0; none: this process's memory."
        ),
    )
    digest_interval: float = Field(
        default=5.0,
        gt=0,
        le=3600,
        description="Seconds between looks for newly published reports to send digests of.",
    )
    # NoDecode: "123,456" as people write it, not the JSON list pydantic-settings expects.
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), description="Telegram user ids of the bot's operators."
    )
    admin_chat_id: int | None = Field(
        default=None, description="The chat told of failures (rate-limited)."
    )
    un_documents_url: str = Field(
        default="https://documents.un.org",
        description="The UN Official Document System, where `reportbot fetch` gets reports.",
    )

    @field_validator("token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        bot_id, sep, secret = value.get_secret_value().strip().partition(":")
        if not (sep and bot_id.isdigit() and secret):
            # The value itself is never echoed: it may be a real token with a typo.
            raise ValueError("must look like 123456789:ABC... (the token @BotFather gives you)")
        return SecretStr(value.get_secret_value().strip())

    @field_validator("api_base_url", "un_documents_url")
    @classmethod
    def _base_url_shape(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url_shape(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError("must be the public address Telegram posts to, https://host/path")
        return value.strip()

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        if not WEBHOOK_SECRET.fullmatch(value.get_secret_value().strip()):
            raise ValueError("must be 1–256 characters, each A-Z, a-z, 0-9, _ or -")
        return SecretStr(value.get_secret_value().strip())

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _id_list(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        ids = [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
        if not all(part.isdecimal() for part in ids):
            raise ValueError("must be Telegram user ids separated by commas, e.g. 123456,789012")
        return frozenset(int(part) for part in ids)

    @field_validator("admin_chat_id", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @model_validator(mode="after")
    def _webhook_has_a_secret(self) -> Self:
        # Without it anyone who learns the URL could post updates in users' names.
        if self.webhook_url is not None and self.webhook_secret is None:
            raise ValueError(
                "REPORTBOT_WEBHOOK_SECRET is required when REPORTBOT_WEBHOOK_URL is set"
            )
        return self


def _problem(problem: ErrorDetails) -> str:
    # Pydantic prefixes the message of every ValueError a validator raises.
    message = problem["msg"].removeprefix("Value error, ")
    if not problem["loc"]:  # a check of several settings names them itself
        return message
    return f"REPORTBOT_{'_'.join(str(part) for part in problem['loc']).upper()}: {message}"


def load_settings() -> Settings:
    """Read the settings, turning pydantic's report into one readable message."""
    try:
        return Settings()
    except ValidationError as error:
        problems = [_problem(problem) for problem in error.errors(include_input=False)]
        raise SettingsError("invalid settings: " + "; ".join(problems)) from None
