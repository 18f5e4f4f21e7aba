"""The error a Bot API method answers with, in Telegram's words."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An unsuccessful Bot API response: the HTTP status doubles as Telegram's error_code."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description

    @classmethod
    def bad_request(cls, detail: str) -> ApiError:
        return cls(400, f"Bad Request: {detail}")

    def body(self) -> dict[str, Any]:
        return {"ok": False, "error_code": self.status, "description": self.description}
