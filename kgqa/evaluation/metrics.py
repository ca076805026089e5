"""Metrics with no model or graph in them: strict span P/R/F1 and calibration (expected
calibration error with its reliability table)."""

from __future__ import annotations

from dataclasses import dataclass

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
