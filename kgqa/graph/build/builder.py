"""Orchestrates the graph build: read every source, resolve identities, resolve references by
name, then write N-Quads (one named graph per source) into an oxigraph store, the names index
and the manifest.

The persisted artifact's layout and the names index's schema are in :mod:`kgqa.graph.format`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from kgqa.artifacts import Manifest, atomic_directory, sha256_file
from kgqa.config import graph_data_dir
from kgqa.errors import DataError
from kgqa.graph.build import (
    chinese,
    chpo,
    composed_zh,
    disease_gene,
    doid,
    drugcentral,
    gwas,
    hetionet,
    hpo,
    hsdn,
    lexicon,
    mesh,
    mondo,
    orphanet,
    pharmacotherapydb,
    sider,
)
from kgqa.graph.build.common import (
    AGREE_SEP,
    SUBCLASS,
    AttrValue,
    Concept,
    Contribution,
    Edge,
    Reference,
)
from kgqa.graph.build.identity import (
    Identities,
    apply_same_as,
    merge_by_name,
    prefix_of,
    priority,
    split_pairs,
)
from kgqa.graph.format import (
    BUILD_ID,
    FORMAT_VERSION,
    KIND,
    META_GRAPH,
    NAMES_FILE,
    NAMES_INDEXES,
    NAMES_SCHEMA,
    REFUSALS_FILE,
    STORE_DIR,
)
from kgqa.graph.names import name_keys, normalize_name
from kgqa.graph.vocabulary import (
    DCT,
    RDF,
    RDF_TYPE,
    RDFS_LABEL,
    RELATIONS,
    SKOS_ALT,
    SKOS_DEF,
    SOURCE,
    STATEMENT,
    VOCAB,
    XSD,
    curie_to_iri,
    predicate_iri,
)
from kgqa.version import __version__

logger = logging.getLogger(__name__)


Reader = Callable[[Path], Contribution]
# Order matters only for which label a node shows first; identity does not depend on it.
SOURCES: dict[str, Reader] = {
    "hpo": hpo.read,
    "doid": doid.read,
    "orphanet": orphanet.read,
    "mesh": mesh.read,
    "mondo": mondo.read,
    "pharmacotherapydb": pharmacotherapydb.read,
    "drugcentral": drugcentral.read,
    "sider": sider.read,
    "disease_gene": disease_gene.read,
    "gwas": gwas.read,
    "hsdn": hsdn.read,
    "hetionet": hetionet.read,
    "hpo_zh": chpo.read,
    "chinese": chinese.read,
    "lexicon": lexicon.read,
}
# Sources whose identity claims are counted as curated disease identity (the duplicate report).
CURATED_IDENTITY = "mondo"
# sources whose synonyms are names only where no other node goes by them (their labels of a
# mapping's two ends, not a vocabulary's own)
FREE_NAMES_ONLY = frozenset({"mondo"})
# ... and ids whose views only name nodes of other ids: their synonyms are names only where no
# other node goes by them, and an id that joins no other is no node (an HGNC gene id, joined to
# the gene node of its symbol, brings its approved name: "fibrillin 1" on FBN1)
NAMES_ONLY_PREFIXES = frozenset({"HGNC"})
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
    "orphanet": [orphanet.FILE],
    "mondo": [f"mondo/{name}" for name in mondo.FILES],
    "drugcentral": [f"drugcentral/{name}" for name in drugcentral.FILES],
    "sider": [f"sider/{name}" for name in sider.FILES],
    "gwas": [f"gwas/{name}" for name in gwas.FILES],
    "chinese": [f"chinese/{name}" for name in chinese.FILES],
}  # fmt: skip
# The repository's own curated inputs (graph_data/), checksummed like the raw files.
OWN_FILES = ["sources.json", *lexicon.FILES]
HPO_FILES = ["hp.obo", "phenotype.hpoa", "genes_to_phenotype.txt"]
# Name-based identity rules: (from prefix, to prefix, class). Applied after the 1:1 xrefs.
NAME_MERGES = (
    ("DRUGCENTRAL", "DRUGBANK", "Chemical"),  # a drug listing several DrugBank ids
    ("SYMP", "HP", "Phenotype"),
    ("MESH", "HP", "Phenotype"),
    ("MESH", "DRUGBANK", "Chemical"),
    ("MESH", "DOID", "Disease"),
    ("OMIM", "DOID", "Disease"),
    ("ORPHA", "DOID", "Disease"),
    ("ORPHA", "OMIM", "Disease"),
    ("HGNC", "NCBIGene", "Gene"),
)
# A node keeps the hierarchy of its own ontology: MeSH is-a edges are kept only for nodes whose
# canonical id is a MeSH id (MeSH-only concepts), so DO and HPO nodes are not given a second,
# differently-shaped set of parents.
OWN_HIERARCHY_ONLY = {"mesh": "MESH", "orphanet": "ORPHA"}
# Which class an endpoint should have when an alias id names several nodes, by the class the
# relation expects there (a UMLS CUI of an indication names a disease before a phenotype).
PREFERRED_CLASSES = {
    "Disease": ("Disease", "Phenotype"),
    "Phenotype": ("Phenotype", "Disease"),
    "Drug": ("Chemical",),
    "Chemical": ("Chemical",),
}
INDICATIONS = ("treats", "palliates")


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
    duplicates: dict[str, int] = field(default_factory=dict)
    excluded_sources: list[str] = field(default_factory=list)


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

    def __init__(
        self,
        concepts: dict[str, list[Concept]],
        ids: Identities,
        references: dict[tuple[str, str], Reference] | None = None,
    ) -> None:
        self.concepts = concepts
        self.ids = ids
        self.references = references or {}
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
        self.ambiguous = {a: sorted(t) for a, t in alias.items() if len(t) > 1}
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

    def cls_of(self, canon: str) -> str:
        return self.ids.cls[self.ids.find(canon)] if canon in self.ids.parent else ""

    def node(self, curie: str, source: str, expect: str | None = None) -> str | None:
        """The canonical CURIE ``curie`` resolves to: a CURIE or alias id, ``name:`` (minted when
        unknown), ``find:`` (never minted), ``both:`` (:func:`agree_ref`) or ``ref:`` (a
        source's :class:`Reference`)."""
        if curie.startswith(("name:", "find:")):
            kind, cls, label = curie.split(":", 2)
            hits = self.by_name.get((cls, normalize_name(label, uninvert=True)))
            if hits:
                return min(hits)[1]
            if kind == "find":
                return None
            minted = f"KGQA:{cls}_{_slug(label)}"
            if minted not in self.minted:
                self.minted[minted] = Concept(source, minted, cls, label)
            return minted
        if curie.startswith("both:"):
            hits = {self.node(a, source, expect) for a in curie[5:].split(AGREE_SEP)}
            return hits.pop() if len(hits) == 1 else None
        if curie.startswith("ref:"):
            _, ref_source, key = curie.split(":", 2)
            ref = self.references.get((ref_source, key))
            if ref is None:
                return None
            for alternative in ref.alternatives:
                hit = self.node(alternative, source, expect)
                if hit is not None:
                    return hit
            if ref.fallback is None:
                return None
            fb = ref.fallback
            known = self.canonical.get(fb.curie)
            if known is not None:
                return known
            self.minted.setdefault(fb.curie, fb)
            return fb.curie
        hit = self.canon(curie) or (curie if curie in self.minted else None)
        if hit is None and expect and curie in self.ambiguous:
            for cls in PREFERRED_CLASSES.get(expect, (expect,)):
                fits = [c for c in self.ambiguous[curie] if self.cls_of(c) == cls]
                if len(fits) == 1:
                    return fits[0]
                if fits:
                    return None
        return hit

    def canon(self, curie: str) -> str | None:
        """The node a concept view belongs to: its own id, else an alias id naming one node."""
        return self.canonical.get(curie) or self.alias.get(curie)


def source_records() -> dict[str, dict[str, str]]:
    """``graph_data/sources.json``: name, origin, licence and licence tags of every source."""
    path = graph_data_dir() / "sources.json"
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read the source list {path}: {exc}") from exc
    missing = sorted(set(SOURCES) - set(records))
    if missing:
        raise DataError(f"{path} lacks entries for the sources {missing}")
    return records


def licence_tags(record: dict[str, str]) -> set[str]:
    """Tags of a source's licence, e.g. {"NC"} for a non-commercial one."""
    return set(record.get("licence_tags", []))


def _excluded(records: dict[str, dict[str, str]], exclude_licences: Collection[str]) -> list[str]:
    unknown = set(exclude_licences) - {"NC", "SA", "ND"}
    if unknown:
        raise DataError(f"unknown licence tags {sorted(unknown)}; expected NC, SA or ND")
    return [s for s in SOURCES if licence_tags(records[s]) & set(exclude_licences)]


def _row_licence_ok(edge: Edge, exclude_licences: Collection[str]) -> bool:
    """False for an edge whose own ``licence`` attribute carries an excluded tag (CC BY-NC ...)."""
    licence = next((str(v) for k, v in edge.attrs if k == "licence"), "")
    return not any(f"-{tag}" in licence.upper() for tag in exclude_licences)


def _collect(
    data_dir: Path, excluded: Collection[str] = ()
) -> tuple[list[Contribution], dict[str, list[Concept]]]:
    contributions = []
    quiet = not logger.isEnabledFor(logging.INFO)
    for name, reader in tqdm(SOURCES.items(), desc="reading sources", unit="source", disable=quiet):
        if name in excluded:
            logger.info("%s: left out (licence)", name)
            continue
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


def _drop_unjoined(
    concepts: dict[str, list[Concept]], ids: Identities, prefixes: Collection[str]
) -> int:
    """Drop, in place, the concepts of ``prefixes`` that joined no id of another prefix: they
    only name other nodes. Returns how many."""
    own = set(prefixes)
    gone = [c for c in concepts
            if prefix_of(c) in own and c in ids.parent
            and ids.prefixes[ids.find(c)] <= own]  # fmt: skip
    for c in gone:
        del concepts[c]
    return len(gone)


def _free_names_only(
    concepts: dict[str, list[Concept]],
    ids: Identities,
    sources: Collection[str],
    prefixes: Collection[str] = (),
) -> dict[str, dict[str, int]]:
    """Drop, in place, the synonyms ``sources`` give that another node is named by, or that
    they give two nodes: a mapping's label names a concept only where nothing else goes by it
    (Mondo's *insomnia* on DO's disease would take the word from HPO's finding; its *neoplasm*
    from DO's cancer). A synonym the node has already is dropped too. Returns counts kept and
    dropped per source, for the build report."""
    owners: dict[str, set[str]] = {}
    offered: dict[str, set[str]] = {}
    for curie, views in concepts.items():
        if curie not in ids.parent:
            continue
        root = ids.find(curie)
        for v in views:
            free = v.source in sources or prefix_of(curie) in prefixes
            for name in ([] if free else [v.label]) + list(v.synonyms):
                for key in _keys_alike(name) if name else ():
                    (offered if free else owners).setdefault(key, set()).add(root)
    counts: dict[str, dict[str, int]] = {}
    for curie, views in concepts.items():
        for i, v in enumerate(views):
            if (v.source not in sources and prefix_of(curie) not in prefixes) or not v.synonyms:
                continue
            root = ids.find(curie) if curie in ids.parent else None
            kept = tuple(
                name for name in v.synonyms
                if root is not None
                and all(not owners.get(k) and offered.get(k) == {root} for k in _keys_alike(name))
            )  # fmt: skip
            tally = counts.setdefault(v.source, {"names kept": 0, "names dropped": 0})
            tally["names kept"] += len(kept)
            tally["names dropped"] += len(v.synonyms) - len(kept)
            views[i] = replace(v, synonyms=kept)
    return counts


_DISORDER_WORDS = re.compile(r"\b(?:disorders?|diseases?|conditions?|syndromes?)\b")


def _keys_alike(name: str) -> set[str]:
    """A name's lookup keys, and those it has with "disease", "disorder", "condition" or
    "syndrome" said as one another: a name said so of another node is that node's."""
    keys = name_keys(name)
    return keys | {_DISORDER_WORDS.sub("disease", k) for k in keys}


def _merge_by_names(ids: Identities, concepts: dict[str, list[Concept]]) -> None:
    # a mapping's labels name what the mapping joined; they join nothing more
    concepts = {c: [v for v in views if v.source not in FREE_NAMES_ONLY]
                for c, views in concepts.items()}  # fmt: skip
    for from_prefix, to_prefix, cls in NAME_MERGES:
        reason = f"same name {from_prefix}->{to_prefix}"
        merge_by_name(ids, concepts, from_prefix, to_prefix, cls, reason)


def _resolve_identities(
    contributions: list[Contribution], concepts: dict[str, list[Concept]]
) -> tuple[Identities, dict[str, int]]:
    """Identity: the sources' own 1:1 cross-references, then curated identity (Mondo), then
    names. Returns the identities and the curated duplicate pairs before and after."""
    ids = Identities()
    for curie, views in concepts.items():
        defining = sorted((v for v in views if v.cls), key=lambda v: list(SOURCES).index(v.source))
        if defining:
            ids.add(curie, defining[0].cls)
    curated = [c for c in contributions if c.source == CURATED_IDENTITY]
    for contribution in contributions:
        if contribution.source != CURATED_IDENTITY:
            apply_same_as(ids, contribution.same_as)
    groups: dict[str, set[str]] = {}
    for contribution in curated:
        for claim in contribution.same_as:
            groups.setdefault(claim.group or claim.a, set()).update((claim.a, claim.b))
    # the duplicates the curated identity names when it is not applied (names merged as usual)
    without = ids.copy()
    _merge_by_names(without, concepts)
    duplicates = {"mondo_duplicate_pairs_before": split_pairs(without, groups.values())}
    for contribution in curated:
        apply_same_as(ids, contribution.same_as)
    _merge_by_names(ids, concepts)
    duplicates["mondo_duplicate_pairs_after"] = split_pairs(ids, groups.values())
    return ids, duplicates


def _resolve_edges(
    contributions: list[Contribution],
    resolver: _Resolver,
    notes: dict[str, dict[str, int]],
    exclude_licences: Collection[str] = (),
) -> list[tuple[Edge, str, str]]:
    """Edges with canonical endpoints; name references may mint new nodes (registered here).
    The same statement from one source (same endpoints after merging) is kept once."""
    edges: list[tuple[Edge, str, str]] = []
    seen: set[tuple[str, str, str, str, tuple[tuple[str, AttrValue], ...]]] = set()
    for contribution in contributions:
        dropped = 0
        for e in contribution.edges:
            if exclude_licences and not _row_licence_ok(e, exclude_licences):
                notes.setdefault(e.source, {}).setdefault("edges left out (licence)", 0)
                notes[e.source]["edges left out (licence)"] += 1
                continue
            rel = RELATIONS.get(e.relation)
            s = resolver.node(e.subject, e.source, rel.domain if rel else None)
            o = resolver.node(e.object, e.source, rel.range if rel else None)
            if s is None or o is None or (s == o and e.relation == SUBCLASS):
                dropped += 1
                continue
            key = (e.source, s, e.relation, o, e.attrs)
            if key in seen:
                continue
            seen.add(key)
            own = OWN_HIERARCHY_ONLY.get(e.source)
            if own and e.relation == SUBCLASS and not s.startswith(own + ":"):
                notes.setdefault(e.source, {}).setdefault("is-a edges of merged nodes left out", 0)
                notes[e.source]["is-a edges of merged nodes left out"] += 1
                continue
            edges.append((e, s, o))
        if dropped:
            notes.setdefault(contribution.source, {})["edges dropped (unknown endpoint)"] = dropped
    edges = _corroborated(contributions, edges, notes)
    for curie, concept in resolver.minted.items():
        resolver.concepts.setdefault(curie, []).append(concept)
        resolver.canonical[curie] = curie
        resolver.ids.add(curie, concept.cls)
    return edges


def _corroborated(
    contributions: list[Contribution],
    edges: list[tuple[Edge, str, str]],
    notes: dict[str, dict[str, int]],
) -> list[tuple[Edge, str, str]]:
    """Drop the edges a source only corroborates (``Contribution.corroborates_only``) where no
    other source states the same edge."""
    only = {(c.source, r) for c in contributions for r in c.corroborates_only}
    if not only:
        return edges
    stated: dict[tuple[str, str, str], set[str]] = {}
    for e, s, o in edges:
        stated.setdefault((s, e.relation, o), set()).add(e.source)
    kept = []
    for e, s, o in edges:
        if (e.source, e.relation) in only and not stated[(s, e.relation, o)] - {e.source}:
            key = f"{e.relation} edges no other source states (left out)"
            notes.setdefault(e.source, {})[key] = notes.get(e.source, {}).get(key, 0) + 1
            continue
        kept.append((e, s, o))
    return kept


def _preferred_labels(resolver: _Resolver) -> dict[str, str]:
    """Each node's display label: the curated lexicon's shown name where it gives one (an
    organism's common name, :data:`kgqa.graph.build.lexicon.SHOWN_KINDS`), else the label of
    its best-priority id."""
    preferred: dict[str, str] = {}
    for curie in sorted(resolver.concepts, key=lambda c: (priority(c), c)):
        canon = resolver.canonical.get(curie)
        if canon is None:
            continue
        views = resolver.concepts[curie]
        for v in sorted(views, key=lambda v: v.source != lexicon.SOURCE):
            if v.label and canon not in preferred:
                preferred[canon] = v.label
    return preferred


def _quads(
    edges: list[tuple[Edge, str, str]], resolver: _Resolver, preferred: dict[str, str]
) -> Iterator[str]:
    """N-Quads lines: nodes (types, labels, ids) and edges, each in its source's named graph."""
    for curie, views in resolver.concepts.items():
        canon = resolver.canon(curie)
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
            # a composed name is an alternative, never the label answers show
            zh_pred = SKOS_ALT if v.source == composed_zh.SOURCE else RDFS_LABEL
            for zh in v.labels_zh:
                yield f"{iri} <{zh_pred}> {_lit(zh, 'zh')} {g} .\n"
            if v.definition:
                yield f"{iri} <{SKOS_DEF}> {_lit(v.definition, 'en')} {g} .\n"

    # Edges (+ a reified statement when the edge carries attributes)
    drugs: set[tuple[str, str]] = set()
    for e, s, o in edges:
        pred = predicate_iri(e.relation)
        si, oi, g = curie_to_iri(s), curie_to_iri(o), f"<{SOURCE}{e.source}>"
        yield f"<{si}> <{pred}> <{oi}> {g} .\n"
        if e.relation in INDICATIONS:
            drugs.add((si, e.source))
        if e.attrs:
            digest = hashlib.sha1(repr((e.source, s, e.relation, o, e.attrs)).encode()).hexdigest()
            st = f"<{STATEMENT}{digest[:24]}>"
            yield f"{st} <{RDF_TYPE}> <{RDF}Statement> {g} .\n"
            yield f"{st} <{RDF}subject> <{si}> {g} .\n"
            yield f"{st} <{RDF}predicate> <{pred}> {g} .\n"
            yield f"{st} <{RDF}object> <{oi}> {g} .\n"
            for key, value in e.attrs:
                yield f"{st} <{VOCAB}{key}> {_lit(value)} {g} .\n"
    # a drug is a Drug in the graph of each source that gives it an indication
    for d, source in sorted(drugs):
        yield f"<{d}> <{RDF_TYPE}> <{VOCAB}Drug> <{SOURCE}{source}> .\n"


def _write_names(path: Path, resolver: _Resolver, preferred: dict[str, str]) -> tuple[int, int]:
    """The names index: normalised names and ids -> node IRIs, and a node table. Returns the
    node count and the digest of its rows (the build id, written later, is not among them)."""
    con = sqlite3.connect(path)
    con.executescript(NAMES_SCHEMA)
    nodes: dict[str, tuple[str, str, str]] = {}
    ids: set[tuple[str, str]] = set()
    names: set[tuple[str, str, str, str, str, str]] = set()
    for curie, views in resolver.concepts.items():
        canon = resolver.canon(curie)
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
                + [
                    ("synonym" if v.source == composed_zh.SOURCE else "label", z, "zh")
                    for z in v.labels_zh
                ]
            ):
                if not name:
                    continue
                keys = name_keys(name) if lang == "en" else {name.strip()}
                names.update((k, iri, name, lang, kind, v.source) for k in keys)
    node_rows = [(i, *v) for i, v in nodes.items()]
    id_rows = [(i, i.upper(), n) for i, n in sorted(ids)]
    name_rows = sorted(names)
    con.executemany("INSERT INTO nodes VALUES (?,?,?,?)", node_rows)
    con.executemany("INSERT INTO ids VALUES (?,?,?)", id_rows)
    con.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", name_rows)
    con.executescript(NAMES_INDEXES)
    con.commit()
    con.close()
    digest = _Digest()
    for row in (*node_rows, *id_rows, *name_rows):
        digest.add(repr(row))
    return len(nodes), digest.value


