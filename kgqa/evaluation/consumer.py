"""Reading real consumer messages: does a long message read as its expert summary does?

For each MeQSum message the intent and the topic node kgqa reads from the whole message are
compared with those it reads from the expert's one-line summary (agreement), with and
without the main-question focus (:mod:`kgqa.understanding.message`). With a labels file
(``id``, ``intent``, ``topics``: graph CURIEs separated by ``|``, any of which is right; an
empty ``topics`` means no graph node fits), the summaries' readings are also scored against
labels written by hand by the guideline in ``docs/labelling.md``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from kgqa.answering.candidates import same_named
from kgqa.answering.engine import QAEngine
from kgqa.datasets.consumer import ConsumerQuestion
from kgqa.graph.build.common import read_tsv
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Reading

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SummaryLabel:
    qid: str
    intent: str
    topics: frozenset[str]  # CURIEs; empty: no graph node fits


def read_labels(path: Path) -> dict[str, SummaryLabel]:
    """Hand labels of summaries (TSV: ``id``, ``intent``, ``topics``; ``#`` comments)."""
    out = {}
    for row in read_tsv(path, ["id", "intent", "topics"], "#"):
        topics = frozenset(t.strip() for t in row["topics"].split("|") if t.strip())
        out[row["id"]] = SummaryLabel(row["id"], row["intent"].strip(), topics)
    return out


def _topic(r: Reading | None) -> str | None:
    return r.topic.curie if r is not None and r.topic is not None else None


def _same_concept(kg: KnowledgeGraph, x: Reading | None, y: Reading | None) -> bool:
    """Whether two readings' topics are one node, or two nodes of exactly one name (DO's *type
    1 diabetes mellitus* and HPO's *Type I diabetes mellitus*, MeSH's *KELOIDS* and HPO's
    *Keloid*): the answering reads both (:func:`same_named`)."""
    if _topic(x) == _topic(y):
        return True
    if x is None or y is None or x.topic is None or y.topic is None:
        return False
    return y.topic.iri in {n.iri for n in same_named(kg, x.topic)}


def _agreement(
    a: Sequence[Reading | None], b: Sequence[Reading | None], kg: KnowledgeGraph | None = None
) -> dict[str, float]:
    n = len(a)
    pairs = list(zip(a, b, strict=True))
    intent = sum(x is not None and y is not None and x.intent == y.intent for x, y in pairs)
    topic = sum(_topic(x) == _topic(y) for x, y in zip(a, b, strict=True))
    both = sum(
        x is not None and y is not None and x.intent == y.intent and _topic(x) == _topic(y)
        for x, y in zip(a, b, strict=True)
    )
    out = {
        "intent": round(intent / n, 4) if n else 0.0,
        "topic": round(topic / n, 4) if n else 0.0,
        "intent_and_topic": round(both / n, 4) if n else 0.0,
    }
    if kg is not None:
        # the same, counting two nodes of one name as one topic
        concept = [_same_concept(kg, x, y) for x, y in pairs]
        both_concept = sum(
            c and x is not None and y is not None and x.intent == y.intent
            for c, (x, y) in zip(concept, pairs, strict=True)
        )
        out["topic_same_name"] = round(sum(concept) / n, 4) if n else 0.0
        out["intent_and_topic_same_name"] = round(both_concept / n, 4) if n else 0.0
    return out


def _labelled(
    items: Sequence[ConsumerQuestion],
    readings: Sequence[Reading | None],
    labels: dict[str, SummaryLabel],
) -> dict[str, object]:
    """How often the readings of the labelled items have the hand label's intent and topic."""
    scored = [(q, r) for q, r in zip(items, readings, strict=True) if q.qid in labels]
    n = len(scored)

    def right_topic(q: ConsumerQuestion, r: Reading | None) -> bool:
        want = labels[q.qid].topics
        got = _topic(r)
        return got in want if want else got is None

    intent_ok = [r is not None and r.intent == labels[q.qid].intent for q, r in scored]
    topic_ok = [right_topic(q, r) for q, r in scored]
    both_ok = sum(i and t for i, t in zip(intent_ok, topic_ok, strict=True))
    return {
        "n": n,
        "intent_accuracy": round(sum(intent_ok) / n, 4) if n else 0.0,
        "topic_accuracy": round(sum(topic_ok) / n, 4) if n else 0.0,
        "intent_and_topic_accuracy": round(both_ok / n, 4) if n else 0.0,
        "missing": sorted(set(labels) - {q.qid for q in items})[:10],
    }


def _rules_alone(qa: QAEngine, texts: list[str]) -> list[Reading | None]:
    """The readings of ``texts`` by the rules alone (no learned second reading of messages)."""
    qa.learned_messages = False
    try:
        return qa.read_many(texts)
    finally:
        qa.learned_messages = True


def evaluate_consumer(
    qa: QAEngine,
    items: Sequence[ConsumerQuestion],
    labels: dict[str, SummaryLabel] | None = None,
    held_out: Collection[str] | None = None,
) -> dict[str, object]:
    """Agreement of messages with their summaries, and (with labels) summary accuracy.
    ``held_out``: the ids the message model was not fitted on (MeQSum's held-out half); their
    agreement is reported apart, with the rules' alone beside it, and so is the rest's."""
    summaries = qa.read_many([q.summary for q in items])
    focused = qa.read_many([q.text for q in items])
    whole = qa.read_many([q.text for q in items], focus=False)
    report: dict[str, object] = {"messages": len(items)}
    if held_out is not None:
        ho = [i for i, q in enumerate(items) if q.qid in held_out]
        tr = [i for i, q in enumerate(items) if q.qid not in held_out]
        rules = _rules_alone(qa, [items[i].text for i in ho])
        pick = lambda rs, idx: [rs[i] for i in idx]  # noqa: E731
        report["held_out_messages"] = len(ho)
        report["agreement_held_out"] = _agreement(pick(focused, ho), pick(summaries, ho), qa.kg)
        report["agreement_held_out_rules_alone"] = _agreement(rules, pick(summaries, ho), qa.kg)
        report["agreement_trained_on"] = _agreement(pick(focused, tr), pick(summaries, tr), qa.kg)
    report |= {
        "agreement_with_summary": _agreement(focused, summaries, qa.kg),
        "agreement_reading_whole_message": _agreement(whole, summaries),
        "summary_intents": dict(Counter(r.intent for r in summaries if r).most_common()),
        "message_intents": dict(Counter(r.intent for r in focused if r).most_common()),
        "disagreements": [
            {"id": q.qid, "summary": (s.intent, _topic(s)), "message": (m.intent, _topic(m))}
            for q, s, m in zip(items, summaries, focused, strict=True)
            if s is not None and m is not None and (s.intent, _topic(s)) != (m.intent, _topic(m))
        ][:25],
    }
    if labels:
        report["labelled_summaries"] = _labelled(items, summaries, labels)
        # the message read against its summary's hand label: what it asks, as a person read it
        # (the summary's own misreadings do not count here, as they do in the agreement)
        report["labelled_messages"] = _labelled(items, focused, labels)
    return report
