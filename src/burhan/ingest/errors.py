import json
from dataclasses import dataclass


def json_problem(err: json.JSONDecodeError, line: bool = True) -> str:
    """Python's JSON error as a whole sentence: «Unterminated string starting at line 1, column
    2», «Expecting value at column 7» (its message ends in "at" for some errors, not others)."""
    where = f"line {err.lineno}, column {err.colno}" if line else f"column {err.colno}"
    return f"{err.msg}{'' if err.msg.endswith(' at') else ' at'} {where}"


class IngestError(Exception):
    """A file or record that cannot be ingested; the message says why, in plain words."""


@dataclass
class RecordError:
    """One record of a collection or web archive that cannot be used, named ``path#N``; the
    file's other records are read on (``ReadOptions.on_error="skip"``, and web archives)."""

    where: str
    error: str
