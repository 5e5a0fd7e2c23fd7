"""The analyser's outputs on a fixed sample of Unified-FC texts are exactly those recorded
before the speed work of issue 14 (``python tools/analysis_golden.py`` wrote them)."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "analysis_golden.json.gz"
DATASETS = ROOT.parent / "shared" / "datasets"


def _tool():
    spec = importlib.util.spec_from_file_location("analysis_golden", ROOT / "tools" / "analysis_golden.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def golden() -> dict:
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as f:
        return json.load(f)


@pytest.mark.skipif(not (DATASETS / "unifiedfc" / "dataset").is_dir(), reason="../shared/datasets/unifiedfc is absent")
def test_analyser_outputs_are_unchanged(golden):
    tool = _tool()
    rows = [row for path in tool.sample_files(DATASETS) for row in tool.expected(path, DATASETS)]
    assert [row["file"] for row in rows] == [row["file"] for row in golden["articles"]]
    for got, want in zip(rows, golden["articles"]):
        for key, value in want.items():
            assert got[key] == value, f"{want['file']}: {key} differs"
        # the stems stored with each sentence are the search analyser's (made in one pass at ingest)
        assert got["stored_stems_sha1"] == want["stems_sha1"], f"{want['file']}: stored stems differ"
    assert tool.links(rows) == golden["links"]


def test_golden_sample_has_content(golden):
    articles = golden["articles"]
    assert len(articles) >= 50
    assert sum(len(a["numbers"]) for a in articles) > 100
    assert sum(len(a["dates"]) for a in articles) > 50
    assert sum("سوريا" in s for a in articles for s in a["sentences"]) > 20
