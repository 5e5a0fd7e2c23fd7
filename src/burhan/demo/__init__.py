"""The bundled synthetic demo corpus (26 Arabic news items on made-up ``.example`` sites)
and a few claims to check against it."""

from __future__ import annotations

from pathlib import Path

DEMO_CORPUS = Path(__file__).parent / "demo_corpus.jsonl"
DEMO_CLAIMS = Path(__file__).parent / "demo_claims.jsonl"


def build_demo_store(path: str | Path) -> Path:
    """Ingest the demo corpus into the store at ``path``, index and embed it."""
    from burhan.ingest import ingest
    from burhan.search import Searcher
    from burhan.store import Store

    with Store(path) as store:
        ingest([DEMO_CORPUS], store)
        Searcher(store).sync(embed=True)
    return Path(path)
