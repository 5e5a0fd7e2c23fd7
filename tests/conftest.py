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
