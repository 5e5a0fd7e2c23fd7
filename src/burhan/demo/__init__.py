"""The bundled synthetic demo corpus (26 Arabic news items on made-up ``.example`` sites),
five synthetic published fact-checks (ClaimReview, ``fact-desk.example``) and a few claims
to check against them."""

from __future__ import annotations

from pathlib import Path

DEMO_CORPUS = Path(__file__).parent / "demo_corpus.jsonl"
DEMO_CLAIMS = Path(__file__).parent / "demo_claims.jsonl"
DEMO_FACTCHECKS = Path(__file__).parent / "demo_factchecks.json"


def build_demo_store(path: str | Path) -> Path:
    """Ingest the demo corpus and its fact-checks into the store at ``path``, index and embed them."""
    from burhan.ingest import ingest
    from burhan.ingest.claimreview import import_factchecks
    from burhan.search import Searcher
    from burhan.search.factchecks import FactCheckMatcher
    from burhan.store import Store

    with Store(path) as store:
        ingest([DEMO_CORPUS], store)
        Searcher(store).sync(embed=True)
        import_factchecks([DEMO_FACTCHECKS], store)
        FactCheckMatcher(store).refresh()
    return Path(path)
