"""The persisted knowledge graph: an oxigraph dataset (one named graph per source) plus a
names index, behind a small typed API.

The dataset is read through one store interface (``quads_for_pattern`` and ``query``) with two
implementations: the embedded, read-only oxigraph store (default) and a SPARQL 1.1 server
(``KGQA_SPARQL_URL``, :class:`kgqa.graph.remote.SparqlEndpoint`). The names index is a local
file either way.

Example:
    >>> kg = KnowledgeGraph.load()                      # doctest: +SKIP
    >>> kg.node("OMIM:100300").label                    # doctest: +SKIP
    'Adams-Oliver syndrome 1'
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgqa import validation as v
from kgqa.artifacts import Manifest, sha256_file
from kgqa.config import Home, sparql_url
from kgqa.errors import ArtifactError, InputError, KgqaError
from kgqa.graph.build.identity import priority
from kgqa.graph.format import (
    BUILD_ID,
    FORMAT_VERSION,
    KIND,
    META_GRAPH,
    NAMES_FILE,
    STORE_DIR,
)
from kgqa.graph.names import kind_letters, normalize_name, subtype_variants
from kgqa.graph.vocabulary import (
    CLASSES,
    PREFIXES,
    RDF,
    RDF_TYPE,
    RELATION_BY_IRI,
    SKOS_DEF,
    SOURCE,
    SUBCLASS,
    VOCAB,
    predicate_iri,
    relation_of_iri,
)
from kgqa.records import (
    Attribute,
    Direction,
    GraphStats,
    NameMatch,
    Node,
    PhenotypeAnnotation,
    Triple,
)
from kgqa.validation import MAX_NAME_CHARS

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph as ox
    import rdflib

    from kgqa.graph.remote import SparqlEndpoint

logger = logging.getLogger(__name__)

_SOURCE_NAME = re.compile(r"[a-z0-9_]+")
# SPARQL budgets (sparql(timeout_s=, max_rows=) overrides them per query)
SPARQL_TIMEOUT_S = 2.0
SPARQL_MAX_ROWS = 100_000
SPARQL_MAX_CHARS = 20_000
_FEDERATED = re.compile(r"\bSERVICE\b", re.I)
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# the source graph is a checked name (code's, never a user's text)
_PHENOTYPE_ANNOTATIONS = f"""
SELECT ?st ?d ?p ?t ?f (GROUP_CONCAT(?ref; separator=";") AS ?refs) WHERE {{
  GRAPH <{SOURCE}%s> {{
    ?st <{RDF}predicate> ?p .
    FILTER(?p IN (<{VOCAB}hasPhenotype>, <{VOCAB}lacksPhenotype>))
    ?st <{RDF}subject> ?d ; <{RDF}object> ?t .
    OPTIONAL {{ ?st <{VOCAB}frequencyValue> ?f }}
    OPTIONAL {{ ?st <{VOCAB}reference> ?ref }}
  }}
}} GROUP BY ?st ?d ?p ?t ?f
"""


# a letter standing alone in a name ("vitamin A"): only then can its kind letters differ
_SINGLE_LETTER = re.compile(r"(?<![A-Za-z0-9])[A-Za-z](?![A-Za-z0-9])")


def _letters(name: str) -> frozenset[str]:
    """:func:`kind_letters`, skipped for a name with no letter standing alone (most)."""
    return kind_letters(name) if _SINGLE_LETTER.search(name) else frozenset()


class KnowledgeGraph:
    """Read access to a built graph. Construct cheaply; :meth:`load` opens the store."""

    def __init__(self, directory: Path | None = None, endpoint: str | None = None) -> None:
        self.directory = directory or Home.resolve().graph
        self.endpoint = endpoint
        self.manifest: Manifest | None = None
        self._store: ox.Store | SparqlEndpoint | None = None
        self._db: sqlite3.Connection | None = None
        self._nodes: dict[str, Node] = {}

    @classmethod
    def load(cls, directory: Path | str | None = None, endpoint: str | None = None
             ) -> KnowledgeGraph:  # fmt: skip
        """Open the built graph in ``directory`` (default ``$KGQA_HOME/graph``), checking its
        manifest. With ``endpoint`` (default ``$KGQA_SPARQL_URL``), the dataset is read from
        that SPARQL server, which must hold this build (``kgqa graph export``); only the
        manifest and the names index are read from ``directory``.

        Raises:
            ArtifactError: the graph is missing, incomplete or does not match its manifest, or
                the server is unreachable or holds another build.
        """
        kg = cls(Path(directory) if directory else None, endpoint or sparql_url())
        kg._open()
        return kg

    def _open(self) -> None:
        import pyoxigraph as ox

        d = self.directory
        if not d.is_dir():
            raise ArtifactError(f"no graph at {d}; build it with `kgqa build graph`")
        manifest = Manifest.read(d)
        manifest.check(d, KIND, FORMAT_VERSION)
        build_id = manifest.info.get("build_id")
        where: object = d
        if self.endpoint:
            from kgqa.graph.remote import SparqlEndpoint

            store: ox.Store | SparqlEndpoint = SparqlEndpoint(self.endpoint)
            where = self.endpoint
        else:
            self._check_store_files(d, manifest, digests=False)
        with _damage(d):
            if not self.endpoint:
                store = ox.Store.read_only(str(d / STORE_DIR))
            stored = [q.object.value for q in store.quads_for_pattern(
                ox.NamedNode(META_GRAPH), ox.NamedNode(BUILD_ID), None, None)]  # fmt: skip
        if stored != [build_id]:
            raise ArtifactError(
                f"the store at {where} is not the one the manifest in {d} describes (build "
                f"{build_id}, found {stored}); rebuild, or load this build's `kgqa graph "
                "export` into the server"
            )
        db = sqlite3.connect(f"file:{d / NAMES_FILE}?mode=ro", uri=True, check_same_thread=False)
        try:
            (db_build,) = db.execute("SELECT value FROM meta WHERE key='build_id'").fetchone()
            rows = db.execute("SELECT iri, curie, label, cls FROM nodes").fetchall()
        except sqlite3.DatabaseError as exc:
            raise ArtifactError(f"names index in {d} is unreadable: {exc}") from exc
        if db_build != build_id:
            raise ArtifactError(f"names index in {d} does not match the store; rebuild")
        self._nodes = {iri: Node(iri, curie, label, cls) for iri, curie, label, cls in rows}
        self._store, self._db, self.manifest = store, db, manifest
        logger.info("graph loaded: %d nodes from %s", len(self._nodes), d)

    @staticmethod
    def _check_store_files(d: Path, manifest: Manifest, digests: bool) -> None:
        """The store's files against the manifest: each there, of its size (and, with
        ``digests``, of its SHA-256). Graphs built before kgqa recorded them are not checked."""
        for name, want in manifest.info.get("store_files", {}).items():
            path = d / STORE_DIR / name
            if not path.is_file():
                raise ArtifactError(f"{path} is missing; rebuild with `kgqa build graph --force`")
            if path.stat().st_size != want["size"] or (digests and sha256_file(path)
                                                       != want["sha256"]):  # fmt: skip
                raise ArtifactError(f"{path} does not match the graph's manifest; rebuild with "
                                    "`kgqa build graph --force`")  # fmt: skip

    def verify(self) -> int:
        """Check every file of the graph against its manifest, digests included (seconds on
        the full graph); returns the number of store files checked."""
        if self.manifest is None:
            raise ArtifactError("the graph is not loaded; use KnowledgeGraph.load()")
        self.manifest.check(self.directory, KIND, FORMAT_VERSION)
        self._check_store_files(self.directory, self.manifest, digests=True)
        return len(self.manifest.info.get("store_files", {}))

    @property
    def store(self) -> ox.Store | SparqlEndpoint:
        """The dataset: a read-only ``pyoxigraph.Store``, or a :class:`SparqlEndpoint` that
        answers the same ``quads_for_pattern`` and ``query`` calls."""
        if self._store is None:
            raise ArtifactError("the graph is not loaded; use KnowledgeGraph.load()")
        return self._store

    @property
    def hpo_release(self) -> str:
        return str(self.manifest.info.get("hpo_release", "unknown")) if self.manifest else "unknown"

    def __len__(self) -> int:
        return len(self._nodes)

    # ----------------------------------------------------------------- lookups
    def node(self, ref: str | Node) -> Node | None:
        """The node for an IRI or any of its ids (CURIE, case-insensitive), or None."""
        if isinstance(ref, Node):
            return ref
        # a name longer than any in the graph names nothing: None, not an error
        ref = v.text("ref", ref, v.MAX_TEXT_CHARS).strip()
        if len(ref) > MAX_NAME_CHARS:
            return None
        if ref in self._nodes:
            return self._nodes[ref]
        nodes = self.lookup_id(ref)
        return nodes[0] if nodes else None

    def lookup_id(self, curie: str) -> list[Node]:
        """All nodes that carry ``curie`` as an id (usually one; a shared xref may name several)."""
        key = v.text("curie", curie, v.MAX_TEXT_CHARS).strip().upper()
        if not key or len(key) > MAX_NAME_CHARS:
            return []
        if key.startswith("MIM:"):
            key = "OMIM:" + key[4:]
        if key.startswith("ORPHANET:"):
            key = "ORPHA:" + key[9:]
        rows = self._conn.execute(
            "SELECT DISTINCT iri FROM ids WHERE id_key = ?", (key,)
        ).fetchall()
        nodes = [self._nodes[iri] for (iri,) in rows if iri in self._nodes]
        return sorted(nodes, key=lambda n: n.curie.upper() != key)

    def lookup_ids(self, curies: Iterable[str]) -> list[Node]:
        """Every node carrying any of ``curies`` (each once, in first-seen order)."""
        out: dict[str, Node] = {}
        for curie in curies:
            for node in self.lookup_id(curie):
                out.setdefault(node.iri, node)
        return list(out.values())

    def find(
        self, name: str, cls: str | None = None, lang: str | None = None, limit: int = 10
    ) -> list[NameMatch]:
        """Nodes whose id, label or synonym matches ``name``: ids first, then exact names
        (case-insensitive), then normalised names; labels before synonyms.

        Example:
            >>> [m.node.curie for m in kg.find("Seizures", cls="Phenotype")]   # doctest: +SKIP
            ['HP:0001250']
        """
        if cls is not None and cls not in CLASSES:
            raise InputError(f"unknown class {cls!r}; expected one of {sorted(CLASSES)}")
        if lang is not None:
            v.text("lang", lang, 20)
        limit = v.count("limit", limit, v.MAX_FIND_LIMIT)
        text = v.text("name", name, v.MAX_TEXT_CHARS).strip()
        if not text or len(text) > MAX_NAME_CHARS:  # longer than any name: none matches
            return []
        out: dict[str, NameMatch] = {}
        for node in self.lookup_id(text) if ":" in text else []:
            out[node.iri] = NameMatch(node, text, "id", "id")
        rows = self._name_rows(text)
        if not rows:
            # a subtype spelt another way: "spinal muscular atrophy type 1" for "... type I",
            # "CHARCOT-MARIE-TOOTH DISEASE, TYPE 4C", "mucopolysaccharidosis 6"
            for variant in subtype_variants(text):
                rows = self._name_rows(variant)
                if rows:
                    break
        lowered = text.casefold()
        # a normalised match may not drop or add a letter that names a kind: "vitamin
        # deficiency" is no "Vitamin A Deficiency", "hepatitis A" no "hepatitis" (the lookup key
        # drops "a" as an article)
        letters = _letters(text)
        rows = [r for r in rows if r[1].casefold() == lowered or _letters(r[1]) == letters]
        ranked = sorted(
            rows,
            key=lambda r: (r[1].casefold() != lowered, r[3] != "label", self.priority(r[0]), r[1]),
        )
        for iri, matched, row_lang, kind in ranked:
            node = self._nodes.get(iri)
            if node is None or iri in out or (lang and row_lang != lang):
                continue
            how = "exact" if matched.casefold() == lowered else "normalized"
            out[iri] = NameMatch(node, matched, how, kind, row_lang)
        matches = [m for m in out.values() if cls is None or self._is_a_class(m.node, cls)]
        return matches[:limit]

    def _name_rows(self, text: str) -> list[tuple[str, str, str, str]]:
        keys = [normalize_name(text), normalize_name(text, uninvert=True), text]
        return self._conn.execute(
            "SELECT iri, name, lang, kind FROM names WHERE key IN (?, ?, ?)", keys
        ).fetchall()

    def priority(self, iri: str) -> int:
        """How a node's id ranks among sources when names tie (lower first: DO before
        MeSH-only nodes); the same order identity merging uses."""
        return priority(self._nodes[iri].curie)

    def _is_a_class(self, node: Node, cls: str) -> bool:
        return node.cls == cls or (cls == "Drug" and self.is_drug(node))

    def is_drug(self, node: Node) -> bool:
        import pyoxigraph as ox

        pattern = (ox.NamedNode(node.iri), ox.NamedNode(RDF_TYPE), ox.NamedNode(VOCAB + "Drug"))
        with _damage(self.directory):
            return next(iter(self.store.quads_for_pattern(*pattern, None)), None) is not None

    def english_names(self) -> list[tuple[str, str, str, str]]:
        """(iri, name, normalised key, class) of every English name, in storage order (for
        building name dictionaries and indexes)."""
        return self._conn.execute(
            "SELECT m.iri, m.name, m.key, n.cls FROM names m JOIN nodes n ON n.iri = m.iri "
            "WHERE m.lang = 'en'"
        ).fetchall()

    def lexicon_keys(self) -> list[tuple[str, str]]:
        """(normalised key, class) of every English name kgqa's lexicon gives: the lay names
        and misspellings people write, curated (no source's slip)."""
        return self._conn.execute(
            "SELECT DISTINCT m.key, n.cls FROM names m JOIN nodes n ON n.iri = m.iri "
            "WHERE m.lang = 'en' AND m.source = 'lexicon' ORDER BY m.key, n.cls"
        ).fetchall()

    def chinese_names(self) -> list[tuple[str, str]]:
        """(name, class) of every Chinese name (for dictionary matching of Chinese text)."""
        return self._conn.execute(
            "SELECT DISTINCT m.name, n.cls FROM names m JOIN nodes n ON n.iri = m.iri "
            "WHERE m.lang = 'zh' ORDER BY m.name, n.cls"
        ).fetchall()

    def chinese_name_rows(self) -> list[tuple[str, str, str]]:
        """(iri, name, class) of every Chinese name."""
        return self._conn.execute(
            "SELECT m.iri, m.name, n.cls FROM names m JOIN nodes n ON n.iri = m.iri "
            "WHERE m.lang = 'zh'"
        ).fetchall()

    def names_extending(self, key: str, limit: int = 20) -> list[tuple[str, str, str]]:
        """(iri, name, key) of names whose normalised key starts with ``key`` and a space,
        shortest first ("type 2 diabetes" → "type 2 diabetes mellitus")."""
        return self._conn.execute(
            "SELECT iri, name, key FROM names WHERE key > ? AND key < ? ORDER BY length(key) "
            "LIMIT ?",
            (key + " ", key + "!", limit),
        ).fetchall()

    def labels(self, ref: str | Node, lang: str | None = None) -> list[tuple[str, str]]:
        """All (name, language) pairs of a node: labels and synonyms from every source."""
        node = self._require(ref)
        rows = self._conn.execute(
            "SELECT DISTINCT name, lang FROM names WHERE iri = ? ORDER BY kind, name", (node.iri,)
        ).fetchall()
        return [(n, lg) for n, lg in rows if lang is None or lg == lang]

    def diseases_showing(self, ref: str | Node) -> int:
        """How many diseases the graph annotates with the phenotype ``ref`` (0 for any other
        node): how much a term is used, where two share a name."""
        return len(self.neighbours(ref, "hasPhenotype", "in"))

    def chinese_label(self, ref: str | Node) -> str:
        """The node's Chinese label as answers show it ("" when it has none): a source's own
        label first (CHPO's 发热, 小头畸形), then kgqa's lexicon (the lay 发烧, 小头), then a
        composed alternative."""
        own = self.chinese_labels(ref)
        node = self._require(ref)
        if len(own) > 1 and "susceptib" not in node.label.casefold():
            # a susceptibility entry's label (OMIM's 易感型有或无先兆偏头痛1型, merged into
            # migraine) names no disease as a whole: the disease's own name first (偏头痛)
            own = sorted(own, key=lambda name: "易感" in name)
        composed = self.labels(ref, lang="zh") if not own else []
        return own[0] if own else (composed[0][0] if composed else "")

    def chinese_labels(self, ref: str | Node) -> list[str]:
        """The node's own Chinese labels, without the alternatives composed at build time;
        the sources' before kgqa's lexicon."""
        node = self._require(ref)
        rows = self._conn.execute(
            "SELECT DISTINCT name, source = 'lexicon' AS lay FROM names WHERE iri = ? "
            "AND lang = 'zh' AND kind = 'label' ORDER BY lay, name",
            (node.iri,),
        ).fetchall()
        return list(dict.fromkeys(r[0] for r in rows))

    def curated_keys(self, ref: str | Node) -> frozenset[str]:
        """The lookup keys of the English names kgqa's lexicon gives the node: the lay names
        and the short forms it gives the meaning people mean ("MSA": multiple system atrophy)."""
        node = self._require(ref)
        rows = self._conn.execute(
            "SELECT DISTINCT key FROM names WHERE iri = ? AND source = 'lexicon' AND lang = 'en'",
            (node.iri,),
        ).fetchall()
        return frozenset(r[0] for r in rows)

    def ids(self, ref: str | Node) -> list[str]:
        """Every id the node is reachable from."""
        node = self._require(ref)
        rows = self._conn.execute("SELECT DISTINCT id FROM ids WHERE iri = ?", (node.iri,))
        return sorted(r[0] for r in rows)

    def vocabularies(self, nodes: Iterable[Node]) -> dict[str, int]:
        """How many vocabularies (id prefixes: DOID, MESH, OMIM, ORPHA, ICD10 ...) give each
        node an id, by iri; one query per 500 nodes (ranking reads thousands at once)."""
        iris = list(dict.fromkeys(n.iri for n in nodes))
        out: dict[str, int] = {}
        for at in range(0, len(iris), 500):
            part = iris[at : at + 500]
            marks = ",".join("?" * len(part))
            rows = self._conn.execute(
                "SELECT iri, COUNT(DISTINCT substr(id, 1, instr(id, ':') - 1)) FROM ids "
                f"WHERE iri IN ({marks}) GROUP BY iri",
                part,
            )
            out.update((iri, int(count)) for iri, count in rows)
        return out

    # ------------------------------------------------------------------- edges
    def neighbours(
        self,
        ref: str | Node,
        relation: str | None = None,
        direction: Direction = "out",
        sources: Iterable[str] | None = None,
        attributes: bool = False,
    ) -> list[Triple]:
        """Edges of a node, by relation (a vocabulary name or ``subClassOf``) and direction.

        With ``attributes=True`` each triple carries the attributes of its annotation statements
        (frequency, references, weight, licence ...).
        """
        import pyoxigraph as ox

        if direction not in ("out", "in", "both"):
            raise InputError(f"direction must be 'out', 'in' or 'both', not {direction!r}")
        node = self._require(ref)
        if relation is not None and not isinstance(relation, str):
            raise InputError(f"relation: expected a relation name, got {type(relation).__name__}")
        pred = ox.NamedNode(predicate_iri(relation)) if relation else None
        graphs = (
            [ox.NamedNode(SOURCE + s) for s in self._sources(sources)]
            if sources is not None
            else [None]
        )
        me = ox.NamedNode(node.iri)
        out: list[Triple] = []
        with _damage(self.directory):
            for g in graphs:
                if direction in ("out", "both"):
                    for q in self.store.quads_for_pattern(me, pred, None, g):
                        t = self._triple(q)
                        if t:
                            out.append(t)
                if direction in ("in", "both"):
                    for q in self.store.quads_for_pattern(None, pred, me, g):
                        t = self._triple(q)
                        if t:
                            out.append(t)
            if attributes:
                out = self._attributes_around(me, direction, out)
        return out

    def _attributes_around(self, me: ox.NamedNode, direction: Direction,
                           triples: list[Triple]) -> list[Triple]:  # fmt: skip
        """``triples`` (all with ``me`` at their ``direction`` end) with the attributes of their
        annotation statements (each statement's, sorted by key and value): read by one scan of
        the statements whose subject (or object) ``me`` is, and one look at each of them. One
        SPARQL query a triple took 2 ms (sertraline's 367 side effects: 0.9 s)."""
        import pyoxigraph as ox

        if not triples:
            return triples
        said = (RDF + "subject", RDF + "predicate", RDF + "object")
        ends = [ox.NamedNode(said[0])] if direction in ("out", "both") else []
        ends += [ox.NamedNode(said[2])] if direction in ("in", "both") else []
        found: dict[tuple[str, ...], dict[str, list[Attribute]]] = {}
        for end in ends:
            for q in self.store.quads_for_pattern(None, end, me, None):
                st, g = q.subject, q.graph_name
                parts: dict[str, str] = {}
                attrs: list[Attribute] = []
                for p in self.store.quads_for_pattern(st, None, None, g):
                    k = p.predicate.value
                    if k.startswith(VOCAB):
                        attrs.append(Attribute(k[len(VOCAB) :], _py(p.object)))
                    elif k in said:
                        parts[k] = p.object.value
                key = (*(parts.get(k, "") for k in said), g.value)
                found.setdefault(key, {})[str(st)] = attrs
        out = []
        for t in triples:
            key = (t.subject.iri, predicate_iri(t.relation), t.object.iri, SOURCE + t.source)
            statements = found.get(key, {})
            attrs = tuple(tuple(sorted(a, key=lambda x: (x.key, str(x.value))))
                          for a in statements.values() if a)  # fmt: skip
            out.append(Triple(t.subject, t.relation, t.object, t.source, attrs))
        return out

    def _triple(self, q: ox.Quad) -> Triple | None:
        rel = relation_of_iri(q.predicate.value)
        if rel is None:
            return None
        s, o = self._nodes.get(q.subject.value), self._nodes.get(q.object.value)
        if s is None or o is None:
            return None
        return Triple(s, rel, o, q.graph_name.value[len(SOURCE) :])

    def edges(self, relation: str, source: str | None = None) -> Iterator[tuple[str, str, str]]:
        """Every edge of a relation (a vocabulary name or ``subClassOf``), optionally of one
        source, as (subject IRI, object IRI, source): the bulk read that indexes build on."""
        import pyoxigraph as ox

        graph = ox.NamedNode(SOURCE + source) if source is not None else None
        with _damage(self.directory):
            for q in self.store.quads_for_pattern(
                None, ox.NamedNode(predicate_iri(relation)), None, graph
            ):
                g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
                yield q.subject.value, q.object.value, g.removeprefix(SOURCE)

    def phenotype_annotations(self, source: str = "hpo") -> Iterator[PhenotypeAnnotation]:
        """A source's disease–phenotype annotations (has / lacks), with frequency and
        references, read from its annotation statements."""
        if not _SOURCE_NAME.fullmatch(source):
            raise InputError(f"not a source name: {source!r}")
        with _damage(self.directory):
            for r in self.store.query(_PHENOTYPE_ANNOTATIONS % source):
                yield PhenotypeAnnotation(
                    r["d"].value,
                    r["t"].value,
                    float(r["f"].value) if r["f"] is not None else float("nan"),
                    r["p"].value.endswith("lacksPhenotype"),
                    tuple(x for x in r["refs"].value.split(";") if x),
                )

    def definitions(self, source: str | None = None) -> Iterator[tuple[Node, str]]:
        """(node, definition text) for every node with a definition, optionally of one source."""
        import pyoxigraph as ox

        graph = ox.NamedNode(SOURCE + source) if source is not None else None
        with _damage(self.directory):
            for q in self.store.quads_for_pattern(None, ox.NamedNode(SKOS_DEF), None, graph):
                node = self._nodes.get(q.subject.value)
                if node is not None:
                    yield node, q.object.value

    def ancestors(self, ref: str | Node, sources: Iterable[str] | None = None) -> list[Node]:
        """All superclasses (transitive is-a), nearest first."""
        return self._closure(ref, "out", sources)

    def descendants(
        self, ref: str | Node, sources: Iterable[str] | None = None, limit: int | None = None,
        depth: int | None = None,
    ) -> list[Node]:  # fmt: skip
        """All subclasses (transitive is-a), nearest first; with ``limit``, the walk stops
        after the level where it has found that many (a broad class has thousands); with
        ``depth``, after that many is-a steps down."""
        return self._closure(ref, "in", sources, limit, depth)

    def _closure(
        self,
        ref: str | Node,
        direction: Direction,
        sources: Iterable[str] | None,
        limit: int | None = None,
        depth: int | None = None,
    ) -> list[Node]:
        start = self._require(ref)
        srcs = self._sources(sources) if sources is not None else None
        seen = {start.iri}
        order: list[Node] = []
        frontier = [start]
        steps = 0
        while (frontier and (limit is None or len(order) < limit)
               and (depth is None or steps < depth)):  # fmt: skip
            steps += 1
            nxt = []
            for node in frontier:
                for t in self.neighbours(node, SUBCLASS, direction, srcs):
                    other = t.object if direction == "out" else t.subject
                    if other.iri not in seen:
                        seen.add(other.iri)
                        order.append(other)
                        nxt.append(other)
            frontier = nxt
        return order

    # ------------------------------------------------------------------ SPARQL
    def sparql(
        self,
        query: str,
        bindings: Mapping[str, str | int | float | Node] | None = None,
        timeout_s: float = SPARQL_TIMEOUT_S,
        max_rows: int = SPARQL_MAX_ROWS,
    ) -> list[dict[str, Any]]:
        """Run a SELECT query with values bound to variables (never interpolated into the text).

        A binding value that is a :class:`Node` or a string starting with ``http`` is bound as
        an IRI; other strings as plain literals; numbers as typed literals. Bound variables must
        appear in the SELECT clause (oxigraph's substitution semantics). The prefixes
        ``kgv: kg: src: rdf: rdfs: skos: owl: xsd: dct:`` are predefined. Each row maps a
        variable name to a Python value (IRIs and literals as strings, numbers as numbers).

        The query never leaves the machine (``SERVICE`` is refused) and stops with an
        :class:`InputError` past ``max_rows`` rows (default 100,000) or ``timeout_s`` seconds
        (default 2): the query runs in a forked child process that is killed at the budget (the
        store cannot cancel a query). kgqa's own fixed queries use :meth:`select`.

        Example:
            >>> q = "SELECT ?n ?id WHERE { ?n kgv:id ?id }"
            >>> kg.sparql(q, {"id": "HP:0001250"})  # doctest: +SKIP
            [{'n': 'https://w3id.org/kgqa/node/HP_0001250', 'id': 'HP:0001250'}]
        """

        query = v.text("query", query, SPARQL_MAX_CHARS, empty=False)
        if _FEDERATED.search(query):
            raise InputError("query: SERVICE (federated query) is refused; kgqa never leaves "
                             "the machine")  # fmt: skip
        timeout_s = v.seconds("timeout_s", timeout_s, 3600)
        max_rows = v.count("max_rows", max_rows, 10_000_000)
        subs = _substitutions(bindings)
        if self.endpoint and self._store is not None:
            # the server runs it and keeps its own budget; ours is the request's timeout
            return self._select(query, subs, timeout_s=timeout_s, max_rows=max_rows)
        if self.directory is None or not (self.directory / STORE_DIR).is_dir():
            raise ArtifactError("the graph is not loaded; use KnowledgeGraph.load()")
        return _isolated_select(self.directory, query, bindings_of(subs), max_rows, timeout_s)

    def select(
        self, query: str, bindings: Mapping[str, str | int | float | Node] | None = None
    ) -> list[dict[str, Any]]:
        """kgqa's own fixed queries, in this process and without budgets (values bound, never
        formatted in). User text goes to :meth:`sparql`, which runs in a child process."""
        return self._select(query, _substitutions(bindings))

    def _select(self, query: str, subs: dict[Any, Any], timeout_s: float | None = None,
                max_rows: int | None = None) -> list[dict[str, Any]]:  # fmt: skip
        import pyoxigraph as ox

        extra = {"timeout_s": timeout_s} if timeout_s is not None else {}
        try:
            result = self.store.query(
                query,
                prefixes=PREFIXES,
                substitutions=subs,
                use_default_graph_as_union=True,
                **extra,
            )
        except KgqaError:
            raise
        except SyntaxError as exc:
            raise InputError(f"invalid SPARQL: {exc}") from exc
        except (RuntimeError, ValueError, OSError) as exc:
            _raise_if_damage(exc, self.directory)
            raise InputError(f"cannot run this query: {exc}") from exc
        if not isinstance(result, ox.QuerySolutions):
            raise InputError("sparql() runs SELECT queries; use .store.query for ASK/CONSTRUCT")
        names = [x.value for x in result.variables]
        out: list[dict[str, Any]] = []
        try:
            for row in result:
                out.append({n: _py(row[n]) for n in names if row[n] is not None})
                if max_rows is not None and len(out) > max_rows:
                    raise InputError(f"the query returns more than {max_rows} rows; add LIMIT "
                                     "or narrow it (max_rows)")  # fmt: skip
        except (RuntimeError, OSError) as exc:
            _raise_if_damage(exc, self.directory)
            raise InputError(f"cannot run this query: {exc}") from exc
        return out

    # ------------------------------------------------------------------- stats
    @property
    def build_id(self) -> str | None:
        """The id of the build this graph comes from (indexes built on it record it)."""
        return str(self.manifest.info["build_id"]) if self.manifest else None

    def licence(self, source: str) -> str:
        """The licence of a source's named graph (``unspecified`` when unknown)."""
        sources = self.manifest.info.get("sources", {}) if self.manifest else {}
        return str(sources.get(source, {}).get("licence", "unspecified"))

    def stats(self) -> GraphStats:
        """Node counts per class (a Drug needs a treats or palliates edge), edge counts per
        relation, quad counts per source, edges per source and licence, headline coverage."""
        classes = {
            row["c"][len(VOCAB) :]: row["n"]
            for row in self.select(
                "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) "
                "WHERE { ?s a ?c FILTER(STRSTARTS(STR(?c), STR(kgv:))) } GROUP BY ?c",
            )
        }
        relations = {
            RELATION_BY_IRI[row["p"]]: row["n"]
            for row in self.select(
                "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                "FILTER(?g != <" + META_GRAPH + ">) } GROUP BY ?p",
            )
            if row["p"] in RELATION_BY_IRI
        }
        sources = {
            row["g"][len(SOURCE) :]: row["n"]
            for row in self.select(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            )
            if row["g"] != META_GRAPH
        }
        iris = " ".join(f"<{iri}>" for iri in RELATION_BY_IRI)
        edges_by_source = {
            row["g"][len(SOURCE) :]: row["n"]
            for row in self.select(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                f"VALUES ?p {{ {iris} }} }} GROUP BY ?g",
            )
        }
        info = self.manifest.info if self.manifest else {}
        licences = {s: str(v.get("licence", "unspecified")) for s, v in
                    info.get("sources", {}).items()}  # fmt: skip
        by_licence: dict[str, int] = {}
        for source, n in edges_by_source.items():
            key = licences.get(source, "unspecified")
            by_licence[key] = by_licence.get(key, 0) + n
        (zh,) = self._conn.execute(
            "SELECT COUNT(DISTINCT m.iri) FROM names m JOIN nodes n ON n.iri = m.iri "
            "WHERE m.lang = 'zh' AND n.cls = 'Disease'"
        ).fetchone()
        coverage = {
            "drugs_with_indication": classes.get("Drug", 0),
            "treats_edges": relations.get("treats", 0),
            "side_effect_edges": relations.get("hasSideEffect", 0),
            "variant_nodes": classes.get("Variant", 0),
            "drug_classes": classes.get("DrugClass", 0),
            "disease_nodes_with_chinese_label": zh,
            **{k: int(v) for k, v in info.get("duplicates", {}).items()},
        }
        return GraphStats(
            dict(sorted(classes.items())),
            dict(sorted(relations.items())),
            dict(sorted(sources.items())),
            dict(sorted(edges_by_source.items())),
            dict(sorted(by_licence.items())),
            coverage,
        )

    # ------------------------------------------------------------------ export
    def export(self, out: Path | str, fmt: str = "nquads") -> list[Path]:
        """Write the whole dataset, named graphs kept, in an open format: ``nquads`` or ``trig``
        (one file), or ``turtle`` (a directory with one ``<source>.ttl`` per named graph, the
        graph's IRI in the file's first line). Returns the files written. What a SPARQL server
        loads to serve this build: ``oxigraph load --location DIR --file graph.nq``.
        """
        import pyoxigraph as ox

        formats = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG,
                   "turtle": ox.RdfFormat.TURTLE}  # fmt: skip
        if fmt not in formats:
            raise InputError(f"format: expected one of {sorted(formats)}, got {fmt!r}")
        if self.endpoint:
            raise InputError("export reads the embedded store; run it where the graph was built")
        out = Path(out)
        prefixes = dict(PREFIXES)
        with _damage(self.directory):
            if fmt != "turtle":
                out.parent.mkdir(parents=True, exist_ok=True)
                self.store.dump(str(out), formats[fmt], prefixes=prefixes)
                return [out]
            out.mkdir(parents=True, exist_ok=True)
            written = []
            for graph in sorted(self.store.named_graphs(), key=lambda g: g.value):
                name = graph.value.removeprefix(SOURCE)
                if not _SOURCE_NAME.fullmatch(name):
                    raise ArtifactError(f"unexpected graph name {graph.value!r} in the store")
                path = out / f"{name}.ttl"
                body = self.store.dump(None, formats[fmt], from_graph=graph, prefixes=prefixes)
                path.write_bytes(f"# graph <{graph.value}>\n".encode() + body)
                written.append(path)
            return written

    # ------------------------------------------------------------------- views
    def rdflib(self) -> rdflib.Dataset:
        """The graph as an :class:`rdflib.Dataset` backed by the same oxigraph store (read-only);
        its default graph is the union of the source graphs, ``ds.graph(src:<name>)`` one source."""
        import rdflib

        if self.endpoint:
            from rdflib.plugins.stores.sparqlstore import SPARQLStore

            return rdflib.Dataset(store=SPARQLStore(self.endpoint), default_union=True)
        from oxrdflib import OxigraphStore

        return rdflib.Dataset(store=OxigraphStore(store=self.store), default_union=True)

    def networkx(
        self, relations: Iterable[str] | None = None, sources: Iterable[str] | None = None
    ) -> nx.MultiDiGraph:
        """A networkx view (nodes keyed by IRI, with ``label``/``cls``/``curie``; edges with
        ``relation``/``source``) of the chosen relations (default: all) and sources."""
        from kgqa.graph.views import to_networkx

        return to_networkx(self, relations, sources)

    # ----------------------------------------------------------------- helpers
    @property
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise ArtifactError("the graph is not loaded; use KnowledgeGraph.load()")
        return self._db

    def _sources(self, sources: object) -> list[str]:
        """Source names to read (a list; each one this graph was built from)."""
        names = v.texts("sources", sources, 100, 100)
        known = set(self.manifest.info.get("sources", {})) if self.manifest else set()
        unknown = [s for s in names if known and s not in known]
        if unknown:
            raise InputError(f"sources: unknown {unknown}; this graph has {sorted(known)}")
        return names

    def _require(self, ref: str | Node) -> Node:
        node = self.node(ref)
        if node is None:
            raise InputError(f"no node for {ref!r}; look names up with find()")
        return node

    def nodes(self, cls: str | None = None) -> list[Node]:
        """All nodes, or those of one class."""
        return [n for n in self._nodes.values() if cls is None or n.cls == cls]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
        if self.endpoint and self._store is not None:
            self._store.close()
        self._db = None
        self._store = None


