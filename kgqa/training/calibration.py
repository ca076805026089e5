"""``kgqa train calibration``: the answer calibrator (:mod:`kgqa.answering.calibration`).

``ask`` runs uncalibrated over the QA dev sets (``python scripts/make_dev_sets.py``: GARD
symptom and GHR gene questions of the held-out MedQuAD documents; and the committed causes of
30 common findings, ``graph_data/causes_dev.jsonl``); every answer it gives is a
row (its raw probability, rank, from text, via a super- or subtype, on a few abstracts only)
labelled by whether it is
a gold answer. Questions are split in halves by a hash of their id: the logistic model is
fitted on one and its ECE and reliability table are measured on the other (recorded in the
manifest). Gold lists are partial (GARD names some of a disease's phenotypes), so the
calibrated figure is the probability of being a *listed* answer: a conservative one.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

from kgqa.answering.calibration import (
    FEATURES,
    FINDING_ASKED,
    FORMAT_VERSION,
    KIND,
    answer_features,
)
from kgqa.answering.engine import MAX_K, QAEngine, answer_probability
from kgqa.answering.ranking import literature_only
from kgqa.answering.reader import FROM_TEXT
from kgqa.artifacts import Manifest, save_linear, sha256_file
from kgqa.config import graph_data_dir
from kgqa.evaluation.metrics import calibration
from kgqa.evaluation.qa import gold_nodes, read_qa

logger = logging.getLogger(__name__)

DEV_SETS = ("gard_symptoms.jsonl", "ghr_genes.jsonl")
# ... and the committed causes of common findings (graph_data/), whose answers are the diseases
# that show a finding: no MedQuAD document lists those
CAUSES_SET = "causes_dev.jsonl"
ASKED_K = 10  # the answers scored per question (``ask``'s default k)
L2 = 0.01


def _half(qid: str) -> int:
    return int(hashlib.sha256(qid.encode()).hexdigest(), 16) % 2


def answer_rows(
    qa: QAEngine, devsets: Path
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(features, raw probability, correct, half) for every answer ``ask`` gives on the dev
    sets, uncalibrated."""
    qa.calibrated = False
    feats, raws, readings, ok, half = [], [], [], [], []
    try:
        for path in dev_set_paths(devsets):
            name = path.name
            items = read_qa(path)
            for item in tqdm(items, desc=f"asking {name}", unit="q"):
                r = qa.ask(item.question, k=MAX_K)  # all supported answers, to count them
                gold = set().union(*gold_nodes(qa.kg, item.answers)) if item.answers else set()
                for rank, a in enumerate(r.answers[:ASKED_K], 1):
                    support = a.support or 0.0
                    from_text = a.verdict == FROM_TEXT
                    few = literature_only(a)
                    finding = r.reading is not None and r.reading.intent == FINDING_ASKED
                    feats.append(answer_features(support, rank, len(r.answers), from_text,
                                                 a.via is not None, few, finding))  # fmt: skip
                    raws.append(answer_probability(support, r.reading))  # type: ignore[arg-type]
                    readings.append(answer_probability(1.0, r.reading))  # type: ignore[arg-type]
                    ok.append(a.node.iri in gold)
                    half.append(_half(f"{name}:{item.id}"))
    finally:
        qa.calibrated = True
    return (np.asarray(feats), np.asarray(raws), np.asarray(readings), np.asarray(ok),
            np.asarray(half))  # fmt: skip


def dev_set_paths(devsets: Path) -> list[Path]:
    """The dev sets the calibrator is fitted and checked on: the built MedQuAD ones in
    ``devsets``, then the committed causes set."""
    return [*(devsets / name for name in DEV_SETS), graph_data_dir() / CAUSES_SET]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    import torch

    xt, yt = torch.tensor(x, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)
    w = torch.zeros(x.shape[1], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w], max_iter=500, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(xt @ w, yt)
        loss = loss + l2 * (w[:-1] ** 2).sum()  # the bias is not shrunk
        loss.backward()
        return loss

    opt.step(closure)
    return w.detach().numpy()


def train_calibration(qa: QAEngine, devsets: Path, out: Path, seed: int = 13) -> Manifest:
    t0 = time.perf_counter()
    x, raw, reading, ok, half = answer_rows(qa, devsets)
    fit, held = half == 0, half == 1
    w = fit_logistic(x[fit], ok[fit].astype(float))
    if w[0] < 0:  # more support must never mean less probability: refit without it
        x[:, 0] = 0.0
        w = fit_logistic(x[fit], ok[fit].astype(float))
    lit = FEATURES.index("literature_only")
    if w[lit] > 0:  # nor a few abstracts alone more than a curated statement: refit without
        x[:, lit] = 0.0
        w = fit_logistic(x[fit], ok[fit].astype(float))
    p_held = reading[held] / (1 + np.exp(-(x[held] @ w)))
    ece_raw, table_raw = calibration(raw[held], ok[held])
    ece, table = calibration(p_held, ok[held])
    inputs = {path.name: sha256_file(path) for path in dev_set_paths(devsets)}
    return save_linear(
        out, w, KIND, FORMAT_VERSION, FEATURES, inputs,
        {
            "command": f"kgqa train calibration --seed {seed}",
            "answers": {"fit": int(fit.sum()), "held_out": int(held.sum())},
            "held_out_gold_rate": round(float(ok[held].mean()), 4) if held.any() else 0.0,
            "held_out_ece_raw": ece_raw,
            "held_out_ece": ece,
            "held_out_reliability": table,
            "held_out_reliability_raw": table_raw,
            "graph": qa.kg.build_id or "",
            "seconds": round(time.perf_counter() - t0, 1),
        },
    )  # fmt: skip
