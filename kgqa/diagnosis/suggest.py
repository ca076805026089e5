"""Next findings worth checking: the phenotypes whose presence or absence best separates the
top candidates (expected reduction of the entropy of their posterior).

What a clinician would ask about, not whatever an annotation table happens to hold:
  * a phenotype that at least one candidate has frequently (:data:`FREQUENT_ENOUGH`), so a
    rare organ-system leaf of a single disease (rectocele for Marfan) is not proposed;
  * not a grouping class ("Abnormality of the eye", or any of the top levels of the HPO),
    nor a finding of more than a tenth of all diseases (global developmental delay,
    hypotonia), which rarely tells syndromes apart;
  * not already reported or excluded: no ancestor of a reported finding (it is known), no
    descendant of an excluded one (it is known to be absent);
  * one term per branch: once a term is picked, its ancestors and descendants are not
    (a finding and its more specific form ask the same question).
The candidates' posterior is floored (:data:`WEIGHT_FLOOR`) before the gain is computed, so
one dominant candidate does not make every question worth 0.0 bits: the user still learns
which rivals a finding would rule in or out, and each suggestion names them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from kgqa.diagnosis.scoring import PhenotypeScorer

NOISE = 0.01  # P(finding present | disease not annotated with it)
FREQUENT_ENOUGH = 0.3  # some candidate must have the finding at least this often
WEIGHT_FLOOR = 0.05  # each candidate's share of the posterior, at least (before renormalising)
GROUPING_DEPTH = 2  # All, Phenotypic abnormality and the organ systems are categories
GROUPING_MIN_BELOW = 100  # ... with at least this many terms below
GROUPING_PREFIXES = ("abnormality of", "abnormal ", "morphological abnormality")
NONSPECIFIC_SHARE = 0.10  # a finding of more than this share of all diseases tells little
NONSPECIFIC_MIN = 50  # ... and of at least this many (a small graph has no such finding)


@dataclass(frozen=True)
class Suggestion:
    term: int
    gain: float  # bits
    p_present: float
    present_in: tuple[int, ...]  # candidates (disease indices) that usually have it
    absent_in: tuple[int, ...]  # candidates not annotated with it


def _entropy(p: np.ndarray, axis: int = -1) -> np.ndarray:
    p = np.clip(p, 1e-12, 1.0)
    return -(p * np.log2(p)).sum(axis=axis)


def term_depths(scorer: PhenotypeScorer) -> np.ndarray:
    """Each term's shortest is-a distance from a root (breadth-first from the roots)."""
    ix = scorer.ix
    children: list[list[int]] = [[] for _ in range(ix.n_terms)]
    for t in range(ix.n_terms):
        for p in ix.parents(t):
            children[int(p)].append(t)
    depth = np.full(ix.n_terms, 99, dtype=np.int32)
    frontier = [t for t in range(ix.n_terms) if len(ix.parents(t)) == 0]
    depth[frontier] = 0
    level = 0
    while frontier:
        level += 1
        nxt = [c for t in frontier for c in children[t] if depth[c] == 99]
        nxt = list(dict.fromkeys(nxt))
        depth[nxt] = level
        frontier = nxt
    return depth


def descendant_counts(scorer: PhenotypeScorer) -> np.ndarray:
    """How many terms lie below each term (itself excluded)."""
    ix = scorer.ix
    flat = np.concatenate(ix.ancestors) if ix.n_terms else np.zeros(0, dtype=np.int64)
    return np.bincount(flat, minlength=ix.n_terms) - 1


def is_grouping(label: str, depth: int, descendants: int) -> bool:
    """A category rather than a finding: a broad class near the root (Phenotypic
    abnormality, the organ systems), or one named "Abnormality of ..."."""
    near_root = depth <= GROUPING_DEPTH and descendants >= GROUPING_MIN_BELOW
    return near_root or label.lower().startswith(GROUPING_PREFIXES)


def next_findings(
    scorer: PhenotypeScorer,
    top: list[int],
    weights: np.ndarray,
    observed: set[int],
    excluded: set[int],
    grouping: Callable[[int], bool],
    n: int = 5,
) -> list[Suggestion]:
    """The best ``n`` findings to check for the candidates ``top`` with posterior ``weights``."""
    ix = scorer.ix
    if len(top) < 2 or n <= 0:
        return []
    blocked = set(observed) | set(excluded)
    for q in observed:  # a reported finding's ancestors are known present
        blocked.update(int(a) for a in ix.ancestors[q])
    annotated = np.unique(ix.direct_rows[top].indices)
    candidates = [int(t) for t in annotated if int(t) not in blocked]
    if excluded:  # a term below an excluded finding is known absent
        excl = set(excluded)
        candidates = [t for t in candidates if not excl.intersection(ix.ancestors[t].tolist())]
    if not candidates:
        return []
    probs = ix.implied[:, candidates].tocsr()[top].toarray().astype(float)  # (K, C)
    often = probs.max(axis=0) >= FREQUENT_ENOUGH
    counts = np.diff(ix.implied.indptr)[candidates]
    often &= (counts <= NONSPECIFIC_MIN) | (counts <= NONSPECIFIC_SHARE * ix.n_diseases)
    often &= np.array(
        [not grouping(t) if ok else False for t, ok in zip(candidates, often, strict=True)],
        dtype=bool,
    )
    candidates = [t for t, keep in zip(candidates, often, strict=True) if keep]
    probs = probs[:, often]
    if not candidates:
        return []
    w = np.asarray(weights, dtype=float)
    w = w / w.sum() if w.sum() > 0 else np.full(len(top), 1 / len(top))
    w = np.maximum(w, WEIGHT_FLOOR)
    w /= w.sum()
    present = probs > 0
    p = np.where(present, probs, NOISE)
    p_present = w @ p  # (C,)
    post_yes = (w[:, None] * p) / np.maximum(p_present, 1e-12)
    post_no = (w[:, None] * (1 - p)) / np.maximum(1 - p_present, 1e-12)
    gain = _entropy(w) - p_present * _entropy(post_yes.T) - (1 - p_present) * _entropy(post_no.T)
    out: list[Suggestion] = []
    taken: set[int] = set()  # the picked terms and everything above them
    splits: set[bytes] = set()  # which candidates each pick marks as usually present
    order = [int(i) for i in np.argsort(-gain, kind="stable") if gain[i] > 0]
    for second_pass in (False, True):  # first, one question per way of splitting the rivals
        for i in order:
            if len(out) >= n:
                break
            t = candidates[i]
            anc = {int(a) for a in ix.ancestors[t]}
            if t in taken or anc & {s.term for s in out}:
                continue  # an ancestor or a descendant of a term already suggested
            split = (probs[:, i] >= FREQUENT_ENOUGH).tobytes()
            if split in splits and not second_pass:
                continue
            splits.add(split)
            taken |= anc
            out.append(Suggestion(
            t, float(gain[i]), float(p_present[i]),
            tuple(top[k] for k in np.flatnonzero(probs[:, i] >= FREQUENT_ENOUGH)),
            tuple(top[k] for k in np.flatnonzero(~present[:, i])),
            ))  # fmt: skip
    return sorted(out, key=lambda s: -s.gain)
