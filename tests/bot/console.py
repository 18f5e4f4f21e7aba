"""`reportbot` as a person runs it: the console script, and `reportbot run` in a subprocess."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

REPORTBOT = str(Path(sys.executable).parent / "reportbot")
# A token as BotFather gives them, served by the emulator: the logs must never show it.
TOKEN = "987654321:AAF-real-looking-secret-token-value"


async def start_bot(env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        REPORTBOT, "run", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )


async def stop_bot(process: asyncio.subprocess.Process) -> tuple[int | None, str]:
    """SIGTERM, as systemd stops a service; the exit status and everything the bot printed."""
    process.send_signal(signal.SIGTERM)
    stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    return process.returncode, (stdout + stderr).decode()
