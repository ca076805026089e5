"""Graph candidates for what a question asks: one parameterised SPARQL query per intent
(the entity is a bound value, never text in the query), one hop, and then the hierarchy:
when the entity itself has no such edge, its supertypes (what the graph says of a broader
disease) and its subtypes (drugs or genes of narrower diseases) are asked, and the answer
keeps the path.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kgqa.graph.store import KnowledgeGraph
from kgqa.graph.vocabulary import RDFS_SUBCLASS, RELATIONS
from kgqa.records import Node, Triple

logger = logging.getLogger(__name__)

# intent -> [(relation, direction)], what class the topic must be, what class answers are
INTENT_QUERIES: dict[str, list[tuple[str, str]]] = {
    "phenotypes_of_disease": [("hasPhenotype", "out")],
    "drugs_for_disease": [("treats", "in"), ("palliates", "in")],
    "diseases_for_drug": [("treats", "out"), ("palliates", "out")],
    "genes_of_disease": [("associatedWithGene", "out")],
    "diseases_of_gene": [("associatedWithGene", "in")],
    "diseases_of_phenotype": [("hasPhenotype", "in")],
    "causes": [("causedBy", "out"), ("transmittedBy", "out"), ("associatedWithGene", "out")],
    "inheritance": [("hasInheritance", "out")],
    "is_a": [("subClassOf", "out")],
    "subtypes": [("subClassOf", "in")],
}
TOPIC_CLASSES = {
    "phenotypes_of_disease": ("Disease",),
    "drugs_for_disease": ("Disease", "Phenotype"),
    "diseases_for_drug": ("Chemical",),
    "genes_of_disease": ("Disease", "Phenotype"),
    "diseases_of_gene": ("Gene",),
    "diseases_of_phenotype": ("Phenotype", "Disease"),
    "causes": ("Disease",),
    "inheritance": ("Disease",),
    "is_a": ("Disease", "Phenotype", "Chemical"),
    "subtypes": ("Disease", "Phenotype", "Chemical"),
    "definition": ("Disease", "Phenotype", "Chemical", "Gene"),
}
# may the hierarchy stand in? supertypes for properties inherited downwards, subtypes for
# "which drugs/genes" where narrower diseases carry the edges
HIERARCHY = {
    "phenotypes_of_disease": ("supertype",),
    "inheritance": ("supertype",),
    "drugs_for_disease": ("subtype", "supertype"),
    "genes_of_disease": ("subtype",),
    "causes": ("supertype",),
}

_QUERY_OUT = """SELECT ?s ?o ?g WHERE { GRAPH ?g { ?s <%s> ?o } }"""
_QUERY_IN = """SELECT ?s ?o ?g WHERE { GRAPH ?g { ?o <%s> ?s } }"""


@dataclass(frozen=True)
class GraphCandidate:
    node: Node
    triples: tuple[Triple, ...]
    via: Node | None = None
    via_relation: str | None = None
    path: tuple[Triple, ...] = ()


def _iri(relation: str) -> str:
    return RDFS_SUBCLASS if relation == "subClassOf" else RELATIONS[relation].iri


def one_hop(kg: KnowledgeGraph, topic: Node, intent: str) -> dict[str, list[Triple]]:
    """answer IRI -> the triples that support it (the relation IRI is code, the topic a bound
    value)."""
    found: dict[str, list[Triple]] = {}
    for relation, direction in INTENT_QUERIES.get(intent, []):
        query = (_QUERY_OUT if direction == "out" else _QUERY_IN) % _iri(relation)
        for row in kg.sparql(query, {"s": topic}):
            other = kg.node(row["o"])
            if other is None or other.iri == topic.iri:
                continue
            source = str(row["g"]).rsplit("/", 1)[-1]
            subj, obj = (topic, other) if direction == "out" else (other, topic)
            found.setdefault(other.iri, []).append(Triple(subj, relation, obj, source))
    return found


def graph_candidates(kg: KnowledgeGraph, topic: Node, intent: str,
                     max_hierarchy: int = 6) -> list[GraphCandidate]:  # fmt: skip
    """Answers asserted of the topic; if none, of its parents / children (with the path)."""
    direct = one_hop(kg, topic, intent)
    out = [GraphCandidate(kg.node(iri), tuple(ts)) for iri, ts in direct.items()]  # type: ignore[arg-type]
    if out:
        return out
    for way in HIERARCHY.get(intent, ()):
        direction = "out" if way == "supertype" else "in"
        hops = kg.neighbours(topic, "subClassOf", direction=direction)
        for hop in hops[:max_hierarchy]:
            other = hop.object if direction == "out" else hop.subject
            for iri, ts in one_hop(kg, other, intent).items():
                node = kg.node(iri)
                if node is not None and node.iri != topic.iri:
                    out.append(GraphCandidate(node, tuple(ts), other, way, (hop, *ts[:1])))
        if out:
            break
    # keep one candidate per node (the first path found)
    seen: dict[str, GraphCandidate] = {}
    for c in out:
        seen.setdefault(c.node.iri, c)
    return list(seen.values())
