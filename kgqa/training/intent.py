"""``kgqa train intent``: the question-type classifier (LoRA + head on the base encoder).

Training: MedQuAD questions of the training documents (question type → intent, at most
``PER_INTENT`` per intent) plus templated questions over graph names for the intents MedQuAD
lacks (diseases of a gene or phenotype, kinds of, diagnosis, claims). Model selection and
temperature: the held-out MedQuAD documents plus templates filled with other names.
"""

from __future__ import annotations

import logging
import random
from dataclasses import replace
from pathlib import Path

from kgqa.artifacts import Manifest, sha256_file
from kgqa.datasets.medquad import MEDQUAD_FILE, read_medquad
from kgqa.graph.store import KnowledgeGraph
from kgqa.training.loop import PairExample, train_sequence_classifier
from kgqa.training.ner_data import graph_names
from kgqa.understanding.registry import NAMES as INTENTS
from kgqa.understanding.registry import TEMPLATES, fill, intent_of_qtype

logger = logging.getLogger(__name__)

KIND = "intent-classifier"
PER_INTENT = 1500
PER_TEMPLATE = 60


def intent_examples(
    data_dir: Path, kg: KnowledgeGraph, seed: int
) -> tuple[list[PairExample], list[PairExample], list[PairExample]]:
    """(train, dev, held-out MedQuAD dev questions only)."""
    rng = random.Random(seed)
    by_split: dict[str, dict[str, list[str]]] = {"train": {}, "dev": {}}
    seen = set()
    for item in read_medquad(data_dir):
        q = " ".join(item.question.split())
        if q in seen:
            continue
        seen.add(q)
        by_split[item.split].setdefault(intent_of_qtype(item.qtype), []).append(q)
    index = {name: i for i, name in enumerate(INTENTS)}
    train: list[PairExample] = []
    medquad_dev: list[PairExample] = []
    for intent, qs in sorted(by_split["train"].items()):
        rng.shuffle(qs)
        train += [PairExample(q, None, index[intent]) for q in qs[:PER_INTENT]]
    for intent, qs in sorted(by_split["dev"].items()):
        rng.shuffle(qs)
        medquad_dev += [PairExample(q, None, index[intent]) for q in qs[: PER_INTENT // 4]]
    names = graph_names(kg, rng, per_type=4000)
    classes = sorted({name for _, name, _, cls in kg.english_names()
                      if cls == "DrugClass" and 3 <= len(name) <= 60})  # fmt: skip
    rng.shuffle(classes)
    slots = {"d": names["DISEASE"], "p": names["PHENOTYPE"], "c": names["CHEMICAL"],
             "g": names["GENE"], "k": classes}  # fmt: skip
    half = {k: v[: len(v) // 2] for k, v in slots.items()}
    other_half = {k: v[len(v) // 2 :] for k, v in slots.items()}
    dev = list(medquad_dev)
    for t in TEMPLATES:
        train += [PairExample(fill(t.text, half, rng), None, index[t.intent])
                  for _ in range(PER_TEMPLATE)]  # fmt: skip
        dev += [PairExample(fill(t.text, other_half, rng), None, index[t.intent])
                for _ in range(PER_TEMPLATE // 6)]  # fmt: skip
    rng.shuffle(train)
    return train, dev, medquad_dev


def train_intent(data_dir: Path, kg: KnowledgeGraph, out_dir: Path, seed: int = 13,
                 epochs: int = 3) -> Manifest:  # fmt: skip
    from kgqa.classifier import SequenceClassifier

    train, dev, medquad_dev = intent_examples(data_dir, kg, seed)
    logger.info("intent examples: %d train, %d dev", len(train), len(dev))
    manifest = train_sequence_classifier(
        train, dev, INTENTS, out_dir, KIND, seed, epochs=epochs, max_tokens=64,
        inputs={str(MEDQUAD_FILE): sha256_file(data_dir / MEDQUAD_FILE)},
        info={"command": f"kgqa train intent --seed {seed}"},
    )  # fmt: skip
    # accuracy on the held-out MedQuAD questions alone, recorded in the manifest
    clf = SequenceClassifier.load(out_dir, KIND, "kgqa train intent")
    import numpy as np

    pred = clf.predict_proba([e.a for e in medquad_dev]).argmax(axis=1)
    gold = np.asarray([e.label for e in medquad_dev])
    acc = round(float((pred == gold).mean()), 4)
    manifest = replace(
        manifest,
        info={
            **manifest.info,
            "metrics": {"medquad_heldout_accuracy": acc, "medquad_heldout_questions": len(gold)},
        },
    )
    manifest.write(out_dir)
    return manifest
