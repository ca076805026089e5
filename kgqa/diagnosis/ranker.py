"""Candidate features and the learned re-ranker of diagnosis (a conditional logit).

The likelihood-ratio model and the similarity baseline each see part of the picture: the LR
model weighs frequencies and excluded findings but punishes a disease whose annotations miss
a finding; the IC similarity forgives that but ignores frequencies. The re-ranker takes the
union of both methods' top candidates (:data:`POOL` each) and scores each candidate from
:data:`FEATURES` (the methods' scores and ranks, how many findings the disease explains, how
specific and how fully annotated it is, how rare it is) with one weight per feature, trained
by ``kgqa train ranker`` on phenopacket cohorts with leave-publication-out features and
cross-validated by gene cohort. Candidates outside the pool keep the LR order below it.
The per-finding explanations stay those of the LR model.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kgqa.artifacts import guarded, load_linear
from kgqa.diagnosis.scoring import CONTRADICTED_LR, UNEXPLAINED_LR
from kgqa.diagnosis.similarity import Similarity

logger = logging.getLogger(__name__)

KIND = "diagnosis-ranker"
FORMAT_VERSION = 1
POOL = 50  # candidates taken from the top of each method
REMEDY = "run `kgqa train ranker`"
FEATURES = (
    "lr", "lr_gap", "lr_log_rank", "lr_per_finding", "lr_posterior",
    "sim", "sim_gap", "sim_log_rank", "sym", "sym_gap", "sym_log_rank",
    "explained", "unexplained", "contradicted", "excluded_lr",
    "log_annotations", "mean_ic", "covered_frequent",
    "log_prevalence", "prevalence_known",
)  # fmt: skip
METHODS = ("lr", "similarity", "symmetric", "learned")
# the direction each evidence feature may push a disease, fixed before fitting: more findings
# explained, a better score or rank may only raise it; unexplained or contradicted findings
# and a worse rank may only lower it; an excluded finding the disease usually has may only
# lower it. Unconstrained fits learnt the opposite for contradicted findings and excluded
# evidence (a correction of the LR model's penalty that, on a short case, ranked a disease
# the findings contradict higher). Priors (annotations, prevalence) are free.
SIGNS = {
    "lr": 1, "lr_gap": 1, "lr_log_rank": -1, "lr_per_finding": 1, "lr_posterior": 1,
    "sim": 1, "sim_gap": 1, "sim_log_rank": -1, "sym": 1, "sym_gap": 1, "sym_log_rank": -1,
    "explained": 1, "unexplained": -1, "contradicted": -1, "excluded_lr": 1,
    "covered_frequent": 1,
}  # fmt: skip


@dataclass(frozen=True)
class CaseScores:
    """Everything the methods compute for one case, over every disease."""

    lr: np.ndarray  # (D,) sum of log likelihood ratios
    per_finding: np.ndarray  # (Q, D) log LR of each observed finding
    excluded: np.ndarray  # (D,) sum of the excluded findings' log LRs
    similarity: Similarity
    covered_frequent: np.ndarray  # (D,) share of frequent annotations the findings cover
    with_similarity: bool = True  # False: the LR model's part only (similarity left out)


@dataclass(frozen=True)
class DiseasePriors:
    """Per-disease quantities that do not depend on the case."""

    log_annotations: np.ndarray  # (D,)
    mean_ic: np.ndarray  # (D,)
    log_prevalence: np.ndarray  # (D,) log10 of the prevalence, 0 where unknown
    prevalence_known: np.ndarray  # (D,) 1.0 where the graph gives a prevalence


def pool(cs: CaseScores, size: int = POOL) -> np.ndarray:
    """The candidates re-ranked: the top ``size`` of each method (finite scores only)."""
    picks = []
    for s in (cs.lr, cs.similarity.one_way, cs.similarity.symmetric):
        n = min(size, len(s))
        top = np.argpartition(-s, n - 1)[:n] if n else np.zeros(0, dtype=np.int64)
        picks.append(top[np.isfinite(s[top])])
    return np.unique(np.concatenate(picks)) if picks else np.zeros(0, dtype=np.int64)


def _gap_and_rank(s: np.ndarray, cand: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    finite = s[np.isfinite(s)]
    if not len(finite):
        return np.zeros(len(cand)), np.zeros(len(cand))
    desc = np.sort(finite)[::-1]
    vals = s[cand]
    rank = np.searchsorted(-desc, -vals, side="left") + 1  # ties share the best rank
    return np.maximum(vals - desc[0], -50.0), np.log(rank.astype(float))


def features(cs: CaseScores, priors: DiseasePriors, cand: np.ndarray) -> np.ndarray:
    """(len(cand), len(FEATURES)) feature matrix of the candidates."""
    q = max(1, cs.per_finding.shape[0])
    lr = cs.lr[cand]
    lr_gap, lr_rank = _gap_and_rank(cs.lr, cand)
    sim_gap, sim_rank = _gap_and_rank(cs.similarity.one_way, cand)
    sym_gap, sym_rank = _gap_and_rank(cs.similarity.symmetric, cand)
    finite = np.isfinite(cs.lr)
    top = cs.lr[finite].max() if finite.any() else 0.0
    z = np.exp(np.clip(cs.lr[finite] - top, -700, 0)).sum()
    pf = cs.per_finding[:, cand]
    cols = {
        "lr": lr,
        "lr_gap": lr_gap,
        "lr_log_rank": lr_rank,
        "lr_per_finding": lr / q,
        "lr_posterior": np.exp(np.maximum(lr_gap, -50.0)) / max(z, 1e-300),
        "sim": cs.similarity.one_way[cand],
        "sim_gap": sim_gap,
        "sim_log_rank": sim_rank,
        "sym": cs.similarity.symmetric[cand],
        "sym_gap": sym_gap,
        "sym_log_rank": sym_rank,
        "explained": (pf > 0).sum(axis=0) / q,
        "unexplained": (pf <= np.log(UNEXPLAINED_LR) + 1e-9).sum(axis=0) / q,
        "contradicted": (pf <= np.log(CONTRADICTED_LR) + 1e-9).sum(axis=0) / q,
        "excluded_lr": cs.excluded[cand],
        "log_annotations": priors.log_annotations[cand],
        "mean_ic": priors.mean_ic[cand],
        "covered_frequent": cs.covered_frequent[cand],
        "log_prevalence": priors.log_prevalence[cand],
        "prevalence_known": priors.prevalence_known[cand],
    }
    out = np.column_stack([np.asarray(cols[f], dtype=np.float64) for f in FEATURES])
    return np.nan_to_num(out, nan=0.0, posinf=0.0, neginf=-50.0)


def reorder(cs: CaseScores, cand: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Ordering scores of every disease: the candidates by ``z``, above every other disease,
    which keep their LR order (and ``-inf`` where the LR score is)."""
    out = cs.lr.copy()
    if not len(cand):
        return out
    rest = np.ones(len(out), dtype=bool)
    rest[cand] = False
    finite_rest = rest & np.isfinite(out)
    if finite_rest.any():
        gap = out[finite_rest].max() - out[finite_rest]  # >= 0
        out[finite_rest] = z.min() - 1.0 - gap / (1.0 + gap)  # in (z.min - 2, z.min - 1]
    out[cand] = z
    return out


