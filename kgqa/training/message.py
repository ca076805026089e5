"""``kgqa train message``: the second, learned reading of long messages
(:mod:`kgqa.understanding.message_intent`).

Each MeQSum message of the training half (:func:`kgqa.datasets.consumer.meqsum_split`; the
hand-labelled ones and 300 more are held out) is read by the rules alone (the learned reading
off); its expert summary, one short question, is read as any question is. The model learns to
map the message's sentence embedding and the rules' intent to the summary's intent. Intents
the summaries ask fewer than ``MIN_EXAMPLES`` times are left out (the model cannot learn them
and never answers them; the rules still do). The fit is deterministic (L-BFGS from zeros); the
held-out half's figures (rules alone, and with the model) go in the manifest.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from pathlib import Path

import numpy as np

from kgqa.answering.engine import QAEngine
from kgqa.artifacts import Manifest, sha256_file
from kgqa.datasets.consumer import ConsumerQuestion, meqsum_split
from kgqa.understanding.message_intent import (
    L2,
    MessageIntentModel,
    embed_messages,
    fit_softmax,
    message_features,
)

logger = logging.getLogger(__name__)

MIN_EXAMPLES = 5


def _readings(qa: QAEngine, items: list[ConsumerQuestion]) -> tuple[list[str], list[str]]:
    """(the rules' intent of each message, its summary's intent); "none" for an empty one."""
    qa.learned_messages = False
    try:
        messages = qa.read_many([q.text for q in items])
        summaries = qa.read_many([q.summary for q in items])
    finally:
        qa.learned_messages = True
    name = lambda r: r.intent if r is not None else "none"  # noqa: E731
    return [name(r) for r in messages], [name(r) for r in summaries]


def train_message_intent(qa: QAEngine, items: list[ConsumerQuestion], labelled: set[str],
                         source: Path, labels_file: Path, out: Path) -> Manifest:  # fmt: skip
    """Fit the message intent model on the training half of ``items`` and write it to ``out``."""
    started = time.time()
    train, held = meqsum_split(items, labelled)
    logger.info("reading %d training and %d held-out messages by the rules", len(train), len(held))
    rules_tr, want_tr = _readings(qa, train)
    counts = Counter(want_tr)
    classes = tuple(sorted(c for c, n in counts.items() if n >= MIN_EXAMPLES and c != "none"))
    rule_intents = tuple(sorted(set(rules_tr) - {"none"}))
    keep = [i for i, w in enumerate(want_tr) if w in classes]
    x = message_features(embed_messages([train[i].text for i in keep]),
                         [rules_tr[i] for i in keep], rule_intents)  # fmt: skip
    y = np.array([classes.index(want_tr[i]) for i in keep])
    model = MessageIntentModel(fit_softmax(x, y, len(classes)), classes, rule_intents)

    rules_ho, want_ho = _readings(qa, held)
    said = [c for c, _ in model.read([q.text for q in held], rules_ho)]

    def agree(got: list[str]) -> float:
        return round(float(np.mean([g == w for g, w in zip(got, want_ho, strict=True)])), 4)

    info = {
        "train_command": "kgqa train message",
        "l2": L2,
        "min_examples": MIN_EXAMPLES,
        "training_messages": len(keep),
        "training_intents": dict(counts.most_common()),
        "held_out_messages": len(held),
        "held_out_intent_agreement": {"rules": agree(rules_ho), "model": agree(said)},
        "seconds": round(time.time() - started, 1),
    }
    inputs = {"meqsum": sha256_file(source), "labels": sha256_file(labels_file)}
    return model.save(out, inputs, info)
