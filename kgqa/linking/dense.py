"""Dense name index: every English name of the graph's diseases, phenotypes and chemicals,
embedded with the base encoder into a FAISS HNSW index (8-bit scalar quantised, inner
product on normalised vectors). Built by ``kgqa build linking``; tied to the graph build.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kgqa.artifacts import Manifest, atomic_directory, guarded, sha256_file
from kgqa.encoder import base_model_checksum, sentence_encoder
from kgqa.errors import ArtifactError
from kgqa.graph.store import KnowledgeGraph
from kgqa.version import __version__

logger = logging.getLogger(__name__)

KIND = "name-index"
FORMAT_VERSION = 1
CLASSES = ("Disease", "Phenotype", "Chemical")
INDEX_FILE = "names.faiss"
ROWS_FILE = "rows.tsv"


@dataclass(frozen=True)
class DenseHit:
    iri: str
    name: str
    score: float


def search_rows(
    index, rows: list[tuple[str, str]], vectors: np.ndarray, k: int
) -> list[list[DenseHit]]:
    """FAISS search of ``index`` whose vectors are ``rows`` (iri, name), as hits per query."""
    scores, ids = index.search(np.ascontiguousarray(vectors, dtype=np.float32), k)
    return [
        [DenseHit(*rows[i], float(x)) for x, i in zip(srow, irow, strict=True) if i >= 0]
        for srow, irow in zip(scores, ids, strict=True)
    ]


def _rows(kg: KnowledgeGraph) -> list[tuple[str, str]]:
    rows = sorted({(iri, name) for iri, name, _key, cls in kg.english_names() if cls in CLASSES})
    return [(iri, name.replace("\t", " ").replace("\n", " ")) for iri, name in rows]


def build_name_index(kg: KnowledgeGraph, target: Path, batch_size: int = 256) -> Manifest:
    import faiss

    t0 = time.perf_counter()
    rows = _rows(kg)
    if not rows:
        raise ArtifactError("the graph has no names to index")
    encoder = sentence_encoder()
    vectors = encoder.encode(
        [name for _, name in rows],
        batch_size=batch_size,
        normalize_embeddings=True,
        show_progress_bar=logger.isEnabledFor(logging.INFO),
        convert_to_numpy=True,
    ).astype(np.float32)
    dim = vectors.shape[1]
    index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, 32, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = 80
    index.train(vectors)
    index.add(vectors)
    build_id = kg.build_id
    with atomic_directory(target) as tmp:
        faiss.write_index(index, str(tmp / INDEX_FILE))
        with open(tmp / ROWS_FILE, "w", encoding="utf-8") as fh:
            fh.writelines(f"{iri}\t{name}\n" for iri, name in rows)
        manifest = Manifest(
            KIND,
            FORMAT_VERSION,
            __version__,
            inputs={"graph_build_id": str(build_id)},
            files={n: sha256_file(tmp / n) for n in (INDEX_FILE, ROWS_FILE)},
            info={
                "embedder": "sentence-transformers/all-MiniLM-L6-v2",
                "embedder_sha256": base_model_checksum(),
                "count": len(rows),
                "dimension": dim,
                "classes": list(CLASSES),
                "faiss": "IndexHNSWSQ(QT_8bit, M=32, inner product)",
                "seconds": round(time.perf_counter() - t0, 1),
            },
        )
        manifest.write(tmp)
    logger.info("name index: %d names in %.1fs", len(rows), time.perf_counter() - t0)
    return manifest


def up_to_date(kg: KnowledgeGraph, target: Path) -> bool:
    return Manifest.is_current(
        target, FORMAT_VERSION, {"graph_build_id": str(kg.build_id)},
        {"embedder_sha256": base_model_checksum()},
    )  # fmt: skip


class NameIndex:
    """Nearest graph names to a mention by embedding."""

    def __init__(self, index, rows: list[tuple[str, str]], manifest: Manifest) -> None:
        self.index = index
        self.rows = rows
        self.manifest = manifest

    @classmethod
    @guarded("run `kgqa build linking --force`")
    def load(cls, directory: Path, kg: KnowledgeGraph) -> NameIndex:
        import faiss

        manifest = Manifest.read(directory)
        manifest.check(directory, KIND, FORMAT_VERSION)
        if not up_to_date(kg, directory):
            raise ArtifactError(
                f"the name index in {directory} was built from another graph or encoder; "
                "run `kgqa build linking`"
            )
        index = faiss.read_index(str(directory / INDEX_FILE))
        index.hnsw.efSearch = 64
        rows = []
        with open(directory / ROWS_FILE, encoding="utf-8") as fh:
            for line in fh:
                iri, _, name = line.rstrip("\n").partition("\t")
                rows.append((iri, name))
        if len(rows) != index.ntotal:
            raise ArtifactError(f"{directory}: {len(rows)} names but {index.ntotal} vectors")
        return cls(index, rows, manifest)

    def search(self, vectors: np.ndarray, k: int = 10) -> list[list[DenseHit]]:
        return search_rows(self.index, self.rows, vectors, k)