_DAMAGE = re.compile(r"corrupt|checksum|i/o error|io error|no such file", re.I)


def _raise_if_damage(exc: Exception, where: Path) -> None:
    """Re-raise a store error that says the files are damaged as an ArtifactError."""
    if isinstance(exc, OSError) or (_DAMAGE.search(str(exc)) and "SPARQL" not in str(exc)):
        raise ArtifactError(f"the graph store in {where} is damaged ({exc}); rebuild it with "
                            "`kgqa build graph --force`") from exc  # fmt: skip


@contextmanager
def _damage(where: Path) -> Iterator[None]:
    """Errors of the store's own files (RocksDB) while reading: ArtifactError, with remedy."""
    try:
        yield
    except (RuntimeError, OSError) as exc:
        raise ArtifactError(f"the graph store in {where} is damaged or unreadable ({exc}); "
                            "rebuild it with `kgqa build graph --force`") from exc  # fmt: skip


def _substitutions(bindings: object) -> dict[Any, Any]:
    """Bound values as pyoxigraph terms, the one binding rule of :meth:`KnowledgeGraph.sparql`
    and :meth:`KnowledgeGraph.select`: a :class:`Node` or a string starting with ``http`` is an
    IRI (pyoxigraph checks it), another string a plain literal, a number a typed literal."""
    import pyoxigraph as ox

    if bindings is not None and not isinstance(bindings, Mapping):
        raise InputError(f"bindings: expected a mapping, got {type(bindings).__name__}")
    subs: dict[ox.Variable, ox.NamedNode | ox.Literal] = {}
    for name, value in (bindings or {}).items():
        if not isinstance(name, str) or not _VARIABLE.fullmatch(name):
            raise InputError(f"bindings: {name!r} is not a SPARQL variable name")
        try:
            if isinstance(value, Node):
                subs[ox.Variable(name)] = ox.NamedNode(value.iri)
            elif isinstance(value, str) and value.startswith(("http://", "https://")):
                subs[ox.Variable(name)] = ox.NamedNode(value)
            elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
                if isinstance(value, str):
                    value = v.text(f"bindings[{name!r}]", value, SPARQL_MAX_CHARS)
                subs[ox.Variable(name)] = ox.Literal(value)
            else:
                raise InputError(f"bindings[{name!r}]: cannot bind a {type(value).__name__}")
        except ValueError as exc:
            if isinstance(exc, InputError):
                raise
            raise InputError(f"bindings[{name!r}]: {exc}") from exc
    return subs


