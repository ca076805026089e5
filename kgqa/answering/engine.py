"""Question answering over the graph, with passages and the verifier: the orchestrator.

ask: link → route (:mod:`kgqa.understanding.router`: the intent classifier, then the question's
form; the topic entity) → graph candidates (:mod:`~kgqa.answering.candidates`) → ranked by the
verifier (:mod:`~kgqa.answering.ranking`) → answers with P(supported) ≥ ``SUPPORT_THRESHOLD``,
or an explicit no-answer. Options go to :mod:`~kgqa.answering.options`, claims to
:mod:`~kgqa.answering.verification`, findings to the diagnoser.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from kgqa.answering.candidates import graph_candidates
from kgqa.answering.options import answer_options
from kgqa.answering.ranking import SUPPORT_THRESHOLD, passages_about, rank_candidates
from kgqa.answering.verification import MAX_CLAIM_CHARS, ClaimVerifier
from kgqa.errors import InputError
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Answer, Evidence, Mention, Result, Triple, Verdict
from kgqa.stages import Classifying, Diagnosing, Linking, Retrieving
from kgqa.text import clean_text
from kgqa.understanding.claims import mentions_contraindication
from kgqa.understanding.registry import INTENTS
from kgqa.understanding.router import linked, route, topic_of

logger = logging.getLogger(__name__)

MAX_QUESTION_CHARS = MAX_CLAIM_CHARS
MAX_K = 100


class QAEngine:
    """``ask`` and ``verify`` over a graph, a linker, the intent classifier, the verifier,
    an optional passage retriever and an optional diagnoser."""

    def __init__(self, kg: KnowledgeGraph, linker: Linking, intents: Classifying,
                 verifier: Classifying, retriever: Retrieving | None,
                 diagnoser: Diagnosing | None = None) -> None:  # fmt: skip
        self.kg = kg
        self.linker = linker
        self.intents = intents
        self.verifier = verifier
        self.retriever = retriever
        self.diagnoser = diagnoser
        self.claims = ClaimVerifier(kg, linker, verifier, retriever)

    def classify(self, questions: Sequence[str]) -> list[dict[str, float]]:
        """The intent classifier's probability of each intent, per question."""
        probs = self.intents.predict_proba(list(questions))
        return [dict(zip(self.intents.labels, map(float, p), strict=True)) for p in probs]

    def verify(self, claim: str, mentions: list[Mention] | None = None) -> Verdict:
        return self.claims.verify(claim, mentions)

    def ask(self, question: str, options: Sequence[str] | None = None, k: int = 10) -> Result:
        return self.ask_many([question], [options] if options else None, k)[0]

    def ask_many(self, questions: Sequence[str], options: Sequence[Sequence[str] | None] | None
                 = None, k: int = 10) -> list[Result]:  # fmt: skip
        """Answer many questions, with linking and intent classification batched."""
        if k < 1 or k > MAX_K:
            raise InputError(f"k must be between 1 and {MAX_K}, not {k}")
        texts = []
        for q in questions:
            if not isinstance(q, str):
                raise InputError(f"a question must be text, not {type(q).__name__}")
            if len(q) > MAX_QUESTION_CHARS:
                raise InputError(f"question of {len(q)} characters; at most "
                                 f"{MAX_QUESTION_CHARS}")  # fmt: skip
            texts.append(clean_text(q).strip())
        nonempty = [i for i, t in enumerate(texts) if t]
        batch = [texts[i] for i in nonempty]
        mentions = dict(zip(nonempty, self.linker.link_many(batch), strict=True))
        intents = dict(zip(nonempty, self.classify(batch), strict=True))
        out = []
        for i, q in enumerate(questions):
            if i not in mentions:
                out.append(Result(q, "other", 0.0, (), (), True, "empty question"))
                continue
            opts = options[i] if options else None
            out.append(self._answer(q, texts[i], intents[i], mentions[i], opts, k))
        return out

    def _answer(self, question: str, text: str, probs: dict[str, float], mentions: list[Mention],
                options: Sequence[str] | None, k: int) -> Result:  # fmt: skip
        found = linked(mentions)
        intent, iscore = route(text, probs, found, options)
        base = dict(question=question, intent=intent, intent_score=round(iscore, 4),
                    mentions=tuple(mentions))  # fmt: skip
        if options:
            return answer_options(text, intent, found, options, base, kg=self.kg,
                                  linker=self.linker, verifier=self.verifier,
                                  retriever=self.retriever,
                                  statements=self.claims.statements)  # fmt: skip
        if intent == "claim":
            verdict = self.verify(text, mentions=mentions)
            return Result(**base, answers=(), no_answer=verdict.verdict == "unknown",
                          reason=verdict.reason, verdict=verdict,
                          passages=verdict.evidence.passages)  # fmt: skip
        if intent == "diagnosis" and self.diagnoser is not None:
            return self._diagnosis(text, base, k)
        spec = INTENTS.get(intent)
        if spec is not None and spec.relation == "treats" and mentions_contraindication(text):
            # "Which drugs are contraindicated in asthma?" is no question about treatment
            reason = ("kgqa has no contraindication data (none of its graph's sources lists "
                      "them); it will not answer from indications")  # fmt: skip
            return Result(**base, answers=(), no_answer=True, reason=reason)
        topic = topic_of(intent, found)
        if topic is None:
            classes = spec.topic_classes if spec is not None else None
            what = "/".join(classes or ("entity",)).lower()
            reason = (f"no {what} recognised in the question" if found or not mentions
                      else "the entities in the question are not in the graph")  # fmt: skip
            return Result(**base, answers=(), no_answer=True, reason=reason)
        passages = passages_about(self.retriever, text, [topic])
        shown = dict(topic=topic, passages=tuple(passages[:5]))
        if intent == "definition":
            own = [p for p in passages if topic.iri in p.nodes][:3]
            score = round(float(mentions[0].candidates[0].score) if mentions else 1.0, 4)
            answer = Answer(topic, score, Evidence((), tuple(own)))
            return Result(**base, **shown, answers=(answer,), no_answer=False)
        if spec is None or spec.relation is None:
            reason = f"'{intent}' questions are answered with passages only"
            return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
        cands = graph_candidates(self.kg, topic, intent)
        if not cands:
            reason = (f"the graph has no {spec.relation} statement for {topic.label} or its "
                      "super/subtypes")  # fmt: skip
            return Result(**base, **shown, answers=(), no_answer=True, reason=reason)
        answers = rank_candidates(self.kg, self.verifier, topic, intent, cands, passages)
        supported = tuple(a for a in answers if a.score >= SUPPORT_THRESHOLD)[:k]
        reason = "" if supported else "no candidate is supported by its evidence"
        return Result(**base, **shown, answers=supported, no_answer=not supported, reason=reason)

    def _diagnosis(self, text: str, base: dict, k: int) -> Result:
        diff = self.diagnoser.diagnose(text, k=k)  # type: ignore[union-attr]
        answers = []
        for r in diff.ranked[:k]:
            triples = tuple(
                Triple(r.node, "hasPhenotype", c.matched or c.finding.node, "hpo")
                for c in r.explained
            )[:5]
            answers.append(Answer(r.node, round(float(r.posterior), 4), Evidence(triples)))
        return Result(**base, answers=tuple(answers), no_answer=not answers,
                      reason="" if answers else "no phenotype recognised in the findings",
                      differential=diff)  # fmt: skip


__all__ = ["QAEngine"]
