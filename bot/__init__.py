"""Everything Telegram: the application, handlers, rendering, the sandbox and the Bot API emulator."""
