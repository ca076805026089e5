"""The learned reading of long messages: its fit, its artifact, and the committed model."""

from __future__ import annotations

import numpy as np
import pytest

from kgqa.errors import ArtifactError
from kgqa.understanding.message_intent import (
    MessageIntentModel,
    fit_softmax,
    message_features,
    softmax,
)


def _blobs(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = np.array([[3.0, 0.0], [0.0, 3.0], [-3.0, -3.0]])
    y = np.repeat(np.arange(3), 40)
    x = centres[y] + rng.normal(scale=0.7, size=(len(y), 2))
    return np.hstack([x, np.ones((len(y), 1))]), y


def test_the_fit_separates_classes_and_is_the_same_every_time():
    x, y = _blobs()
    w = fit_softmax(x, y, 3)
    assert (softmax(x @ w).argmax(axis=1) == y).mean() > 0.95
    assert np.array_equal(w, fit_softmax(x, y, 3))
    # a stronger penalty shrinks the weights, never the constant column's
    strong = fit_softmax(x, y, 3, l2=100.0)
    assert np.abs(strong[:-1]).sum() < np.abs(w[:-1]).sum()


def test_features_put_the_rules_intent_one_hot_after_the_embedding():
    x = message_features(np.array([[0.5, -0.5], [1.0, 0.0]]), ["other", "unknown"],
                         ("claim", "other"))  # fmt: skip
    assert x.tolist() == [[0.5, -0.5, 0.0, 1.0, 1.0], [1.0, 0.0, 0.0, 0.0, 1.0]]


def test_the_model_round_trips_and_refuses_features_it_was_not_fitted_on(tmp_path):
    x, y = _blobs()
    w = np.vstack([fit_softmax(x, y, 3)[:2], np.zeros((1, 3)), fit_softmax(x, y, 3)[2:]])
    model = MessageIntentModel(w, ("a", "b", "c"), ("other",))
    model.save(tmp_path, {"meqsum": "x"}, {"note": "test"})
    back = MessageIntentModel.load(tmp_path)
    emb, rules = x[:5, :2], ["other"] * 5
    assert np.allclose(back.predict_proba(emb, rules), model.predict_proba(emb, rules))
    with pytest.raises(ArtifactError, match="features"):
        back.predict_proba(np.ones((1, 3)), ["other"])
    (tmp_path / "model.safetensors").write_bytes(b"damaged")
    with pytest.raises(ArtifactError):
        MessageIntentModel.load(tmp_path)


@pytest.mark.slow
def test_the_committed_model_reads_a_plea_about_a_disorder_as_asking_what_treats_it():
    from kgqa.understanding.message_intent import message_intent_model

    model = message_intent_model()
    assert model is not None and {"other", "drugs_for_disease"} <= set(model.classes)
    plea = ("SUBJECT: stiff neck\nMESSAGE: I have had a stiff neck for two months and it will "
            "not go away. I cannot sleep. Please help me.")  # fmt: skip
    question = ("SUBJECT: insurance\nMESSAGE: My mother has diabetes. Which hospitals in Ohio "
                "accept her insurance for a check-up?")  # fmt: skip
    (plea_intent, _), (question_intent, _) = model.read([plea, question], ["other", "other"])
    assert plea_intent == "drugs_for_disease"
    assert question_intent == "other"


def test_the_topic_choice_learns_which_feature_marks_the_topic_and_round_trips(tmp_path):
    from kgqa.artifacts import save_linear
    from kgqa.understanding.message_topic import (
        FEATURES,
        FORMAT_VERSION,
        KIND,
        TopicChooser,
        fit_choice,
    )

    rng = np.random.default_rng(3)
    subject = FEATURES.index("in_subject")
    groups, gold = [], []
    for _ in range(60):
        x = rng.normal(size=(3, len(FEATURES)))
        x[:, subject] = 0.0
        g = int(rng.integers(3))
        x[g, subject] = 1.0  # the topic is the one named in the subject line
        groups.append(x)
        gold.append(g)
    w = fit_choice(groups, gold)
    assert w[subject] > 1.0 and np.array_equal(w, fit_choice(groups, gold))
    save_linear(tmp_path, w, KIND, FORMAT_VERSION, FEATURES, {}, {})
    chooser = TopicChooser.load(tmp_path)
    assert all(chooser.choose(x.tolist()) == g for x, g in zip(groups, gold, strict=True))
    with pytest.raises(ArtifactError):
        save_linear(tmp_path, w[:-1], KIND, FORMAT_VERSION, FEATURES[:-1], {}, {})
        TopicChooser.load(tmp_path)
