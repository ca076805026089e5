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
    hand-written fixture sources."""
    from kgqa.diagnosis.index import DiagnosisIndex
    from kgqa.graph import KnowledgeGraph
    from kgqa.graph.build import build_graph

    home = tmp_path_factory.mktemp("home")
    build_graph(FIXTURE_DATA, home / "graph")
    kg = KnowledgeGraph.load(home / "graph")
    DiagnosisIndex.from_graph(kg).save(home / "diagnosis")
    from kgqa.linking.dense import build_name_index, index_dir

    build_name_index(kg, index_dir(home))
    from kgqa.linking.annotated import annotated_dir, build_annotated_names

    build_annotated_names(kg, FIXTURE_DATA, annotated_dir(home))
    from kgqa.retrieval.index import build_passage_index, passages_dir

    build_passage_index(FIXTURE_DATA, kg, passages_dir(home))
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


@pytest.fixture(scope="session")
def linker(fixture_home: Path):
    """The NER linker (committed weights) over the fixture graph."""
    from kgqa.linking import EntityLinker

    return EntityLinker.load(fixture_home, mode="ner")


@pytest.fixture(scope="session")
def real_linker(real_graph, real_data_dir: Path):
    """The NER linker over the real graph; builds the name index when missing or stale."""
    from kgqa.config import kgqa_home
    from kgqa.linking import EntityLinker, annotated
    from kgqa.linking.dense import NameIndex, build_name_index, index_dir, up_to_date

    home = kgqa_home()
    if not up_to_date(real_graph, index_dir(home)):
        build_name_index(real_graph, index_dir(home))
    if not annotated.up_to_date(real_graph, real_data_dir, annotated.annotated_dir(home)):
        annotated.build_annotated_names(real_graph, real_data_dir, annotated.annotated_dir(home))
    from kgqa.linking.ner import NerTagger

    return EntityLinker(
        real_graph,
        NerTagger.load(),
        NameIndex.load(index_dir(home), real_graph),
        annotated=annotated.AnnotatedNames.load(annotated.annotated_dir(home), real_graph),
    )


@pytest.fixture(scope="session")
def retriever(fixture_home: Path, kg):
    from kgqa.retrieval.index import PassageRetriever, passages_dir

    return PassageRetriever.load(passages_dir(fixture_home), kg)
