"""The six UN languages: analysis into index terms, Arabic, Chinese, a query's language."""