class LearnedRanker:
    """The trained weights of :data:`FEATURES`, applied to a case's pool."""

    def __init__(self, weights: np.ndarray) -> None:
        self.weights = np.asarray(weights, dtype=np.float64)

    @classmethod
    @guarded(REMEDY)
    def load(cls, directory: Path | None = None) -> LearnedRanker:
        directory = directory or default_directory()
        return cls(load_linear(directory, KIND, FORMAT_VERSION, FEATURES, REMEDY))

    def order(self, cs: CaseScores, priors: DiseasePriors) -> tuple[np.ndarray, np.ndarray]:
        """(ordering scores of every disease, the candidates' posterior probability: softmax
        of their scores, 0 outside the pool)."""
        cand = pool(cs)
        post = np.zeros(len(cs.lr))
        if not len(cand):
            return cs.lr.copy(), post
        z = features(cs, priors, cand) @ self.weights
        e = np.exp(z - z.max())
        post[cand] = e / e.sum()
        return reorder(cs, cand, z), post


def default_directory() -> Path:
    from kgqa.config import models_dir

    return models_dir() / "ranker"


# ----------------------------------------------------------------------------- priors
_NUMBER = re.compile(r"(\d[\d ]*)")


def prevalence_value(label: str) -> float | None:
    """An Orphanet prevalence class as a share: '1-9 / 100 000' -> 5e-5, '<1 / 1 000 000'
    -> 5e-7, '>1 / 1000' -> 2e-3; None for a label it cannot read.

    >>> prevalence_value("1-9 / 100 000")
    5e-05
    >>> prevalence_value("<1 / 1 000 000")
    5e-07
    """
    if "/" not in label:
        return None
    head, tail = label.split("/", 1)
    den = _NUMBER.search(tail)
    nums = [float(n.replace(" ", "")) for n in _NUMBER.findall(head)]
    if not den or not nums:
        return None
    d = float(den.group(1).replace(" ", ""))
    if d <= 0:
        return None
    head = head.strip()
    if head.startswith("<"):
        value = nums[0] / 2
    elif head.startswith(">"):
        value = nums[0] * 2
    else:
        value = (nums[0] + nums[-1]) / 2 if len(nums) > 1 else nums[0]
    return value / d
