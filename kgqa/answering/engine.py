"""Question answering and claim verification over the graph, with passages and the verifier.

ask: link → intent (the classifier, then the question's form) → topic entity → graph
candidates (SPARQL, hierarchy), pre-ranked by their annotations → passages about the topic →
the verifier reads (claim, evidence) for the best candidates → answers with P(supported) ≥
``SUPPORT_THRESHOLD``, or an explicit no-answer.

verify: link → parse the claim → graph statements of that relation (and contradicting ones)
→ passages → the verifier → supported / refuted / unknown.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence

import numpy as np

from kgqa.answering.candidates import (
    INTENT_QUERIES,
    TOPIC_CLASSES,
    GraphCandidate,
    graph_candidates,
    one_hop,
)
from kgqa.answering.verbalize import CONTRADICTS, statement, triple_text
from kgqa.classifier import SequenceClassifier
from kgqa.errors import InputError
from kgqa.graph.store import KnowledgeGraph
from kgqa.linking.candidates import NIL_THRESHOLD
from kgqa.linking.dictionary import clean_text
from kgqa.linking.linker import EntityLinker
from kgqa.records import Answer, Evidence, Mention, Node, Passage, Result, Triple, Verdict
from kgqa.retrieval.index import PassageRetriever
from kgqa.understanding.claims import parse_claim
from kgqa.understanding.intents import INTENTS

logger = logging.getLogger(__name__)

SUPPORT_THRESHOLD = 0.5
VERDICT_THRESHOLD = 0.6
# Relations a passage alone never supports: a text that names a drug and a disease together
# is as often a contraindication, a warning or a side effect ("patients with hyperthyroidism
# must not take levothyroxine") as an indication. Only a graph statement supports these.
GRAPH_ONLY_SUPPORT = frozenset({"treats", "palliates"})
MAX_VERIFIED = 16
MAX_QUESTION_CHARS = 2000
EVIDENCE_CHARS = 420
RELATION_OF_INTENT = {
    "phenotypes_of_disease": "hasPhenotype",
    "drugs_for_disease": "treats",
    "diseases_for_drug": "treats",
    "genes_of_disease": "associatedWithGene",
    "diseases_of_gene": "associatedWithGene",
    "diseases_of_phenotype": "hasPhenotype",
    "causes": "causedBy",
    "inheritance": "hasInheritance",
    "is_a": "subClassOf",
    "subtypes": "subClassOf",
}
# intents whose answer is the subject of the relation (the topic is the object)
REVERSED = {"drugs_for_disease", "diseases_of_gene", "diseases_of_phenotype", "subtypes"}
# the same relation asked from its other end: "What does allopurinol treat?" read as "which
# drugs treat ...?" has no disease to start from, but a drug
INVERSE_INTENTS = {
    "drugs_for_disease": "diseases_for_drug",
    "diseases_for_drug": "drugs_for_disease",
    "genes_of_disease": "diseases_of_gene",
    "diseases_of_gene": "genes_of_disease",
}  # not phenotypes and diseases: a question's disease often links to a phenotype node
# how sure the classifier must be of the relation (either direction) to turn it round
INVERSE_MIN = 0.9
# intents whose candidates' annotations (frequency, co-occurrence weight, curators) help
# pre-rank them; not the diseases of a phenotype: hundreds of them, and fetching their
# annotations would cost more than they tell
ANNOTATED_INTENTS = frozenset({"phenotypes_of_disease", "drugs_for_disease"})
# a question opening with an auxiliary asks yes or no ("Does metformin cause lactic acidosis?")
_YES_NO = re.compile(
    r"(?:does|do|did|is|are|was|were|can|could|may|might|will|would|should|has|have)\b", re.I
)


def _linked(mentions: Sequence[Mention]) -> list[tuple[Mention, Node]]:
    return [(m, m.node) for m in mentions
            if m.node is not None and m.candidates[0].score >= NIL_THRESHOLD]  # fmt: skip


class QAEngine:
    def __init__(self, kg: KnowledgeGraph, linker: EntityLinker, intents: SequenceClassifier,
                 verifier: SequenceClassifier, retriever: PassageRetriever | None,
                 diagnose=None) -> None:  # fmt: skip
        self.kg = kg
        self.linker = linker
        self.intents = intents
        self.verifier = verifier
        self.retriever = retriever
        self.diagnose = diagnose

    # ---------------------------------------------------------------------------- helpers
    def classify(self, questions: Sequence[str]) -> list[dict[str, float]]:
        """The intent classifier's probability of each intent, per question."""
        probs = self.intents.predict_proba(list(questions))
        return [dict(zip(self.intents.labels, map(float, p), strict=True)) for p in probs]

    def _route(
        self,
        text: str,
        probs: dict[str, float],
        linked: list[tuple[Mention, Node]],
        options: Sequence[str] | None = None,
    ) -> tuple[str, float]:
        """The intent to answer (with the classifier's probability of it): the classifier's
        best, unless the question's form and entities say otherwise. A yes/no question naming
        two things of different kinds is a claim to check, not a list to give ("Does gout
        cause joint pain?", "Can aspirin cause Reye syndrome?"); a question whose entity can
        only start the relation from its other end is asked that way ("What does allopurinol
        treat?"), when the classifier is sure of the relation (a drug or a gene relation;
        either direction). A multiple-choice question keeps its intent: the options are the
        answers."""
        intent = max(probs, key=probs.__getitem__)
        nodes = {n.iri: n for _, n in linked}
        kinds = [n.cls for n in nodes.values()]
        findings = intent == "diagnosis" and kinds.count("Phenotype") >= 2  # "Could a, b be D?"
        if (
            intent != "claim"
            and not options
            and not findings
            and _YES_NO.match(text)
            and len(set(kinds)) >= 2
        ):
            intent = "claim"
        elif intent in INVERSE_INTENTS and self._topic(intent, linked) is None:
            other = INVERSE_INTENTS[intent]
            sure = probs.get(intent, 0.0) + probs.get(other, 0.0) >= INVERSE_MIN
            if sure and self._topic(other, linked) is not None:
                intent = other
        return intent, probs.get(intent, 0.0)

    def _passages(self, query: str, about: Sequence[Node], k: int = 20) -> list[Passage]:
        if self.retriever is None or not about:
            return []
        return self.retriever.retrieve(query, k=k, about=list(about))

    @staticmethod
    def _evidence_text(triples: Sequence[Triple], passages: Sequence[Passage]) -> str:
        parts = [triple_text(t) for t in triples[:3]]
        parts += ["passage: " + p.text for p in passages[:1]]
        text = " ".join(parts) or "no graph statement."
        return text[:EVIDENCE_CHARS]

    def _verify_pairs(self, claims: list[str], evidence: list[str]) -> np.ndarray:
        if not claims:
            return np.zeros((0, 3), dtype=np.float32)
        return self.verifier.predict_proba(claims, evidence)

    @staticmethod
    def _mentioning(passages: Sequence[Passage], node: Node) -> list[Passage]:
        label = node.label.casefold()
        return [p for p in passages if node.iri in p.nodes or label in p.text.casefold()]

    def _topic(self, intent: str, linked: list[tuple[Mention, Node]]) -> Node | None:
        """The entity the question is about: the first linked mention whose best candidate of
        the intent's preferred class is close to its top one (so "ovarian cancer" read as a
        phenotype still reaches the disease node), else of any allowed class."""
        allowed = TOPIC_CLASSES.get(intent)
        if allowed is None:
            return linked[0][1] if linked else None
        for cls in allowed:
            for m, _ in linked:
                top = m.candidates[0].score
                for c in m.candidates:
                    if c.node.cls == cls and c.score >= max(NIL_THRESHOLD, top - 0.1):
                        return c.node
        return None

    # ---------------------------------------------------------------------------- ask
    def ask(self, question: str, options: Sequence[str] | None = None, k: int = 10) -> Result:
        return self.ask_many([question], [options] if options else None, k)[0]

    def ask_many(self, questions: Sequence[str], options: Sequence[Sequence[str] | None] | None
                 = None, k: int = 10) -> list[Result]:  # fmt: skip
        if k < 1 or k > 100:
            raise InputError(f"k must be between 1 and 100, not {k}")
        texts = []
        for q in questions:
            if not isinstance(q, str):
                raise InputError(f"a question must be text, not {type(q).__name__}")
            if len(q) > MAX_QUESTION_CHARS:
                raise InputError(f"question of {len(q)} characters; at most "
                                 f"{MAX_QUESTION_CHARS}")  # fmt: skip
            texts.append(clean_text(q).strip())
        nonempty = [i for i, t in enumerate(texts) if t]
        mentions = dict(zip(nonempty, self.linker.link_many([texts[i] for i in nonempty]),
                            strict=True))  # fmt: skip
        intents = dict(zip(nonempty, self.classify([texts[i] for i in nonempty]), strict=True))
        out = []
        for i, q in enumerate(questions):
            if i not in mentions:
                out.append(Result(q, "other", 0.0, (), (), True, "empty question"))
                continue
            opts = options[i] if options else None
            out.append(self._answer(q, texts[i], intents[i], mentions[i], opts, k))
        return out

    def _answer(
        self,
        question: str,
        text: str,
        probs: dict[str, float],
        mentions: list[Mention],
        options: Sequence[str] | None,
        k: int,
    ) -> Result:
        linked = _linked(mentions)
        intent, iscore = self._route(text, probs, linked, options)
        base = dict(question=question, intent=intent, intent_score=round(iscore, 4),
                    mentions=tuple(mentions))  # fmt: skip
        if options:
            return self._options(text, intent, linked, options, base)
        if intent == "claim":
            verdict = self.verify(text, mentions=mentions)
            ans = ()
            return Result(**base, answers=ans, no_answer=verdict.verdict == "unknown",
                          reason=verdict.reason, verdict=verdict,
                          passages=verdict.evidence.passages)  # fmt: skip
        if intent == "diagnosis" and self.diagnose is not None:
            return self._diagnosis(text, base, k)
        topic = self._topic(intent, linked)
        if topic is None:
            what = "/".join(TOPIC_CLASSES.get(intent, ("entity",))).lower()
            reason = (f"no {what} recognised in the question" if linked or not mentions
                      else "the entities in the question are not in the graph")  # fmt: skip
            return Result(**base, answers=(), no_answer=True, reason=reason)
        passages = self._passages(text, [topic])
        if intent == "definition":
            own = [p for p in passages if topic.iri in p.nodes][:3]
            ans = Answer(topic, round(float(mentions[0].candidates[0].score) if mentions else 1.0,
                         4), Evidence((), tuple(own)))  # fmt: skip
            return Result(**base, answers=(ans,), no_answer=False, passages=tuple(passages[:5]),
                          topic=topic)  # fmt: skip
        if intent not in RELATION_OF_INTENT:
            return Result(**base, answers=(), no_answer=True, topic=topic,
                          reason=f"'{intent}' questions are answered with passages only",
                          passages=tuple(passages[:5]))  # fmt: skip
        cands = graph_candidates(self.kg, topic, intent)
        if not cands:
            reason = (f"the graph has no {RELATION_OF_INTENT[intent]} statement for "
                      f"{topic.label} or its super/subtypes")  # fmt: skip
            return Result(**base, answers=(), no_answer=True, topic=topic, reason=reason,
                          passages=tuple(passages[:5]))  # fmt: skip
        answers = self._score(topic, intent, cands, passages)
        supported = tuple(a for a in answers if a.score >= SUPPORT_THRESHOLD)[:k]
        return Result(**base, answers=supported, no_answer=not supported, topic=topic,
                      reason="" if supported else "no candidate is supported by its evidence",
                      passages=tuple(passages[:5]))  # fmt: skip

    def _claim_for(self, intent: str, topic: Node, node: Node, via: Node | None = None,
                   relation: str | None = None) -> str:  # fmt: skip
        relation = relation or RELATION_OF_INTENT[intent]
        subj = via or topic
        s, o = (node, subj) if intent in REVERSED else (subj, node)
        return statement(s.label, relation, o.label)

    @staticmethod
    def _prior(c: GraphCandidate) -> float:
        """Pre-ranking before verification: direct edges first, more sources, frequency, then
        the strength of a literature co-occurrence (HSDN's tf-idf weight: for gout, "Back
        pain" seen in 9 abstracts before "Angina pectoris" seen in one) and the number of
        curators behind an indication (for gout, allopurinol and probenecid: 3)."""
        freq = weight = curators = 0.0
        for t in c.triples:
            for stmt in t.attributes:
                for a in stmt:
                    if not isinstance(a.value, int | float):
                        continue
                    if a.key == "frequencyValue":
                        freq = max(freq, float(a.value))
                    elif a.key == "weight":
                        weight = max(weight, float(a.value))
                    elif a.key == "curators":
                        curators = max(curators, float(a.value))
        main = 0.2 if any(t.relation in RELATION_OF_INTENT.values() for t in c.triples) else 0.0
        return (
            (0.0 if c.via else 1.0)
            + main
            + 0.1 * len({t.source for t in c.triples})
            + 0.5 * freq
            + 0.1 * math.log1p(max(0.0, weight))
            + 0.05 * min(curators, 4.0)
        )

    def _score(self, topic: Node, intent: str, cands: list[GraphCandidate],
               passages: list[Passage]) -> list[Answer]:  # fmt: skip
        if intent in ANNOTATED_INTENTS:
            cands = self._with_attributes(topic, intent, cands)
        cands = sorted(cands, key=lambda c: (-self._prior(c), c.node.label))
        head = cands[:MAX_VERIFIED]
        claims, evidence, passage_sets = [], [], []
        for c in head:
            ps = self._mentioning(passages, c.node)
            passage_sets.append(ps)
            own = {t.relation for t in c.triples}
            relation = None if RELATION_OF_INTENT[intent] in own or not own else sorted(own)[0]
            claims.append(self._claim_for(intent, topic, c.node, relation=relation))
            evidence.append(self._evidence_text(list(c.path) + list(c.triples), ps))
        probs = self._verify_pairs(claims, evidence)
        scored = []
        for c, p, ps in zip(head, probs, passage_sets, strict=True):
            ev = Evidence(tuple(c.triples), tuple(ps[:3]), tuple(c.path))
            answer = Answer(c.node, round(float(p[0]), 4), ev, c.via, c.via_relation)
            scored.append((answer, self._prior(c)))
        # the verifier's score first (to two decimals); among equals, what the graph prefers
        scored.sort(key=lambda x: (-round(x[0].score, 2), -x[1], x[0].node.label))
        return [a for a, _ in scored]

    def _with_attributes(self, topic: Node, intent: str,
                         cands: list[GraphCandidate]) -> list[GraphCandidate]:  # fmt: skip
        """The candidates' own triples with their annotations (HPO frequency, HSDN weight,
        PharmacotherapyDB curator count), one query per node the answers hang on (the topic,
        or the super- or subtypes standing in for it)."""
        ends = {(c.via or topic).iri: c.via or topic for c in cands}
        # a Triple's attributes take no part in its equality, its source does: each bare
        # triple finds its own annotated twin, HPO's and HSDN's statements of one edge apart
        full: dict[Triple, Triple] = {}
        for end in ends.values():
            for rel, direction in INTENT_QUERIES[intent]:
                for t in self.kg.neighbours(end, rel, direction=direction, attributes=True):
                    full[t] = t
        return [
            GraphCandidate(
                c.node,
                tuple(full.get(t, t) for t in c.triples),
                c.via,
                c.via_relation,
                tuple(full.get(t, t) for t in c.path),
            )
            for c in cands
        ]

    def _options(self, text: str, intent: str, linked: list[tuple[Mention, Node]],
                 options: Sequence[str], base: dict) -> Result:  # fmt: skip
        if len(options) > 50:
            raise InputError("at most 50 options")
        if any(not isinstance(opt, str) or not opt.strip() for opt in options):
            raise InputError("options must be non-empty text")
        option_nodes: list[Node | None] = []
        for opt, option_mentions in zip(options, self.linker.link_many(list(options)),
                                        strict=True):  # fmt: skip
            ms = _linked(option_mentions)
            found = ms[0][1] if ms else None
            if found is None:
                hits = self.kg.find(opt.strip(), limit=1)
                found = hits[0].node if hits else None
            option_nodes.append(found)
        option_iris = {n.iri for n in option_nodes if n is not None}
        topic = next((n for _, n in linked if n.iri not in option_iris), None)
        if topic is None or intent not in RELATION_OF_INTENT:
            # no relation to test: let the verifier compare the question with each option
            topic_passages: list[Passage] = []
        else:
            topic_passages = self._passages(text, [topic])
        graph = one_hop(self.kg, topic, intent) if topic and intent in RELATION_OF_INTENT else {}
        claims, evidence, metas = [], [], []
        for opt, node in zip(options, option_nodes, strict=True):
            if node is None:
                metas.append(None)
                continue
            triples = graph.get(node.iri, [])
            if topic is not None and intent in RELATION_OF_INTENT:
                claim = self._claim_for(intent, topic, node)
                rel = RELATION_OF_INTENT[intent]
                s_, o_ = (node, topic) if intent in REVERSED else (topic, node)
                # statements that contradict the option ("not indicated for") are evidence too
                triples = triples + [t for t in self._statements(s_, rel, o_) if t not in triples]
            else:
                claim = f"{text} {opt}"
            ps = self._mentioning(topic_passages, node) or (
                self._passages(text, [node], k=3) if not triples else []
            )
            claims.append(claim)
            evidence.append(self._evidence_text(triples, ps))
            metas.append((node, triples, ps))
        probs = self._verify_pairs(claims, evidence)
        answers, j = [], 0
        for meta in metas:
            if meta is None:
                continue
            node, triples, ps = meta
            p = float(probs[j][0])
            j += 1
            answers.append(
                Answer(
                    node,
                    round(p, 4),
                    Evidence(tuple(triples), tuple(ps[:3])),
                    verdict="supported" if p >= SUPPORT_THRESHOLD else "unknown",
                )
            )
        ranked = sorted(answers, key=lambda a: -a.score)
        best = tuple(ranked[:1]) if ranked and ranked[0].score >= SUPPORT_THRESHOLD else ()
        unlinked = [o for o, n in zip(options, option_nodes, strict=True) if n is None]
        reason = "" if best else "no option is supported by its evidence"
        if unlinked:
            reason = (reason + "; " if reason else "") + "not in the graph: " + ", ".join(unlinked)
        return Result(
            **base,
            answers=best,
            no_answer=not best,
            reason=reason,
            options=tuple(answers),
            topic=topic,
            passages=tuple(topic_passages[:5]),
        )

    def _diagnosis(self, text: str, base: dict, k: int) -> Result:
        diff = self.diagnose(text, k=k)
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

    # ---------------------------------------------------------------------------- verify
    def verify(self, claim: str, mentions: list[Mention] | None = None) -> Verdict:
        if not isinstance(claim, str):
            raise InputError(f"a claim must be text, not {type(claim).__name__}")
        if len(claim) > MAX_QUESTION_CHARS:
            raise InputError(f"claim of {len(claim)} characters; at most {MAX_QUESTION_CHARS}")
        text = clean_text(claim).strip()
        empty = Evidence()
        if not text:
            return Verdict(claim, "unknown", 0.0, (), None, None, None, False, empty,
                           "empty claim")  # fmt: skip
        mentions = mentions if mentions is not None else self.linker.link(text)
        parsed = parse_claim(text, mentions, self.kg)
        s, rel, o, neg = parsed.subject, parsed.relation, parsed.object, parsed.negated
        if rel == "id" and s is not None:
            ids = {i.upper() for i in self.kg.ids(s)}
            want = (parsed.object_id or "").upper()
            prefix = want.split(":", 1)[0]
            same_prefix = sorted(i for i in ids if i.startswith(prefix + ":"))
            holds = want in ids
            if not holds and not same_prefix:
                return Verdict(claim, "unknown", 0.0, (), s, "id", None, neg, empty,
                               f"{s.label} has no {prefix} id in the graph")  # fmt: skip
            verdict = "supported" if holds != neg else "refuted"
            reason = f"{s.label} has the ids {', '.join(same_prefix)}"
            return Verdict(claim, verdict, 1.0, ((verdict, 1.0),), s, "id", None, neg, empty,
                           reason)  # fmt: skip
        if s is None or o is None or rel is None:
            return Verdict(claim, "unknown", 0.0, (), s, rel, o, neg, empty,
                           parsed.reason or "the claim could not be parsed")  # fmt: skip
        triples = self._statements(s, rel, o)
        passages = [p for p in self._passages(text, [s, o], k=20)
                    if s.iri in p.nodes and o.iri in p.nodes][:3]  # fmt: skip
        if not triples and not passages:
            # the graph is not a closed world: no statement and no passage is not a "no"
            return Verdict(claim, "unknown", 0.0, (), s, rel, o, neg,
                           Evidence(tuple(self._context(s, rel)), ()),
                           f"neither the graph nor a passage relates {s.label} and "
                           f"{o.label}")  # fmt: skip
        ctx = triples
        # graph statements, when there are any, are the evidence the verifier reads; passages
        # are read only when the graph says nothing about the pair
        evidence_text = self._evidence_text(triples, [] if triples else passages)
        probs = self._verify_pairs([statement(s.label, rel, o.label, negated=neg)],
                                   [evidence_text])[0]  # fmt: skip
        labels = self.verifier.labels
        best = int(probs.argmax())
        name = labels[best]
        verdict = {"supported": "supported", "refuted": "refuted"}.get(name, "unknown")
        if probs[best] < VERDICT_THRESHOLD:
            verdict = "unknown"
        reason = "" if verdict != "unknown" else "the evidence neither supports nor refutes it"
        if verdict == "supported" and not triples and rel in GRAPH_ONLY_SUPPORT and not neg:
            verdict = "unknown"
            reason = (f"no graph statement says {s.label} {rel} {o.label}; passages that name "
                      "a drug with a disease can be contraindications or side effects")  # fmt: skip
        return Verdict(claim, verdict, round(float(probs[best]), 4),  # type: ignore[arg-type]
                       tuple((lab, round(float(p), 4)) for lab, p in zip(labels, probs,
                                                                        strict=True)),
                       s, rel, o, neg, Evidence(tuple(ctx), tuple(passages)), reason)  # fmt: skip

    def _statements(self, s: Node, rel: str, o: Node) -> list[Triple]:
        """Graph statements of ``rel`` (or a contradicting relation) between s and o, also
        through o's or s's ancestors for inheritance-like relations."""
        out = []
        for r in (rel, CONTRADICTS.get(rel)):
            if r is None:
                continue
            out += [t for t in self.kg.neighbours(s, r, direction="out") if t.object.iri == o.iri]
        if rel == "subClassOf" and not out:
            ancestors = {n.iri for n in self.kg.ancestors(s)}
            if o.iri in ancestors:
                out += self.kg.neighbours(s, "subClassOf", direction="out")[:1]
        if rel == "treats" and not out:  # a drug for a broader disease
            for parent in self.kg.ancestors(o)[:4]:
                out += [t for t in self.kg.neighbours(s, "treats", direction="out")
                        if t.object.iri == parent.iri]  # fmt: skip
        return out

    def _context(self, s: Node, rel: str) -> list[Triple]:
        return self.kg.neighbours(s, rel, direction="out")[:3]


__all__ = ["INTENTS", "QAEngine"]
