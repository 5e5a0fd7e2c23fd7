from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
DATASETS = SHARED / "datasets"
UNIFIEDFC = DATASETS / "unifiedfc"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    return SEEDS


@pytest.fixture
def unifiedfc() -> Path:
    if not (UNIFIEDFC / "dataset").is_dir():
        pytest.skip("../shared/datasets/unifiedfc is absent")
    return UNIFIEDFC


@pytest.fixture(autouse=True, scope="session")
def vector_cache(tmp_path_factory):
    """Tests keep their embedding cache to themselves (never the user's ~/.cache/burhan)."""
    import os

    os.environ["BURHAN_CACHE_DIR"] = str(tmp_path_factory.mktemp("vector-cache"))
