"""The information-content similarity baseline (Phenomizer; Köhler et al. 2009).

A term's information content is IC(t) = -log(share of diseases annotated with t or a term
below it). Two terms are as similar as the IC of their most informative common ancestor
(Resnik). The findings Q match a disease d by the best-match average

    sim(Q -> d) = mean over q in Q of  max over d's annotations t of IC(MICA(q, t))

and, in the symmetric form, by the mean of that and sim(d -> Q) (each of d's annotations
matched to its best finding). Excluded findings and frequencies are not used: that is the
baseline the likelihood-ratio model is measured against. Both forms are computed for every
disease at once from the index's sparse matrices (a few milliseconds).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kgqa.diagnosis.index import DiagnosisIndex

FREQUENT = 0.5  # an annotation this frequent is expected in a patient with the disease


@dataclass(frozen=True)
class Similarity:
    """Best-match averages of every disease (``-inf`` where a disease has no annotation)."""

    one_way: np.ndarray  # (D,) sim(Q -> d)
    symmetric: np.ndarray  # (D,) (sim(Q -> d) + sim(d -> Q)) / 2


class SimilarityScorer:
    """IC-weighted best-match average over one diagnosis index."""

    def __init__(self, index: DiagnosisIndex) -> None:
        from scipy import sparse

        self.ix = index
        n_d = max(1, index.n_diseases)
        counts = np.diff(index.implied.indptr).astype(np.float64)  # diseases per term (CSC)
        self.ic = -np.log(np.maximum(counts, 0.5) / n_d)
        # each term's ancestors as a CSR matrix (itself included): row maxima give MICA values
        lens = np.array([len(a) for a in index.ancestors], dtype=np.int64)
        self._anc_ptr = np.concatenate([[0], np.cumsum(lens)])
        self._anc_idx = (np.concatenate(index.ancestors) if index.n_terms
                         else np.zeros(0, dtype=np.int32))  # fmt: skip
        annotated = index.direct_rows.copy()
        annotated.data = np.ones_like(annotated.data)
        self._annotated = sparse.csr_matrix(annotated, dtype=np.float64)
        self.n_annotations = np.asarray(self._annotated.sum(axis=1)).ravel()
        # a disease's specificity: the mean IC of its direct annotations
        self.mean_ic = (self._annotated @ self.ic) / np.maximum(self.n_annotations, 1)
        frequent = index.direct_rows.copy()
        frequent.data = (frequent.data >= FREQUENT).astype(np.float64)
        frequent.eliminate_zeros()
        self._frequent = sparse.csr_matrix(frequent, dtype=np.float64)
        self._n_frequent = np.asarray(self._frequent.sum(axis=1)).ravel()

    def best_match(self, q: int) -> np.ndarray:
        """max over each disease's annotations t of IC(MICA(q, t)), for every disease."""
        ix = self.ix
        best = np.zeros(ix.n_diseases, dtype=np.float64)
        # an ancestor is annotated (at or below) in at least as many diseases, so its IC is
        # never higher: in ascending IC order, each assignment is the running maximum
        anc = ix.ancestors[q]
        for a in anc[np.argsort(self.ic[anc], kind="stable")]:
            lo, hi = ix.implied.indptr[a], ix.implied.indptr[a + 1]
            best[ix.implied.indices[lo:hi]] = self.ic[a]
        return best

    def score_all(self, observed: list[int]) -> Similarity:
        d = self.ix.n_diseases
        if not observed:
            empty = np.full(d, -np.inf)
            return Similarity(empty, empty.copy())
        one_way = np.zeros(d, dtype=np.float64)
        for q in observed:
            one_way += self.best_match(q)
        one_way /= len(observed)
        back = (self._annotated @ self.term_best(observed)) / np.maximum(self.n_annotations, 1)
        has = self.n_annotations > 0
        one_way = np.where(has, one_way, -np.inf)
        return Similarity(one_way, np.where(has, (one_way + back) / 2, -np.inf))

    def covered_frequent(self, observed: list[int]) -> np.ndarray:
        """Each disease's share of frequent annotations that a finding covers (the finding is
        that phenotype or a more specific one); 0 for a disease with none."""
        reach = np.zeros(self.ix.n_terms)
        for q in observed:
            reach[self.ix.ancestors[q]] = 1.0
        return (self._frequent @ reach) / np.maximum(self._n_frequent, 1)

    def term_best(self, observed: list[int]) -> np.ndarray:
        """For every term t: max over the findings q of IC(MICA(t, q))."""
        shared = np.zeros(self.ix.n_terms, dtype=np.float64)
        for q in observed:
            anc = self.ix.ancestors[q]
            shared[anc] = self.ic[anc]
        return np.maximum.reduceat(shared[self._anc_idx], self._anc_ptr[:-1])

    def score_one(self, observed: list[int], direct: dict[int, float],
                  term_best: np.ndarray | None = None) -> tuple[float, float]:  # fmt: skip
        """(one-way, symmetric) of one disease from its direct annotations ``direct`` (as
        :meth:`PhenotypeScorer.disease_terms` gives them, e.g. leaving a publication out);
        ``term_best`` is :meth:`term_best` of the same findings, when the caller has it."""
        if not observed or not direct:
            return -np.inf, -np.inf
        ic, ancestors = self.ic, self.ix.ancestors
        reach: dict[int, float] = {}
        for t in direct:
            for a in ancestors[t]:
                reach[int(a)] = ic[a]
        one_way = float(np.mean([max((reach.get(int(a), 0.0) for a in ancestors[q]), default=0.0)
                                 for q in observed]))  # fmt: skip
        term_best = self.term_best(observed) if term_best is None else term_best
        back = float(np.mean([term_best[t] for t in direct]))
        return one_way, (one_way + back) / 2
