"""Raw news files → cleaned ``Article`` objects (no storage here: see ``burhan.store``)."""

from burhan.ingest.clean import clean, content_hash
from burhan.ingest.errors import IngestError
from burhan.ingest.pipeline import ArticleSink, FileError, IngestReport, analyze_file, ingest
from burhan.ingest.readers import ReadOptions, expand_paths, json_lines, read_file

__all__ = [
    "ArticleSink",
    "FileError",
    "IngestError",
    "IngestReport",
    "ReadOptions",
    "analyze_file",
    "clean",
    "content_hash",
    "expand_paths",
    "ingest",
    "json_lines",
    "read_file",
]
