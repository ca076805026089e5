"""``kgqa train ranker``: the learned re-ranker of diagnosis, on phenopacket cohorts.

Every case is scored as a user's case would be, with leave-publication-out annotations (the
case's own paper does not count). The candidate pool's features are collected once; the
conditional logit (softmax over the pool, the diagnosis the positive) is then fitted and
cross-validated **by gene cohort**: cohorts are dealt into folds, and no cohort is ever in
both the fitting and the scoring part. The same folds give the LR model's and the similarity
baseline's figures on the same cases, so the methods are compared in one run. Users
type three to five findings, phenopackets list a median of nine: each case is also put in
as a seeded random subset of 3-5 of its findings (and 0-2 of its excluded ones), fitted on
and scored beside the full cases. The final weights are fitted on every cohort and saved
with the cross-validated figures in the manifest.
"""

from __future__ import annotations

import dataclasses
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from kgqa.artifacts import Manifest, save_linear
from kgqa.datasets.phenopackets import Case
from kgqa.diagnosis.differential import Diagnoser
from kgqa.diagnosis.ranker import (
    FEATURES,
    FORMAT_VERSION,
    KIND,
    POOL,
    SIGNS,
    CaseScores,
    features,
    pool,
)
from kgqa.evaluation.metrics import Placing, placing, ranking_figures

logger = logging.getLogger(__name__)

L2 = 0.01
FOLDS = 5
SUBSET = (3, 5)  # findings kept in a case's short copy
PreparedCase = tuple[Case, list[int], list[int], list[int]]  # case, observed, excluded, gold


@dataclass(frozen=True)
class CaseData:
    """One case's pool and what any weights need to rank its diagnosis."""

    id: str
    cohort: str
    x: np.ndarray  # (P, F) features of the pool
    gold: np.ndarray  # (P,) bool: the candidate is a diagnosis of the case
    outside: Placing | None  # the best diagnosis outside the pool, placed after the pool
    baselines: dict[str, Placing]  # lr / similarity / symmetric


def place_with(data: CaseData, weights: np.ndarray) -> Placing:
    """Where the diagnosis lands when the pool is ordered by ``weights``."""
    if data.gold.any():
        return placing(data.x @ weights, np.flatnonzero(data.gold).tolist())
    assert data.outside is not None
    return data.outside


def short_copies(cases: Sequence[PreparedCase], seed: int) -> list[PreparedCase]:
    """Each case with a seeded random 3-5 of its observed findings and 0-2 of its excluded
    ones (a case with fewer findings is kept whole); ids get ``#short``."""
    rng = random.Random(seed)
    out = []
    for case, observed, excluded, gold in cases:
        k = rng.randint(*SUBSET)
        if len(observed) > k:
            observed = rng.sample(observed, k)
            excluded = rng.sample(excluded, min(len(excluded), rng.randint(0, 2)))
        out.append((dataclasses.replace(case, id=case.id + "#short"), observed, excluded, gold))
    return out


def collect(dx: Diagnoser, cases: Sequence[PreparedCase],
            leave_publication_out: bool = True) -> list[CaseData]:  # fmt: skip
    """Pool features of every case given as (case, observed, excluded, gold diseases)."""
    out = []
    quiet = not logger.isEnabledFor(logging.INFO)
    for case, observed, excluded, gold in tqdm(cases, desc="case features", unit="case",
                                               mininterval=2.0, disable=quiet):  # fmt: skip
        cs = dx.case_scores(observed, excluded, case.pmids if leave_publication_out else ())
        data = case_data(dx, case, cs, gold)
        if data is not None:
            out.append(data)
    return out


def case_data(dx: Diagnoser, case: Case, cs: CaseScores, gold: Sequence[int]
              ) -> CaseData | None:  # fmt: skip
    """One case's pool features from its scores (None when no diagnosis keeps a score)."""
    finite = [g for g in gold if np.isfinite(cs.lr[g])]
    if not finite:
        return None
    cand = pool(cs)
    is_gold = np.isin(cand, finite)
    outside = None
    if not is_gold.any():
        rest = np.ones(len(cs.lr), dtype=bool)
        rest[cand] = False
        rest[finite] = True
        p = placing(np.where(rest, cs.lr, -np.inf), finite)
        outside = Placing(len(cand) + p.above, p.tied)
    baseline = {
        name: placing(s, finite)
        for name, s in (("lr", cs.lr), ("similarity", cs.similarity.one_way),
                        ("symmetric", cs.similarity.symmetric))
    }  # fmt: skip
    return CaseData(case.id, case.cohort, features(cs, dx.priors, cand), is_gold, outside,
                    baseline)  # fmt: skip


def cohort_folds(data: Sequence[CaseData], folds: int, seed: int) -> list[int]:
    """A fold per case: whole cohorts dealt, largest first after a seeded shuffle, to the
    fold with the fewest cases so far."""
    sizes: dict[str, int] = {}
    for d in data:
        sizes[d.cohort] = sizes.get(d.cohort, 0) + 1
    cohorts = sorted(sizes)
    random.Random(seed).shuffle(cohorts)
    cohorts.sort(key=lambda c: -sizes[c])  # stable: ties keep the shuffled order
    load = [0] * folds
    fold_of = {}
    for c in cohorts:
        f = min(range(folds), key=lambda i: (load[i], i))
        fold_of[c] = f
        load[f] += sizes[c]
    return [fold_of[d.cohort] for d in data]


