"""What any graph backend must do: everything outside ``kgqa/graph/`` reaches the graph
through these methods. Each backend is one parameter of the ``backend`` fixture: the embedded
oxigraph store, and the same graph on a SPARQL server (``oxigraph serve`` on 127.0.0.1,
loaded from ``kgqa graph export``)."""

from __future__ import annotations

import math

import pytest

from kgqa.records import Node


@pytest.fixture(params=["embedded", "remote"])
def backend(request, kg):
    if request.param == "embedded":
        return kg
    return request.getfixturevalue("remote_kg")


def test_nodes_by_iri_id_and_name(backend):
    gout = backend.node("DOID:13189")
    assert isinstance(gout, Node) and gout.cls == "Disease"
    assert backend.node(gout.iri) == gout and backend.node("doid:13189") == gout
    assert backend.find("gout", cls="Disease")[0].node == gout
    assert backend.node("DOID:0") is None and backend.find("no such thing at all") == []
    assert "DOID:13189" in backend.ids(gout)
    # how many vocabularies file each node, read for many at once, as its ids say one by one
    nodes = [gout, *(t.subject for t in backend.neighbours(gout, "treats", direction="in"))]
    assert backend.vocabularies(nodes) == {
        n.iri: len({i.split(":", 1)[0] for i in backend.ids(n)}) for n in nodes
    }


def test_neighbours_both_ways_with_sources(backend):
    gout = backend.node("DOID:13189")
    drugs = backend.neighbours(gout, "treats", direction="in")
    assert drugs and all(t.object == gout and t.relation == "treats" for t in drugs)
    assert {t.source for t in drugs} <= set(backend.stats().sources)
    out = backend.neighbours(drugs[0].subject, "treats", direction="out")
    assert any(t.object == gout for t in out)


def test_bulk_edges_agree_with_neighbours(backend):
    gout = backend.node("DOID:13189")
    bulk = {(s, src) for s, o, src in backend.edges("treats") if o == gout.iri}
    one = {(t.subject.iri, t.source) for t in backend.neighbours(gout, "treats", direction="in")}
    assert bulk == one
    parents = {o for s, o, _ in backend.edges("subClassOf", source="doid") if s == gout.iri}
    assert parents == {n.iri for n in backend.ancestors(gout)[: len(parents)]}


def test_phenotype_annotations_and_definitions(backend):
    anns = list(backend.phenotype_annotations("hpo"))
    assert anns and all(backend.node(a.disease) and backend.node(a.phenotype) for a in anns)
    assert any(not math.isnan(a.frequency) for a in anns)
    assert all(isinstance(a.negated, bool) and isinstance(a.references, tuple) for a in anns)
    defs = list(backend.definitions("hpo"))
    assert defs and all(isinstance(n, Node) and text for n, text in defs)


def test_priority_build_id_and_licences(backend):
    gout = backend.node("DOID:13189")
    assert isinstance(backend.priority(gout.iri), int)
    assert backend.build_id and len(backend.build_id) >= 16
    assert backend.licence("hpo") != "unspecified"


def test_bound_values_are_never_query_text(backend):
    q = "SELECT ?n ?label WHERE { ?n <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    rows = backend.sparql(q, {"label": '" } ; DROP ALL ; #'})
    assert rows == []


# ------------------------------------------------------------------ the two agree
def test_the_remote_backend_reads_what_the_embedded_store_holds(kg, remote_kg):
    assert remote_kg.stats() == kg.stats()
    seen = 0
    for ref in ("DOID:13189", "DOID:14323", "HP:0001250"):
        for direction in ("out", "in"):
            here = kg.neighbours(ref, direction=direction, attributes=True)
            there = remote_kg.neighbours(ref, direction=direction, attributes=True)
            assert sorted(map(str, here)) == sorted(map(str, there))
            assert {t.attributes for t in here} == {t.attributes for t in there}
            seen += len(here)
    assert seen > 20
    assert remote_kg.ancestors("HP:0001250") == kg.ancestors("HP:0001250")
    # (compared as text: a missing frequency is NaN, which equals nothing)
    assert sorted(map(str, remote_kg.phenotype_annotations("hpo"))) == sorted(
        map(str, kg.phenotype_annotations("hpo")))  # fmt: skip
    net = remote_kg.networkx(["treats"])
    assert net.number_of_edges() == kg.networkx(["treats"]).number_of_edges() > 0


def test_remote_sparql_binds_values_and_keeps_its_budget(kg, remote_kg):
    from kgqa.errors import InputError

    q = "SELECT ?n ?id WHERE { ?n kgv:id ?id }"
    assert remote_kg.sparql(q, {"id": "HP:0001250"}) == kg.sparql(q, {"id": "HP:0001250"}) != []
    with pytest.raises(InputError, match="SERVICE"):
        remote_kg.sparql("SELECT * WHERE { SERVICE <http://x.org/> { ?s ?p ?o } }")
    with pytest.raises(InputError, match="invalid SPARQL"):
        remote_kg.sparql("SELECT WHERE {")
    with pytest.raises(InputError, match="more than 3 rows"):
        remote_kg.sparql("SELECT ?s WHERE { ?s ?p ?o }", max_rows=3)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(InputError, match="budget"):
        remote_kg.sparql(slow, timeout_s=0.3)
    # the connection is fresh after a timeout
    assert remote_kg.node("DOID:13189") is not None
    assert remote_kg.neighbours("DOID:13189", "treats", direction="in")


def test_a_remote_server_that_is_down_or_wrong_is_an_artifact_error(fixture_graph_dir, tmp_path):
    from kgqa.errors import ArtifactError, InputError
    from kgqa.graph import KnowledgeGraph

    with pytest.raises(ArtifactError, match="cannot be reached"):
        KnowledgeGraph.load(fixture_graph_dir, endpoint="http://127.0.0.1:9/query")
    with pytest.raises(InputError, match="http"):
        KnowledgeGraph.load(fixture_graph_dir, endpoint="file:///etc/passwd")


def test_the_export_keeps_named_graphs(kg, tmp_path):
    import pyoxigraph as ox

    files = kg.export(tmp_path / "ttl", "turtle")
    names = {f.stem for f in files}
    assert {"hpo", "meta"} <= names and len(names) == len(kg.stats().sources) + 1
    (nq,) = kg.export(tmp_path / "g.nq", "nquads")
    graphs = {q.graph_name.value for q in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS)}
    assert len(graphs) == len(names)
