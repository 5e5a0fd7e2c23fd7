from dataclasses import dataclass


class IngestError(Exception):
    """A file or record that cannot be ingested; the message says why, in plain words."""


@dataclass
class RecordError:
    """One record of a collection or web archive that cannot be used, named ``path#N``; the
    file's other records are read on (``ReadOptions.on_error="skip"``, and web archives)."""

    where: str
    error: str
