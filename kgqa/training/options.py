"""``kgqa train options``: the multiple-choice option model (a conditional logit).

Items are made from the graph: a true edge of an intent's relation (a gene of a disease, a
drug of a disease ...) is the answer, and three nodes that answer the same relation for
other topics are the distractors (drawn per edge, like the answers, so that how often a node
answers anything tells nothing by itself). In half of the items the graph is read as if it
lacked the true edge (the option's direct edge and its own annotations are hidden): the model learns
what the hierarchy, GWAS variants, shared neighbours and passages are worth when the graph is
silent: the case a benchmark question about a missing or mislinked fact presents. Topics are
split 70/30 (seeded) into fitting and held-out items; the held-out figures go in the manifest.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from kgqa.answering.options import read_options
from kgqa.answering.relatedness import FEATURES, FORMAT_VERSION, KIND
from kgqa.artifacts import Manifest, save_linear
from kgqa.evaluation.metrics import expected_calibration_error
from kgqa.graph.store import KnowledgeGraph
from kgqa.records import Node, Triple
from kgqa.stages import Classifying, Retrieving
from kgqa.understanding.registry import INTENTS

logger = logging.getLogger(__name__)

TRAIN_INTENTS = (
    "genes_of_disease", "diseases_of_gene", "drugs_for_disease", "diseases_for_drug",
    "phenotypes_of_disease",
)  # fmt: skip
N_DISTRACTORS = 3
MAX_DRAWS = 200  # draws for one item's distractors before the topic is passed over
L2 = 0.01


@dataclass(frozen=True)
class OptionItem:
    intent: str
    question: str
    topic: Node
    options: tuple[Node, ...]  # the answer first
    hidden: bool  # the answer's direct edge is hidden


def _question(intent: str, topic: Node) -> str:
    form = INTENTS[intent].forms[0]
    for slot in ("{d}", "{c}", "{g}", "{p}"):
        form = form.replace(slot, topic.label)
    return form


def option_items(kg: KnowledgeGraph, per_intent: int, seed: int) -> list[OptionItem]:
    """``per_intent`` items per intent of :data:`TRAIN_INTENTS` (one per topic)."""
    rng = random.Random(seed)
    items = []
    for intent in TRAIN_INTENTS:
        spec = INTENTS[intent]
        topics: dict[str, set[str]] = {}
        for hop in spec.hops[:1]:
            for s, o, _ in kg.edges(hop.relation):
                topic, answer = (s, o) if hop.direction == "out" else (o, s)
                topics.setdefault(topic, set()).add(answer)
        # distractors are drawn as answers are, one per edge: a node that answers many topics
        # is as likely a distractor as an answer, so its degree alone gives nothing away
        pool = [a for t in sorted(topics) for a in sorted(topics[t])]
        order = sorted(topics)
        rng.shuffle(order)
        made = 0
        for t_iri in order:
            topic = kg.node(t_iri)
            if topic is None or (spec.topic_classes and topic.cls not in spec.topic_classes):
                continue
            answers = sorted(topics[t_iri])
            answer = kg.node(rng.choice(answers))
            if answer is None or answer.cls not in spec.answer_classes:
                continue
            distractors: list[Node] = []
            for _ in range(MAX_DRAWS):  # a small graph may not have three to give
                d = kg.node(rng.choice(pool))
                if (d is not None and d.iri not in topics[t_iri] and d.cls == answer.cls
                        and d not in distractors):  # fmt: skip
                    distractors.append(d)
                if len(distractors) == N_DISTRACTORS:
                    break
            if len(distractors) < N_DISTRACTORS:
                continue
            hidden = rng.random() < 0.5
            items.append(OptionItem(intent, _question(intent, topic), topic,
                                    (answer, *distractors), hidden))  # fmt: skip
            made += 1
            if made == per_intent:
                break
    return items


def item_features(
    items: list[OptionItem],
    kg: KnowledgeGraph,
    verifier: Classifying,
    retriever: Retrieving | None,
    statements: Callable[[Node, str, Node], list[Triple]],
) -> np.ndarray:
    """Features of every item's options: (items, options, features)."""
    rows = []
    for item in tqdm(items, desc="reading options", unit="item"):
        hide = item.options[0].iri if item.hidden else None
        read, _ = read_options(item.question, item.intent, item.topic, list(item.options), kg=kg,
                               verifier=verifier, retriever=retriever, statements=statements,
                               hide=hide)  # fmt: skip
        rows.append([r.features.values for r in read])
    return np.asarray(rows, dtype=np.float64)


def fit_conditional_logit(x: np.ndarray, l2: float = L2, steps: int = 3000) -> np.ndarray:
    """Weights maximising the log-probability of option 0 (the answer) under softmax(x w)."""
    import torch

    xt = torch.tensor(x, dtype=torch.float64)
    w = torch.zeros(x.shape[-1], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w], max_iter=steps, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        opt.zero_grad()
        logp = torch.log_softmax(xt @ w, dim=1)[:, 0]
        loss = -logp.mean() + l2 * (w * w).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return w.detach().numpy()


def evaluate_weights(x: np.ndarray, w: np.ndarray, hidden: np.ndarray) -> dict[str, object]:
    """Accuracy (answer ranked first) overall, with and without the hidden edge, and the ECE
    of the top option's probability."""
    z = x @ w
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    correct = p.argmax(axis=1) == 0
    ece, table = expected_calibration_error(p, np.zeros(len(p), dtype=int), bins=5)

    def share(mask: np.ndarray) -> float | None:
        return round(float(correct[mask].mean()), 4) if mask.any() else None

    return {
        "accuracy": share(np.ones(len(correct), dtype=bool)),
        "accuracy_edge_shown": share(~hidden),
        "accuracy_edge_hidden": share(hidden),
        "chance": round(1.0 / x.shape[1], 4),
        "ece_top": ece,
        "reliability": table,
        "items": len(x),
    }


def train_options(
    kg: KnowledgeGraph,
    verifier: Classifying,
    retriever: Retrieving | None,
    statements: Callable[[Node, str, Node], list[Triple]],
    out: Path,
    seed: int = 13,
    per_intent: int = 160,
) -> Manifest:
    t0 = time.perf_counter()
    items = option_items(kg, per_intent, seed)
    x = item_features(items, kg, verifier, retriever, statements)
    hidden = np.asarray([i.hidden for i in items])
    rng = np.random.default_rng(seed)
    fit = rng.random(len(items)) < 0.7
    w = fit_conditional_logit(x[fit])
    held = evaluate_weights(x[~fit], w, hidden[~fit])
    by_intent = {
        intent: evaluate_weights(x[~fit & m], w, hidden[~fit & m])
        for intent in TRAIN_INTENTS
        if (m := np.asarray([i.intent == intent for i in items]))[~fit].any()
    }
    return save_linear(
        out,
        w,
        KIND,
        FORMAT_VERSION,
        FEATURES,
        {"graph": kg.build_id or ""},
        {
            "command": f"kgqa train options --seed {seed}",
            "seed": seed,
            "per_intent": per_intent,
            "fit_items": int(fit.sum()),
            "held_out": held,
            "held_out_by_intent": by_intent,
            "retriever": retriever is not None,
            "seconds": round(time.perf_counter() - t0, 1),
        },
    )
