"""Everything Telegram: the application, features, replies, sandbox and Bot API emulator."""
