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


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _oxigraph() -> str:
    import shutil
    import sys

    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).is_file():
        raise AssertionError("the oxigraph server is not installed (pip install -e '.[dev]')")
    return found


@pytest.fixture(scope="session")
def sparql_server(fixture_graph_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """Oxigraph's own server on 127.0.0.1, loaded with ``kgqa graph export`` of the fixture
    graph: the remote backend's counterpart (``oxigraph load`` + ``oxigraph serve``)."""
    import subprocess
    import time
    import urllib.request

    from kgqa.graph import KnowledgeGraph

    work = tmp_path_factory.mktemp("sparql")
    kg = KnowledgeGraph.load(fixture_graph_dir, endpoint=None)
    kg.export(work / "graph.nq", "nquads")
    kg.close()
    exe = _oxigraph()
    subprocess.run([exe, "load", "--location", str(work / "db"), "--file", str(work / "graph.nq")],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    port = _free_port()
    serve = [exe, "serve-read-only", "--location", str(work / "db"), "--bind",
             f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", "10"]  # fmt: skip
    proc = subprocess.Popen(serve, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError("oxigraph serve did not start") from None
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def remote_kg(fixture_graph_dir: Path, sparql_server: str):
    """The fixture graph read from the SPARQL server (names index local)."""
    from kgqa.graph import KnowledgeGraph

    graph = KnowledgeGraph.load(fixture_graph_dir, endpoint=sparql_server)
    yield graph
    graph.close()
