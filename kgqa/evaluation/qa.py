"""Batch evaluation of ``ask`` (JSONL questions with gold answers) and ``verify`` (JSONL
claims with true/false labels).

A gold answer given as a name matches an answer when it resolves to the same node (any label
or synonym); given as an id, when the node carries that id.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from kgqa.answering.reader import FROM_TEXT
from kgqa.errors import DataError
from kgqa.graph.store import KnowledgeGraph

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class QAItem:
    id: str
    question: str
    answers: tuple[str, ...]
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimItem:
    id: str
    text: str
    label: bool


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise DataError(f"no file at {path}")
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except ValueError as exc:
                    logger.warning("%s line %d is not JSON (%s); skipped", path, n, exc)


def read_qa(path: Path, field: str = "question") -> list[QAItem]:
    """Questions with gold answers; ``field`` names the question's field (e.g. ``en`` for the
    English counterpart of a Chinese set)."""
    out = []
    for n, raw in _lines(path):
        if not isinstance(raw, dict) or not isinstance(raw.get(field), str):
            logger.warning("%s line %d has no %s; skipped", path, n, field)
            continue
        out.append(QAItem(str(raw.get("id", n)), raw[field],
                          tuple(str(a) for a in raw.get("answers") or ()),
                          tuple(str(o) for o in raw.get("options") or ())))  # fmt: skip
    if not out:
        raise DataError(f"{path} holds no questions")
    return out


def read_claims(path: Path, field: str = "text") -> list[ClaimItem]:
    """True/false claims; ``field`` names the claim's field (``en``: a Chinese set's English)."""
    out = []
    for n, raw in _lines(path):
        if (
            not isinstance(raw, dict)
            or not isinstance(raw.get(field), str)
            or not isinstance(raw.get("label"), bool)
        ):
            logger.warning("%s line %d needs %s and a true/false label; skipped", path, n, field)
            continue
        out.append(ClaimItem(str(raw.get("id", n)), raw[field], raw["label"]))
    if not out:
        raise DataError(f"{path} holds no claims")
    return out


def gold_nodes(kg: KnowledgeGraph, answers: tuple[str, ...]) -> list[set[str]]:
    """For each gold answer, the IRIs it may resolve to (empty when it is not in the graph)."""
    out = []
    for a in answers:
        iris = {n.iri for n in kg.lookup_id(a)} if ":" in a else set()
        if not iris:
            iris = {m.node.iri for m in kg.find(a, limit=10)}
        out.append(iris)
    return out


def _pct(xs: list[float], q: float) -> float:
    return round(float(np.percentile(xs, q)) * 1000, 1) if xs else 0.0


def evaluate_qa(pipeline, items: list[QAItem], k: int = 10,
                out: Path | None = None) -> dict[str, Any]:  # fmt: skip
    hits1 = hits5 = rr = 0.0
    precision, recall, f1 = [], [], []
    no_answer = 0
    latencies = []
    rows = []
    from_text = 0  # questions whose first right answer came from a passage, not the graph
    answer_conf: list[float] = []  # every answer's probability, and whether it is a gold one
    answer_ok: list[int] = []
    for item in items:
        t0 = time.perf_counter()
        result = pipeline.ask(item.question, options=list(item.options) or None, k=k)
        latencies.append(time.perf_counter() - t0)
        golds = gold_nodes(pipeline.kg, item.answers)
        gold_any = set().union(*golds) if golds else set()
        # a multiple-choice question is scored on its ranking of every option (the top one
        # is the answer, supported or not), each option's probability calibrated
        given = result.options if item.options else result.answers
        ranked = [a.node.iri for a in given]
        for a in given:
            answer_conf.append(a.score)
            answer_ok.append(int(a.node.iri in gold_any))
        if result.no_answer:
            no_answer += 1
        first = next((i for i, iri in enumerate(ranked) if iri in gold_any), None)
        from_text += first is not None and given[first].verdict == FROM_TEXT
        hits1 += first == 0
        hits5 += first is not None and first < 5
        rr += 1.0 / (first + 1) if first is not None else 0.0
        found = {i for i, g in enumerate(golds) if g & set(ranked)}
        correct = sum(1 for iri in ranked if iri in gold_any)
        p = correct / len(ranked) if ranked else 0.0
        r = len(found) / len(golds) if golds else 0.0
        precision.append(p)
        recall.append(r)
        f1.append(2 * p * r / (p + r) if p + r else 0.0)
        rows.append({"id": item.id, "question": item.question, "intent": result.intent,
                     "answers": [a.node.curie for a in given],
                     "gold": list(item.answers), "gold_in_graph": sum(1 for g in golds if g),
                     "hit_rank": None if first is None else first + 1,
                     "no_answer": result.no_answer, "reason": result.reason,
                     "seconds": round(latencies[-1], 4)})  # fmt: skip
    n = len(items)
    report = {
        "questions": n,
        "hits_at_1": round(hits1 / n, 4),
        "hits_at_5": round(hits5 / n, 4),
        "mrr": round(rr / n, 4),
        "precision": round(float(np.mean(precision)), 4),
        "recall": round(float(np.mean(recall)), 4),
        "f1": round(float(np.mean(f1)), 4),
        "no_answer_rate": round(no_answer / n, 4),
        "hit_from_text": from_text,
        "latency_ms_p50": _pct(latencies, 50),
        "latency_ms_p95": _pct(latencies, 95),
    }
    if answer_conf:
        from kgqa.evaluation.metrics import calibration

        # the answer's probability against whether it is a gold answer (gold lists are
        # partial: a right answer missing from them counts as wrong)
        c = np.asarray(answer_conf)
        ece, table = calibration(c, np.asarray(answer_ok, dtype=bool))
        report["answers_scored"] = len(c)
        report["answer_ece"] = ece
        report["answer_reliability"] = table
    _write_rows(out, rows)
    return report


def _write_rows(out: Path | None, rows: list[dict[str, Any]]) -> None:
    """One JSON line per evaluated item, when ``out`` is given."""
    if out is not None:
        with open(out, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def evaluate_claims(pipeline, items: list[ClaimItem],
                    out: Path | None = None) -> dict[str, Any]:  # fmt: skip
    from kgqa.evaluation.metrics import expected_calibration_error

    correct = decided = decided_correct = 0
    conf, truth, latencies, rows = [], [], [], []
    for item in items:
        t0 = time.perf_counter()
        v = pipeline.verify(item.text)
        latencies.append(time.perf_counter() - t0)
        says = {"supported": True, "refuted": False}.get(v.verdict)
        ok = (says is True) == item.label if says is not None else (item.label is False)
        correct += ok
        if says is not None:
            decided += 1
            decided_correct += says == item.label
        probs = dict(v.probabilities)
        # P(true) as the verdict states it (a graph statement may overrule the verifier)
        p_true = {True: v.score, False: 1 - v.score}.get(says, probs.get("supported", 0.0))
        conf.append([1 - p_true, p_true])
        truth.append(int(item.label))
        rows.append({"id": item.id, "text": item.text, "label": item.label,
                     "verdict": v.verdict, "score": v.score, "reason": v.reason,
                     "relation": v.relation, "subject": v.subject.curie if v.subject else None,
                     "object": v.object.curie if v.object else None})  # fmt: skip
    n = len(items)
    ece, table = expected_calibration_error(np.asarray(conf), np.asarray(truth))
    report = {
        "claims": n,
        "accuracy": round(correct / n, 4),
        "accuracy_decided": round(decided_correct / decided, 4) if decided else 0.0,
        # the dangerous ones: a false claim supported, a true claim refuted
        "wrong_verdicts": decided - decided_correct,
        "abstention_rate": round(1 - decided / n, 4),
        "ece": ece,
        "reliability": table,
        "latency_ms_p50": _pct(latencies, 50),
        "latency_ms_p95": _pct(latencies, 95),
    }
    _write_rows(out, rows)
    return report
