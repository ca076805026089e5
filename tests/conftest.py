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
    """Artifacts (graph, diagnosis index, name and passage indexes) built once from the
    hand-written fixture sources, by the library's build."""
    from kgqa.build import TARGETS, build

    home = tmp_path_factory.mktemp("home")
    steps = build(TARGETS, home=home, data=FIXTURE_DATA)
    assert [s.built for s in steps] == [True] * len(TARGETS)
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
    from kgqa.build import build
    from kgqa.config import Home
    from kgqa.graph import KnowledgeGraph

    build(["graph"], data=real_data_dir, force=bool(os.environ.get("KGQA_REBUILD")))
    graph = KnowledgeGraph.load(Home.resolve().graph)
    yield graph
    graph.close()


@pytest.fixture(scope="session")
def real_pipeline(real_graph, real_data_dir: Path):
    """Pipeline over the real graph; builds the diagnosis and name indexes when missing or stale.

    The diagnoser links free-text findings with the entity linker, which needs the name index.
    """
    from kgqa.build import build
    from kgqa.diagnosis.differential import Diagnoser
    from kgqa.pipeline import Pipeline

    build(["diagnosis", "linking"], data=real_data_dir)
    return Pipeline(real_graph, Diagnoser.load(real_graph))


@pytest.fixture(scope="session")
def linker(fixture_home: Path):
    """The NER linker (committed weights) over the fixture graph."""
    from kgqa.linking import EntityLinker

    return EntityLinker.load(fixture_home, mode="ner")


@pytest.fixture(scope="session")
def real_linker(real_graph, real_data_dir: Path):
    """The NER linker over the real graph; builds the name index when missing or stale."""
    from kgqa.build import build
    from kgqa.linking import EntityLinker

    build(["linking"], data=real_data_dir)
    return EntityLinker.load(kg=real_graph)


@pytest.fixture(scope="session")
def retriever(fixture_home: Path, kg):
    from kgqa.retrieval.index import PassageRetriever

    return PassageRetriever.load(fixture_home / "passages", kg)
