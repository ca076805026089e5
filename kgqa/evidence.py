"""Evidence as a graph, and the one JSON form of kgqa's replies.

:func:`evidence_graph` turns a :class:`Result`, :class:`Verdict` or :class:`Differential` into
an :class:`EvidenceGraph`: the nodes and edges behind it (each edge with its source and
attributes), the passages it cites, and bindings that tie each answer, option, claim or
disease to its edges and passages (the shape of a TRAPI message's knowledge graph and results).

:func:`reply` wraps a record and its graph (:class:`AskReply`, :class:`VerifyReply`,
:class:`DiagnoseReply`); :func:`to_json` and :func:`json_schema` give the JSON form that the
CLI's ``--json`` and the REST service both print, from the records themselves.

Example:
    >>> from kgqa.records import Evidence, Node, Triple, Verdict
    >>> gout = Node("https://w3id.org/kgqa/node/x", "DOID:13189", "gout", "Disease")
    >>> allo = Node("https://w3id.org/kgqa/node/y", "DRUGBANK:DB00437", "Allopurinol", "Drug")
    >>> t = Triple(allo, "treats", gout, "drugcentral")
    >>> v = Verdict("allopurinol treats gout", "supported", 0.97, (), allo, "treats", gout,
    ...             False, Evidence(triples=(t,)))
    >>> g = evidence_graph(v)
    >>> [n.id for n in g.nodes], [(e.subject, e.relation, e.object) for e in g.edges]
    (['DRUGBANK:DB00437', 'DOID:13189'], [('DRUGBANK:DB00437', 'treats', 'DOID:13189')])
    >>> g.bindings[0].edges
    ('e1',)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from kgqa.records import (
    Answer,
    AskReply,
    Attribute,
    Binding,
    DiagnoseReply,
    Differential,
    Evidence,
    EvidenceGraph,
    GraphEdge,
    GraphNode,
    Node,
    Passage,
    Result,
    Triple,
    Verdict,
    VerifyReply,
)

# Chinese label of a node (by IRI) or "" : a callable so this module needs no graph
ChineseLabel = Callable[[Node], str]


class _Builder:
    def __init__(self, zh: ChineseLabel | None, licence: Callable[[str], str] | None) -> None:
        self.nodes: dict[str, GraphNode] = {}
        self.edges: dict[tuple[str, str, str, str], GraphEdge] = {}
        self.passages: dict[int, Passage] = {}
        self.bindings: list[Binding] = []
        self._zh = zh
        self._licence = licence

    def node(self, n: Node) -> str:
        if n.curie not in self.nodes:
            zh = self._zh(n) if self._zh else ""
            self.nodes[n.curie] = GraphNode(n.curie, n.iri, n.label, n.cls, zh)
        return n.curie

    def edge(self, subject: Node, relation: str, obj: Node, source: str,
             attributes: tuple[Attribute, ...] = ()) -> str:  # fmt: skip
        key = (self.node(subject), relation, self.node(obj), source)
        if key not in self.edges:
            licence = self._licence(source) if self._licence else ""
            self.edges[key] = GraphEdge(f"e{len(self.edges) + 1}", *key, attributes, licence)
        elif attributes and not self.edges[key].attributes:
            old = self.edges[key]
            self.edges[key] = GraphEdge(old.id, *key, attributes, old.licence)
        return self.edges[key].id

    def triple(self, t: Triple) -> str:
        flat: dict[tuple[str, str], Attribute] = {}
        for statement in t.attributes:
            for a in statement:
                flat.setdefault((a.key, str(a.value)), a)
        return self.edge(t.subject, t.relation, t.object, t.source, tuple(flat.values()))

    def evidence(self, ev: Evidence) -> tuple[tuple[str, ...], tuple[int, ...]]:
        edges = [self.triple(t) for t in (*ev.path, *ev.triples)]
        for p in ev.passages:
            self.passages.setdefault(p.pid, p)
        return tuple(dict.fromkeys(edges)), tuple(dict.fromkeys(p.pid for p in ev.passages))

    def answer(self, a: Answer, role: str) -> None:
        edges, pids = self.evidence(a.evidence)
        self.bindings.append(Binding(self.node(a.node), a.score, a.verdict, edges, pids, role))

    def verdict(self, v: Verdict) -> None:
        for n in (v.subject, v.object):
            if n is not None:
                self.node(n)
        edges, pids = self.evidence(v.evidence)
        if v.subject is not None:  # an unparsed claim binds to nothing; its verdict says why
            self.bindings.append(Binding(v.subject.curie, v.score, v.verdict, edges, pids,
                                         "claim"))  # fmt: skip

    def differential(self, d: Differential) -> None:
        for f in d.findings:
            self.node(f.node)
        for s in d.suggestions:  # no edge yet: a finding to ask about
            self.node(s.node)
        for r in d.ranked:
            edges = []
            for c in r.contributions:
                # a related match shares only an ancestor with an annotated phenotype: no edge
                # of the graph says so (its weight is in the contributions)
                if c.matched is None or c.kind == "related":
                    continue
                freq = (Attribute("frequency", round(c.frequency, 4)),) if c.frequency else ()
                relation = "lacksPhenotype" if c.kind == "contradicted" else "hasPhenotype"
                edges.append(self.edge(r.node, relation, c.matched, "hpo", freq))
                for child, parent in zip(c.path, c.path[1:], strict=False):  # upwards
                    edges.append(self.edge(child, "subClassOf", parent, "hpo"))
            self.bindings.append(Binding(self.node(r.node), r.posterior, "ranked",
                                         tuple(dict.fromkeys(edges)), (), "diagnosis"))  # fmt: skip
        for check in d.drugs:
            self.node(check.drug)
            edges = [self.triple(t) for t in check.evidence]
            self.bindings.append(Binding(check.drug.curie, None, check.relation, tuple(edges), (),
                                         "drug"))  # fmt: skip

    def graph(self) -> EvidenceGraph:
        return EvidenceGraph(tuple(self.nodes.values()), tuple(self.edges.values()),
                             tuple(self.passages.values()), tuple(self.bindings))  # fmt: skip


def evidence_graph(
    record: Result | Verdict | Differential,
    chinese: ChineseLabel | None = None,
    licence: Callable[[str], str] | None = None,
) -> EvidenceGraph:
    """The evidence behind a result, verdict or differential as one small graph.

    ``chinese`` gives a node's Chinese label ("" when none) and ``licence`` a source's licence;
    :func:`reply` passes the graph's own.
    """
    b = _Builder(chinese, licence)
    if isinstance(record, Result):
        if record.topic is not None:
            b.node(record.topic)
        for a in record.options:
            b.answer(a, "option")
        for a in record.answers if not record.options else ():
            b.answer(a, "answer")
        if record.verdict is not None:
            b.verdict(record.verdict)
        if record.differential is not None:
            b.differential(record.differential)
        for p in record.passages:
            b.passages.setdefault(p.pid, p)
    elif isinstance(record, Verdict):
        b.verdict(record)
    elif isinstance(record, Differential):
        b.differential(record)
    else:
        raise TypeError(f"no evidence graph for a {type(record).__name__}")
    return b.graph()


def neighbourhood(node: Node, triples: list[Triple] | tuple[Triple, ...], kg: Any = None
                  ) -> EvidenceGraph:  # fmt: skip
    """A node and some of its edges as an evidence graph (the node first), for browsing."""
    b = _Builder(kg.chinese_label if kg is not None else None,
                 kg.licence if kg is not None else None)  # fmt: skip
    b.node(node)
    for t in triples:
        b.triple(t)
    return b.graph()


def reply(record: Result | Verdict | Differential, kg: Any = None
          ) -> AskReply | VerifyReply | DiagnoseReply:  # fmt: skip
    """A record with its evidence graph; with ``kg`` (a KnowledgeGraph) nodes carry their
    Chinese label and edges their source's licence."""
    graph = evidence_graph(record, kg.chinese_label if kg is not None else None,
                           kg.licence if kg is not None else None)  # fmt: skip
    if isinstance(record, Result):
        return AskReply(record, graph)
    if isinstance(record, Verdict):
        return VerifyReply(record, graph)
    return DiagnoseReply(record, graph)


@functools.cache
def _adapter(cls: type) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def to_json(record: Any) -> Any:
    """A record (or a list of records) as JSON-ready data: the schema :func:`json_schema`
    describes. NaN and infinities become null."""
    cls = list[type(record[0])] if isinstance(record, list) and record else type(record)
    return _adapter(cls).dump_python(record, mode="json")


def dump_json(record: Any) -> bytes:
    """A record as JSON bytes (what the service sends): :func:`to_json`, serialised."""
    return _adapter(type(record)).dump_json(record)


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of a record type (e.g. :class:`AskReply`)."""
    return _adapter(cls).json_schema(mode="serialization")


REPLIES = (AskReply, VerifyReply, DiagnoseReply)

__all__ = [
    "REPLIES",
    "dump_json",
    "evidence_graph",
    "json_schema",
    "neighbourhood",
    "reply",
    "to_json",
]
