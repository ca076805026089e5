"""The one obvious entry point: ``kgqa.Pipeline.load()``.

``ask`` (questions, with options for multiple choice), ``verify`` (claims), ``link``,
``retrieve`` and ``diagnose``. The graph and the diagnosis index open at load; the models
(NER, question types, verifier) and the passage index open on first use, or at load with
``eager=True``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from kgqa.config import kgqa_home
from kgqa.diagnosis.checks import check_diagnosis, check_drug
from kgqa.diagnosis.differential import Diagnoser
from kgqa.errors import InputError
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Differential, Mention, Node, Passage, Result, Verdict

logger = logging.getLogger(__name__)


class Pipeline:
    """Graph, diagnosis, linking, retrieval and answering over one set of artifacts."""

    def __init__(self, kg: KnowledgeGraph, diagnoser: Diagnoser,
                 home: Path | None = None) -> None:  # fmt: skip
        self.kg = kg
        self.diagnoser = diagnoser
        self.home = home
        self._linker = None
        self._retriever = None
        self._qa = None

    @classmethod
    def load(cls, home: Path | str | None = None, eager: bool = False) -> Pipeline:
        """Open the artifacts under ``home`` (default ``$KGQA_HOME``); they are built by
        ``kgqa build``. With ``eager`` the models and the passage index open now too."""

        base = Path(home) if home else kgqa_home()
        kg = KnowledgeGraph.load(base / "graph")
        diagnoser = Diagnoser.load(kg, base / "diagnosis")
        pipeline = cls(kg, diagnoser, base)
        if eager:
            _ = pipeline.qa
        return pipeline

    # ---------------------------------------------------------------- lazily opened parts
    @property
    def linker(self):
        if self._linker is None:
            from kgqa.linking.linker import EntityLinker

            self._linker = EntityLinker.load(self.home or kgqa_home(), kg=self.kg)
        return self._linker

    @property
    def retriever(self):
        if self._retriever is None:
            from kgqa.retrieval.index import PassageRetriever, passages_dir

            self._retriever = PassageRetriever.load(passages_dir(self.home or kgqa_home()), self.kg)
        return self._retriever

    @property
    def qa(self):
        if self._qa is None:
            from kgqa.answering.engine import QAEngine
            from kgqa.classifier import SequenceClassifier
            from kgqa.linking.ner import MODELS_DIR

            intents = SequenceClassifier.load(MODELS_DIR / "intent", "intent-classifier",
                                              "kgqa train intent")  # fmt: skip
            verifier = SequenceClassifier.load(MODELS_DIR / "verifier", "verifier",
                                               "kgqa train verifier")  # fmt: skip
            self._qa = QAEngine(self.kg, self.linker, intents, verifier, self.retriever,
                                diagnose=self.diagnose)  # fmt: skip
        return self._qa

    # ---------------------------------------------------------------- front doors
    def ask(self, question: str, options: list[str] | None = None, k: int = 10) -> Result:
        """Answer a question: ranked answers with calibrated scores and evidence (graph triples
        with their source, passages with their source id), or an explicit no-answer. With
        ``options`` (multiple choice) the best-supported option is the answer."""
        return self.qa.ask(question, options=options, k=k)

    def ask_many(self, questions: list[str], k: int = 10) -> list[Result]:
        """``ask`` for many questions, with linking and question types batched."""
        return self.qa.ask_many(questions, k=k)

    def verify(self, claim: str) -> Verdict:
        """supported / refuted / unknown for a claim such as "metformin treats type 2
        diabetes", with the evidence."""
        return self.qa.verify(claim)

    def link(self, text: str) -> list[Mention]:
        return self.linker.link(text)

    def retrieve(self, query: str, k: int = 10, about: list[str] | None = None) -> list[Passage]:
        return self.retriever.retrieve(query, k=k, about=about)

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
