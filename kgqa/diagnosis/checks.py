"""Checks of a proposed diagnosis and of proposed drugs against the graph."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kgqa.graph.store import KnowledgeGraph
from kgqa.records import DiagnosisCheck, DrugCheck, Finding, Node

if TYPE_CHECKING:
    from kgqa.diagnosis.differential import Diagnoser

CONSISTENT_RANK = 10
DRUG_RELATIONS = ("treats", "palliates", "notIndicatedFor")


def check_diagnosis(
    dx: Diagnoser, findings: Sequence[Finding], disease: Node, scores_rank: int | None
) -> DiagnosisCheck:
    """consistent: in the top 10, explains at least half the observed findings, nothing
    contradicts it; inconsistent: a contradiction, or it explains under a quarter of them, or
    its total evidence is negative; otherwise weakly consistent."""
    d = dx.ix.disease_index.get(disease.iri)
    if d is None:
        return DiagnosisCheck(disease, "not scorable", None,
                              "the graph has no HPO annotations for this disease")  # fmt: skip
    explanation = dx.explain(d, findings, rank=scores_rank or 0)
    observed = [c for c in explanation.contributions if not c.finding.excluded]
    share = len(explanation.explained) / max(1, len(observed))
    n_contra = len(explanation.contradictions)
    rank_text = f"rank {scores_rank} of {dx.ix.n_diseases}"
    summary = (f"{rank_text}; explains {len(explanation.explained)}/{len(observed)} findings"
               f"; {n_contra} contradiction(s); log LR {explanation.score:.1f}")  # fmt: skip
    if n_contra or share < 0.25 or explanation.score < 0:
        verdict = "inconsistent"
    elif scores_rank is not None and scores_rank <= CONSISTENT_RANK and share >= 0.5:
        verdict = "consistent"
    else:
        verdict = "weakly consistent"
    return DiagnosisCheck(disease, verdict, scores_rank, summary, explanation)


def check_drug(kg: KnowledgeGraph, drug: Node, disease: Node) -> DrugCheck:
    """The graph's relation between ``drug`` and ``disease``, looking up the disease's
    ancestors (nearest first) when the disease itself has none."""
    for target in [disease, *kg.ancestors(disease)]:
        edges = [
            t for t in kg.neighbours(drug, direction="out")
            if t.relation in DRUG_RELATIONS and t.object == target
        ]  # fmt: skip
        if edges:
            order = {r: i for i, r in enumerate(DRUG_RELATIONS)}
            best = min(edges, key=lambda t: order[t.relation])
            via = None if target == disease else target
            return DrugCheck(drug, disease, best.relation, via, tuple(edges))  # type: ignore[arg-type]
    return DrugCheck(drug, disease, "none")
