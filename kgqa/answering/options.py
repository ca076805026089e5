"""Multiple choice: link each option, then let the verifier read, for every option, the claim
that it answers the question with its evidence (graph edges of the intent's relation from the
topic, contradicting statements, passages). The best-supported option is the answer; every
option keeps its score in ``Result.options``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kgqa.answering.candidates import one_hop
from kgqa.answering.ranking import (
    SUPPORT_THRESHOLD,
    claim_for,
    evidence_text,
    mentioning,
    passages_about,
    verify_pairs,
)
from kgqa.errors import InputError
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Answer, Evidence, Node, Passage, Result, Triple
from kgqa.stages import Classifying, Linking, Retrieving
from kgqa.understanding.registry import INTENTS
from kgqa.understanding.router import Linked, linked

MAX_OPTIONS = 50
Statements = Callable[[Node, str, Node], list[Triple]]


def _option_nodes(kg: KnowledgeGraph, linker: Linking,
                  options: Sequence[str]) -> list[Node | None]:  # fmt: skip
    """Each option's node: its first linked mention, else the graph's best name match."""
    out: list[Node | None] = []
    for opt, mentions in zip(options, linker.link_many(list(options)), strict=True):
        found = linked(mentions)
        node = found[0][1] if found else None
        if node is None:
            hits = kg.find(opt.strip(), limit=1)
            node = hits[0].node if hits else None
        out.append(node)
    return out


def answer_options(
    text: str,
    intent: str,
    found: Linked,
    options: Sequence[str],
    base: dict[str, Any],
    *,
    kg: KnowledgeGraph,
    linker: Linking,
    verifier: Classifying,
    retriever: Retrieving | None,
    statements: Statements,
) -> Result:
    """The options ranked for the question ``text`` read as ``intent`` about ``found``."""
    if len(options) > MAX_OPTIONS:
        raise InputError(f"at most {MAX_OPTIONS} options")
    if any(not isinstance(opt, str) or not opt.strip() for opt in options):
        raise InputError("options must be non-empty text")
    option_nodes = _option_nodes(kg, linker, options)
    option_iris = {n.iri for n in option_nodes if n is not None}
    topic = next((n for _, n in found if n.iri not in option_iris), None)
    spec = INTENTS.get(intent)
    relation = spec.relation if spec is not None else None
    # without a relation to test, the verifier compares the question with each option
    topic_passages: list[Passage] = []
    graph: dict[str, list[Triple]] = {}
    if topic is not None and relation is not None:
        topic_passages = passages_about(retriever, text, [topic])
        graph = one_hop(kg, topic, intent)
    claims, evidence, metas = [], [], []
    for opt, node in zip(options, option_nodes, strict=True):
        if node is None:
            metas.append(None)
            continue
        triples = graph.get(node.iri, [])
        if spec is not None and topic is not None and relation is not None:
            claim = claim_for(intent, topic, node)
            s_, o_ = (node, topic) if spec.reversed else (topic, node)
            # statements that contradict the option ("not indicated for") are evidence too
            triples = triples + [t for t in statements(s_, relation, o_) if t not in triples]
        else:
            claim = f"{text} {opt}"
        ps = mentioning(topic_passages, node) or (
            passages_about(retriever, text, [node], k=3) if not triples else []
        )
        claims.append(claim)
        evidence.append(evidence_text(triples, ps))
        metas.append((node, triples, ps))
    probs = verify_pairs(verifier, claims, evidence)
    answers, j = [], 0
    for meta in metas:
        if meta is None:
            continue
        node, triples, ps = meta
        p = float(probs[j][0])
        j += 1
        verdict = "supported" if p >= SUPPORT_THRESHOLD else "unknown"
        answers.append(Answer(node, round(p, 4), Evidence(tuple(triples), tuple(ps[:3])),
                              verdict=verdict))  # fmt: skip
    ranked = sorted(answers, key=lambda a: -a.score)
    best = tuple(ranked[:1]) if ranked and ranked[0].score >= SUPPORT_THRESHOLD else ()
    unlinked = [o for o, n in zip(options, option_nodes, strict=True) if n is None]
    reason = "" if best else "no option is supported by its evidence"
    if unlinked:
        reason = (reason + "; " if reason else "") + "not in the graph: " + ", ".join(unlinked)
    return Result(**base, answers=best, no_answer=not best, reason=reason, options=tuple(answers),
                  topic=topic, passages=tuple(topic_passages[:5]))  # fmt: skip