def bindings_of(subs: dict[Any, Any]) -> list[tuple[str, str, Any]]:
    """Substitutions as plain data for the child process: (variable, "iri" or "literal",
    value)."""
    import pyoxigraph as ox

    out = []
    for var, term in subs.items():
        if isinstance(term, ox.NamedNode):
            out.append((var.value, "iri", term.value))
        else:
            out.append((var.value, "literal", _py(term)))
    return out


def _child_select(store_dir: str, query: str, bindings: list[tuple[str, str, Any]],
                  max_rows: int, conn: Any) -> None:  # fmt: skip
    """In the child: open the store read-only, run the query, send the rows as JSON."""
    import json

    import pyoxigraph as ox

    try:
        store = ox.Store.read_only(store_dir)
        subs = {ox.Variable(n): ox.NamedNode(v) if kind == "iri" else ox.Literal(v)
                for n, kind, v in bindings}  # fmt: skip
        result = store.query(query, prefixes=PREFIXES, substitutions=subs,
                             use_default_graph_as_union=True)  # fmt: skip
        if not isinstance(result, ox.QuerySolutions):
            msg = {"error": "input", "message": "sparql() runs SELECT queries; use .store.query "
                   "for ASK/CONSTRUCT"}  # fmt: skip
        else:
            names = [x.value for x in result.variables]
            rows = []
            for row in result:
                rows.append({n: _py(row[n]) for n in names if row[n] is not None})
                if len(rows) > max_rows:
                    break
            msg = {"rows": rows}
    except SyntaxError as exc:
        msg = {"error": "input", "message": f"invalid SPARQL: {exc}"}
    except (RuntimeError, ValueError, OSError) as exc:
        damaged = isinstance(exc, OSError) or bool(_DAMAGE.search(str(exc)))
        msg = {"error": "artifact" if damaged else "input",
               "message": str(exc) if damaged else f"cannot run this query: {exc}"}  # fmt: skip
    conn.send_bytes(json.dumps(msg).encode("utf-8"))
    conn.close()