class _Digest:
    """An order-independent digest of text lines (the sum of their hashes), so that the same
    graph built twice, whatever order sets iterate in, has the same id."""

    def __init__(self) -> None:
        self.value = 0

    def add(self, line: str) -> None:
        h = int.from_bytes(hashlib.sha256(line.encode("utf-8")).digest()[:16], "big")
        self.value = (self.value + h) % (1 << 128)


def _set_build_id(path: Path, build_id: str) -> None:
    con = sqlite3.connect(path)
    con.execute("INSERT INTO meta VALUES ('build_id', ?)", (build_id,))
    con.commit()
    con.close()


def _input_checksums(data_dir: Path) -> tuple[dict[str, str], str]:
    sums: dict[str, str] = {}
    for files in SOURCE_FILES.values():
        for rel in files:
            path = data_dir / rel
            if path.is_file():
                sums[rel] = sha256_file(path)
    for name in OWN_FILES:
        path = graph_data_dir() / name
        if path.is_file():
            sums[f"graph_data/{name}"] = sha256_file(path)
    hdir = hpo.hpo_dir(data_dir)
    for name in HPO_FILES:
        if (hdir / name).is_file():
            sums[f"hpo/{name}"] = sha256_file(hdir / name)
    # the build code is an input too: a change to any source reader, to the stores' format
    # (the names store's tables and indexes), to the names' lookup keys (which queries are
    # normalised to as well: a stale key is a name no query finds) or to the vocabulary
    # rebuilds the graph
    code = hashlib.sha256()
    for path in [
        *sorted(Path(__file__).parent.glob("*.py")),
        *(Path(__file__).parent.parent / name for name in ("format.py", "names.py",
                                                           "vocabulary.py")),
    ]:  # fmt: skip
        code.update(path.name.encode() + b"\0" + path.read_bytes())
    sums["kgqa/graph/build"] = code.hexdigest()
    return sums, hpo.release(hdir)


