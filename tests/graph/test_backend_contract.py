"""What any graph backend must do: everything outside ``kgqa/graph/`` reaches the graph
through these methods. Each backend is one parameter of the ``backend`` fixture (today the
embedded oxigraph store; a SPARQL-server backend joins here)."""

from __future__ import annotations

import math

import pytest

from kgqa.records import Node


@pytest.fixture(params=["embedded"])
def backend(request, kg):
    if request.param == "embedded":
        return kg
    raise AssertionError(request.param)


def test_nodes_by_iri_id_and_name(backend):
    gout = backend.node("DOID:13189")
    assert isinstance(gout, Node) and gout.cls == "Disease"
    assert backend.node(gout.iri) == gout and backend.node("doid:13189") == gout
    assert backend.find("gout", cls="Disease")[0].node == gout
    assert backend.node("DOID:0") is None and backend.find("no such thing at all") == []
    assert "DOID:13189" in backend.ids(gout)


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