def _isolated_select(directory: Path, query: str, bindings: list[tuple[str, str, Any]],
                     max_rows: int, timeout_s: float) -> list[dict[str, Any]]:  # fmt: skip
    """A user's query in a child process (forked: no start-up cost), killed at the budget.
    The store gives no way to cancel a query, and some run inside one call that holds the
    interpreter lock: only a process can be stopped."""
    import json
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    args = (str(directory / STORE_DIR), query, bindings, max_rows, child)
    proc = ctx.Process(target=_child_select, args=args, daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout_s):
            raise InputError(f"the query ran past its {timeout_s:g} s budget; add LIMIT or "
                             "narrow it (timeout_s)")  # fmt: skip
        try:
            msg = json.loads(parent.recv_bytes().decode("utf-8"))
        except (EOFError, OSError, ValueError) as exc:
            raise InputError(f"the query could not be run ({exc})") from exc
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()
    if "rows" in msg:
        if len(msg["rows"]) > max_rows:
            raise InputError(f"the query returns more than {max_rows} rows; add LIMIT or "
                             "narrow it (max_rows)")  # fmt: skip
        return msg["rows"]
    if msg.get("error") == "artifact":
        raise ArtifactError(f"the graph store in {directory} is damaged ({msg['message']}); "
                            "rebuild it with `kgqa build graph --force`")  # fmt: skip
    raise InputError(msg.get("message", "cannot run this query"))


def _py(term: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if dt.endswith(("#double", "#decimal", "#float")):
            return float(term.value)
        return term.value
    return term.value


__all__ = ["KnowledgeGraph"]
