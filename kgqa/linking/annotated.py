"""Annotated names: how expert annotators linked mention texts in the *training* splits of the
linking corpora (NCBI-disease train, BC5CDR train), kept where the annotators agree.

Ontology names miss the words papers use and the granularity curators code them at: NCBI
annotators link "breast carcinoma" to *Breast Neoplasms* (DO "breast cancer", not its child
"breast carcinoma"), "hereditary breast and ovarian cancer" to the HBOC syndrome. A mention
text annotated at least ``MIN_COUNT`` times, with one graph node in at least ``MIN_SHARE`` of
its annotations, becomes a candidate source ranked above the ontology names (DNorm,
TaggerOne and BioSyn use the training mentions the same way). Short forms defined in their
own abstract ("(DM)") are left out: the abstract defines them, not the corpus. Only files
named ``train.pubtator.txt`` are read; development and test splits never are.

Mentions that match no name are also compared by embedding with the annotated texts
(``search``: a mention close to an annotated one, "non-papillary renal cell carcinomas" to
"renal cell carcinoma", takes its node).

Built by ``kgqa build linking`` into ``<home>/annotated`` (``names.tsv``, ``vectors.npy`` +
manifest), tied to the graph build, the encoder and the checksums of the corpus files.

Example:
    >>> from collections import Counter
    >>> agreed({"breast carcinoma": Counter({"doid:1612": 3, "doid:3459": 1})})
    {'breast carcinoma': ('doid:1612', 3, 4)}
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kgqa.artifacts import Manifest, atomic_directory, guarded, sha256_file
from kgqa.encoder import base_model_checksum, sentence_encoder
from kgqa.errors import ArtifactError
from kgqa.graph.names import normalize_name
from kgqa.graph.store import KnowledgeGraph
from kgqa.linking.abbreviations import define_abbreviations
from kgqa.linking.dense import DenseHit, search_rows
from kgqa.version import __version__

logger = logging.getLogger(__name__)

KIND = "annotated-names"
FORMAT_VERSION = 2
NAMES_FILE = "names.tsv"
VECTORS_FILE = "vectors.npy"
TRAIN_FILE = "train.pubtator.txt"
CORPORA = ("ncbi_disease", "bc5cdr")
MIN_SHARE = 0.6
MIN_COUNT = 1


def annotation_key(text: str) -> str:
    """Case, plurals and punctuation folded; every word kept ("Hepatitis A" ≠ "hepatitis")."""
    return normalize_name(text, stop_words=True)


def corpus_files(data: Path) -> list[Path]:
    """The training splits present under ``<data>/corpora`` (never a dev or test split)."""
    return [p for c in CORPORA if (p := data / "corpora" / c / TRAIN_FILE).is_file()]


@dataclass(frozen=True)
class AnnotatedName:
    """A mention text (its name key) and the node annotators linked it to."""

    key: str
    iri: str
    count: int  # annotations of this key with this node
    total: int  # annotations of this key that reach one graph node

    @property
    def share(self) -> float:
        return self.count / self.total


def count_annotations(kg: KnowledgeGraph, files: Iterable[Path]) -> dict[str, Counter[str]]:
    """Name key → Counter of the graph node each annotation of it reaches (through the
    graph's MeSH / OMIM cross-references; composite and unknown ids are skipped)."""
    from kgqa.datasets.pubtator import read_pubtator

    counts: dict[str, Counter[str]] = {}
    for path in files:
        for doc in read_pubtator(path):
            defined = define_abbreviations(doc.text)
            for m in doc.mentions:
                if m.text in defined:
                    continue
                iris = {n.iri for n in kg.lookup_ids(m.ids)}
                key = annotation_key(m.text)
                if len(iris) == 1 and key:
                    counts.setdefault(key, Counter())[next(iter(iris))] += 1
    return counts


def agreed(
    counts: Mapping[str, Counter[str]], min_share: float = MIN_SHARE, min_count: int = MIN_COUNT
) -> dict[str, tuple[str, int, int]]:
    """Keys whose annotators agree: key → (node, its count, all counts)."""
    out = {}
    for key, c in counts.items():
        (iri, n), total = c.most_common(1)[0], sum(c.values())
        if n >= min_count and n / total >= min_share:
            out[key] = (iri, n, total)
    return out


def _embed(texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return sentence_encoder().encode(
        texts, batch_size=256, normalize_embeddings=True, convert_to_numpy=True,
        show_progress_bar=False,
    ).astype(np.float32)  # fmt: skip


def build_annotated_names(kg: KnowledgeGraph, data: Path, target: Path) -> Manifest:
    t0 = time.perf_counter()
    files = corpus_files(data)
    if not files:
        logger.warning("no corpus training splits under %s/corpora: no annotated names", data)
    counts = count_annotations(kg, files)
    kept = agreed(counts)
    build_id = kg.build_id
    keys = sorted(kept)
    vectors = _embed(keys)
    with atomic_directory(target) as tmp:
        with open(tmp / NAMES_FILE, "w", encoding="utf-8") as fh:
            for key in keys:
                iri, n, total = kept[key]
                fh.write(f"{key}\t{iri}\t{n}\t{total}\n")
        np.save(tmp / VECTORS_FILE, vectors, allow_pickle=False)
        manifest = Manifest(
            KIND,
            FORMAT_VERSION,
            __version__,
            inputs={
                "graph_build_id": str(build_id),
                **{f"{p.parent.name}/{p.name}": sha256_file(p) for p in files},
            },
            files={n: sha256_file(tmp / n) for n in (NAMES_FILE, VECTORS_FILE)},
            info={
                "embedder_sha256": base_model_checksum(),
                "keys_seen": len(counts),
                "keys_kept": len(kept),
                "min_share": MIN_SHARE,
                "min_count": MIN_COUNT,
                "seconds": round(time.perf_counter() - t0, 1),
            },
        )
        manifest.write(tmp)
    logger.info("annotated names: %d of %d mention texts kept", len(kept), len(counts))
    return manifest


def up_to_date(kg: KnowledgeGraph, data: Path, target: Path) -> bool:
    want = {f"{p.parent.name}/{p.name}": sha256_file(p) for p in corpus_files(data)}
    return Manifest.is_current(
        target, FORMAT_VERSION, {**want, "graph_build_id": str(kg.build_id)},
        {"embedder_sha256": base_model_checksum()},
        exact=bool(want),  # without the corpora here, keep what was built
    )  # fmt: skip


class AnnotatedNames:
    """Lookup of annotated mention texts by name key."""

    def __init__(
        self,
        names: Mapping[str, AnnotatedName],
        vectors: np.ndarray | None = None,
        manifest: Manifest | None = None,
    ) -> None:
        import faiss

        self.names = dict(names)
        self.manifest = manifest
        self._rows = list(self.names.values())
        self._pairs = [(a.iri, a.key) for a in self._rows]  # the index's rows, for hits
        vectors = _embed([a.key for a in self._rows]) if vectors is None else vectors
        if len(vectors) != len(self._rows):
            raise ArtifactError(f"{len(self._rows)} annotated names but {len(vectors)} vectors")
        self._index = faiss.IndexFlatIP(vectors.shape[1])
        self._index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def __len__(self) -> int:
        return len(self.names)

    def get(self, text: str) -> AnnotatedName | None:
        return self.names.get(annotation_key(text))

    def search(self, vectors: np.ndarray, k: int = 5) -> list[list[DenseHit]]:
        """The annotated texts nearest to each (normalised) mention embedding, by cosine."""
        if not self._rows:
            return [[] for _ in range(len(vectors))]
        return search_rows(self._index, self._pairs, vectors, k)

    @classmethod
    @guarded("run `kgqa build linking --force`")
    def load(cls, directory: Path, kg: KnowledgeGraph) -> AnnotatedNames:
        manifest = Manifest.read(directory, remedy="run `kgqa build linking`")
        manifest.check(directory, KIND, FORMAT_VERSION)
        build_id = kg.build_id
        if manifest.inputs.get("graph_build_id") != str(build_id):
            raise ArtifactError(
                f"the annotated names in {directory} were built from another graph; "
                "run `kgqa build linking`"
            )
        if manifest.info.get("embedder_sha256") != base_model_checksum():
            raise ArtifactError(
                f"the annotated names in {directory} were embedded with another encoder; "
                "run `kgqa build linking`"
            )
        names = {}
        with open(directory / NAMES_FILE, encoding="utf-8") as fh:
            for line in fh:
                key, iri, n, total = line.rstrip("\n").split("\t")
                names[key] = AnnotatedName(key, iri, int(n), int(total))
        vectors = np.load(directory / VECTORS_FILE, allow_pickle=False)
        return cls(names, vectors, manifest)
