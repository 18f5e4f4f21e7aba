"""Readers that turn a report's file (PDF, web page, Word, text) into a SourceDocument."""
