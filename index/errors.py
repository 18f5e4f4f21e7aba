"""Errors of ingestion, shared by the format readers, the catalogue and the ingest command."""


class IngestError(Exception):
    """A report or catalogue that cannot be ingested; the message names the file and why."""
