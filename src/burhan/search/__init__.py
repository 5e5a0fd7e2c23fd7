"""Search over the store: BM25 (tantivy), dense vectors, and their fusion."""

from burhan.search.dense import DEFAULT_ENCODER, ENCODERS, load_encoder
from burhan.search.lexical import LexicalIndex
from burhan.search.searcher import MODES, Searcher, SearchError, index_folder_for

__all__ = ["DEFAULT_ENCODER", "ENCODERS", "MODES", "LexicalIndex", "SearchError", "Searcher", "index_folder_for", "load_encoder"]
