"""``kgqa train message``: the learned reading of long messages, their intent
(:mod:`kgqa.understanding.message_intent`) and their topic
(:mod:`kgqa.understanding.message_topic`).

Each MeQSum message of the training half (:func:`kgqa.datasets.consumer.meqsum_split`; the
hand-labelled ones and 300 more are held out) is read by the rules alone (the learned reading
off); its expert summary, one short question, is read as any question is. The model learns to
map the message's sentence embedding and the rules' intent to the summary's intent. Intents
the summaries ask fewer than ``MIN_EXAMPLES`` times are left out (the model cannot learn them
and never answers them; the rules still do). The topic chooser is then fitted on the training
messages read with that model whose linked nodes of the intent's class hold the summary's
topic among two or more. Both fits are deterministic (L-BFGS from zeros); the held-out half's
figures (the rules alone, and learned) go in the manifests.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from kgqa.answering.engine import QAEngine
from kgqa.artifacts import Manifest, save_linear, sha256_file
from kgqa.datasets.consumer import ConsumerQuestion, meqsum_split
from kgqa.errors import DataError
from kgqa.records import Reading
from kgqa.understanding.message_intent import (
    L2,
    MessageIntentModel,
    embed_messages,
    fit_softmax,
    message_features,
)
from kgqa.understanding.message_topic import FEATURES, fit_choice
from kgqa.understanding.message_topic import FORMAT_VERSION as TOPIC_FORMAT
from kgqa.understanding.message_topic import KIND as TOPIC_KIND
from kgqa.understanding.message_topic import L2 as TOPIC_L2

logger = logging.getLogger(__name__)

MIN_EXAMPLES = 5


def _intents(readings: list[Reading | None]) -> list[str]:
    """Each reading's intent; "none" for an empty text."""
    return [r.intent if r is not None else "none" for r in readings]


def _topic_groups(
    qa: QAEngine, items: list[ConsumerQuestion], summaries: list[Reading | None]
) -> tuple[list[np.ndarray], list[int]]:
    """The topic candidates of each message (read with the intent model, the chooser off)
    that offers a choice holding its summary's topic: their features, and the gold index."""
    groups, gold = [], []
    asked = [(q, s) for q, s in zip(items, summaries, strict=True) if s is not None and s.topic]
    reads = qa._read_many([q.text for q, _ in asked])
    for (_, s), read in zip(asked, reads, strict=True):
        if read is None:
            continue
        reading, _, _, mentions, focus = read
        if focus.whole or reading.topic is None or reading.intent == "claim":
            continue
        rows = qa.topic_candidates(reading.intent, reading.topic, mentions, focus)
        iris = [n.iri for _, n, _ in rows]
        if len(rows) > 1 and s.topic.iri in iris:
            groups.append(np.array([r for _, _, r in rows], dtype=np.float64))
            gold.append(iris.index(s.topic.iri))
    return groups, gold


def train_message_models(qa: QAEngine, items: list[ConsumerQuestion], labelled: set[str],
                         source: Path, labels_file: Path,
                         out: Path) -> tuple[Manifest, Manifest]:  # fmt: skip
    """Fit the message intent model, then the topic chooser, on the training half of
    ``items``; write them to ``out/message`` and ``out/message_topic``."""
    started = time.time()
    train, held = meqsum_split(items, labelled)
    inputs = {"meqsum": sha256_file(source), "labels": sha256_file(labels_file)}
    messages, topics = qa.messages, qa.topics
    # nothing learned before reads the training data (a long summary too is read by the rules)
    qa.messages, qa.topics = None, None
    try:
        logger.info("reading %d training and %d held-out messages by the rules", len(train),
                    len(held))  # fmt: skip
        sum_tr = qa.read_many([q.summary for q in train])
        sum_ho = qa.read_many([q.summary for q in held])
        rules_tr = _intents(qa.read_many([q.text for q in train]))
        want_tr = _intents(sum_tr)
        counts = Counter(want_tr)
        classes = tuple(sorted(c for c, n in counts.items() if n >= MIN_EXAMPLES and c != "none"))
        rule_intents = tuple(sorted(set(rules_tr) - {"none"}))
        keep = [i for i, w in enumerate(want_tr) if w in classes]
        x = message_features(embed_messages([train[i].text for i in keep]),
                             [rules_tr[i] for i in keep], rule_intents)  # fmt: skip
        y = np.array([classes.index(want_tr[i]) for i in keep])
        model = MessageIntentModel(fit_softmax(x, y, len(classes)), classes, rule_intents)

        rules_ho = _intents(qa.read_many([q.text for q in held]))
        want_ho = _intents(sum_ho)
        said = [c for c, _ in model.read([q.text for q in held], rules_ho)]

        def agree(got: list[str]) -> float:
            return round(float(np.mean([g == w for g, w in zip(got, want_ho, strict=True)])), 4)

        intent_manifest = model.save(out / "message", inputs, {
            "train_command": "kgqa train message", "l2": L2, "min_examples": MIN_EXAMPLES,
            "training_messages": len(keep), "training_intents": dict(counts.most_common()),
            "held_out_messages": len(held),
            "held_out_intent_agreement": {"rules": agree(rules_ho), "model": agree(said)},
        })  # fmt: skip

        # the topic chooser, on messages read with the intent model
        qa.messages = model
        groups, gold = _topic_groups(qa, train, sum_tr)
        if not groups:
            raise DataError(
                "no training message names two candidate topics or more with its "
                "summary's among them: nothing to fit the topic chooser on"
            )
        w = fit_choice(groups, gold)
        ho_groups, ho_gold = _topic_groups(qa, held, sum_ho)
        rules_pick = FEATURES.index("rules_pick")

        def right(pick: Callable[[np.ndarray], int]) -> float:
            hits = [pick(x) == g for x, g in zip(ho_groups, ho_gold, strict=True)]
            return round(float(np.mean(hits)), 4) if hits else 0.0

        topic_manifest = save_linear(out / "message_topic", w, TOPIC_KIND, TOPIC_FORMAT,
                                     FEATURES, inputs, {
            "train_command": "kgqa train message", "l2": TOPIC_L2,
            "training_choices": len(groups), "held_out_choices": len(ho_groups),
            "held_out_right_topic": {"rules": right(lambda x: int(np.argmax(x[:, rules_pick]))),
                                     "chooser": right(lambda x: int(np.argmax(x @ w)))},
            "seconds": round(time.time() - started, 1),
        })  # fmt: skip
    finally:
        qa.messages, qa.topics = messages, topics
    return intent_manifest, topic_manifest
