"""Retrieval on MedQuAD questions: each question's own answer passages are its gold.

Only questions of the held-out document split (``split_of``) are scored by default; RRF's
constant and the pool size were fixed before looking at them.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time

import numpy as np

from kgqa.datasets.medquad import split_of
from kgqa.retrieval.index import METHODS, PassageRetriever

logger = logging.getLogger(__name__)


def medquad_queries(retriever: PassageRetriever, split: str = "dev") -> list[tuple[str, set[int]]]:
    """(question, gold passage ids) for MedQuAD questions whose answers are in the index."""
    db: sqlite3.Connection = retriever.db
    gold: dict[str, set[int]] = {}
    doc_of: dict[str, str] = {}
    for pid, qid, doc in db.execute(
        "SELECT pid, source_id, doc_id FROM passages WHERE source = 'medquad'"
    ):
        gold.setdefault(qid, set()).add(pid)
        doc_of[qid] = doc
    questions = {}
    from kgqa.config import data_dir
    from kgqa.datasets.medquad import read_medquad

    for item in read_medquad(data_dir()):
        if item.qid in gold and split_of(doc_of[item.qid]) == split:
            questions[item.qid] = item.question
    return [(questions[q], gold[q]) for q in sorted(questions)]


def evaluate_retrieval(
    retriever: PassageRetriever, split: str = "dev", limit: int | None = 2000, seed: int = 13
) -> dict[str, dict[str, float]]:
    """recall@1/5/20 and MRR (over the top 100) per method."""
    queries = medquad_queries(retriever, split)
    if limit and len(queries) > limit:
        queries = random.Random(seed).sample(queries, limit)
    vectors = retriever.embed([q for q, _ in queries]) if queries else np.zeros((0, 384))
    out: dict[str, dict[str, float]] = {}
    for method in METHODS:
        r1 = r5 = r20 = mrr = 0.0
        times = []
        for (q, gold), vec in zip(queries, vectors, strict=True):
            t0 = time.perf_counter()
            ranked = [p.pid for p in retriever.retrieve(q, k=100, method=method, vector=vec)]
            times.append(time.perf_counter() - t0)
            hits = [i for i, pid in enumerate(ranked) if pid in gold]
            r1 += any(h < 1 for h in hits)
            r5 += any(h < 5 for h in hits)
            r20 += any(h < 20 for h in hits)
            mrr += 1.0 / (hits[0] + 1) if hits else 0.0
        n = max(1, len(queries))
        out[method] = {
            "recall_at_1": round(r1 / n, 4),
            "recall_at_5": round(r5 / n, 4),
            "recall_at_20": round(r20 / n, 4),
            "mrr": round(mrr / n, 4),
            "queries": len(queries),
            "search_ms_p50_without_embedding": round(float(np.median(times)) * 1000, 2)
            if times else 0.0,
        }  # fmt: skip
    return out
