from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture(scope="session")
def fixture_data() -> Path:
    return FIXTURE_DATA


@pytest.fixture(scope="session")
def fixture_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Artifacts (graph, diagnosis index) built from the hand-written fixture sources, once."""
    from kgqa.diagnosis.index import DiagnosisIndex
    from kgqa.graph import KnowledgeGraph
    from kgqa.graph.build import build_graph

    home = tmp_path_factory.mktemp("home")
    build_graph(FIXTURE_DATA, home / "graph")
    kg = KnowledgeGraph.load(home / "graph")
    DiagnosisIndex.from_graph(kg).save(home / "diagnosis")
    kg.close()
    return home


@pytest.fixture(scope="session")
def fixture_graph_dir(fixture_home: Path) -> Path:
    return fixture_home / "graph"


@pytest.fixture(scope="session")
def pipeline(fixture_home: Path):
    from kgqa.pipeline import Pipeline

    return Pipeline.load(fixture_home)


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


@pytest.fixture(scope="session")
def real_pipeline(real_graph):
    """Pipeline over the real graph; builds the diagnosis index when it is missing or stale."""
    from kgqa.config import kgqa_home
    from kgqa.diagnosis.differential import Diagnoser
    from kgqa.diagnosis.index import DiagnosisIndex
    from kgqa.errors import ArtifactError
    from kgqa.pipeline import Pipeline

    try:
        diagnoser = Diagnoser.load(real_graph)
    except ArtifactError:
        DiagnosisIndex.from_graph(real_graph).save(kgqa_home() / "diagnosis")
        diagnoser = Diagnoser.load(real_graph)
    return Pipeline(real_graph, diagnoser)
