"""Report ingestion, the Whoosh index, search and summaries. Knows nothing of Telegram."""
