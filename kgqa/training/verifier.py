"""``kgqa train verifier``: the cross-encoder that reads (claim, evidence) and says
supported / refuted / not enough evidence. Temperature-scaled on the dev split; reliability
and ECE measured on the test split (never used for training or selection)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import numpy as np

from kgqa.artifacts import Manifest, sha256_file
from kgqa.evaluation.metrics import expected_calibration_error
from kgqa.graph.store import KnowledgeGraph
from kgqa.training.loop import PairExample, train_sequence_classifier
from kgqa.training.verifier_data import VERDICTS, verifier_examples

logger = logging.getLogger(__name__)

KIND = "verifier"


def train_verifier(data_dir: Path, kg: KnowledgeGraph, out_dir: Path, seed: int = 13,
                   epochs: int = 2, passages_db: Path | None = None) -> Manifest:  # fmt: skip
    from kgqa.classifier import SequenceClassifier

    examples = verifier_examples(data_dir, kg, seed, passages_db)
    parts: dict[str, list[PairExample]] = {"train": [], "dev": [], "test": []}
    for e in examples:
        parts[e.split].append(PairExample(e.claim, e.evidence, e.label))
    bc5 = data_dir / "corpora" / "bc5cdr"
    inputs = {f"corpora/bc5cdr/{n}.pubtator.txt": sha256_file(bc5 / f"{n}.pubtator.txt")
              for n in ("train", "dev") if (bc5 / f"{n}.pubtator.txt").is_file()}  # fmt: skip
    inputs["graph_build_id"] = str(kg.build_id)
    manifest = train_sequence_classifier(
        parts["train"], parts["dev"], VERDICTS, out_dir, KIND, seed, epochs=epochs,
        max_tokens=128, inputs=inputs,
        info={"command": f"kgqa train verifier --seed {seed}",
              "origins": sorted({e.origin for e in examples})},
    )  # fmt: skip
    clf = SequenceClassifier.load(out_dir, KIND, "kgqa train verifier")
    test = parts["test"]
    probs = clf.predict_proba([e.a for e in test], [e.b or "" for e in test])
    gold = np.asarray([e.label for e in test])
    ece, table = expected_calibration_error(probs, gold)
    raw = clf.logits([e.a for e in test], [e.b or "" for e in test])
    raw = np.exp(raw - raw.max(axis=1, keepdims=True))
    ece_raw, _ = expected_calibration_error(raw / raw.sum(axis=1, keepdims=True), gold)
    manifest = replace(
        manifest,
        info={
            **manifest.info,
            "metrics": {
                "test_examples": len(test),
                "test_accuracy": round(float((probs.argmax(axis=1) == gold).mean()), 4),
                "test_ece": ece,
                "test_ece_before_temperature": ece_raw,
                "reliability": table,
            },
        },
    )
    manifest.write(out_dir)
    return manifest
