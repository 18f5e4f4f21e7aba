"""What the bot does, a module a feature, each adding its handlers to the application.

Each feature module has `add_handlers`: /start and /help (`start`), `search`, `paragraphs`,
`settings`, `operators`, `inline` mode, and the `fallbacks` for whatever no feature handles.
`chats` and `sending` hold what they share.
"""
