"""The one obvious entry point: ``kgqa.Pipeline.load()``.

For now it offers graph-constrained diagnosis; question answering (``ask``/``verify``) arrives
with the linking, retrieval and answering issues.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from kgqa.diagnosis.checks import check_diagnosis, check_drug
from kgqa.diagnosis.differential import Diagnoser
from kgqa.errors import InputError
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Differential, Node

logger = logging.getLogger(__name__)


class Pipeline:
    """Graph + diagnosis. Construct cheaply; :meth:`load` opens the built artifacts."""

    def __init__(self, kg: KnowledgeGraph, diagnoser: Diagnoser) -> None:
        self.kg = kg
        self.diagnoser = diagnoser

    @classmethod
    def load(cls, home: Path | str | None = None) -> Pipeline:
        """Open the artifacts under ``home`` (default ``$KGQA_HOME``); they are built by
        ``kgqa build``."""
        base = Path(home) if home else None
        kg = KnowledgeGraph.load(base / "graph" if base else None)
        diagnoser = Diagnoser.load(kg, base / "diagnosis" if base else None)
        return cls(kg, diagnoser)

    def diagnose(
        self,
        findings: str | Iterable[str],
        excluded: Iterable[str] = (),
        proposed: str | None = None,
        drugs: Iterable[str] = (),
        k: int = 10,
    ) -> Differential:
        """Rank diseases from findings (free text, or names / HPO ids), explain each, suggest
        what to check next, and check a proposed diagnosis and drugs against the graph.

        Negated findings in the text ("no seizures") and ``excluded`` count as absent.
        """
        if k < 1 or k > 1000:
            raise InputError(f"k must be between 1 and 1000, not {k}")
        dx = self.diagnoser
        linked, unlinked = dx.link_findings(findings, excluded)
        observed, excl = dx.indices(linked)
        scores = dx.scores(observed, excl) if observed else None
        diff = dx.rank(linked, k=k, unlinked=unlinked, scores=scores)
        proposed_check = None
        target: Node | None = diff.ranked[0].node if diff.ranked else None
        if proposed:
            node = self._disease(proposed)
            rank = None
            d = dx.ix.disease_index.get(node.iri)  # type: ignore[union-attr]
            if d is not None and scores is not None and np.isfinite(scores[d]):
                rank = dx.rank_of(scores, d)
            proposed_check = check_diagnosis(dx, linked, node, rank)
            target = node
        drug_checks = []
        for name in drugs:
            drug = self._drug(name)
            if target is None:
                raise InputError("no disease to check drugs against: give findings or --proposed")
            drug_checks.append(check_drug(self.kg, drug, target))
        return Differential(
            diff.findings, diff.unlinked, diff.ranked, diff.suggestions, proposed_check,
            tuple(drug_checks), diff.n_diseases,
        )  # fmt: skip

    def _disease(self, text: str) -> Node:
        node = self.kg.node(text)
        if node is None or node.cls != "Disease":
            matches = self.kg.find(text, cls="Disease", limit=5)
            # prefer a disease that has phenotype annotations when names tie
            annotated = [m for m in matches if m.node.iri in self.diagnoser.ix.disease_index]  # type: ignore[operator]
            pick = (annotated or matches)[:1]
            node = pick[0].node if pick else None
        if node is None:
            raise InputError(f"unknown disease {text!r}")
        return node

    def _drug(self, text: str) -> Node:
        node = self.kg.node(text)
        if node is None or node.cls not in ("Chemical", "Drug"):
            matches = self.kg.find(text, cls="Chemical", limit=1)
            node = matches[0].node if matches else None
        if node is None:
            raise InputError(f"unknown drug {text!r}")
        return node
