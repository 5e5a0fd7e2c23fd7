"""Raw news files → cleaned ``Article`` objects (no storage here: see ``burhan.store``).

The names below load on first use (PEP 562): importing ``burhan.ingest.errors`` or
``burhan.ingest.readers`` must not pull in the HTML cleaner (trafilatura, ~0.1 s), so that
``burhan --help`` and ``burhan stats`` start fast. The cleaning function is
``burhan.ingest.clean.clean`` (here ``clean`` would be the submodule once it is loaded).
"""

from importlib import import_module

_WHERE = {
    "content_hash": "clean", "IngestError": "errors",
    "ArticleSink": "pipeline", "FileError": "pipeline", "IngestReport": "pipeline", "analyze_file": "pipeline",
    "ingest": "pipeline",
    "ReadOptions": "readers", "expand_paths": "readers", "json_lines": "readers", "read_file": "readers",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'burhan.ingest' has no attribute {name!r}")
    return getattr(import_module(f"burhan.ingest.{_WHERE[name]}"), name)
