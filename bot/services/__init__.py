"""What the handlers share, in memory: search limits, searches, updates seen, operators' alerts."""
