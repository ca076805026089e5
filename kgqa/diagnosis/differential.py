"""Rank diseases from findings and explain each: the Diagnoser."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from kgqa.config import kgqa_home
from kgqa.diagnosis.index import DiagnosisIndex
from kgqa.diagnosis.scoring import PhenotypeScorer, TermScore
from kgqa.diagnosis.suggest import next_findings
from kgqa.errors import InputError
from kgqa.graph.store import KnowledgeGraph
from kgqa.linking.dictionary import DictionaryLinker
from kgqa.records import (
    Differential,
    Finding,
    FindingContribution,
    NextFinding,
    Node,
    RankedDisease,
)

logger = logging.getLogger(__name__)

MAX_FINDINGS = 200
FREQUENT = 0.5  # "frequent" phenotypes listed as absent when no finding covers them


def diagnosis_dir() -> Path:
    return kgqa_home() / "diagnosis"


class Diagnoser:
    """Phenotype-driven differential diagnosis over the graph's HPO annotations."""

    def __init__(self, kg: KnowledgeGraph, index: DiagnosisIndex) -> None:
        self.kg = kg
        self.ix = index
        self.scorer = PhenotypeScorer(index)
        self.linker = DictionaryLinker(kg, ("Phenotype",))
        self._citing: dict[str, set[int]] | None = None

    @classmethod
    def load(cls, kg: KnowledgeGraph, directory: Path | None = None) -> Diagnoser:
        build_id = kg.manifest.info.get("build_id") if kg.manifest else None
        return cls(kg, DiagnosisIndex.load(directory or diagnosis_dir(), build_id))

    # ------------------------------------------------------------ findings
    def link_findings(
        self, findings: str | Iterable[str], excluded: Iterable[str] = ()
    ) -> tuple[list[Finding], list[str]]:
        """Findings from free text or a list of names / HPO ids; negated ones become excluded.
        Returns (findings, texts that matched no phenotype)."""
        texts = [findings] if isinstance(findings, str) else list(findings)
        out: list[Finding] = []
        unlinked: list[str] = []
        for text, forced_excluded in [(t, False) for t in texts] + [(t, True) for t in excluded]:
            if not isinstance(text, str):
                raise InputError(f"findings must be strings, got {type(text).__name__}")
            matches, missed = self.linker.link(text)
            unlinked += missed
            for m in matches:
                if m.node.iri not in self.ix.term_index:  # type: ignore[operator]
                    unlinked.append(m.text)
                    continue
                out.append(Finding(m.node, m.negated or forced_excluded, m.text))
        seen: dict[tuple[str, bool], Finding] = {}
        for f in out:
            seen.setdefault((f.node.iri, f.excluded), f)
        result = list(seen.values())
        if len(result) > MAX_FINDINGS:
            raise InputError(f"{len(result)} findings; at most {MAX_FINDINGS} are accepted")
        return result, unlinked

    # ------------------------------------------------------------- ranking
    def indices(self, findings: Sequence[Finding]) -> tuple[list[int], list[int]]:
        ti = self.ix.term_index
        observed = [ti[f.node.iri] for f in findings if not f.excluded]  # type: ignore[index]
        excluded = [ti[f.node.iri] for f in findings if f.excluded]  # type: ignore[index]
        return observed, excluded

    def scores(
        self, observed: list[int], excluded: list[int], leave_out: Sequence[str] = ()
    ) -> np.ndarray:
        """Scores of every disease; ``leave_out`` references (e.g. a case's PMID) remove the
        annotations supported only by them (the diseases citing them are re-scored)."""
        s = self.scorer.score_all(observed, excluded)
        for d in self._diseases_citing(leave_out):
            direct, negated = self.scorer.disease_terms(d, drop_only=set(leave_out))
            s[d] = (
                self.scorer.score_one(observed, excluded, direct, negated)[0] if direct else -np.inf
            )
        return s

    def _diseases_citing(self, refs: Sequence[str]) -> list[int]:
        if not refs:
            return []
        if self._citing is None:  # built on first use: only leave-publication-out needs it
            citing: dict[str, set[int]] = {}
            for d, joined in zip(self.ix.ann_disease.tolist(), self.ix.ann_refs, strict=True):
                for ref in joined.split(";"):
                    citing.setdefault(ref, set()).add(d)
            self._citing = citing
        return sorted(set().union(*(self._citing.get(r, set()) for r in refs)))

    def rank(
        self,
        findings: Sequence[Finding],
        k: int = 10,
        leave_out: Sequence[str] = (),
        unlinked: Sequence[str] = (),
        suggest: int = 5,
        scores: np.ndarray | None = None,
    ) -> Differential:
        """The top ``k`` diseases explained, plus suggestions; pass ``scores`` from
        :meth:`scores` when the caller already has them."""
        observed, excluded = self.indices(findings)
        if not observed:
            return Differential(tuple(findings), tuple(unlinked), (), n_diseases=self.ix.n_diseases)
        s = self.scores(observed, excluded, leave_out) if scores is None else scores
        top = np.argsort(-s, kind="stable")[: max(k, 1)]
        post = _posterior(s)
        ranked = tuple(
            self.explain(int(d), findings, rank=i + 1, score=float(s[d]), posterior=float(post[d]))
            for i, d in enumerate(top)
            if np.isfinite(s[d])
        )
        suggestions = self.suggest(findings, [int(d) for d in top], post[top], suggest)
        return Differential(
            tuple(findings),
            tuple(unlinked),
            ranked,
            tuple(suggestions),
            n_diseases=self.ix.n_diseases,
        )

    def rank_of(self, scores: np.ndarray, disease: int) -> int:
        return 1 + int((scores > scores[disease]).sum())

    # ---------------------------------------------------------- explaining
    def explain(
        self,
        d: int,
        findings: Sequence[Finding],
        rank: int,
        score: float | None = None,
        posterior: float = 0.0,
    ) -> RankedDisease:
        observed, excluded = self.indices(findings)
        direct, negated = self.scorer.disease_terms(d)
        total, parts = self.scorer.score_one(observed, excluded, direct, negated)
        by_term = {f.node.iri: f for f in findings}
        contributions = []
        for part in parts:
            finding = by_term[str(self.ix.term_iris[part.finding])]
            contributions.append(self._contribution(finding, part, direct))
        covered = {int(a) for q in observed for a in self.ix.ancestors[q]}  # type: ignore[index]
        covered |= set(observed)
        observed_set = set(observed)
        missing = sorted(
            (
                (t, f) for t, f in direct.items()
                if f >= FREQUENT and t not in covered
                and not any(int(a) in observed_set for a in self.ix.ancestors[t])  # type: ignore[index]
            ),
            key=lambda x: -x[1],
        )[:8]  # fmt: skip
        return RankedDisease(
            node=self._node(str(self.ix.disease_iris[d])),
            rank=rank,
            score=float(total if score is None else score),
            posterior=posterior,
            contributions=tuple(contributions),
            missing_frequent=tuple((self._term(t), f) for t, f in missing),
        )

    def _contribution(
        self, finding: Finding, part: TermScore, direct: dict[int, float]
    ) -> FindingContribution:
        if part.via is None:
            return FindingContribution(finding, part.log_lr, part.kind, None)
        q, via = part.finding, part.via
        if part.kind == "implied" or part.kind == "excluded-contradicts":
            path = self._is_a_path(via, q)  # annotated term up to the finding
        else:
            path = self._is_a_path(q, via)  # finding up to the annotated ancestor
        return FindingContribution(
            finding, part.log_lr, part.kind, self._term(via), tuple(self._term(t) for t in path),
            direct.get(via),
        )  # fmt: skip

    def _is_a_path(self, lower: int, upper: int) -> list[int]:
        """Shortest is-a path from ``lower`` up to its ancestor ``upper`` (inclusive)."""
        if lower == upper:
            return [lower]
        prev = {lower: lower}
        frontier = [lower]
        while frontier:
            nxt = []
            for u in frontier:
                for p in self.ix.parents(u):
                    p = int(p)
                    if p not in prev:
                        prev[p] = u
                        if p == upper:
                            path = [p]
                            while path[-1] != lower:
                                path.append(prev[path[-1]])
                            return path[::-1]
                        nxt.append(p)
            frontier = nxt
        return [lower, upper]  # related matches: the two ends

    def suggest(
        self, findings: Sequence[Finding], top: list[int], weights: np.ndarray, n: int = 5
    ) -> list[NextFinding]:
        observed, excluded = self.indices(findings)
        picks = next_findings(
            self.scorer, top, np.asarray(weights, dtype=float), set(observed) | set(excluded), n
        )
        return [NextFinding(self._term(t), gain, p) for t, gain, p in picks]

    def _node(self, iri: str) -> Node:
        node = self.kg.node(iri)
        if node is None:  # the index is checked against the graph's build id, so this is a bug
            raise InputError(f"diagnosis index refers to {iri}, which the graph lacks")
        return node

    def _term(self, t: int) -> Node:
        return self._node(str(self.ix.term_iris[t]))


def _posterior(scores: np.ndarray) -> np.ndarray:
    finite = np.isfinite(scores)
    out = np.zeros_like(scores)
    if finite.any():
        z = scores[finite] - scores[finite].max()
        e = np.exp(z)
        out[finite] = e / e.sum()
    return out