def _licence_quads(records: dict[str, dict[str, str]], sources: list[str]) -> Iterator[str]:
    """Each source graph's licence, in the meta graph: every statement of a source graph is
    under it (a per-record licence, where a source has one, is on the statement itself)."""
    m = f"<{META_GRAPH}>"
    for name in sources:
        g = f"<{SOURCE}{name}>"
        yield f"{g} <{DCT}license> {_lit(records[name].get('licence', 'unspecified'))} {m} .\n"
        yield f"{g} <{DCT}title> {_lit(records[name].get('name', name))} {m} .\n"
        for tag in sorted(licence_tags(records[name])):
            yield f"{g} <{VOCAB}licenceTag> {_lit(tag)} {m} .\n"


def store_files(store_dir: Path) -> dict[str, dict[str, int | str]]:
    """Size and SHA-256 of each file of a built store (not RocksDB's lock and info logs)."""
    return {
        p.name: {"size": p.stat().st_size, "sha256": sha256_file(p)}
        for p in sorted(store_dir.iterdir())
        if p.is_file() and p.name != "LOCK" and not p.name.startswith("LOG")
    }


def _write_refusals(path: Path, ids: Identities) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("a\tb\treason\twhy\n")
        for a, b, reason, why in ids.refusals:
            fh.write(f"{a}\t{b}\t{reason}\t{why}\n")


