"""``kgqa train intent``: the question-type classifier (LoRA + head on the base encoder).

Training: MedQuAD questions of the training documents (question type → intent, at most
``PER_INTENT`` per intent) plus templated questions over graph names for the intents MedQuAD
lacks (diseases of a gene or phenotype, kinds of, diagnosis, claims), plus each intent's lay
forms as people write them in messages (:func:`lay_question`: a pronoun for the topic, "I would
like to know", a clause of history, typos, no capitals or question mark). Model selection and
temperature: the held-out MedQuAD documents plus templates and lay forms filled with other
names.
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
from kgqa.understanding.registry import INTENTS as RECORDS
from kgqa.understanding.registry import NAMES as INTENTS
from kgqa.understanding.registry import TEMPLATES, fill, intent_of_qtype

logger = logging.getLogger(__name__)

KIND = "intent-classifier"
PER_INTENT = 1500
PER_TEMPLATE = 60
PER_LAY_FORM = 50

# the topic of a lay form as a message names it after the first sentence
PRONOUNS = ("it", "this", "this condition", "my condition", "this disease", "her condition",
            "his illness", "that", "this problem", "my son's condition")  # fmt: skip
PREFIXES = ("I would like to know ", "I want to know ", "Can you tell me ", "Please tell me ",
            "Could you please tell me ", "I am wondering ", "I need to know ", "Hi, ",
            "Hello, ", "My question is ", "Do you know ", "Please help, ", "I was wondering ",
            "Can anyone tell me ", "I have a question: ")  # fmt: skip
CONTEXTS = ("my mother has {d} and ", "I was diagnosed with {d} last year, ",
            "my husband has had {p} for months, ", "I have been taking {c} for years, ",
            "our daughter was born with {d}, ", "I am 54 and have {d}, ",
            "my doctor told me I have {d} and ")  # fmt: skip
SUBJECTS = ("{d}", "{d}", "{p}", "question about {d}", "my {d}", "{d} help")


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:  # swap two letters
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    if kind == 1:  # drop one
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]  # double one


def lay_question(form: str, names: dict[str, list[str]], rng: random.Random) -> str:
    """A lay form as it reaches kgqa inside a message: its topic a pronoun or a name, maybe
    behind "I would like to know", a clause of history or a subject line, with a typo, in
    lower case, without its question mark."""
    if "{it}" in form:
        form = form.replace("{it}", rng.choice(PRONOUNS) if rng.random() < 0.5 else "{d}")
    text = fill(form, names, rng)
    roll = rng.random()
    if roll < 0.3:
        text = rng.choice(PREFIXES) + text[0].lower() + text[1:]
    elif roll < 0.5:
        text = fill(rng.choice(CONTEXTS), names, rng) + text[0].lower() + text[1:]
    elif roll < 0.65:  # behind the subject line, as kgqa reads a question that names nothing
        text = fill(rng.choice(SUBJECTS), names, rng) + ". " + text
    if rng.random() < 0.25:
        words = text.split(" ")
        long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if long:
            i = rng.choice(long)
            words[i] = _typo(words[i], rng)
            text = " ".join(words)
    if rng.random() < 0.3:
        text = text.lower()
    if rng.random() < 0.3:
        text = text.rstrip("?").rstrip()
    return text


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
    for intent in RECORDS.values():
        for form in intent.lay:
            train += [PairExample(lay_question(form, half, rng), None, index[intent.name])
                      for _ in range(PER_LAY_FORM)]  # fmt: skip
            dev += [PairExample(lay_question(form, other_half, rng), None, index[intent.name])
                    for _ in range(PER_LAY_FORM // 6)]  # fmt: skip
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
