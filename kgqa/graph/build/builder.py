"""Orchestrates the graph build: read every source, resolve identities, resolve references by
name, then write N-Quads (one named graph per source) into an oxigraph store, the names index
and the manifest.

The persisted artifact, ``$KGQA_HOME/graph/``:
    store/          oxigraph (RocksDB) dataset: one named graph per source, plus ``src:meta``
    names.sqlite    names and ids index (normalised keys -> node IRIs)
    manifest.json   inputs and their checksums, HPO release, counts, merge statistics
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from kgqa.artifacts import Manifest, atomic_directory, sha256_file
from kgqa.errors import DataError
from kgqa.graph.build import (
    chpo,
    disease_gene,
    doid,
    hetionet,
    hpo,
    hsdn,
    mesh,
    pharmacotherapydb,
)
from kgqa.graph.build.common import SUBCLASS, AttrValue, Concept, Contribution, Edge
from kgqa.graph.build.identity import Identities, apply_same_as, merge_by_name, priority
from kgqa.graph.names import name_keys, normalize_name
from kgqa.graph.vocabulary import (
    RDF,
    RDF_TYPE,
    RDFS_LABEL,
    RDFS_SUBCLASS,
    SKOS_ALT,
    SKOS_DEF,
    SOURCE,
    STATEMENT,
    VOCAB,
    XSD,
    curie_to_iri,
    relation,
)
from kgqa.version import __version__

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
KIND = "graph"
META_GRAPH = SOURCE + "meta"

Reader = Callable[[Path], Contribution]
# Order matters only for which label a node shows first; identity does not depend on it.
SOURCES: dict[str, Reader] = {
    "hpo": hpo.read,
    "doid": doid.read,
    "mesh": mesh.read,
    "pharmacotherapydb": pharmacotherapydb.read,
    "disease_gene": disease_gene.read,
    "hsdn": hsdn.read,
    "hetionet": hetionet.read,
    "hpo_zh": chpo.read,
}
# Where each source's files live under the data directory (for checksums in the manifest).
SOURCE_FILES = {
    "doid": ["disease_ontology/HumanDO.tsv", "disease_ontology/allXREFinDO.tsv",
             "disease_ontology/DO-subClassOf-anonymous.tsv", "disease_ontology/disease-symptom.tsv",
             "disease_ontology/DO-ICDO-anatomy.tsv"],
    "mesh": ["mesh/terms.tsv", "mesh/tree-numbers.tsv", "mesh/symptoms.tsv"],
    "pharmacotherapydb": ["pharmacotherapydb/indications.tsv"],
    "disease_gene": ["disease_gene/DaG-association.tsv"],
    "hsdn": ["hsdn/symptoms-DO.tsv"],
    "hetionet": ["hetionet/nodes.tsv"],
    "hpo_zh": ["hpo_zh/hp-zh.babelon.tsv"],
}  # fmt: skip
HPO_FILES = ["hp.obo", "phenotype.hpoa", "genes_to_phenotype.txt"]
# Name-based identity rules: (from prefix, to prefix, class). Applied after the 1:1 xrefs.
NAME_MERGES = (
    ("SYMP", "HP", "Phenotype"),
    ("MESH", "HP", "Phenotype"),
    ("MESH", "DRUGBANK", "Chemical"),
    ("MESH", "DOID", "Disease"),
    ("OMIM", "DOID", "Disease"),
    ("ORPHA", "DOID", "Disease"),
    ("ORPHA", "OMIM", "Disease"),
)
# A node keeps the hierarchy of its own ontology: MeSH is-a edges are kept only for nodes whose
# canonical id is a MeSH id (MeSH-only concepts), so DO and HPO nodes are not given a second,
# differently-shaped set of parents.
OWN_HIERARCHY_ONLY = {"mesh": "MESH"}


@dataclass
class BuildReport:
    """What a build produced (also saved in the manifest's ``info``)."""

    directory: Path
    nodes: int
    quads: int
    seconds: float
    hpo_release: str
    merges: dict[str, int] = field(default_factory=dict)
    refused: dict[str, int] = field(default_factory=dict)
    notes: dict[str, dict[str, int]] = field(default_factory=dict)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")[:80] or "x"


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _lit(value: AttrValue, lang: str | None = None) -> str:
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^<{XSD}boolean>'
    if isinstance(value, int):
        return f'"{value}"^^<{XSD}integer>'
    if isinstance(value, float):
        return f'"{value!r}"^^<{XSD}double>'
    return f'"{_esc(value)}"@{lang}' if lang else f'"{_esc(value)}"'


class _Resolver:
    """Maps source CURIEs (and names) to the canonical CURIE of their merged node."""

    def __init__(self, concepts: dict[str, list[Concept]], ids: Identities) -> None:
        self.concepts = concepts
        self.ids = ids
        comps = ids.components()
        self.canonical: dict[str, str] = {}
        for members in comps.values():
            best = min(members, key=lambda c: (priority(c), c))
            for m in members:
                self.canonical[m] = best
        # alias ids (alt ids, xrefs) point at a node only when they name exactly one
        alias: dict[str, set[str]] = {}
        for curie, views in concepts.items():
            if curie not in self.canonical:
                continue
            for v in views:
                for a in v.alias_ids:
                    alias.setdefault(a, set()).add(self.canonical[curie])
        self.alias = {a: next(iter(t)) for a, t in alias.items() if len(t) == 1}
        self.by_name: dict[tuple[str, str], list[tuple[int, str]]] = {}
        for curie, views in concepts.items():
            if curie not in self.canonical:
                continue
            canon = self.canonical[curie]
            cls = ids.cls[ids.find(curie)]
            for v in views:
                for rank, name in [(0, v.label)] + [(1, s) for s in v.synonyms]:
                    if name:
                        key = (cls, normalize_name(name, uninvert=True))
                        self.by_name.setdefault(key, []).append(
                            (rank * 100 + priority(canon), canon)
                        )
        self.minted: dict[str, Concept] = {}

    def node(self, curie: str, source: str) -> str | None:
        if curie.startswith("name:"):
            _, cls, label = curie.split(":", 2)
            hits = self.by_name.get((cls, normalize_name(label, uninvert=True)))
            if hits:
                return min(hits)[1]
            minted = f"KGQA:{cls}_{_slug(label)}"
            if minted not in self.minted:
                self.minted[minted] = Concept(source, minted, cls, label)
            return minted
        return self.canonical.get(curie) or self.alias.get(curie)


def _collect(data_dir: Path) -> tuple[list[Contribution], dict[str, list[Concept]]]:
    contributions = []
    quiet = not logger.isEnabledFor(logging.INFO)
    for name, reader in tqdm(SOURCES.items(), desc="reading sources", unit="source", disable=quiet):
        t0 = time.perf_counter()
        contribution = reader(data_dir)
        logger.info(
            "%s: %d concepts, %d edges, %d identity claims (%.1fs)",
            name, len(contribution.concepts), len(contribution.edges),
            len(contribution.same_as), time.perf_counter() - t0,
        )  # fmt: skip
        contributions.append(contribution)
    concepts: dict[str, list[Concept]] = {}
    for contribution in contributions:
        for concept in contribution.concepts:
            concepts.setdefault(concept.curie, []).append(concept)
    return contributions, concepts


def _resolve_identities(
    contributions: list[Contribution], concepts: dict[str, list[Concept]]
) -> Identities:
    ids = Identities()
    for curie, views in concepts.items():
        defining = sorted((v for v in views if v.cls), key=lambda v: list(SOURCES).index(v.source))
        if defining:
            ids.add(curie, defining[0].cls)
    for contribution in contributions:
        apply_same_as(ids, contribution.same_as)
    for from_prefix, to_prefix, cls in NAME_MERGES:
        reason = f"same name {from_prefix}->{to_prefix}"
        merge_by_name(ids, concepts, from_prefix, to_prefix, cls, reason)
    return ids


def _resolve_edges(
    contributions: list[Contribution], resolver: _Resolver, notes: dict[str, dict[str, int]]
) -> list[tuple[Edge, str, str]]:
    """Edges with canonical endpoints; name references may mint new nodes (registered here)."""
    edges: list[tuple[Edge, str, str]] = []
    for contribution in contributions:
        dropped = 0
        for e in contribution.edges:
            s, o = resolver.node(e.subject, e.source), resolver.node(e.object, e.source)
            if s is None or o is None or (s == o and e.relation == SUBCLASS):
                dropped += 1
                continue
            own = OWN_HIERARCHY_ONLY.get(e.source)
            if own and e.relation == SUBCLASS and not s.startswith(own + ":"):
                notes.setdefault(e.source, {}).setdefault("is-a edges of merged nodes left out", 0)
                notes[e.source]["is-a edges of merged nodes left out"] += 1
                continue
            edges.append((e, s, o))
        if dropped:
            notes.setdefault(contribution.source, {})["edges dropped (unknown endpoint)"] = dropped
    for curie, concept in resolver.minted.items():
        resolver.concepts[curie] = [concept]
        resolver.canonical[curie] = curie
        resolver.ids.add(curie, concept.cls)
    return edges


def _preferred_labels(resolver: _Resolver) -> dict[str, str]:
    """Each node's display label: the label of its best-priority id."""
    preferred: dict[str, str] = {}
    for curie in sorted(resolver.concepts, key=lambda c: (priority(c), c)):
        canon = resolver.canonical.get(curie)
        if canon is None:
            continue
        for v in resolver.concepts[curie]:
            if v.label and canon not in preferred:
                preferred[canon] = v.label
    return preferred


def _quads(
    edges: list[tuple[Edge, str, str]], resolver: _Resolver, preferred: dict[str, str]
) -> Iterator[str]:
    """N-Quads lines: nodes (types, labels, ids) and edges, each in its source's named graph."""
    for curie, views in resolver.concepts.items():
        canon = resolver.canonical.get(curie)
        if canon is None:
            continue  # annotation-only concept for a node no source defines
        iri = f"<{curie_to_iri(canon)}>"
        cls = resolver.ids.cls[resolver.ids.find(canon)]
        for v in views:
            g = f"<{SOURCE}{v.source}>"
            if v.cls:
                yield f"{iri} <{RDF_TYPE}> <{VOCAB}{cls}> {g} .\n"
            yield f"{iri} <{VOCAB}id> {_lit(curie)} {g} .\n"
            for a in v.alias_ids:
                yield f"{iri} <{VOCAB}id> {_lit(a)} {g} .\n"
            if v.label:
                pred = RDFS_LABEL if v.label == preferred.get(canon) else SKOS_ALT
                yield f"{iri} <{pred}> {_lit(v.label, 'en')} {g} .\n"
            for syn in v.synonyms:
                if syn != preferred.get(canon):
                    yield f"{iri} <{SKOS_ALT}> {_lit(syn, 'en')} {g} .\n"
            for zh in v.labels_zh:
                yield f"{iri} <{RDFS_LABEL}> {_lit(zh, 'zh')} {g} .\n"
            if v.definition:
                yield f"{iri} <{SKOS_DEF}> {_lit(v.definition, 'en')} {g} .\n"

    # Edges (+ a reified statement when the edge carries attributes)
    drugs: set[str] = set()
    for e, s, o in edges:
        pred = RDFS_SUBCLASS if e.relation == SUBCLASS else relation(e.relation).iri
        si, oi, g = curie_to_iri(s), curie_to_iri(o), f"<{SOURCE}{e.source}>"
        yield f"<{si}> <{pred}> <{oi}> {g} .\n"
        if e.relation in ("treats", "palliates"):
            drugs.add(si)
        if e.attrs:
            digest = hashlib.sha1(repr((e.source, s, e.relation, o, e.attrs)).encode()).hexdigest()
            st = f"<{STATEMENT}{digest[:24]}>"
            yield f"{st} <{RDF_TYPE}> <{RDF}Statement> {g} .\n"
            yield f"{st} <{RDF}subject> <{si}> {g} .\n"
            yield f"{st} <{RDF}predicate> <{pred}> {g} .\n"
            yield f"{st} <{RDF}object> <{oi}> {g} .\n"
            for key, value in e.attrs:
                yield f"{st} <{VOCAB}{key}> {_lit(value)} {g} .\n"
    for d in sorted(drugs):
        yield f"<{d}> <{RDF_TYPE}> <{VOCAB}Drug> <{SOURCE}pharmacotherapydb> .\n"


def _write_names(path: Path, resolver: _Resolver, preferred: dict[str, str], build_id: str) -> int:
    """The names index: normalised names and ids -> node IRIs, and a node table."""
    con = sqlite3.connect(path)
    con.executescript(
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE nodes(iri TEXT PRIMARY KEY, curie TEXT, label TEXT, cls TEXT);
        CREATE TABLE ids(id TEXT, id_key TEXT, iri TEXT);
        CREATE TABLE names(key TEXT, iri TEXT, name TEXT, lang TEXT, kind TEXT, source TEXT);
        """
    )
    con.execute("INSERT INTO meta VALUES ('build_id', ?)", (build_id,))
    nodes: dict[str, tuple[str, str, str]] = {}
    ids: set[tuple[str, str]] = set()
    names: set[tuple[str, str, str, str, str, str]] = set()
    for curie, views in resolver.concepts.items():
        canon = resolver.canonical.get(curie)
        if canon is None:
            continue
        iri = curie_to_iri(canon)
        cls = resolver.ids.cls[resolver.ids.find(canon)]
        nodes[iri] = (canon, preferred.get(canon, canon), cls)
        ids.add((curie, iri))
        for v in views:
            ids.update((a, iri) for a in v.alias_ids)
            for kind, name, lang in (
                [("label", v.label, "en")]
                + [("synonym", s, "en") for s in v.synonyms]
                + [("label", z, "zh") for z in v.labels_zh]
            ):
                if not name:
                    continue
                keys = name_keys(name) if lang == "en" else {name.strip()}
                names.update((k, iri, name, lang, kind, v.source) for k in keys)
    con.executemany("INSERT INTO nodes VALUES (?,?,?,?)", [(i, *v) for i, v in nodes.items()])
    con.executemany("INSERT INTO ids VALUES (?,?,?)", [(i, i.upper(), n) for i, n in sorted(ids)])
    con.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", sorted(names))
    con.executescript(
        """
        CREATE INDEX ids_key ON ids(id_key);
        CREATE INDEX names_key ON names(key);
        CREATE INDEX names_iri ON names(iri);
        """
    )
    con.commit()
    con.close()
    return len(nodes)


def _input_checksums(data_dir: Path) -> tuple[dict[str, str], str]:
    sums: dict[str, str] = {}
    for files in SOURCE_FILES.values():
        for rel in files:
            path = data_dir / rel
            if path.is_file():
                sums[rel] = sha256_file(path)
    hdir = hpo.hpo_dir(data_dir)
    for name in HPO_FILES:
        if (hdir / name).is_file():
            sums[f"hpo/{name}"] = sha256_file(hdir / name)
    # the build code is an input too: a change to any source reader rebuilds the graph
    code = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        code.update(path.name.encode() + b"\0" + path.read_bytes())
    sums["kgqa/graph/build"] = code.hexdigest()
    return sums, hpo.release(hdir)


def build_graph(data_dir: Path, target: Path) -> BuildReport:
    """Build the graph from the raw sources in ``data_dir`` into the artifact directory ``target``.

    Raises:
        DataError: a source file is missing or malformed.
    """
    import pyoxigraph as ox

    t0 = time.perf_counter()
    if not data_dir.is_dir():
        raise DataError(
            f"data directory {data_dir} does not exist; pass --data-dir or set KGQA_DATA"
        )
    contributions, concepts = _collect(data_dir)
    ids = _resolve_identities(contributions, concepts)
    resolver = _Resolver(concepts, ids)
    notes = {c.source: dict(c.notes) for c in contributions}
    edges = _resolve_edges(contributions, resolver, notes)
    preferred = _preferred_labels(resolver)
    build_id = uuid.uuid4().hex
    inputs, release = _input_checksums(data_dir)
    with atomic_directory(target) as tmp:
        nq = tmp / "graph.nq"
        n_quads = 0
        with open(nq, "w", encoding="utf-8") as fh:
            for line in tqdm(
                _quads(edges, resolver, preferred), desc="writing quads", unit="quad",
                unit_scale=True, mininterval=2.0, disable=not logger.isEnabledFor(logging.INFO),
            ):  # fmt: skip
                fh.write(line)
                n_quads += 1
            fh.write(f'<{META_GRAPH}> <{VOCAB}buildId> "{build_id}" <{META_GRAPH}> .\n')
        logger.info("loading %d quads into the store", n_quads)
        store = ox.Store(str(tmp / "store"))
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        store.optimize()
        store.flush()
        del store
        nq.unlink()
        n_nodes = _write_names(tmp / "names.sqlite", resolver, preferred, build_id)
        seconds = time.perf_counter() - t0
        report = BuildReport(
            target, n_nodes, n_quads, round(seconds, 1), release, dict(ids.merged),
            dict(ids.refused), notes,
        )  # fmt: skip
        manifest = Manifest(
            kind=KIND,
            format_version=FORMAT_VERSION,
            kgqa_version=__version__,
            inputs=inputs,
            files={"names.sqlite": sha256_file(tmp / "names.sqlite")},
            info={
                "build_id": build_id,
                "data_dir": str(data_dir),
                "hpo_release": release,
                "nodes": n_nodes,
                "quads": n_quads,
                "build_seconds": report.seconds,
                "merges": report.merges,
                "merges_refused": report.refused,
                "notes": notes,
            },
        )
        (tmp / "manifest.json").write_text(manifest.to_json(), encoding="utf-8")
    logger.info("graph built: %d nodes, %d quads in %.0fs", n_nodes, n_quads, seconds)
    return report


def inputs_unchanged(data_dir: Path, target: Path) -> bool:
    """True when ``target`` holds a graph built from exactly these input files."""
    try:
        manifest = Manifest.read(target)
    except Exception:
        return False
    inputs, _ = _input_checksums(data_dir)
    return manifest.inputs == inputs and manifest.format_version == FORMAT_VERSION
