"""Everything Telegram: application, handlers, rendering, sandbox and Bot API emulator."""
