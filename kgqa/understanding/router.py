"""Routing a question: which intent to answer, and which linked entity it is about.

The intent classifier proposes; the question's form and its entities dispose. A yes/no
question naming two kinds of thing is a claim to check; a relation asked from its other end
is turned round when the classifier is sure of the relation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kgqa.linking.candidates import NIL_THRESHOLD, close_candidate
from kgqa.records import Mention, Node
from kgqa.understanding.registry import INTENTS

# how sure the classifier must be of the relation (either direction) to turn it round
INVERSE_MIN = 0.9
# a question opening with an auxiliary asks yes or no ("Does metformin cause lactic acidosis?")
_YES_NO = re.compile(
    r"(?:does|do|did|is|are|was|were|can|could|may|might|will|would|should|has|have)\b", re.I
)

Linked = list[tuple[Mention, Node]]


def linked(mentions: Sequence[Mention]) -> Linked:
    """The mentions that reached a node with a score above the NIL threshold."""
    return [(m, m.node) for m in mentions
            if m.node is not None and m.candidates[0].score >= NIL_THRESHOLD]  # fmt: skip


def topic_of(intent: str, found: Linked) -> Node | None:
    """The entity the question is about: the first linked mention whose best candidate of
    the intent's preferred class is close to its top one (so "ovarian cancer" read as a
    phenotype still reaches the disease node), else of any allowed class."""
    spec = INTENTS.get(intent)
    allowed = spec.topic_classes if spec is not None else None
    if allowed is None:
        return found[0][1] if found else None
    for cls in allowed:
        for m, _ in found:
            node = close_candidate(m, lambda n, cls=cls: n.cls == cls)
            if node is not None:
                return node
    return None


def route(
    text: str, probs: dict[str, float], found: Linked, options: Sequence[str] | None = None
) -> tuple[str, float]:
    """The intent to answer (with the classifier's probability of it): the classifier's
    best, unless the question's form and entities say otherwise. A yes/no question naming
    two things of different kinds is a claim to check, not a list to give ("Does gout cause
    joint pain?", "Can aspirin cause Reye syndrome?"); a question whose entity can only start
    the relation from its other end is asked that way ("What does allopurinol treat?"), when
    the classifier is sure of the relation (either direction). A multiple-choice question
    keeps its intent: the options are the answers."""
    intent = max(probs, key=probs.__getitem__)
    kinds = [n.cls for n in {n.iri: n for _, n in found}.values()]
    findings = intent == "diagnosis" and kinds.count("Phenotype") >= 2  # "Could a, b be D?"
    spec = INTENTS.get(intent)
    if (
        intent != "claim"
        and not options
        and not findings
        and _YES_NO.match(text)
        and len(set(kinds)) >= 2
    ):
        intent = "claim"
    elif spec is not None and spec.inverse and topic_of(intent, found) is None:
        other = spec.inverse
        sure = probs.get(intent, 0.0) + probs.get(other, 0.0) >= INVERSE_MIN
        if sure and topic_of(other, found) is not None:
            intent = other
    return intent, probs.get(intent, 0.0)
