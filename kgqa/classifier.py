"""Sequence classifiers on the base encoder with a LoRA adapter and a head (question types,
the verifier). Loading checks the manifest (kind, checksums, base encoder, labels); the
adapter is merged into a private copy of the encoder for speed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from kgqa.artifacts import Manifest, guarded
from kgqa.encoder import base_model_checksum, base_model_path, offline, quiet_loading
from kgqa.errors import ArtifactError

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1


class SequenceClassifier:
    def __init__(self, model, tokenizer, manifest: Manifest, labels: tuple[str, ...],
                 max_tokens: int, temperature: float = 1.0) -> None:  # fmt: skip
        self.model = model
        self.tokenizer = tokenizer
        self.manifest = manifest
        self.labels = labels
        self.max_tokens = max_tokens
        self.temperature = temperature

    @classmethod
    @guarded("reinstall kgqa or retrain the model (`kgqa train ...`)")
    def load(cls, directory: Path, kind: str, train_command: str) -> SequenceClassifier:
        manifest = Manifest.read(directory, f"train the {kind} with `{train_command}`")
        manifest.check(directory, kind, FORMAT_VERSION)
        if manifest.info.get("base_model_sha256") != base_model_checksum():
            raise ArtifactError(f"{directory} was trained on another base encoder; retrain")
        labels = tuple(manifest.info.get("labels", ()))
        if not labels:
            raise ArtifactError(f"{directory}: the manifest lists no labels")
        offline()
        from peft import PeftModel
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        with quiet_loading():
            base = AutoModelForSequenceClassification.from_pretrained(
                str(base_model_path()), num_labels=len(labels), local_files_only=True
            )
            model = PeftModel.from_pretrained(base, str(directory)).merge_and_unload().eval()
        tokenizer = AutoTokenizer.from_pretrained(str(base_model_path()), local_files_only=True)
        return cls(model, tokenizer, manifest, labels,
                   int(manifest.info.get("max_tokens", 128)),
                   float(manifest.info.get("temperature", 1.0)))  # fmt: skip

    def logits(self, a: Sequence[str], b: Sequence[str] | None = None,
               batch_size: int = 32) -> np.ndarray:  # fmt: skip
        import torch

        out = []
        order = sorted(range(len(a)), key=lambda i: len(a[i]) + (len(b[i]) if b else 0))
        with torch.inference_mode():
            for i in range(0, len(order), batch_size):
                idx = order[i : i + batch_size]
                first = [a[j] for j in idx]
                second = [b[j] for j in idx] if b is not None else None
                try:
                    enc = self.tokenizer(
                        first, second, truncation="only_second" if b is not None else True,
                        max_length=self.max_tokens, padding=True, return_tensors="pt",
                    )  # fmt: skip
                except Exception:  # the tokenizers library raises a bare Exception
                    # a first text too long to keep whole beside the second (a claim or a
                    # question of hundreds of tokens): both are cut, the longer first
                    enc = self.tokenizer(first, second, truncation="longest_first",
                                         max_length=self.max_tokens, padding=True,
                                         return_tensors="pt")  # fmt: skip
                out.append((idx, self.model(**enc).logits.float().numpy()))
        result = np.zeros((len(a), len(self.labels)), dtype=np.float32)
        for idx, lg in out:
            result[idx] = lg
        return result

    def predict_proba(self, a: Sequence[str], b: Sequence[str] | None = None,
                      batch_size: int = 32) -> np.ndarray:  # fmt: skip
        """Calibrated class probabilities (temperature-scaled softmax), one row per input."""
        if not len(a):
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        z = self.logits(a, b, batch_size) / self.temperature
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)
