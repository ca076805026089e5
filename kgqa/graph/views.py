"""networkx views of the graph, for path finding and graph algorithms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kgqa.graph.vocabulary import RELATIONS, SOURCE, predicate_iri

if TYPE_CHECKING:
    import networkx as nx

    from kgqa.graph.store import KnowledgeGraph


def to_networkx(
    kg: KnowledgeGraph, relations: Iterable[str] | None = None, sources: Iterable[str] | None = None
) -> nx.MultiDiGraph:
    """Edges of the chosen relations (vocabulary names or ``subClassOf``) as a MultiDiGraph."""
    import networkx as nx
    import pyoxigraph as ox

    names = list(relations) if relations is not None else [*RELATIONS, "subClassOf"]
    graphs = [ox.NamedNode(SOURCE + s) for s in sources] if sources is not None else [None]
    g = nx.MultiDiGraph()
    for name in names:
        iri = predicate_iri(name)
        for graph in graphs:
            for q in kg.store.quads_for_pattern(None, ox.NamedNode(iri), None, graph):
                s, o = kg.node(q.subject.value), kg.node(q.object.value)
                if s is None or o is None:
                    continue
                for n in (s, o):
                    if n.iri not in g:
                        g.add_node(n.iri, label=n.label, cls=n.cls, curie=n.curie)
                g.add_edge(s.iri, o.iri, relation=name, source=q.graph_name.value[len(SOURCE) :])
    return g
