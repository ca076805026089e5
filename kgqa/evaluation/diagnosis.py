"""Diagnosis evaluation on phenopackets: top-k accuracy and MRR of each case's diagnosis."""

from __future__ import annotations

import logging
import statistics
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from tqdm import tqdm

from kgqa.datasets.phenopackets import Case, read_phenopackets
from kgqa.diagnosis.differential import Diagnoser

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseResult:
    id: str
    cohort: str
    diagnosis: str
    rank: int | None  # None: not scored (see reason)
    reason: str = ""
    n_observed: int = 0
    n_excluded: int = 0


@dataclass
class DiagnosisReport:
    top1: float
    top3: float
    top10: float
    mrr: float
    n_cases: int
    n_scored: int
    top1_all_cases: float  # unscored cases counted as misses
    leave_publication_out: bool
    not_scored: dict[str, int] = field(default_factory=dict)
    latency_p50_ms: float = 0.0
    latency_p95_ms: float = 0.0
    unknown_terms: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def findings_text(dx: Diagnoser, case: Case) -> str:
    """A case's findings as a clinician might type them: each term by a synonym where the
    graph has one (else its label), the excluded ones after "no", comma-separated."""
    parts = []
    for curies, prefix in ((case.observed, ""), (case.excluded, "no ")):
        for c in curies:
            node = dx.kg.node(c)
            if node is None:
                continue
            names = [n for n, lang in dx.kg.labels(node, lang="en") if n != node.label]
            parts.append(prefix + (names[0] if names else node.label))
    return ", ".join(parts)


def evaluate_case(
    dx: Diagnoser, case: Case, leave_publication_out: bool, as_text: bool = False
) -> tuple[CaseResult, float]:
    kg, ix = dx.kg, dx.ix
    diagnosis = case.diagnoses[0] if case.diagnoses else ""

    def result(rank: int | None, reason: str = "", n_obs: int = 0, n_exc: int = 0) -> CaseResult:
        return CaseResult(case.id, case.cohort, diagnosis, rank, reason, n_obs, n_exc)

    if not case.diagnoses:
        return result(None, "no diagnosis in the phenopacket"), 0.0
    nodes = [n for n in (kg.node(d) for d in case.diagnoses) if n is not None]
    if not nodes:
        return result(None, "diagnosis id not in the graph"), 0.0
    gold = [ix.disease_index[n.iri] for n in nodes if n.iri in ix.disease_index]
    if not gold:
        return result(None, "diagnosis has no HPO annotations in this release"), 0.0
    terms = ix.term_index

    def idx(curies: tuple[str, ...]) -> list[int]:
        out = []
        for c in curies:
            n = kg.node(c)
            if n is not None and n.iri in terms:
                out.append(terms[n.iri])
        return out

    observed, excluded = idx(case.observed), idx(case.excluded)
    if as_text and observed:
        linked, _ = dx.link_findings(findings_text(dx, case))
        observed, excluded = dx.indices(linked)
        if not observed:
            return result(None, "no finding linked from the text"), 0.0
    if not observed:
        return result(None, "no observed HPO term known to this release"), 0.0
    t0 = time.perf_counter()
    leave_out = case.pmids if leave_publication_out else ()
    scores = dx.scores(observed, excluded, leave_out)
    elapsed = time.perf_counter() - t0
    finite = [g for g in gold if np.isfinite(scores[g])]
    if not finite:
        return result(None, "no annotations left once the case's publication is left out",
                      len(observed), len(excluded)), elapsed  # fmt: skip
    rank = min(dx.rank_of(scores, g) for g in finite)
    return result(rank, "", len(observed), len(excluded)), elapsed


def evaluate(
    dx: Diagnoser,
    path: Path,
    leave_publication_out: bool = False,
    limit: int | None = None,
    as_text: bool = False,
) -> tuple[DiagnosisReport, list[CaseResult]]:
    """Rank every case's diagnosis. With ``as_text`` the findings go in as text
    (:func:`findings_text`) and are linked as ``diagnose`` links them."""
    cases = list(read_phenopackets(path))[:limit]
    results, times = [], []
    unknown = 0
    quiet = not logger.isEnabledFor(logging.INFO)
    for case in tqdm(cases, desc="ranking cases", unit="case", mininterval=2.0, disable=quiet):
        res, secs = evaluate_case(dx, case, leave_publication_out, as_text)
        results.append(res)
        if res.rank is not None:
            times.append(secs)
        unknown += sum(1 for c in case.observed if dx.kg.node(c) is None)
    ranks = np.array([r.rank for r in results if r.rank is not None], dtype=float)
    n = len(ranks)

    def share(x: np.ndarray) -> float:
        return round(float(x.mean()), 4) if n else 0.0

    reasons = Counter(r.reason for r in results if r.rank is None)
    report = DiagnosisReport(
        top1=share(ranks <= 1),
        top3=share(ranks <= 3),
        top10=share(ranks <= 10),
        mrr=share(1.0 / ranks) if n else 0.0,
        n_cases=len(results),
        n_scored=n,
        top1_all_cases=round(float((ranks <= 1).sum()) / max(1, len(results)), 4),
        leave_publication_out=leave_publication_out,
        not_scored=dict(reasons.most_common()),
        latency_p50_ms=round(statistics.median(times) * 1000, 2) if times else 0.0,
        latency_p95_ms=round(float(np.percentile(times, 95)) * 1000, 2) if times else 0.0,
        unknown_terms=unknown,
    )
    return report, results
