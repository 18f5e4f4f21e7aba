"""Reading the TOML files an operator edits (the catalogue, the synonyms)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


def read_toml(path: Path, what: str, error: type[Exception]) -> dict[str, Any]:
    """The file's tables, or `error` with one line naming the file and what is wrong."""
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as problem:
        raise error(f"{path}: cannot read the {what} ({problem.strerror})") from problem
    except tomllib.TOMLDecodeError as problem:
        raise error(f"{path}: not valid TOML ({problem})") from problem
