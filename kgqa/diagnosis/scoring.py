"""Phenotype-driven disease ranking: a likelihood-ratio model over the HPO, in the spirit of
LIRICAL (Robinson et al. 2020).

For an observed finding q and a disease d, P(q | d) is the best of
  * implied match:  d is annotated with q or a descendant t of q          -> f(t)
  * specific match: d is annotated with an ancestor a of q                -> f(a) * P(q | a)
  * related match:  d is annotated below an ancestor a of q (a cousin)   -> lambda * f * P(q | a)
where f is the annotation frequency and P(q | a) = bg(q) / bg(a) is how often the more specific
term accompanies its ancestor across all diseases. The finding's likelihood ratio is
P(q | d) / bg(q), with bg(q) the mean frequency of q over all diseases, floored at
``UNEXPLAINED_LR``. A NOT annotation of q (or of an ancestor of q) caps it at ``CONTRADICTED_LR``.
An excluded finding q contributes (1 - f_d(q)) / (1 - bg(q)). A disease's score is the sum of the
log likelihood ratios; the posterior assumes a uniform prior.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kgqa.diagnosis.index import DEFAULT_FREQUENCY, DiagnosisIndex

RELATED_PENALTY = 0.25
UNEXPLAINED_LR = 0.05
CONTRADICTED_LR = 0.01
EXCLUDED_FLOOR_LR = 0.05


@dataclass(frozen=True)
class TermScore:
    """One finding's contribution to one disease (indices into the index's arrays)."""

    finding: int
    log_lr: float
    kind: str  # implied | specific | related | unexplained | contradicted | excluded-*
    via: int | None  # the ancestor (specific/related) or annotated term (implied) it matched


class PhenotypeScorer:
    """Scores all diseases at once (vectorised) or one disease with an explanation."""

    def __init__(self, index: DiagnosisIndex) -> None:
        self.ix = index

    # ----------------------------------------------------------- all diseases
    def observed_column(self, q: int) -> np.ndarray:
        """log LR of observed term q for every disease."""
        ix = self.ix
        bg = ix.background
        p = _col(ix.implied, q)
        imp, dire = ix.implied, ix.direct
        for a in ix.ancestors[q]:
            if a == q:
                continue
            # only the diseases annotated at or below a can match through it
            lo, hi = imp.indptr[a], imp.indptr[a + 1]
            rows = imp.indices[lo:hi]
            value = RELATED_PENALTY * imp.data[lo:hi].astype(np.float64)
            dlo, dhi = dire.indptr[a], dire.indptr[a + 1]
            if dhi > dlo:  # a direct annotation of a beats the related penalty
                pos = np.searchsorted(rows, dire.indices[dlo:dhi])
                value[pos] = np.maximum(value[pos], dire.data[dlo:dhi])
            value *= bg[q] / bg[a]
            p[rows] = np.maximum(p[rows], value)
        lr = np.maximum(p / bg[q], UNEXPLAINED_LR)
        for a in ix.ancestors[q]:
            lo, hi = ix.negated.indptr[a], ix.negated.indptr[a + 1]
            if hi > lo:
                rows = ix.negated.indices[lo:hi]
                lr[rows] = np.minimum(lr[rows], CONTRADICTED_LR)
        return np.log(lr)

    def excluded_column(self, q: int) -> np.ndarray:
        ix = self.ix
        present = _col(ix.implied, q)
        lr = np.maximum((1.0 - present) / (1.0 - min(ix.background[q], 0.99)), EXCLUDED_FLOOR_LR)
        return np.log(lr)

    def score_all(self, observed: list[int], excluded: list[int]) -> np.ndarray:
        total = np.zeros(self.ix.n_diseases, dtype=np.float64)
        for q in observed:
            total += self.observed_column(q)
        for q in excluded:
            total += self.excluded_column(q)
        return total

    # ------------------------------------------------------------ one disease
    def disease_terms(
        self, d: int, drop_only: set[str] | None = None
    ) -> tuple[dict[int, float], set[int]]:
        """Direct positive annotations {term: frequency} and NOT terms of disease d, leaving out
        annotations whose every reference is in ``drop_only`` (leave-publication-out)."""
        ix = self.ix
        lo, hi = np.searchsorted(ix.ann_disease, [d, d + 1])
        direct: dict[int, float] = {}
        negated: set[int] = set()
        for i in range(lo, hi):
            if drop_only and set(ix.ann_refs[i].split(";")) <= drop_only:
                continue
            t = int(ix.ann_term[i])
            if ix.ann_not[i]:
                negated.add(t)
                continue
            f = float(ix.ann_freq[i])
            f = DEFAULT_FREQUENCY if np.isnan(f) else f
            direct[t] = max(direct.get(t, 0.0), f)
        return direct, negated

    def implied_of(self, direct: dict[int, float]) -> dict[int, tuple[float, int]]:
        """{ancestor term: (max frequency, the annotated term giving it)}."""
        out: dict[int, tuple[float, int]] = {}
        for t, f in direct.items():
            for a in self.ix.ancestors[t]:
                a = int(a)
                if a not in out or f > out[a][0]:
                    out[a] = (f, t)
        return out

    def score_one(
        self,
        observed: list[int],
        excluded: list[int],
        direct: dict[int, float],
        negated: set[int],
    ) -> tuple[float, list[TermScore]]:
        """Score one disease from its annotations, with per-finding contributions.

        Agrees with :meth:`score_all` for the same annotations.
        """
        ix = self.ix
        bg = ix.background
        implied = self.implied_of(direct)
        parts: list[TermScore] = []
        for q in observed:
            best, kind, via = 0.0, "unexplained", None
            if q in implied:
                best, kind, via = implied[q][0], "implied", implied[q][1]
            for a in ix.ancestors[q]:
                a = int(a)
                if a == q:
                    continue
                cand_direct = direct.get(a, 0.0)
                cand_related = RELATED_PENALTY * implied[a][0] if a in implied else 0.0
                value = (bg[q] / bg[a]) * max(cand_direct, cand_related)
                if value > best:
                    best = value
                    kind = "specific" if cand_direct >= cand_related else "related"
                    via = a
            lr = max(best / bg[q], UNEXPLAINED_LR)
            if lr == UNEXPLAINED_LR:
                kind, via = "unexplained", None
            blocking = [int(a) for a in ix.ancestors[q] if int(a) in negated]
            if blocking:
                lr, kind, via = min(lr, CONTRADICTED_LR), "contradicted", blocking[0]
            parts.append(TermScore(q, float(np.log(lr)), kind, via))
        for q in excluded:
            present = implied.get(q, (0.0, None))[0]
            lr = max((1.0 - present) / (1.0 - min(bg[q], 0.99)), EXCLUDED_FLOOR_LR)
            kind = "excluded-contradicts" if lr < 1.0 else "excluded-consistent"
            parts.append(TermScore(q, float(np.log(lr)), kind, implied.get(q, (0.0, None))[1]))
        return float(sum(p.log_lr for p in parts)), parts


def _col(m, j: int) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Dense float64 copy of column j of a CSC matrix."""
    out = np.zeros(m.shape[0], dtype=np.float64)
    lo, hi = m.indptr[j], m.indptr[j + 1]
    out[m.indices[lo:hi]] = m.data[lo:hi]
    return out
