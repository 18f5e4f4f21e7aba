"""The errors the index raises: a report that cannot be ingested, an index that cannot be opened,
and an index another ingest is changing."""


class IngestError(Exception):
    """A report or catalogue that cannot be ingested; the message names the file and why."""


class IndexUnavailable(Exception):
    """The index directory cannot be opened or created; the message says where and why."""


class IngestBusy(Exception):
    """Another ingest holds the index; the message says so and what to do."""
