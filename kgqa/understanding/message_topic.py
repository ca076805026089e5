"""Which of the things a long message names it asks about, learned from real messages.

The rules take the first fitting mention of the message's question, then of its subject line
(:func:`kgqa.answering.engine._in_focus`). People do not always name what they ask about there:
"SUBJECT: Shingles ... using Lidocain and Lyrica. Even with these the pain ... do detergents
make it worse?" asks about shingles; "I have ADHD ... amphetamines ... psychotic ...
schizophrenia ... Ritalin" about ADHD. :class:`TopicChooser` scores each node of the intent's
topic class the message links (a conditional logit over ``FEATURES``: whether the rules picked
it, how often and where it is named, how broad it is, whether it is a subtype or a supertype of
another node named, its class) and takes the best. It is
fitted by ``kgqa train message`` with the intent model, on MeQSum's training half, to pick the
node the expert summary is read with; used for long messages only.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from kgqa.artifacts import LinearModel
from kgqa.errors import ArtifactError

logger = logging.getLogger(__name__)

KIND = "kgqa-message-topic"
FORMAT_VERSION = 2
L2 = 1.0
FEATURES = (
    "rules_pick", "log_mentions", "in_question", "in_subject", "in_before", "first_named",
    "broad", "narrower", "broader", "negated", "link_score", "disease", "phenotype", "chemical",
    "gene", "drug_class", "substance",
)  # fmt: skip


class TopicChooser(LinearModel):
    """P(candidate is the topic) = softmax over the message's candidates of features · w."""

    KIND, FORMAT_VERSION, FEATURES = KIND, FORMAT_VERSION, FEATURES
    DIRECTORY, TRAIN = "message_topic", "kgqa train message"

    def choose(self, rows: Sequence[Sequence[float]]) -> int:
        """The index of the likeliest candidate (the first of equals)."""
        scores = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
        return int(np.argmax(scores @ self.weights))


def fit_choice(groups: Sequence[np.ndarray], gold: Sequence[int], l2: float = L2) -> np.ndarray:
    """A conditional logit over groups of candidates (rows: ``FEATURES``), the gold one's index
    per group; L-BFGS from zeros (deterministic), penalty 0.5 · l2 · |w|²."""
    from scipy.optimize import minimize

    d = len(FEATURES)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = 0.5 * l2 * float(w @ w), l2 * w
        for x, g in zip(groups, gold, strict=True):
            z = x @ w
            z = z - z.max()
            p = np.exp(z) / np.exp(z).sum()
            value -= float(np.log(p[g]))
            grad = grad + x.T @ p - x[g]
        return value, grad

    res = minimize(loss, np.zeros(d), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    if not res.success:
        logger.warning("message topic fit stopped early: %s", res.message)
    return res.x


@lru_cache(maxsize=1)
def topic_chooser() -> TopicChooser | None:
    """The committed chooser, loaded once; None (the rules alone pick) when it is missing."""
    try:
        return TopicChooser.load()
    except ArtifactError as exc:
        logger.warning("message topics picked by the rules alone: %s", exc)
        return None
