"""BM25 over the passages, as a sparse matrix (scipy CSC) saved in ``.npz`` without pickles.

Example:
    >>> bm = BM25.fit([tokens("gout is arthritis"), tokens("metformin treats diabetes")])
    >>> [round(float(x), 3) for x in bm.scores(tokens("gout treatment"))]
    [0.755, 0.0]
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from kgqa.artifacts import guarded

_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    """a an the of and or in on at to for by with from is are was were be been being it its
    this that these those as into than then there their what which who whom whose how when
    where why do does did can could should would may might will shall i you he she we they
    me my your our us about also not no any some such other more most very""".split()
)


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens without stop words, lightly de-pluralised."""
    return [_stem(t) for t in _TOKEN.findall(text.casefold()) if t not in _STOP]


class BM25:
    """Okapi BM25 (k1=1.2, b=0.75) with precomputed per-(term, passage) weights."""

    def __init__(self, vocab: dict[str, int], weights: sp.csc_matrix) -> None:
        self.vocab = vocab
        self.weights = weights  # passages × terms

    @classmethod
    def fit(cls, docs: list[list[str]], k1: float = 1.2, b: float = 0.75) -> BM25:
        vocab: dict[str, int] = {}
        rows, cols, tfs = [], [], []
        lengths = np.zeros(len(docs), dtype=np.float32)
        for i, doc in enumerate(docs):
            lengths[i] = len(doc)
            for term, tf in Counter(doc).items():
                rows.append(i)
                cols.append(vocab.setdefault(term, len(vocab)))
                tfs.append(tf)
        n = len(docs)
        tf = np.asarray(tfs, dtype=np.float32)
        r = np.asarray(rows, dtype=np.int64)
        c = np.asarray(cols, dtype=np.int64)
        df = np.bincount(c, minlength=len(vocab)).astype(np.float32)
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        avg = float(lengths.mean()) if n else 1.0
        w = idf[c] * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[r] / avg))
        weights = sp.csc_matrix((w.astype(np.float32), (r, c)), shape=(n, len(vocab)))
        return cls(vocab, weights)

    def scores(self, query: list[str]) -> np.ndarray:
        cols = [self.vocab[t] for t in set(query) if t in self.vocab]
        if not cols:
            return np.zeros(self.weights.shape[0], dtype=np.float32)
        return np.asarray(self.weights[:, cols].sum(axis=1)).ravel()

    def save(self, directory: Path) -> list[str]:
        w = self.weights
        np.savez(directory / "bm25.npz", data=w.data, indices=w.indices, indptr=w.indptr,
                 shape=np.asarray(w.shape, dtype=np.int64))  # fmt: skip
        (directory / "bm25_vocab.json").write_text(json.dumps(self.vocab), encoding="utf-8")
        return ["bm25.npz", "bm25_vocab.json"]

    @classmethod
    @guarded("run `kgqa build passages --force`")
    def load(cls, directory: Path) -> BM25:
        with np.load(directory / "bm25.npz", allow_pickle=False) as z:
            w = sp.csc_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
        vocab = json.loads((directory / "bm25_vocab.json").read_text(encoding="utf-8"))
        return cls(vocab, w)