def build_graph(
    data_dir: Path, target: Path, exclude_licences: Collection[str] = ()
) -> BuildReport:
    """Build the graph from the raw sources in ``data_dir`` into the artifact directory ``target``.

    ``exclude_licences`` leaves out every source whose licence carries one of the tags (``NC``:
    non-commercial, e.g. SIDER), and every record whose own licence does.

    Raises:
        DataError: a source file is missing or malformed, or a licence tag is unknown. Nothing
            is written to ``target`` then.
    """
    import pyoxigraph as ox

    t0 = time.perf_counter()
    if not data_dir.is_dir():
        raise DataError(
            f"data directory {data_dir} does not exist; pass --data-dir or set KGQA_DATA"
        )
    records = source_records()
    excluded = _excluded(records, exclude_licences)
    contributions, concepts = _collect(data_dir, excluded)
    ids, duplicates = _resolve_identities(contributions, concepts)
    references = {(c.source, key): ref for c in contributions for key, ref in c.references.items()}
    unjoined = _drop_unjoined(concepts, ids, NAMES_ONLY_PREFIXES)
    notes_free = _free_names_only(concepts, ids, FREE_NAMES_ONLY, NAMES_ONLY_PREFIXES)
    resolver = _Resolver(concepts, ids, references)
    notes = {c.source: dict(c.notes) for c in contributions}
    for source, counts in notes_free.items():
        notes.setdefault(source, {}).update(counts)
    if unjoined:
        notes.setdefault(orphanet.SOURCE, {})["HGNC gene ids joining no gene node"] = unjoined
    edges = _resolve_edges(contributions, resolver, notes, exclude_licences)
    composed = composed_zh.contribution(resolver.concepts, resolver.canon, resolver.cls_of)
    for concept in composed.concepts:
        resolver.concepts.setdefault(concept.curie, []).append(concept)
    notes[composed.source] = dict(composed.notes)
    preferred = _preferred_labels(resolver)
    inputs, release = _input_checksums(data_dir)
    included = [s for s in SOURCES if s not in excluded] + [composed_zh.SOURCE]
    with atomic_directory(target) as tmp:
        nq = tmp / "graph.nq"
        n_quads = 0
        # the build id is a digest of what was built (quads and names), not of when: the same
        # graph built again keeps its id, and the indexes made from it stay current
        digest = _Digest()
        with open(nq, "w", encoding="utf-8") as fh:
            for line in tqdm(
                _quads(edges, resolver, preferred), desc="writing quads", unit="quad",
                unit_scale=True, mininterval=2.0, disable=not logger.isEnabledFor(logging.INFO),
            ):  # fmt: skip
                fh.write(line)
                digest.add(line)
                n_quads += 1
            for line in _licence_quads(records, included):
                fh.write(line)
                digest.add(line)
            n_nodes, names_digest = _write_names(tmp / NAMES_FILE, resolver, preferred)
            build_id = f"{(digest.value + names_digest) % (1 << 128):032x}"
            fh.write(f'<{META_GRAPH}> <{BUILD_ID}> "{build_id}" <{META_GRAPH}> .\n')
        _set_build_id(tmp / NAMES_FILE, build_id)
        logger.info("loading %d quads into the store", n_quads)
        store = ox.Store(str(tmp / STORE_DIR))
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        store.optimize()
        store.flush()
        del store
        nq.unlink()
        _write_refusals(tmp / REFUSALS_FILE, ids)
        seconds = time.perf_counter() - t0
        report = BuildReport(
            target, n_nodes, n_quads, round(seconds, 1), release, dict(ids.merged),
            dict(ids.refused), notes, duplicates, excluded,
        )  # fmt: skip
        manifest = Manifest(
            kind=KIND,
            format_version=FORMAT_VERSION,
            kgqa_version=__version__,
            inputs=inputs,
            files={
                NAMES_FILE: sha256_file(tmp / NAMES_FILE),
                REFUSALS_FILE: sha256_file(tmp / REFUSALS_FILE),
            },
            info={
                "build_id": build_id,
                "data_dir": str(data_dir),
                "hpo_release": release,
                "nodes": n_nodes,
                "quads": n_quads,
                "build_seconds": report.seconds,
                "sources": {
                    s: {
                        "licence": records[s].get("licence", ""),
                        "licence_tags": sorted(licence_tags(records[s])),
                    }
                    for s in included
                },
                "excluded_licences": sorted(exclude_licences),
                "excluded_sources": excluded,
                "duplicates": duplicates,
                "merges": report.merges,
                "merges_refused": report.refused,
                "merges_refused_file": REFUSALS_FILE,
                "notes": notes,
                # RocksDB's files as built: sizes are checked at every open, digests by
                # `kgqa graph verify` (hashing them all takes seconds)
                "store_files": store_files(tmp / STORE_DIR),
            },
        )
        (tmp / "manifest.json").write_text(manifest.to_json(), encoding="utf-8")
    logger.info("graph built: %d nodes, %d quads in %.0fs", n_nodes, n_quads, seconds)
    return report


def inputs_unchanged(data_dir: Path, target: Path, exclude_licences: Collection[str] = ()) -> bool:
    """True when ``target`` holds a graph built from exactly these input files (and licence
    choice)."""
    inputs, _ = _input_checksums(data_dir)
    return Manifest.is_current(
        target, FORMAT_VERSION, inputs, {"excluded_licences": sorted(exclude_licences)}
    )
