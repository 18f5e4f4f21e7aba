"""The machine and software a run measured: figures mean little without them."""

from __future__ import annotations

import os
import platform
import sqlite3
from importlib.metadata import version
from pathlib import Path


def describe() -> dict[str, str]:
    """CPU, cores, memory, OS and the versions that matter, as labelled strings."""
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "memory": f"{_memory_kib() / 1024**2:.1f} GiB",
        "OS": _os_name(),
        "Python": platform.python_version(),
        "Whoosh": version("whoosh"),
        "SQLite": sqlite3.sqlite_version,
        "python-telegram-bot": version("python-telegram-bot"),
    }


def _cpu_model() -> str:
    for line in _lines(Path("/proc/cpuinfo")):
        name, _, value = line.partition(":")
        if name.strip() == "model name":
            return value.strip()
    return platform.processor() or platform.machine()


def _memory_kib() -> int:
    for line in _lines(Path("/proc/meminfo")):
        name, _, value = line.partition(":")
        if name == "MemTotal":
            return int(value.split()[0])
    return 0


def _os_name() -> str:
    for line in _lines(Path("/etc/os-release")):
        name, _, value = line.partition("=")
        if name == "PRETTY_NAME":
            pretty = value.strip().strip('"')
            return f"{pretty} (kernel {platform.release()})"
    return platform.platform()


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text().splitlines()
    except OSError:
        return []
