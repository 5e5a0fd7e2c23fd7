class IngestError(Exception):
    """A file or record that cannot be ingested; the message says why, in plain words."""
