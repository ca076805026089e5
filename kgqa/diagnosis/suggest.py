"""Next findings worth checking: the phenotypes whose presence or absence best separates the
top candidates (expected reduction of the entropy of their posterior)."""

from __future__ import annotations

import numpy as np

from kgqa.diagnosis.scoring import PhenotypeScorer

NOISE = 0.01  # P(finding present | disease not annotated with it)


def _entropy(p: np.ndarray, axis: int = -1) -> np.ndarray:
    p = np.clip(p, 1e-12, 1.0)
    return -(p * np.log2(p)).sum(axis=axis)


def next_findings(
    scorer: PhenotypeScorer,
    top: list[int],
    weights: np.ndarray,
    asked: set[int],
    n: int = 5,
) -> list[tuple[int, float, float]]:
    """[(term, information gain in bits, P(present))] for the best ``n`` terms to check."""
    ix = scorer.ix
    if len(top) < 2 or n <= 0:
        return []
    blocked = set(asked)
    for q in asked:  # terms implied by what is already known add nothing
        blocked.update(int(a) for a in ix.ancestors[q])
    annotated = np.unique(ix.direct_rows[top].indices)
    candidates = [int(t) for t in annotated if int(t) not in blocked]
    if not candidates:
        return []
    w = weights / weights.sum()
    probs = ix.implied[:, candidates].tocsr()[top].toarray().astype(float)  # (K, C)
    probs = np.where(probs > 0, probs, NOISE)
    p_present = w @ probs  # (C,)
    post_yes = (w[:, None] * probs) / np.maximum(p_present, 1e-12)
    post_no = (w[:, None] * (1 - probs)) / np.maximum(1 - p_present, 1e-12)
    gain = _entropy(w) - p_present * _entropy(post_yes.T) - (1 - p_present) * _entropy(post_no.T)
    order = np.argsort(-gain)[:n]
    return [(candidates[i], float(gain[i]), float(p_present[i])) for i in order if gain[i] > 0]