def fit(data: Sequence[CaseData], l2: float = L2, steps: int = 500) -> np.ndarray:
    """Conditional-logit weights (on raw features) maximising the log-probability of the
    diagnoses in each pool; features are standardised for the fit and the scale folded back."""
    import torch

    usable = [d for d in data if d.gold.any()]
    if not usable:
        raise ValueError("no case has its diagnosis in the candidate pool")
    width = max(len(d.gold) for d in usable)
    n_f = usable[0].x.shape[1]
    x = np.zeros((len(usable), width, n_f))
    mask = np.zeros((len(usable), width), dtype=bool)
    gold = np.zeros((len(usable), width), dtype=bool)
    for i, d in enumerate(usable):
        x[i, : len(d.gold)] = d.x
        mask[i, : len(d.gold)] = True
        gold[i, : len(d.gold)] = d.gold
    flat = x[mask]
    mean, std = flat.mean(axis=0), flat.std(axis=0)
    std = np.where(std > 1e-9, std, 1.0)
    xt = torch.tensor((x - mean) / std, dtype=torch.float64)
    m = torch.tensor(mask)
    g = torch.tensor(gold)
    # a feature with a fixed direction gets sign * softplus(v); the others v itself
    sign = torch.tensor([float(SIGNS.get(f, 0)) for f in FEATURES[:n_f]], dtype=torch.float64)
    free = sign == 0
    v = torch.zeros(n_f, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([v], max_iter=steps, line_search_fn="strong_wolfe")

    def weights() -> torch.Tensor:
        return torch.where(free, v, sign * torch.nn.functional.softplus(v))

    def closure() -> torch.Tensor:
        opt.zero_grad()
        w = weights()
        z = (xt @ w).masked_fill(~m, -torch.inf)
        logp = torch.log_softmax(z, dim=1)
        gold_logp = torch.logsumexp(logp.masked_fill(~g, -torch.inf), dim=1)
        loss = -gold_logp.mean() + l2 * (w * w).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return weights().detach().numpy() / std


def cross_validate(data: Sequence[CaseData], folds: int = FOLDS, seed: int = 13,
                   extra: Sequence[CaseData] = (), l2: float = L2
                   ) -> tuple[list[Placing], list[Placing], list[int]]:  # fmt: skip
    """(the learned placing of each case of ``data``, and of ``extra``, and each case's
    fold): every case is scored by weights fitted on the other folds' cohorts only, from
    both ``data`` and ``extra`` (e.g. the short copies of the same cases)."""
    both = [*data, *extra]
    fold = cohort_folds(both, folds, seed)
    ranks = [Placing(0)] * len(both)
    for f in range(folds):
        w = fit([d for d, k in zip(both, fold, strict=True) if k != f], l2)
        for i, d in enumerate(both):
            if fold[i] == f:
                ranks[i] = place_with(d, w)
    n = len(data)
    return ranks[:n], ranks[n:], fold[:n]


def compare(data: Sequence[CaseData], learned: Sequence[Placing]
            ) -> dict[str, dict[str, float]]:  # fmt: skip
    """Top-1/3/10 and MRR of every method on the same cases (ties broken at random)."""
    out = {m: ranking_figures([d.baselines[m] for d in data])
           for m in ("lr", "similarity", "symmetric")}  # fmt: skip
    out["learned"] = ranking_figures(learned)
    return out


def train_ranker(dx: Diagnoser, cases: Sequence[PreparedCase], out: Path, seed: int = 13,
                 folds: int = FOLDS, command: str = "kgqa train ranker") -> Manifest:  # fmt: skip
    """Collect leave-publication-out features of the cases and their short copies,
    cross-validate by cohort, fit on all, save."""
    data = collect(dx, cases, leave_publication_out=True)
    short = collect(dx, short_copies(cases, seed), leave_publication_out=True)
    if len(data) < 2 * folds:
        raise ValueError(f"{len(data)} scorable cases: too few for {folds} cohort folds")
    learned, learned_short, fold = cross_validate(data, folds, seed, extra=short)
    per_fold = []
    for f in range(folds):
        idx = [i for i, k in enumerate(fold) if k == f]
        part = [data[i] for i in idx]
        per_fold.append({"fold": f, "cohorts": len({d.cohort for d in part}), "cases": len(part),
                         **ranking_figures([learned[i] for i in idx])})  # fmt: skip
    weights = fit([*data, *short])
    info = {
        "command": command,
        "seed": seed,
        "graph": dx.kg.build_id or "",
        # scorable: the diagnosis keeps an annotation once the case's paper is left out
        "cases": len(data),
        "cohorts": len({d.cohort for d in data}),
        "folds": folds,
        "pool_per_method": POOL,
        "diagnosis_in_pool": round(float(np.mean([d.gold.any() for d in data])), 4),
        "l2": L2,
        "setting": "leave-publication-out, cross-validated by gene cohort",
        "cross_validated": compare(data, learned),
        "cross_validated_3_to_5_findings": compare(short, learned_short),
        "per_fold": per_fold,
    }
    logger.info("cross-validated: %s", info["cross_validated"])
    return save_linear(out, weights, KIND, FORMAT_VERSION, FEATURES,
                       {"graph_build_id": dx.kg.build_id or ""}, info)  # fmt: skip
