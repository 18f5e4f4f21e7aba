"""The application as it starts: its command menu."""

from __future__ import annotations

from bot.emulator import Emulator


async def test_the_command_menu_is_registered_at_start_up(bot: Emulator) -> None:
    call = await bot.wait_for(lambda call: call.method == "setMyCommands")
    commands = {command["command"] for command in call.params["commands"]}
    assert {"start", "help", "search", "para"} <= commands
