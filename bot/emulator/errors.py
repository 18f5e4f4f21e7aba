"""The error a Bot API method answers with, in Telegram's words."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An unsuccessful Bot API response: the HTTP status doubles as Telegram's error_code."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters
        """Telegram's ResponseParameters, e.g. {"retry_after": 2} with a 429."""

    @classmethod
    def bad_request(cls, detail: str, parameters: dict[str, Any] | None = None) -> ApiError:
        return cls(400, f"Bad Request: {detail}", parameters)

    def body(self) -> dict[str, Any]:
        body = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = dict(self.parameters)
        return body
