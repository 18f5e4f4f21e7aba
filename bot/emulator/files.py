"""Files as the Bot API takes them: parts of a multipart request, and the files Telegram keeps.

A parameter of type InputFile is a file uploaded in the same request, or a string: a file_id
Telegram gave before, or an HTTP URL for Telegram to fetch. The Bot API server reads it so:
`attach://<name>` names the multipart part `<name>`; any other non-empty string is a file_id or
URL; an empty or absent value, the part named after the parameter itself (how python-telegram-bot
sends a file it does not attach by name, as `send_document` does).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.emulator.errors import ApiError

# "Bots can currently send files of any type of up to 50 MB in size"; past it the Bot API's
# front end refuses the request before the server reads it.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
ATTACH = "attach://"


def too_large() -> ApiError:
    return ApiError(413, "Request Entity Too Large")


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request: its filename and content."""

    filename: str
    content: bytes = field(repr=False)

    def __repr__(self) -> str:
        # Recorded calls are printed when a test fails: the bytes would drown the rest.
        return f"Upload({self.filename!r}, {len(self.content)} bytes)"


def input_file(name: str, value: str, uploads: Mapping[str, Upload]) -> Upload | str | None:
    """What an InputFile parameter called `name` holds, its text being `value` ('' if absent):
    an upload, a file_id or URL, or None if the request has no such file."""
    if value.startswith(ATTACH):
        return uploads.get(value.removeprefix(ATTACH))
    if value:
        return value
    return uploads.get(name)


@dataclass(frozen=True)
class StoredFile:
    """A file Telegram keeps, reachable by its file_id from then on."""

    file_id: str
    file_unique_id: str
    file_name: str
    content: bytes = field(repr=False)

    @property
    def mime_type(self) -> str | None:
        # The Bot API server hands TDLib the upload under its own name, and TDLib takes the type
        # from the name's extension, not from the part's Content-Type.
        return mimetypes.guess_type(self.file_name, strict=False)[0]

    def document(self) -> dict[str, Any]:
        """The file as a Message's Document object."""
        document: dict[str, Any] = {"file_name": self.file_name}
        if self.mime_type is not None:
            document["mime_type"] = self.mime_type
        document |= {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
        }
        return document
