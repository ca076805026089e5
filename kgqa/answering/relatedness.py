"""How strongly the graph ties an option to a question's topic, beyond a direct edge.

Multiple choice needs a ranking of every option even when none has the asked edge: the
graph may state it of a super- or subtype of the topic (a gene of "Charcot-Marie-Tooth
disease type 2A1" when asked about type 2), through a GWAS variant in the gene, or only
through shared neighbours (phenotypes, drugs, genes). :func:`option_features` measures these
per option; :class:`OptionModel` (a conditional logit, ``kgqa train options``) turns them into
the probability that each option is the answer, given that one of them is.

Example:
    >>> FEATURES[:3]
    ('direct', 'hierarchy', 'variant')
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kgqa.artifacts import LinearModel
from kgqa.graph.store import KnowledgeGraph
from kgqa.graph.vocabulary import SUBCLASS
from kgqa.records import Node
from kgqa.understanding.registry import INTENTS

logger = logging.getLogger(__name__)

KIND = "kgqa-option-model"
FORMAT_VERSION = 1
# the features, in the model's order
FEATURES = (
    "direct",  # the intent's relation joins topic and option
    "hierarchy",  # ... joins the option and a super- or subtype of the topic (2 levels)
    "variant",  # a GWAS variant joins them (the topic's variant lies in the option gene)
    "shared",  # log(1 + neighbours the two share), is-a and variants aside
    "degree",  # log(1 + the option's edges of the relation): how often it answers anything
    "verifier",  # the verifier's P(supported) for the claim with its evidence
    "passages",  # log(1 + the topic's passages that name the option)
    "contradicted",  # a statement of the opposite polarity ("not indicated for")
)
HIERARCHY_DEPTH = 2
MAX_RELATIVES = 300
# degree above which a shared neighbour says little (a hub phenotype, a common gene)
HUB_DEGREE = 2000


@dataclass(frozen=True)
class OptionFeatures:
    """One option's features, with the hierarchy node that gave ``hierarchy`` (for display)."""

    values: tuple[float, ...]
    via: Node | None = None

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.values, strict=True))


def relatives(kg: KnowledgeGraph, topic: Node, depth: int = HIERARCHY_DEPTH) -> dict[str, Node]:
    """The topic's super- and subtypes up to ``depth`` is-a steps (at most ``MAX_RELATIVES``)."""
    out: dict[str, Node] = {}
    for direction in ("out", "in"):
        frontier = [topic]
        for _ in range(depth):
            nxt = []
            for node in frontier:
                for t in kg.neighbours(node, SUBCLASS, direction):
                    other = t.object if direction == "out" else t.subject
                    if other.iri != topic.iri and other.iri not in out:
                        out[other.iri] = other
                        nxt.append(other)
            frontier = nxt[:MAX_RELATIVES]
            if len(out) >= MAX_RELATIVES:
                break
    return out


def _ends(kg: KnowledgeGraph, node: Node, intent: str) -> set[str]:
    """The nodes the intent's own relation (its first hop) joins to ``node`` seen as an answer
    (the other end). A weaker relation the intent also lists ("palliates" for "which drug
    treats") is no direct answer: aspirin palliates gout, allopurinol treats it."""
    spec = INTENTS[intent]
    out: set[str] = set()
    for hop in spec.hops[:1]:
        # the answer sits at the far end of the hop from the topic: read it backwards
        back = "in" if hop.direction == "out" else "out"
        for t in kg.neighbours(node, hop.relation, back):
            other = t.object if back == "out" else t.subject
            out.add(other.iri)
    return out


def _neighbourhood(kg: KnowledgeGraph, node: Node) -> dict[str, str]:
    """IRI → class of every node one edge away (is-a aside)."""
    out: dict[str, str] = {}
    for t in kg.neighbours(node, None, "both"):
        if t.relation == SUBCLASS:
            continue
        other = t.object if t.subject.iri == node.iri else t.subject
        out[other.iri] = other.cls
    return out


class TopicContext:
    """What every option of one question is compared with: the topic's relatives and
    neighbourhood, read once."""

    def __init__(self, kg: KnowledgeGraph, topic: Node, intent: str) -> None:
        self.kg, self.topic, self.intent = kg, topic, intent
        self.relatives = relatives(kg, topic)
        self.neighbourhood = _neighbourhood(kg, topic)

    def features(
        self,
        option: Node,
        verifier: float,
        passages: int,
        contradicted: bool,
        hide_direct: bool = False,
    ) -> OptionFeatures:
        """The option's features; ``hide_direct`` acts as if the graph lacked the direct edge
        (how the model learns what the other evidence is worth)."""
        ends = _ends(self.kg, option, self.intent)
        direct = self.topic.iri in ends and not hide_direct
        via_iri = next((iri for iri in ends if iri in self.relatives), None)
        theirs = _neighbourhood(self.kg, option)
        shared = [
            iri for iri in theirs.keys() & self.neighbourhood.keys()
            if iri not in (self.topic.iri, option.iri)
        ]  # fmt: skip
        variant = any(theirs[iri] == "Variant" for iri in shared)
        if hide_direct:
            # the direct edge's own annotations (a variant's gene) would give it away
            variant = variant and len([i for i in shared if theirs[i] == "Variant"]) > 1
        plain = [iri for iri in shared if theirs[iri] != "Variant"]
        values = (
            float(direct),
            float(via_iri is not None),
            float(variant),
            math.log1p(len(plain)),
            math.log1p(len(ends)),
            float(verifier),
            math.log1p(passages),
            float(contradicted),
        )
        return OptionFeatures(values, self.relatives.get(via_iri) if via_iri else None)


class OptionModel(LinearModel):
    """A conditional logit over :data:`FEATURES`: P(option i is the answer) = softmax(X w)_i."""

    KIND, FORMAT_VERSION, FEATURES = KIND, FORMAT_VERSION, FEATURES
    DIRECTORY, TRAIN = "options", "kgqa train options"

    def logits(self, rows: Sequence[OptionFeatures]) -> np.ndarray:
        x = np.asarray([r.values for r in rows], dtype=np.float64).reshape(-1, len(FEATURES))
        return x @ self.weights

    def probabilities(self, rows: Sequence[OptionFeatures], negated: bool = False) -> np.ndarray:
        """Each option's probability of being the answer (summing to 1 over the options);
        ``negated``: of being the one option the relation does not hold for."""
        return self.joint_probabilities([rows], negated)

    def joint_probabilities(self, row_sets: Sequence[Sequence[OptionFeatures]],
                            negated: bool = False) -> np.ndarray:  # fmt: skip
        """The options' probabilities of answering for every topic, one row set per topic
        (each an option's features against that topic, in the same option order): the logits
        averaged over the topics (a product of experts: an option tied to both of two topics
        outranks one tied to either), normalised over the options."""
        if not row_sets or not row_sets[0]:
            return np.zeros(0)
        z = np.mean([self.logits(rows) for rows in row_sets], axis=0)
        z = -z if negated else z
        z = np.exp(z - z.max())
        return z / z.sum()


__all__ = ["FEATURES", "OptionFeatures", "OptionModel", "TopicContext", "relatives"]
