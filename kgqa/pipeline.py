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

from kgqa import validation as v
from kgqa.config import Home, models_dir
from kgqa.diagnosis.differential import Diagnoser
from kgqa.errors import ArtifactError
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Differential, Mention, Passage, Result, Verdict
from kgqa.validation import (
    MAX_CLAIM_CHARS,
    MAX_NAME_CHARS,
    MAX_QUERY_CHARS,
    MAX_QUESTION_CHARS,
    MAX_TEXT_CHARS,
)

logger = logging.getLogger(__name__)


class Pipeline:
    """Graph, diagnosis, linking, retrieval and answering over one set of artifacts."""

    def __init__(self, kg: KnowledgeGraph, diagnoser: Diagnoser,
                 home: Home | Path | None = None) -> None:  # fmt: skip
        self.kg = kg
        self.diagnoser = diagnoser
        self.home = Home.resolve(home)
        self._linker = None
        self._retriever = None
        self._qa = None

    @classmethod
    def load(cls, home: Path | str | None = None, eager: bool = False) -> Pipeline:
        """Open the artifacts under ``home`` (default ``$KGQA_HOME``); they are built by
        ``kgqa build``. With ``eager`` the models, the passage index and the linker's name
        dictionaries open now too."""

        where = Home.resolve(home)
        kg = KnowledgeGraph.load(where.graph)
        # findings are linked by the pipeline's own linker, loaded on first use
        diagnoser = Diagnoser.load(kg, where.diagnosis, linker=lambda: pipeline.linker)
        pipeline = cls(kg, diagnoser, where)
        if eager:
            _ = pipeline.qa
            pipeline.linker.generator.warm()  # a server's first misspelt question waits not
        return pipeline

    # ---------------------------------------------------------------- lazily opened parts
    @property
    def linker(self):
        if self._linker is None:
            from kgqa.linking.linker import EntityLinker

            self._linker = EntityLinker.load(self.home, kg=self.kg)
        return self._linker

    @property
    def retriever(self):
        if self._retriever is None:
            from kgqa.retrieval.index import PassageRetriever

            self._retriever = PassageRetriever.load(self.home.passages, self.kg)
        return self._retriever

    @property
    def qa(self):
        if self._qa is None:
            from kgqa.answering.engine import QAEngine
            from kgqa.classifier import SequenceClassifier
            from kgqa.understanding.message_intent import message_intent_model
            from kgqa.understanding.message_topic import topic_chooser

            intents = SequenceClassifier.load(models_dir() / "intent", "intent-classifier",
                                              "kgqa train intent")  # fmt: skip
            verifier = SequenceClassifier.load(models_dir() / "verifier", "verifier",
                                               "kgqa train verifier")  # fmt: skip
            try:
                retriever = self.retriever
            except ArtifactError as exc:
                # the graph alone still answers; passages come back with `kgqa build passages`
                logger.warning("answering without passages: %s", exc)
                retriever = None
            self._qa = QAEngine(self.kg, self.linker, intents, verifier, retriever,
                                diagnoser=self.diagnoser,
                                messages=message_intent_model(),
                                topics=topic_chooser())  # fmt: skip
        return self._qa

    # ---------------------------------------------------------------- front doors
    # every front door checks its arguments (kgqa.validation) before any work
    def ask(self, question: str, options: list[str] | None = None, k: int = 10) -> Result:
        """Answer a question: ranked answers with calibrated scores and evidence (graph triples
        with their source, passages with their source id), or an explicit no-answer. With
        ``options`` (multiple choice) the best-supported option is the answer."""
        v.text("question", question, MAX_QUESTION_CHARS)  # the engine cleans it, keeping offsets
        opts = v.texts("options", options, v.MAX_OPTIONS, v.MAX_OPTION_CHARS, allow_none=True)
        return self.qa.ask(question, options=opts or None, k=v.count("k", k, v.MAX_K))

    def ask_many(self, questions: list[str], k: int = 10) -> list[Result]:
        """``ask`` for many questions, with linking and question types batched."""
        qs = v.texts("questions", questions, v.MAX_BATCH, MAX_QUESTION_CHARS)
        return self.qa.ask_many(qs, k=v.count("k", k, v.MAX_K))

    def verify(self, claim: str) -> Verdict:
        """supported / refuted / unknown for a claim such as "metformin treats type 2
        diabetes", with the evidence."""
        return self.qa.verify(v.text("claim", claim, MAX_CLAIM_CHARS))

    def link(self, text: str) -> list[Mention]:
        v.text("text", text, MAX_TEXT_CHARS)  # checked; offsets index the caller's text
        return self.linker.link(text)

    def retrieve(self, query: str, k: int = 10, about: list[str] | None = None) -> list[Passage]:
        query = v.text("query", query, MAX_QUERY_CHARS)
        ids = v.texts("about", about, v.MAX_FINDINGS, MAX_NAME_CHARS, allow_none=True)
        return self.retriever.retrieve(query, k=v.count("k", k, v.MAX_K),
                                       about=ids if about is not None else None)  # fmt: skip

    def diagnose(
        self,
        findings: str | Iterable[str],
        excluded: Iterable[str] = (),
        proposed: str | None = None,
        drugs: Iterable[str] = (),
        k: int = 10,
    ) -> Differential:
        """:meth:`Diagnoser.diagnose <kgqa.diagnosis.differential.Diagnoser.diagnose>`: the
        ranked, explained differential for findings, with the checks asked for. ``findings``
        is one text ("short stature, no seizures") or a list of findings; ``excluded`` and
        ``drugs`` are lists."""
        if isinstance(findings, str):
            found: str | list[str] = v.text("findings", findings, MAX_TEXT_CHARS)
        else:
            found = v.texts("findings", findings, v.MAX_FINDINGS, MAX_NAME_CHARS)
        return self.diagnoser.diagnose(
            found,
            v.texts("excluded", excluded, v.MAX_FINDINGS, MAX_NAME_CHARS),
            v.optional_text("proposed", proposed, MAX_NAME_CHARS),
            v.texts("drugs", drugs, v.MAX_FINDINGS, MAX_NAME_CHARS),
            v.count("k", k, v.MAX_K),
        )
