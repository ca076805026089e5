"""Metrics with no model or graph in them: strict span P/R/F1, calibration (expected
calibration error with its reliability table) and tie-aware ranking figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.tp + self.fn,
        }


def prf_by_type(
    gold: set[tuple[str, int, int, str]], pred: set[tuple[str, int, int, str]]
) -> dict[str, dict[str, float | int]]:
    """Strict P/R/F1 per type and overall, from (doc, start, end, type) tuples.

    Example:
        >>> g = {("1", 0, 4, "DISEASE"), ("1", 9, 16, "CHEMICAL")}
        >>> p = {("1", 0, 4, "DISEASE"), ("1", 9, 15, "CHEMICAL")}
        >>> prf_by_type(g, p)["overall"]["f1"]
        0.5
    """
    types = sorted({t for *_, t in gold | pred})
    out = {}
    for t in types:
        g = {x for x in gold if x[3] == t}
        p = {x for x in pred if x[3] == t}
        out[t] = PRF(len(g & p), len(p - g), len(g - p)).as_dict()
    out["overall"] = PRF(len(gold & pred), len(pred - gold), len(gold - pred)).as_dict()
    return out


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, bins: int = 10
                               ) -> tuple[float, list[dict[str, float]]]:  # fmt: skip
    """ECE of the top-class confidence, with the reliability table (per confidence bin)."""
    return calibration(probs.max(axis=1), probs.argmax(axis=1) == labels, bins)


def calibration(conf: np.ndarray, correct: np.ndarray, bins: int = 10
                ) -> tuple[float, list[dict[str, float]]]:  # fmt: skip
    """ECE of confidences against whether each was right, with the reliability table."""
    ece, table = 0.0, []
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        m = (conf > lo) & (conf <= hi) if i else (conf >= lo) & (conf <= hi)
        if m.any():
            acc, c = float(correct[m].mean()), float(conf[m].mean())
            ece += m.mean() * abs(acc - c)
            table.append({"bin": f"{lo:.1f}-{hi:.1f}", "count": int(m.sum()),
                          "confidence": round(c, 4), "accuracy": round(acc, 4)})  # fmt: skip
    return round(float(ece), 4), table


# ----------------------------------------------------------------------------- ranking
class Placing(NamedTuple):
    """Where the right answer landed: ``above`` items scored higher, ``tied`` others equal.

    A method that gives many candidates the same score must not be credited with the best
    of the tied places: the figures below take the expectation over random tie-breaking.
    """

    above: int
    tied: int = 0

    @property
    def best_rank(self) -> int:
        return self.above + 1


def placing(scores: np.ndarray, gold: Sequence[int]) -> Placing:
    """The best placing among the ``gold`` indices (fewest above, then fewest tied).

    >>> placing(np.array([0.9, 0.5, 0.5, 0.1]), [2])
    Placing(above=1, tied=1)
    """
    out = []
    for g in gold:
        s = scores[g]
        out.append(Placing(int((scores > s).sum()), int((scores == s).sum()) - 1))
    return min(out)


def ranking_figures(placings: Sequence[Placing], ks: Sequence[int] = (1, 3, 10)
                    ) -> dict[str, float]:  # fmt: skip
    """Expected top-k accuracy and MRR over random tie-breaking, e.g. ``top1``, ``mrr``.

    >>> ranking_figures([Placing(0, 1), Placing(2, 0)])
    {'top1': 0.25, 'top3': 1.0, 'top10': 1.0, 'mrr': 0.5417}
    """
    n = len(placings)
    if not n:
        return {**{f"top{k}": 0.0 for k in ks}, "mrr": 0.0}
    above = np.array([p.above for p in placings], dtype=float)
    width = np.array([p.tied + 1 for p in placings], dtype=float)
    out = {f"top{k}": round(float(np.clip((k - above) / width, 0, 1).mean()), 4) for k in ks}
    # mean of 1/r over the tied ranks above+1 .. above+width (harmonic numbers)
    rr = [float(np.mean(1.0 / np.arange(a + 1, a + w + 1)))
          for a, w in zip(above, width, strict=True)]  # fmt: skip
    out["mrr"] = round(float(np.mean(rr)), 4)
    return out
