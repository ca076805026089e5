import json

import numpy as np
import pytest

from kgqa.classifier import SequenceClassifier
from kgqa.errors import ArtifactError
from kgqa.evaluation.metrics import expected_calibration_error
from kgqa.training.loop import (
    PairExample,
    fit_temperature,
    train_sequence_classifier,
)


def test_temperature_softens_overconfident_logits():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 2, 400)
    # right 70 % of the time but with logits that claim ~100 %
    pred = np.where(rng.random(400) < 0.7, labels, 1 - labels)
    logits = np.zeros((400, 2))
    logits[np.arange(400), pred] = 8.0
    t = fit_temperature(logits, labels)
    assert t > 3.0
    z = logits / t
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert abs(p.max(axis=1).mean() - 0.7) < 0.05


def test_ece_is_zero_when_confidence_matches_accuracy():
    probs = np.array([[0.8, 0.2]] * 10)
    labels = np.array([0] * 8 + [1] * 2)
    ece, table = expected_calibration_error(probs, labels)
    assert ece == 0.0 and table[0]["count"] == 10
    ece_bad, _ = expected_calibration_error(np.array([[0.99, 0.01]] * 10), labels)
    assert ece_bad > 0.15


@pytest.mark.slow
def test_train_save_reload_and_refuse_tampering(tmp_path):
    words = ["fever", "rash", "cough", "gout", "seizure", "anemia"]
    train = [PairExample(f"what drugs treat {w}", None, 0) for w in words] * 4 + [
        PairExample(f"what are the symptoms of {w}", None, 1) for w in words
    ] * 4
    dev = [
        PairExample("which drugs treat asthma", None, 0),
        PairExample("what are the symptoms of asthma", None, 1),
    ]
    out = tmp_path / "clf"
    m = train_sequence_classifier(
        train, dev, ("drugs", "symptoms"), out, "toy", seed=1, epochs=2, batch_size=8, max_tokens=16
    )
    assert (out / "adapter_model.safetensors").stat().st_size < 5_000_000
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["info"]["labels"] == ["drugs", "symptoms"]
    assert manifest["info"]["base_model_sha256"] and manifest["info"]["seed"] == 1
    assert m.info["temperature"] > 0
    clf = SequenceClassifier.load(out, "toy", "train it")
    p = clf.predict_proba(["which drugs treat asthma"])
    assert p.shape == (1, 2) and abs(float(p.sum()) - 1.0) < 1e-5
    with open(out / "adapter_model.safetensors", "r+b") as fh:
        fh.seek(200)
        fh.write(b"\x00\x00\x00\x00")
    with pytest.raises(ArtifactError):
        SequenceClassifier.load(out, "toy", "train it")
    with pytest.raises(ArtifactError, match="train it"):
        SequenceClassifier.load(tmp_path / "absent", "toy", "train it")


def test_lay_questions_keep_their_intent_words_and_fill_every_slot():
    import random

    from kgqa.training.intent import lay_question
    from kgqa.understanding.registry import INTENTS

    names = {"d": ["gout"], "p": ["headache"], "c": ["metformin"], "g": ["FBN1"], "k": ["statins"]}
    rng = random.Random(0)
    made = [lay_question(f, names, rng) for i in INTENTS.values() for f in i.lay for _ in range(5)]
    assert len(made) >= 5 * 100  # every intent with lay forms, five noisy variants each
    assert not any("{" in q for q in made)  # no slot left unfilled
    # the noise varies the text: prefixes, subject lines, typos, case, no question mark
    assert len(set(made)) > 0.8 * len(made)
    assert any(q.startswith("gout. ") for q in made) and any(not q.endswith("?") for q in made)
