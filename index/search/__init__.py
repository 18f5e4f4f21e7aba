"""Search: query words, questions, filters, spelling, synonyms, ranking, nearness, summaries."""
