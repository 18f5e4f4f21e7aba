"""What the bot says: replies rendered as Telegram HTML, packed into messages, in six languages."""
