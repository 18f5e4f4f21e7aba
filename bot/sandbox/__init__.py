"""The sandbox: a chat with the real bot in a terminal, through the Bot API emulator."""
