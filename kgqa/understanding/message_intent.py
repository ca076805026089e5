"""What a long message asks, learned from real messages: the second reading of a message.

The rules (:mod:`kgqa.understanding.message`, the router's cue words, the intent classifier
trained on short questions) read a message's main question. They miss what people say without
asking: "I have a fractured nose i need it fixed", "medicines which can remove his remaining
tumors", a history that ends "please help me". On MeQSum the rules read 616 of 1,000 messages as
``other`` where the experts' summaries of 423 ask a relation (treatment above all).

:class:`MessageIntentModel` is a multinomial logistic model over the message's sentence
embedding (the base encoder, mean-pooled, normalised) and the intent the rules read (one-hot):
it predicts the intent the message's summary is read with. It is fitted by ``kgqa train
message`` on the fixed training half of MeQSum (:func:`kgqa.datasets.consumer.meqsum_split`);
the other half, with every hand-labelled message, is held out and is what ``kgqa eval
consumer`` reports. The engine uses it for long messages only (never a question asked alone, a
claim, or a multiple-choice stem); whatever it reads still has to name a topic of its intent's
class, and a claim still both ends, or the reading falls back as the rules' own would.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from kgqa.artifacts import Manifest, damaged, sha256_file
from kgqa.config import models_dir
from kgqa.errors import ArtifactError

logger = logging.getLogger(__name__)

KIND = "kgqa-message-intent"
FORMAT_VERSION = 1
WEIGHTS = "model.safetensors"
REMEDY = "run `kgqa train message`"
L2 = 1.0  # the penalty 0.5 * L2 * |W|^2 against the summed log-loss (scikit-learn's C = 1)


def embed_messages(texts: Sequence[str]) -> np.ndarray:
    """The messages' sentence embeddings (the base encoder, normalised; float32), of the text
    as the engine reads it (cleaned, Chinese folded)."""
    from kgqa.encoder import sentence_encoder
    from kgqa.text import clean_text, fold_chinese

    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    cleaned = [fold_chinese(clean_text(t)) for t in texts]
    vectors = sentence_encoder().encode(cleaned, batch_size=32, normalize_embeddings=True,
                                        convert_to_numpy=True, show_progress_bar=False)  # fmt: skip
    return np.asarray(vectors, dtype=np.float32)


class MessageIntentModel:
    """P(intent | message) = softmax([embedding, one-hot rule intent, 1] · W)."""

    def __init__(self, weights: np.ndarray, classes: Sequence[str],
                 rule_intents: Sequence[str]) -> None:  # fmt: skip
        self.weights = np.asarray(weights, dtype=np.float64)
        self.classes = tuple(classes)
        self.rule_intents = tuple(rule_intents)
        if self.weights.shape[1] != len(self.classes):
            raise ArtifactError(f"message intent weights have {self.weights.shape[1]} columns "
                                f"for {len(self.classes)} intents; {REMEDY}")  # fmt: skip

    def features(self, embeddings: np.ndarray, rules: Sequence[str]) -> np.ndarray:
        x = message_features(embeddings, rules, self.rule_intents)
        if x.shape[1] != self.weights.shape[0]:
            raise ArtifactError(f"message intent model takes {self.weights.shape[0]} features, "
                                f"this kgqa computes {x.shape[1]}; {REMEDY}")  # fmt: skip
        return x

    def predict_proba(self, embeddings: np.ndarray, rules: Sequence[str]) -> np.ndarray:
        return softmax(self.features(embeddings, rules) @ self.weights)

    def read(self, texts: Sequence[str], rules: Sequence[str]) -> list[tuple[str, float]]:
        """The likeliest intent of each message (given the rules' intent) and its probability."""
        if not texts:
            return []
        p = self.predict_proba(embed_messages(texts), rules)
        best = p.argmax(axis=1)
        return [(self.classes[int(i)], float(row[i])) for row, i in zip(p, best, strict=True)]

    # ------------------------------------------------------------------ artifact
    def save(self, out: Path, inputs: dict[str, str], info: dict) -> Manifest:
        from safetensors.numpy import save_file

        from kgqa.version import __version__

        out.mkdir(parents=True, exist_ok=True)
        save_file({"weights": self.weights}, str(out / WEIGHTS))
        manifest = Manifest(
            kind=KIND, format_version=FORMAT_VERSION, kgqa_version=__version__,
            inputs=dict(inputs), files={WEIGHTS: sha256_file(out / WEIGHTS)},
            info={"classes": list(self.classes), "rule_intents": list(self.rule_intents),
                  **info},
        )  # fmt: skip
        manifest.write(out)
        return manifest

    @classmethod
    def load(cls, directory: Path | None = None) -> MessageIntentModel:
        from safetensors.numpy import load_file

        where = directory or models_dir() / "message"
        manifest = Manifest.read(where, remedy=REMEDY)
        manifest.check(where, KIND, FORMAT_VERSION)
        with damaged(where, REMEDY):
            weights = load_file(str(where / WEIGHTS))["weights"]
        return cls(weights, manifest.info["classes"], manifest.info["rule_intents"])


def message_features(embeddings: np.ndarray, rules: Sequence[str],
                     rule_intents: Sequence[str]) -> np.ndarray:  # fmt: skip
    """One row per message: its embedding, the rules' intent one-hot (an intent the model was
    not trained with sets no column), and a constant."""
    hot = np.array([[r == name for name in rule_intents] for r in rules], dtype=float)
    return np.hstack([np.asarray(embeddings, dtype=np.float64).reshape(len(rules), -1),
                      hot.reshape(len(rules), len(rule_intents)),
                      np.ones((len(rules), 1))])  # fmt: skip


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_softmax(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float = L2) -> np.ndarray:
    """Multinomial logistic regression by L-BFGS from zeros (deterministic): the weights
    (features × classes) minimising the summed log-loss plus 0.5 · l2 · |W|² (the constant
    column, last, is not penalised)."""
    from scipy.optimize import minimize

    n, d = x.shape
    onehot = np.zeros((n, n_classes))
    onehot[np.arange(n), y] = 1.0
    mask = np.ones((d, 1))
    mask[-1] = 0.0

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(d, n_classes)
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -(onehot * logp).sum() + 0.5 * l2 * ((w * mask) ** 2).sum()
        grad = x.T @ (np.exp(logp) - onehot) + l2 * w * mask
        return float(value), grad.ravel()

    res = minimize(loss, np.zeros(d * n_classes), jac=True, method="L-BFGS-B",
                   options={"maxiter": 2000})  # fmt: skip
    if not res.success:
        logger.warning("message intent fit stopped early: %s", res.message)
    return res.x.reshape(d, n_classes)


@lru_cache(maxsize=1)
def message_intent_model() -> MessageIntentModel | None:
    """The committed model, loaded once; None (the rules alone read messages) when it is
    missing, with a warning naming the remedy."""
    try:
        return MessageIntentModel.load()
    except ArtifactError as exc:
        logger.warning("long messages read by the rules alone: %s", exc)
        return None
