"""The phenotype annotation index that diagnosis ranks over, built once from the graph.

Artifact ``$KGQA_HOME/diagnosis/``: ``index.npz`` (plain arrays, loaded with
``allow_pickle=False``) and ``manifest.json`` (the graph build id it was derived from).
At load the HPO is-a closure, the per-disease implied frequencies and the background
frequencies are computed into sparse matrices (about a second).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kgqa.artifacts import Manifest, atomic_directory, guarded, sha256_file
from kgqa.errors import ArtifactError
from kgqa.version import __version__

if TYPE_CHECKING:
    from scipy import sparse

    from kgqa.graph.store import KnowledgeGraph

logger = logging.getLogger(__name__)

KIND = "diagnosis-index"
FORMAT_VERSION = 2
DEFAULT_FREQUENCY = 0.5  # an annotation without a frequency: "present in some patients"


@dataclass
class DiagnosisIndex:
    """Phenotype terms with their is-a parents, and every disease's HPO annotations."""

    term_iris: np.ndarray  # (T,) str
    parent_ptr: np.ndarray  # (T+1,) CSR pointers into parent_idx
    parent_idx: np.ndarray  # parents of each term (term indices)
    disease_iris: np.ndarray  # (D,) str
    ann_disease: np.ndarray  # (A,) disease index
    ann_term: np.ndarray  # (A,) term index
    ann_freq: np.ndarray  # (A,) float32, NaN when the source gives none
    ann_not: np.ndarray  # (A,) bool, a NOT annotation
    ann_refs: list[str]  # (A,) references joined by ';'
    graph_build_id: str = ""

    # derived on construction (``_prepare``): never missing
    term_index: dict[str, int] = field(init=False, repr=False)
    disease_index: dict[str, int] = field(init=False, repr=False)
    ancestors: list[np.ndarray] = field(init=False, repr=False)  # each term's is-a closure
    implied: sparse.csc_matrix = field(init=False, repr=False)  # (D, T) max implied frequency
    direct: sparse.csc_matrix = field(init=False, repr=False)  # (D, T) direct annotations
    direct_rows: sparse.csr_matrix = field(init=False, repr=False)  # the same, by disease
    negated: sparse.csc_matrix = field(init=False, repr=False)  # (D, T) 1 for a NOT annotation
    background: np.ndarray = field(init=False, repr=False)  # (T,) mean implied frequency

    def __post_init__(self) -> None:
        self._prepare()

    @property
    def n_terms(self) -> int:
        return len(self.term_iris)

    @property
    def n_diseases(self) -> int:
        return len(self.disease_iris)

    def parents(self, t: int) -> np.ndarray:
        return self.parent_idx[self.parent_ptr[t] : self.parent_ptr[t + 1]]

    # --------------------------------------------------------------- building
    @classmethod
    def from_graph(cls, kg: KnowledgeGraph) -> DiagnosisIndex:

        t0 = time.perf_counter()
        terms = sorted(n.iri for n in kg.nodes("Phenotype") if n.curie.startswith("HP:"))
        term_index = {iri: i for i, iri in enumerate(terms)}
        parents: list[list[int]] = [[] for _ in terms]
        for child, parent, _ in kg.edges("subClassOf", source="hpo"):
            c, p = term_index.get(child), term_index.get(parent)
            if c is not None and p is not None:
                parents[c].append(p)
        ptr = np.zeros(len(terms) + 1, dtype=np.int64)
        ptr[1:] = np.cumsum([len(p) for p in parents])
        flat = np.array([p for ps in parents for p in ps], dtype=np.int32)

        rows = []
        for a in kg.phenotype_annotations("hpo"):
            t = term_index.get(a.phenotype)
            if t is None:
                continue  # an inheritance or clinical-course term, not a phenotype
            rows.append((a.disease, t, a.frequency, a.negated, ";".join(a.references)))
        diseases = sorted({r[0] for r in rows})
        disease_index = {iri: i for i, iri in enumerate(diseases)}
        rows.sort(key=lambda r: (disease_index[r[0]], r[1]))
        index = cls(
            term_iris=np.array(terms),
            parent_ptr=ptr,
            parent_idx=flat,
            disease_iris=np.array(diseases),
            ann_disease=np.array([disease_index[r[0]] for r in rows], dtype=np.int32),
            ann_term=np.array([r[1] for r in rows], dtype=np.int32),
            ann_freq=np.array([r[2] for r in rows], dtype=np.float32),
            ann_not=np.array([r[3] for r in rows], dtype=bool),
            ann_refs=[r[4] for r in rows],
            graph_build_id=kg.build_id or "",
        )
        logger.info(
            "diagnosis index: %d terms, %d diseases, %d annotations (%.1fs)",
            len(terms), len(diseases), len(rows), time.perf_counter() - t0,
        )  # fmt: skip
        return index

    def save(self, target: Path) -> None:
        arrays = {
            name: getattr(self, name)
            for name in ("term_iris", "parent_ptr", "parent_idx", "disease_iris", "ann_disease",
                         "ann_term", "ann_freq", "ann_not")
        }  # fmt: skip
        # references as one UTF-8 blob (a fixed-width string array would take ~370 MB)
        arrays["ann_refs_blob"] = np.frombuffer("\n".join(self.ann_refs).encode(), dtype=np.uint8)
        with atomic_directory(target) as tmp:
            np.savez_compressed(tmp / "index.npz", **arrays)
            manifest = Manifest(
                kind=KIND,
                format_version=FORMAT_VERSION,
                kgqa_version=__version__,
                inputs={"graph_build_id": self.graph_build_id},
                files={"index.npz": sha256_file(tmp / "index.npz")},
                info={
                    "terms": self.n_terms,
                    "diseases": self.n_diseases,
                    "annotations": len(self.ann_term),
                    "default_frequency": DEFAULT_FREQUENCY,
                },
            )
            (tmp / "manifest.json").write_text(manifest.to_json(), encoding="utf-8")

    @classmethod
    @guarded("run `kgqa build diagnosis --force`")
    def load(cls, directory: Path, graph_build_id: str | None = None) -> DiagnosisIndex:
        """Load and prepare; with ``graph_build_id``, refuse an index made from another graph."""
        manifest = Manifest.read(directory)
        manifest.check(directory, KIND, FORMAT_VERSION)
        built_from = manifest.inputs.get("graph_build_id", "")
        if graph_build_id is not None and built_from != graph_build_id:
            raise ArtifactError(
                f"{directory} was built from another graph; run `kgqa build diagnosis`"
            )
        with np.load(directory / "index.npz", allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files if k != "ann_refs_blob"}
            refs = z["ann_refs_blob"].tobytes().decode().split("\n")
        if len(refs) != len(arrays["ann_term"]):
            raise ArtifactError(f"{directory}/index.npz is inconsistent; rebuild it")
        return cls(**arrays, ann_refs=refs, graph_build_id=built_from)

    # -------------------------------------------------------------- derived
    def _prepare(self) -> None:
        """Compute the is-a closure and the sparse frequency matrices."""
        t0 = time.perf_counter()
        self.term_index = {str(iri): i for i, iri in enumerate(self.term_iris)}
        self.disease_index = {str(iri): i for i, iri in enumerate(self.disease_iris)}
        done: dict[int, np.ndarray] = {}  # term -> its is-a closure (itself included)
        for t in range(self.n_terms):
            stack = [t]
            while stack:  # iterative DFS to avoid recursion limits
                u = stack[-1]
                if u in done:
                    stack.pop()
                    continue
                pending = [int(p) for p in self.parents(u) if int(p) not in done]
                if pending:
                    stack.extend(pending)
                    continue
                stack.pop()
                acc = {u}
                for p in self.parents(u):
                    acc.update(done[int(p)].tolist())
                done[u] = np.array(sorted(acc), dtype=np.int32)
        self.ancestors = [done[t] for t in range(self.n_terms)]

        freq = np.where(np.isnan(self.ann_freq), DEFAULT_FREQUENCY, self.ann_freq).astype(
            np.float32
        )
        pos = ~self.ann_not
        shape = (self.n_diseases, self.n_terms)
        d_pos, t_pos, f_pos = self.ann_disease[pos], self.ann_term[pos], freq[pos]
        self.direct = _max_matrix(d_pos, t_pos, f_pos, shape)
        self.direct_rows = self.direct.tocsr()
        lens = np.array([len(self.ancestors[t]) for t in t_pos])
        d_imp = np.repeat(d_pos, lens)
        t_imp = (
            np.concatenate([self.ancestors[t] for t in t_pos])
            if len(t_pos)
            else np.array([], dtype=np.int32)
        )
        f_imp = np.repeat(f_pos, lens)
        self.implied = _max_matrix(d_imp, t_imp, f_imp, shape)
        neg = self.ann_not
        self.negated = _max_matrix(
            self.ann_disease[neg], self.ann_term[neg], np.ones(int(neg.sum()), np.float32), shape
        )
        self.background = np.asarray(self.implied.sum(axis=0)).ravel() / max(1, self.n_diseases)
        self.background = np.maximum(self.background, 0.5 / max(1, self.n_diseases))
        logger.info("diagnosis index prepared in %.2fs", time.perf_counter() - t0)


def _max_matrix(
    rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, shape: tuple[int, int]
) -> sparse.csc_matrix:
    """A CSC matrix keeping the maximum of duplicate (row, col) entries."""
    from scipy import sparse

    if len(rows) == 0:
        return sparse.csc_matrix(shape, dtype=np.float32)
    key = rows.astype(np.int64) * shape[1] + cols
    order = np.lexsort((-vals, key))
    key, vals = key[order], vals[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    key, vals = key[first], vals[first]
    m = sparse.csc_matrix((vals, (key // shape[1], key % shape[1])), shape=shape,
                          dtype=np.float32)  # fmt: skip
    m.sort_indices()  # scoring searches the row indices of a column
    return m
