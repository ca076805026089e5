"""Figures on the graph built from the real sources (../shared/data): slow, skipped without data."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.data]


def test_graph_reaches_the_issue_figures(real_graph) -> None:
    stats = real_graph.stats()
    assert stats.classes["Phenotype"] >= 15_000
    assert stats.classes["Drug"] >= 300
    assert stats.classes["Gene"] >= 4_000
    rows = real_graph.sparql(
        "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH src:hpo { ?d kgv:hasPhenotype ?p } }"
    )
    assert rows[0]["n"] >= 10_000


def test_real_identities(real_graph) -> None:
    # DO, OMIM (1:1 xref) and the UMLS alias are one node
    t2d = real_graph.node("DOID:9352")
    assert real_graph.node("MESH:D003924") == t2d
    assert real_graph.node("UMLS:C0011860") == t2d
    gout = real_graph.find("gout", cls="Disease")[0].node
    drugs = {t.subject.label for t in real_graph.neighbours(gout, "treats", "in")}
    assert {"Allopurinol", "Colchicine"} <= drugs
    assert real_graph.find("癫痫发作")[0].node.curie == "HP:0001250"
    # a MeSH id listed by a DO class and by its subclasses belongs to the most general one
    assert real_graph.node("MESH:D001943") == real_graph.node("DOID:1612")  # breast cancer
    assert real_graph.node("MESH:D015470") == real_graph.node("DOID:9119")  # AML
    assert real_graph.node("DOID:3459") != real_graph.node("DOID:1612")
