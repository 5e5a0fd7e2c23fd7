import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# property tests draw the same examples on every run (CI must not fail at random); explore with
# HYPOTHESIS_PROFILE=explore (random draws, ten times the examples) and keep what it finds as a test
settings.register_profile("burhan", derandomize=True, deadline=None)
settings.register_profile("explore", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "burhan"))

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


@pytest.fixture(scope="session")
def spark():
    """One local[2] SparkSession for the whole test run (a session takes ~10 s to start)."""
    import shutil

    if shutil.which("java") is None:
        pytest.skip("no Java runtime (Spark needs one: apt install openjdk-17-jre-headless)")
    pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[spark]')")
    session = (pyspark.sql.SparkSession.builder.master("local[2]").appName("burhan-tests")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> Path:
    """The demo corpus ingested, indexed and embedded once per test run. Never written to: a
    test that writes takes ``demo_copy``."""
    from burhan.demo import build_demo_store

    return build_demo_store(tmp_path_factory.mktemp("demo-store") / "demo.db")


@pytest.fixture
def demo_copy(demo_store, tmp_path) -> Path:
    """A copy of the demo store and its search index, this test's to change."""
    copy = tmp_path / "store.db"
    shutil.copy(demo_store, copy)
    shutil.copytree(demo_store.with_name(demo_store.name + ".index"), copy.with_name(copy.name + ".index"))
    return copy
