from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture(scope="session")
def fixture_data() -> Path:
    return FIXTURE_DATA


@pytest.fixture(scope="session")
def fixture_graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The graph built from the hand-written fixture sources (once per test session)."""
    from kgqa.graph.build import build_graph

    target = tmp_path_factory.mktemp("graph") / "graph"
    build_graph(FIXTURE_DATA, target)
    return target


@pytest.fixture(scope="session")
def kg(fixture_graph_dir: Path):
    from kgqa.graph import KnowledgeGraph

    graph = KnowledgeGraph.load(fixture_graph_dir)
    yield graph
    graph.close()


@pytest.fixture(scope="session")
def real_data_dir() -> Path:
    from kgqa.config import data_dir

    d = data_dir()
    if not (d / "disease_ontology" / "HumanDO.tsv").is_file():
        pytest.skip(f"raw data not found at {d} (set KGQA_DATA)")
    return d


@pytest.fixture(scope="session")
def real_graph(real_data_dir: Path):
    """The graph built from the real sources, reused from $KGQA_HOME when its inputs are
    unchanged, else built there (about a minute)."""
    from kgqa.config import graph_dir
    from kgqa.graph import KnowledgeGraph
    from kgqa.graph.build.builder import build_graph, inputs_unchanged

    target = graph_dir()
    if os.environ.get("KGQA_REBUILD") or not inputs_unchanged(real_data_dir, target):
        build_graph(real_data_dir, target)
    graph = KnowledgeGraph.load(target)
    yield graph
    graph.close()
