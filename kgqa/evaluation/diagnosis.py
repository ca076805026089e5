"""Diagnosis evaluation on phenopackets: top-k accuracy and MRR of each case's diagnosis."""

from __future__ import annotations

import dataclasses
import logging
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from tqdm import tqdm

from kgqa.datasets.phenopackets import Case, read_phenopackets
from kgqa.diagnosis.differential import Diagnoser
from kgqa.diagnosis.ranker import METHODS
from kgqa.errors import InputError
from kgqa.evaluation.metrics import Placing, placing, ranking_figures
from kgqa.training.ranker import CaseData, case_data, collect, cross_validate, short_copies

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseResult:
    id: str
    cohort: str
    diagnosis: str
    rank: int | None  # None: not scored (see reason); the best of its tied places
    reason: str = ""
    n_observed: int = 0
    n_excluded: int = 0
    tied: int = 0  # other diseases scored the same as the diagnosis
    placings: dict[str, Placing] = field(default_factory=dict)  # by method


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
    method: str = "lr"  # the method of the top-level figures
    by_method: dict[str, MethodReport] = field(default_factory=dict)

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


def prepare_case(
    dx: Diagnoser, case: Case, as_text: bool = False
) -> tuple[list[int], list[int], list[int]] | str:
    """(observed, excluded, gold disease indices) of a case, or why it cannot be scored."""
    kg, ix = dx.kg, dx.ix
    if not case.diagnoses:
        return "no diagnosis in the phenopacket"
    nodes = [n for n in (kg.node(d) for d in case.diagnoses) if n is not None]
    if not nodes:
        return "diagnosis id not in the graph"
    gold = [ix.disease_index[n.iri] for n in nodes if n.iri in ix.disease_index]
    if not gold:
        return "diagnosis has no HPO annotations in this release"
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
            return "no finding linked from the text"
    if not observed:
        return "no observed HPO term known to this release"
    return observed, excluded, gold


@dataclass
class MethodReport:
    """One method's figures over the scored cases."""

    top1: float
    top3: float
    top10: float
    mrr: float
    n_scored: int
    cross_validated: bool = False  # learned: scored by weights fitted on other cohorts


def evaluate(
    dx: Diagnoser,
    path: Path,
    leave_publication_out: bool = False,
    limit: int | None = None,
    as_text: bool = False,
    methods: Sequence[str] = (),
    folds: int | None = None,
    seed: int = 13,
) -> tuple[DiagnosisReport, list[CaseResult]]:
    """Rank every case's diagnosis by each of ``methods`` (default: the diagnoser's own) on
    the same cases. With ``as_text`` the findings go in as text (:func:`findings_text`) and
    are linked as ``diagnose`` links them. With ``folds``, the learned ranker is refitted
    and scored by gene-cohort cross-validation (:mod:`kgqa.training.ranker`) instead of
    using the shipped weights, which were fitted on phenopacket-store's cohorts."""
    methods = tuple(methods) or (dx.method,)
    for m in methods:
        if m not in METHODS:
            raise InputError(f"unknown method {m!r}; one of {', '.join(METHODS)}")
    cases = list(read_phenopackets(path))[:limit]
    results: list[CaseResult] = []
    ranks: dict[str, list[Placing]] = {m: [] for m in methods}
    times = []
    unknown = 0
    need_sim = any(m != "lr" for m in methods)
    cross_validate_learned = "learned" in methods and bool(folds)
    learned_data: list[CaseData] = []
    quiet = not logger.isEnabledFor(logging.INFO)
    prepared = []
    for case in tqdm(cases, desc="ranking cases", unit="case", mininterval=2.0, disable=quiet):
        diagnosis = case.diagnoses[0] if case.diagnoses else ""
        unknown += sum(1 for c in case.observed if dx.kg.node(c) is None)
        ready = prepare_case(dx, case, as_text)
        if isinstance(ready, str):
            results.append(CaseResult(case.id, case.cohort, diagnosis, None, ready))
            continue
        observed, excluded, gold = ready
        prepared.append((case, observed, excluded, gold))
        leave_out = case.pmids if leave_publication_out else ()
        t0 = time.perf_counter()
        cs = dx.case_scores(observed, excluded, leave_out, similarity=need_sim)
        if cross_validate_learned:  # the pool features, from these same scores
            data = case_data(dx, case, cs, gold)
            if data is not None:
                learned_data.append(data)
        case_ranks = {}
        for m in methods:
            if m == "learned" and folds:
                continue
            order = dx.ranking(observed, excluded, method=m, case=cs).order
            finite = [g for g in gold if np.isfinite(order[g])]
            if finite:
                case_ranks[m] = placing(order, finite)
        times.append(time.perf_counter() - t0)
        if not np.isfinite(cs.lr[gold]).any():
            results.append(CaseResult(
                case.id, case.cohort, diagnosis, None,
                "no annotations left once the case's publication is left out",
                len(observed), len(excluded)))  # fmt: skip
            continue
        for m, r in case_ranks.items():
            ranks[m].append(r)
        first = case_ranks.get(methods[0])
        results.append(CaseResult(
            case.id, case.cohort, diagnosis, first.best_rank if first else None, "",
            len(observed), len(excluded), first.tied if first else 0, case_ranks))  # fmt: skip
    if cross_validate_learned:
        short = collect(dx, short_copies(prepared, seed), leave_publication_out)
        learned, _, _ = cross_validate(learned_data, folds, seed, extra=short)
        by_id = dict(zip((d.id for d in learned_data), learned, strict=True))
        ranks["learned"] = learned
        results = [
            r if r.id not in by_id else dataclasses.replace(
                r, placings={**r.placings, "learned": by_id[r.id]},
                **({"rank": by_id[r.id].best_rank, "tied": by_id[r.id].tied}
                   if methods[0] == "learned" else {}))
            for r in results
        ]  # fmt: skip
    n_cases = len(results)
    by_method = {m: _figures(ranks[m], cross_validated=m == "learned" and bool(folds))
                 for m in methods}  # fmt: skip
    main = by_method[methods[0]]
    reasons = Counter(r.reason for r in results if r.rank is None and r.reason)
    report = DiagnosisReport(
        top1=main.top1,
        top3=main.top3,
        top10=main.top10,
        mrr=main.mrr,
        n_cases=n_cases,
        n_scored=main.n_scored,
        top1_all_cases=round(main.top1 * main.n_scored / max(1, n_cases), 4),
        leave_publication_out=leave_publication_out,
        not_scored=dict(reasons.most_common()),
        latency_p50_ms=round(statistics.median(times) * 1000, 2) if times else 0.0,
        latency_p95_ms=round(float(np.percentile(times, 95)) * 1000, 2) if times else 0.0,
        unknown_terms=unknown,
        method=methods[0],
        by_method=by_method,
    )
    return report, results


def _figures(placings: Sequence[Placing], cross_validated: bool = False) -> MethodReport:
    f = ranking_figures(placings)
    return MethodReport(f["top1"], f["top3"], f["top10"], f["mrr"], len(placings),
                        cross_validated)  # fmt: skip
